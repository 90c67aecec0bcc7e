"""Keywords: one per name (case and Unicode form aside), distinct slugs for names that fold alike."""

import unicodedata

from sqlalchemy import func, select

from app.core.db import write_transaction
from app.keywords.models import Keyword
from app.keywords.services import keywords_for_names
from tests.factories import make_article


def names_to_keywords(names):
    with write_transaction():
        return keywords_for_names(names)


def test_duong_and_duong_with_stroke_are_two_keywords_with_distinct_slugs(db):
    duong, duong_stroke = names_to_keywords(["Dương", "Đường"])
    assert duong.id != duong_stroke.id
    assert {duong.slug, duong_stroke.slug} == {"duong", "duong-2"}


def test_same_name_in_other_case_or_form_is_the_same_keyword(db):
    (first,) = names_to_keywords(["Chuyển đổi số"])
    again = names_to_keywords(
        ["CHUYỂN ĐỔI SỐ", unicodedata.normalize("NFD", "chuyển đổi số"), " chuyển  đổi số "]
    )
    assert [keyword.id for keyword in again] == [first.id]
    assert first.name == "Chuyển đổi số"
    assert db.session.scalar(select(func.count(Keyword.id))) == 1


def test_keywords_keep_the_editors_spelling_and_a_folded_form_for_search(db):
    (keyword,) = names_to_keywords(["Đắk Lắk"])
    assert (keyword.name, keyword.slug, keyword.folded) == ("Đắk Lắk", "dak-lak", "dak lak")


def test_blank_names_are_ignored(db):
    assert names_to_keywords(["", "   "]) == []


def test_keyword_page_uses_the_disambiguated_slug(client, db):
    make_article("Bài về đường phố", keywords=["Đường"])
    make_article("Bài về cây dương", keywords=["Dương"])
    first, second = (
        client.get(url).get_data(as_text=True).split('<aside class="sidebar"')[0]
        for url in ("/tu-khoa/duong", "/tu-khoa/duong-2")
    )
    assert "Bài về đường phố" in first and "Bài về cây dương" not in first
    assert "Bài về cây dương" in second and "Bài về đường phố" not in second
