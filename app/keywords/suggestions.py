"""“Did you mean”: keywords and sections whose names are close to a search that found nothing.

Matching happens in Python on folded names (a few thousand keywords at most, loaded in one
statement), so a typo (`chuyn doi so`) or a missing accent still finds `Chuyển đổi số`.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from sqlalchemy import select

from app.core.text import fold
from app.extensions import db
from app.keywords.models import Keyword
from app.keywords.queries import keywords_by_ids, lookup_text, public_keyword_names
from app.sections.models import Section

CUTOFF = 0.75
MAX_QUERY_WORDS = 12
MIN_CONTAINED = 3
_WORDS = re.compile(r"[^\W_]+")

# How a name relates to the query; among names equally similar to the query, the closer relation first.
EQUAL, CONTAINS, SIMILAR_WORDS, SIMILAR = range(4)


@dataclass
class Suggestions:
    keywords: list[Keyword] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.keywords or self.sections)


def close_to_query(text: str, *, limit: int = 5) -> Suggestions:
    """Up to `limit` keywords (with a public article) and `limit` sections whose names are close to `text`."""
    words = _words(lookup_text(text))[:MAX_QUERY_WORDS]
    if not words:
        return Suggestions()
    matcher = _Matcher(words)
    keyword_ids = matcher.best(public_keyword_names(), limit)
    sections = list(db.session.scalars(select(Section).order_by(Section.position, Section.id)))
    by_id = {section.id: section for section in sections}
    section_ids = matcher.best([(section.id, fold(section.name)) for section in sections], limit)
    return Suggestions(keywords=keywords_by_ids(keyword_ids), sections=[by_id[i] for i in section_ids])


def _words(folded: str) -> list[str]:
    return _WORDS.findall(folded)


def _similar(first: str, second: str) -> float:
    """SequenceMatcher's ratio, or 0 when cheaper bounds (lengths, letters in common) rule out the cutoff."""
    if 2 * min(len(first), len(second)) < CUTOFF * (len(first) + len(second)):
        return 0.0
    matcher = SequenceMatcher(None, first, second)
    return matcher.ratio() if matcher.quick_ratio() >= CUTOFF else 0.0


class _Matcher:
    """Ranks folded names against one query; word comparisons are remembered for this call only."""

    def __init__(self, words: list[str]):
        self.words = words
        self.query = " ".join(words)
        self.word_scores: dict[tuple[str, str], bool] = {}

    def best(self, names: list[tuple[int, str]], limit: int) -> list[int]:
        ranked = []
        for item_id, folded in names:
            name_words = _words(folded)
            if name_words:
                match = self.rank(" ".join(name_words), name_words)
                if match is not None:
                    ranked.append((*match, folded, item_id))
        ranked.sort()
        return [item_id for *_, item_id in ranked[:limit]]

    def rank(self, name: str, name_words: list[str]) -> tuple[float, int] | None:
        """(-similarity, relation) of a name to the query, or None when they are not close.

        Similarity ranks: for `chuyn doi so`, `Chuyển đổi số` (a typo away) beats `Đời` (inside the query).
        """
        if name == self.query:
            return -1.0, EQUAL
        if self._contains(name, self.query) or self._contains(self.query, name):
            relation = CONTAINS
        elif self._words_match(self.words, name_words) or self._words_match(name_words, self.words):
            relation = SIMILAR_WORDS
        else:
            similarity = _similar(self.query, name)
            return (-similarity, SIMILAR) if similarity >= CUTOFF else None
        return -SequenceMatcher(None, self.query, name).ratio(), relation

    @staticmethod
    def _contains(outer: str, inner: str) -> bool:
        """`inner` is inside `outer` on word boundaries (too short a piece would match anything)."""
        return len(inner) >= MIN_CONTAINED and f" {inner} " in f" {outer} "

    def _words_match(self, wanted: list[str], among: list[str]) -> bool:
        """Every word of `wanted` is one of `among`, give or take a typo, and at least half exactly.

        Vietnamese syllables are short and one letter apart from other real words (dung, duong, dong):
        a lone fuzzy word says little, a typo among correctly spelt words is clearly a typo.
        """
        if len(" ".join(wanted)) < MIN_CONTAINED:
            return False
        exact = 0
        for word in wanted:
            if word in among:
                exact += 1
            elif not any(self._word_close(word, other) for other in among):
                return False
        return 2 * exact >= len(wanted)

    def _word_close(self, word: str, other: str) -> bool:
        key = (word, other)
        if key not in self.word_scores:
            self.word_scores[key] = min(len(word), len(other)) > 2 and _similar(word, other) >= CUTOFF
        return self.word_scores[key]
