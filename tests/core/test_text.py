"""Vietnamese text rules: slugs keep every letter, folding removes every mark, keywords stay distinct."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.text import clean_line, fold, keyword_key, nfc, slugify, unique_slug

VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
vietnamese_words = st.lists(
    st.text(alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper(), min_size=1, max_size=8),
    min_size=1,
    max_size=6,
).map(" ".join)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Chuyển đổi số", "chuyen-doi-so"),
        ("Đắk Lắk", "dak-lak"),
        ("ĐƯỜNG PHỐ VĂN MINH", "duong-pho-van-minh"),
        ("Đắk Lắk: Hội nghị tổng kết 2026!", "dak-lak-hoi-nghi-tong-ket-2026"),
        ("  An   toàn  giao thông ", "an-toan-giao-thong"),
        ("Bản tin Pháp luật", "ban-tin-phap-luat"),
    ],
)
def test_slug_maps_d_stroke_to_d_and_keeps_every_letter(text, slug):
    assert slugify(text) == slug


def test_slug_of_decomposed_input_equals_slug_of_composed_input():
    composed = "Phường Đồng Tâm"
    assert slugify(unicodedata.normalize("NFD", composed)) == slugify(composed) == "phuong-dong-tam"


def test_slug_without_letters_uses_the_fallback():
    assert slugify("!!! ???", fallback="bai-viet") == "bai-viet"


def test_long_slugs_are_cut_at_a_word_boundary():
    slug = slugify("Chuyển đổi số " * 20, max_length=40)
    assert len(slug) <= 40
    assert not slug.endswith("-")
    assert slug.startswith("chuyen-doi-so-chuyen")


def test_names_that_fold_alike_get_distinct_slugs():
    taken = {"duong"}
    second = unique_slug(slugify("Dương"), taken.__contains__)
    taken.add(second)
    third = unique_slug(slugify("Đường"), taken.__contains__)
    assert (slugify("Đường"), second, third) == ("duong", "duong-2", "duong-3")


@given(vietnamese_words)
def test_slug_is_the_folded_text_letter_for_letter(text):
    """No Vietnamese letter is ever dropped: the slug is the folded words joined by hyphens."""
    assert slugify(text) == "-".join(fold(text).split())


@given(vietnamese_words)
def test_slug_is_lowercase_ascii_letters_digits_and_single_hyphens(text):
    slug = slugify(text)
    assert slug.isascii()
    assert slug == slug.lower()
    assert "--" not in slug
    assert not slug.startswith("-")
    assert not slug.endswith("-")


@pytest.mark.parametrize(
    "variant", ["chuyen doi so", "chuyển đổi số", "CHUYỂN ĐỔI SỐ", "Chuyển Đổi Số", "chuyển đổi số"]
)
def test_fold_makes_accented_unaccented_and_uppercase_queries_equal(variant):
    assert fold(unicodedata.normalize("NFD", variant)) == fold(variant) == "chuyen doi so"


@given(st.text())
def test_fold_is_idempotent_and_leaves_no_marks_and_no_d_stroke(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert "đ" not in folded
    assert not any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", folded))


@given(vietnamese_words)
def test_fold_ignores_case_and_normal_form(text):
    assert fold(text.upper()) == fold(text.lower()) == fold(unicodedata.normalize("NFD", text))


@given(vietnamese_words)
def test_fold_of_vietnamese_keeps_the_length(text):
    """One character for one: search snippets can map folded positions back to the original."""
    assert len(fold(nfc(text))) == len(nfc(text))


def test_keyword_identity_respects_accents_but_not_case_or_spacing():
    assert keyword_key("Đường") != keyword_key("Dương")
    assert keyword_key("  CHUYỂN   đổi số ") == keyword_key("chuyển đổi số")
    assert keyword_key(unicodedata.normalize("NFD", "Đường")) == keyword_key("đường")


def test_clean_line_normalises_to_nfc_and_collapses_whitespace():
    assert clean_line(unicodedata.normalize("NFD", " Hội\tnghị \n tổng kết ")) == nfc("Hội nghị tổng kết")
