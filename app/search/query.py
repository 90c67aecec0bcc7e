"""What a reader typed, as search terms: words and quoted phrases, folded the Vietnamese way.

Only word characters survive, so no engine ever sees an operator or a syntax character from the
query string: each engine builds its own expression from these terms.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from app.core.text import fold

MAX_QUERY_CHARACTERS = 200
MAX_TERMS = 12
# On the search page the last word also matches as a prefix when it is at least this long
# (`chuyển đổi số` ends in a whole syllable of 2 letters); while typing, from 2 letters.
PREFIX_MIN_LENGTH = 3
TYPING_PREFIX_MIN_LENGTH = 2

_WORD = re.compile(r"[^\W_]+")
_PHRASE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class Term:
    """One word as typed (NFC, lower case) and folded (no accents, đ → d)."""

    exact: str
    folded: str

    @property
    def has_accents(self) -> bool:
        return self.exact != self.folded


@dataclass
class SearchQuery:
    text: str = ""
    words: list[Term] = field(default_factory=list)  # outside quotes, in order
    phrases: list[list[Term]] = field(default_factory=list)
    prefix_last: bool = False  # the last word (outside quotes) also matches as a prefix

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.phrases

    @property
    def terms(self) -> list[Term]:
        return [*self.words, *(term for phrase in self.phrases for term in phrase)]

    @property
    def accented_terms(self) -> list[Term]:
        """Words typed with their marks: articles with exactly these rank above merely folded matches."""
        return [term for term in self.terms if term.has_accents]


def parse_query(raw: str | None, *, prefix_min_length: int = PREFIX_MIN_LENGTH) -> SearchQuery:
    """Words and "quoted phrases" of a query; an unbalanced quote is just a character."""
    text = unicodedata.normalize("NFC", (raw or "").replace("\x00", " "))[:MAX_QUERY_CHARACTERS].strip()
    phrases = [terms_of(match) for match in _PHRASE.findall(text)]
    phrases = [phrase for phrase in phrases if phrase]
    words = terms_of(_PHRASE.sub(" ", text))
    budget = MAX_TERMS
    phrases = [phrase[:budget] for phrase in phrases][:MAX_TERMS]
    budget -= sum(len(phrase) for phrase in phrases)
    words = words[: max(budget, 0)]
    single_words = [phrase[0] for phrase in phrases if len(phrase) == 1]
    phrases = [phrase for phrase in phrases if len(phrase) > 1]
    words = [*words, *single_words]
    prefix_last = (
        bool(words)
        and not text.endswith('"')
        and len(words[-1].folded) >= prefix_min_length
        and not words[-1].folded.isdigit()
    )
    return SearchQuery(text=text, words=words, phrases=phrases, prefix_last=prefix_last)


def terms_of(text: str) -> list[Term]:
    return [Term(exact=word, folded=fold(word)) for word in _WORD.findall(text.casefold()) if fold(word)]
