"""Vietnamese text rules: NFC normalisation, slugs, accent folding and keyword identity."""

import re
import unicodedata
from collections.abc import Callable

from slugify import slugify as _library_slugify

_WHITESPACE = re.compile(r"\s+")
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str | None) -> str | None:
    """Return text in Unicode NFC, the one form we store (Word and macOS often paste NFD)."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", text)


def clean_line(text: str | None) -> str:
    """NFC, with runs of whitespace collapsed to one space and the ends trimmed: for names and titles."""
    return _WHITESPACE.sub(" ", nfc(text or "")).strip()


def fold(text: str) -> str:
    """Lower-case text with every diacritic removed, đ/Đ included, for accent-insensitive search.

    Python's usual ASCII folding (NFKD then drop marks) leaves đ alone because đ is a letter of
    its own, not d plus a mark; we map it explicitly.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_D_STROKE))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare).casefold()


def fold_d_only(text: str) -> str:
    """Map only đ/Đ to d/D, one character for one, for SQLite FTS5 (its tokenizer folds the rest)."""
    return text.translate(_D_STROKE)


def slugify(text: str, *, max_length: int = 0, fallback: str = "") -> str:
    """An ASCII URL slug that keeps every letter: `Chuyển đổi số` → `chuyen-doi-so`, `Đắk Lắk` → `dak-lak`."""
    slug = _library_slugify(
        fold_d_only(nfc(text) or ""),
        max_length=max_length,
        word_boundary=bool(max_length),
        save_order=True,
    )
    return slug or fallback


def unique_slug(base: str, is_taken: Callable[[str], bool]) -> str:
    """The first of `base`, `base-2`, `base-3`, … that is free, so `Đường` and `Dương` keep distinct URLs."""
    candidate, number = base, 1
    while is_taken(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def keyword_key(name: str) -> str:
    """A keyword's identity: its NFC, case-folded, space-collapsed name (accents matter: Đường ≠ Dương)."""
    return clean_line(name).casefold()
