"""Pasting from Microsoft Word: the sanitizer's exact output for a realistic clipboard, kept as a golden file.

word_paste/clipboard.html is what Word puts on the Windows clipboard (CF_HTML) for a short office plan: a
centred heading, justified text with m² and H₂O, a two-item numbered list (Word writes lists as paragraphs
with the number inside `<!--[if !supportLists]-->` comments), a bordered table, a link, a javascript: link
and an onclick. word_paste/expected.html is the cleaned result, checked by eye: if the sanitizer's rules
change on purpose, read the new output and update that file.
"""

from pathlib import Path

import pytest

from app.core.html import sanitize_html

FIXTURES = Path(__file__).parent / "word_paste"
WORD_CLIPBOARD = (FIXTURES / "clipboard.html").read_text(encoding="utf-8")
GOLDEN = (FIXTURES / "expected.html").read_text(encoding="utf-8").removesuffix("\n")


def test_word_paste_is_cleaned_to_exactly_the_golden_output():
    assert sanitize_html(WORD_CLIPBOARD) == GOLDEN


@pytest.mark.parametrize(
    "gone",
    [
        "mso-",
        "Mso",
        "class=",
        "<o:p",
        "<!--",
        "[if",
        "<span",
        "<style",
        "<meta",
        "xmlns",
        "lang=",
        "onclick",
        "javascript:",
        "font-family",
        "width=",
        "border",
        "StartFragment",
    ],
)
def test_nothing_of_words_markup_survives(gone):
    assert gone not in sanitize_html(WORD_CLIPBOARD)


@pytest.mark.parametrize(
    "kept",
    [
        '<h2 style="text-align:center">',
        "<sup>2</sup>",
        "<sub>2</sub>",
        "<table>",
        "<td>",
        "<b>Phường</b>",
        "<i>Phòng",
        'href="https://anphu.example/ke-hoach"',
        "1.&nbsp;",
    ],
)
def test_editorial_structure_survives(kept):
    assert kept in sanitize_html(WORD_CLIPBOARD)


def test_cleaning_twice_changes_nothing():
    once = sanitize_html(WORD_CLIPBOARD)
    assert sanitize_html(once) == once
