"""Adjacent word pairs: how a quoted phrase is found without reading the position lists of its words.

Vietnamese words are syllables and the common ones are in most articles, so checking where
`chính` and `quyền` stand in every article that holds both is the slow part of a phrase search.
Each engine also indexes every pair of adjacent words as one token (`chinh_quyen`), so a phrase is
looked up like a rare word. On SQLite the pairs are written by indexing.py from the text below, in
order, one pair per position (a phrase of n words is then the FTS5 phrase of its n-1 pairs, exact
and still fast); on PostgreSQL a SQL function derives them from the tsvector (see the migration).

FTS5 deletes a row of the (contentless) pair table by the very tokens it indexed, computed again
from the stored text: a change to how words are folded or split here must come with a migration
that rebuilds the table (or a `flask search reindex`).
"""

import re
import unicodedata
from itertools import pairwise

from app.core.text import fold

PAIR_JOINER = "_"  # a token character of the SQLite pairs table, never inside a word

_WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_COMBINING = re.compile("[\u0300-\u036f]+")


def folded_words(text: str) -> list[str]:
    """The words of a text as the query parser folds them (`fold`, then runs of letters and digits).

    Fast for Vietnamese: drop the marks of the decomposed text and, when what is left is ASCII, lower
    it; anything else goes through `fold` itself, so both give the same words.
    """
    bare = _COMBINING.sub("", unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")))
    if bare.isascii():
        return _ASCII_WORD.findall(bare.lower())
    return _WORD.findall(fold(text))


def pair_tokens(words: list[str]) -> list[str]:
    return [first + PAIR_JOINER + second for first, second in pairwise(words)]


def pair_text(text: str) -> str:
    """The pairs of a field, in order, as the SQLite pairs table indexes them."""
    return " ".join(pair_tokens(folded_words(text)))
