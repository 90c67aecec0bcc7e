"""Highlighted titles and snippets that keep the original accents, whatever the engine.

Matching happens on a folded copy of the text that has exactly the same length as the original
(each Vietnamese letter folds to one letter), so a match's position in the copy is its position
in the original, and the marks are put around the words as they were written.
"""

import re
import unicodedata
from functools import cache

from markupsafe import Markup, escape

from app.core.text import fold
from app.search.query import SearchQuery

SNIPPET_WORDS = 30
CONTEXT_WORDS = 4
SCAN_CHARACTERS = 20_000  # a snippet is looked for in the first 20,000 characters of the body
_WORD = re.compile(r"[^\W_]+")
# Latin letters with marks (Latin-1, Extended-A/B, Extended Additional: all of Vietnamese) and A-Z.
_LATIN_RANGES = ((0x41, 0x5A), (0xC0, 0x24F), (0x1E00, 0x1EFF))


@cache
def _fold_table() -> dict[int, str]:
    table = {}
    for start, end in _LATIN_RANGES:
        for code in range(start, end + 1):
            folded = fold(chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    return table


def fold_in_place(text: str) -> str:
    """`fold`, one character for one: the copy's positions are the original's (text must be NFC)."""
    return text.translate(_fold_table())


def term_pattern(query: SearchQuery) -> re.Pattern | None:
    """Whole folded words of the query; the last word as a prefix when the query says so."""
    words = sorted({term.folded for term in query.terms}, key=len, reverse=True)
    if not words:
        return None
    alternatives = [re.escape(word) for word in words]
    if query.prefix_last:
        alternatives.insert(0, re.escape(query.words[-1].folded) + r"[^\W_]*")
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])")


def marked(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> Markup:
    """The text between start and end, escaped, with <mark> around each span."""
    end = len(text) if end is None else end
    parts, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts.append(escape(text[position:span_start]))
        parts.append(Markup("<mark>%s</mark>") % text[span_start:span_end])
        position = span_end
    parts.append(escape(text[position:end]))
    return Markup("").join(parts)


def highlight(text: str, query: SearchQuery) -> Markup:
    """The whole text (a title) with the query's words marked."""
    text = unicodedata.normalize("NFC", text or "")
    pattern = term_pattern(query)
    if pattern is None:
        return escape(text)
    return marked(text, [match.span() for match in pattern.finditer(fold_in_place(text))])


def snippet(text: str, query: SearchQuery, *, words: int = SNIPPET_WORDS) -> Markup:
    """About `words` words of the text around the densest group of matches, marked, with ellipses."""
    text = unicodedata.normalize("NFC", text or "")[:SCAN_CHARACTERS]
    tokens = [match.span() for match in _WORD.finditer(text)]
    if not tokens:
        return Markup("")
    pattern = term_pattern(query)
    matches = [match.span() for match in pattern.finditer(fold_in_place(text))] if pattern else []
    first = best_window(tokens, matches, words)
    last = min(first + words, len(tokens)) - 1
    start, end = tokens[first][0], tokens[last][1]
    if end < len(text) and text[end : end + 1] in ".!?…":
        end += 1
    prefix = "… " if first > 0 else ""
    suffix = " …" if last < len(tokens) - 1 else ""
    return Markup(prefix) + marked(text, matches, start, end) + Markup(suffix)


def best_window(tokens: list[tuple[int, int]], matches: list[tuple[int, int]], size: int) -> int:
    """Index of the first token of the window of `size` tokens holding the most matches (earliest wins)."""
    if not matches:
        return 0
    match_starts = {start for start, _end in matches}
    hit = [1 if start in match_starts else 0 for start, _end in tokens]
    best, best_count, count = 0, -1, 0
    for index, value in enumerate(hit):
        count += value
        if index >= size:
            count -= hit[index - size]
        window_start = max(0, index - size + 1)
        if count > best_count:
            best, best_count = window_start, count
    # Open the window a few words before its first match, for context; from the start of the text
    # when the match is that close to it.
    first_hit = next(index for index in range(best, len(hit)) if hit[index])
    return 0 if first_hit <= CONTEXT_WORDS * 2 else first_hit - CONTEXT_WORDS
