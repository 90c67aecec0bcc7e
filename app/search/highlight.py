"""Highlighted titles and snippets that keep the original accents, whatever the engine.

The query's folded words are matched in the text as written: each letter of a word becomes the
class of every letter that folds to it (`a` matches `a`, `á`, `Ẫ`…, `d` matches `đ`), so there
is no folded copy to make and the marks go around the words as they were written.
"""

import re
import unicodedata
from collections import defaultdict
from functools import cache, lru_cache
from itertools import islice

from markupsafe import Markup, escape

from app.core.text import fold
from app.search.query import SearchQuery

SNIPPET_WORDS = 30
CONTEXT_WORDS = 4
SCAN_CHARACTERS = 5_000  # a snippet is looked for in the first 5,000 characters (lead, then body)
AVERAGE_WORD_CHARACTERS = 6  # a Vietnamese syllable and its space, to find the densest group
_WORD = re.compile(r"[^\W_]+")
# Latin letters with marks (Latin-1, Extended-A/B, Extended Additional: all of Vietnamese), A-Z, a-z.
_LATIN_RANGES = ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF))


@cache
def _letter_classes() -> dict[str, str]:
    """For each folded letter, a regular-expression class of the letters that fold to it."""
    letters = defaultdict(set)
    for start, end in _LATIN_RANGES:
        for code in range(start, end + 1):
            folded = fold(chr(code))
            if len(folded) == 1:
                letters[folded].add(chr(code))
    return {folded: "[" + "".join(sorted(variants)) + "]" for folded, variants in letters.items()}


def word_pattern(folded: str) -> str:
    classes = _letter_classes()
    return "".join(classes.get(letter, re.escape(letter)) for letter in folded)


@lru_cache(maxsize=4096)
def word_regex(folded: str, *, prefix: bool = False) -> re.Pattern:
    """One folded word ending a word (or the beginning of one), however it is accented and cased.
    Compiled once a word (about a millisecond), not once a query: queries share their words. The
    start of the word is checked by term_spans(): a pattern opening on a look-behind is scanned
    three times slower than one opening on the letters."""
    rest = r"[^\W_]*" if prefix else ""
    return re.compile(word_pattern(folded) + rest + r"(?![^\W_])")


def term_spans(text: str, query: SearchQuery) -> list[tuple[int, int]]:
    """Where the query's words are in the text, in order; the last word as a prefix when the query
    says so."""
    words = dict.fromkeys(term.folded for term in query.terms)
    if query.prefix_last:  # the prefix finds the whole word too
        words.pop(query.words[-1].folded)
    regexes = [word_regex(word) for word in words]
    if query.prefix_last:
        regexes.append(word_regex(query.words[-1].folded, prefix=True))
    ends: dict[int, int] = {}
    for regex in regexes:
        for match in regex.finditer(text):
            start = match.start()
            if start == 0 or not text[start - 1].isalnum():  # `[^\W_]` is isalnum()
                ends[start] = max(ends.get(start, 0), match.end())
    return sorted(ends.items())


def marked(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> Markup:
    """The text between start and end, escaped, with <mark> around each span."""
    end = len(text) if end is None else end
    parts, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts += (escape(text[position:span_start]), "<mark>", escape(text[span_start:span_end]), "</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    return Markup("".join(parts))  # every piece of the text escaped above


def highlight(text: str, query: SearchQuery) -> Markup:
    """The whole text (a title) with the query's words marked."""
    text = unicodedata.normalize("NFC", text or "")
    return marked(text, term_spans(text, query))


def snippet(text: str, query: SearchQuery, *, words: int = SNIPPET_WORDS) -> Markup:
    """About `words` words of the text around the densest group of matches, marked, with ellipses.

    Only the words around that group are looked at one by one: the group is found from where the
    matches are, counting about AVERAGE_WORD_CHARACTERS characters a word.
    """
    text = unicodedata.normalize("NFC", text or "")[:SCAN_CHARACTERS]
    matches = term_spans(text, query)
    start = window_start(text, densest(matches, words * AVERAGE_WORD_CHARACTERS))
    tokens = list(islice(_WORD.finditer(text, start), words + 1))
    if not tokens:
        return Markup("")
    last = tokens[min(words, len(tokens)) - 1]
    end = last.end()
    if end < len(text) and text[end : end + 1] in ".!?…":
        end += 1
    prefix = "… " if start > 0 else ""
    suffix = " …" if len(tokens) > words else ""
    return Markup(prefix) + marked(text, matches, start, end) + Markup(suffix)


def densest(matches: list[tuple[int, int]], width: int) -> int | None:
    """Where the stretch of `width` characters holding the most matches begins (earliest wins)."""
    best, best_count, ahead = None, 0, 0
    for index, (start, _end) in enumerate(matches):
        ahead = max(ahead, index)
        while ahead + 1 < len(matches) and matches[ahead + 1][0] < start + width:
            ahead += 1
        if ahead - index + 1 > best_count:
            best, best_count = start, ahead - index + 1
    return best


def window_start(text: str, anchor: int | None) -> int:
    """A few words before the anchor (a match), or the very start when the anchor is that close to it."""
    if not anchor:
        return 0
    lookback = max(0, anchor - CONTEXT_WORDS * 2 * 20)
    before = [match.start() for match in _WORD.finditer(text, lookback, anchor)]
    if lookback == 0 and len(before) <= CONTEXT_WORDS * 2:
        return 0
    if lookback > 0 and before and before[0] == lookback and _WORD.match(text, lookback - 1):
        before = before[1:]  # the lookback began inside a word
    return before[-CONTEXT_WORDS] if len(before) >= CONTEXT_WORDS else (before[0] if before else anchor)
