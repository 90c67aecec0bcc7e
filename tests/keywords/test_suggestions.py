"""“Did you mean”: keywords and sections close to a search that found nothing, typos and accents forgiven."""

import pytest

from app.keywords.suggestions import close_to_query
from tests.factories import make_article, make_section


@pytest.fixture
def site(db):
    traffic = make_section("An toàn giao thông", slug="an-toan-giao-thong")
    economy = make_section("Kinh tế", slug="kinh-te")
    make_article(section=economy, keywords=["Đội", "Chuyển đổi số", "Đường", "Dương", "Giao thông nông thôn"])
    make_article(section=traffic, keywords=["Xây dựng Đảng", "Nông thôn mới"])
    make_article(status="draft", section=economy, keywords=["Chuyển đổi số nội bộ"])
    make_article(status="scheduled", section=economy, keywords=["Chuyển đổi sổ sách"])
    return traffic


def names(suggestions):
    keywords = [keyword.name for keyword in suggestions.keywords]
    return keywords, [section.name for section in suggestions.sections]


def test_the_query_without_accents_finds_the_keyword_first(site):
    keywords, _sections = names(close_to_query("chuyen doi so"))
    assert keywords == ["Chuyển đổi số", "Đội"]


def test_a_typo_still_finds_the_keyword_before_shorter_names_inside_the_query(site):
    keywords, _sections = names(close_to_query("chuyn doi so"))
    assert keywords == ["Chuyển đổi số", "Đội"]


def test_a_typo_finds_the_section(site):
    suggestions = close_to_query("an toan giao thng")
    assert suggestions.sections == [site]


def test_a_longer_query_finds_the_keyword_inside_it(site):
    keywords, _sections = names(close_to_query("tin moi nhat ve chuyen doi so"))
    assert keywords == ["Chuyển đổi số", "Đội"]


def test_part_of_a_name_finds_the_names_containing_it_best_first(site):
    keywords, sections = names(close_to_query("giao thong"))
    assert keywords == ["Giao thông nông thôn"]
    assert sections == ["An toàn giao thông"]


def test_duong_suggests_both_duong_and_duong_with_stroke(site):
    keywords, _sections = names(close_to_query("duong"))
    assert sorted(keywords) == ["Dương", "Đường"]


def test_keywords_used_only_by_unpublished_or_scheduled_articles_are_never_suggested(site):
    keywords, _sections = names(close_to_query("chuyen doi so noi bo"))
    assert "Chuyển đổi số nội bộ" not in keywords
    keywords, _sections = names(close_to_query("chuyen doi so sach"))
    assert "Chuyển đổi sổ sách" not in keywords


def test_the_number_of_suggestions_is_limited(db):
    make_article(keywords=[f"Phường {number}" for number in range(1, 9)])
    assert len(close_to_query("phuong", limit=3).keywords) == 3


@pytest.mark.parametrize("query", ["thời tiết hôm nay", "bóng đá", "xyz", "a", "so"])
def test_unrelated_text_suggests_nothing(site, query):
    suggestions = close_to_query(query)
    assert not suggestions
    assert names(suggestions) == ([], [])


HOSTILE = {
    "empty": "",
    "blank": "   ",
    "punctuation": "!!!",
    "wildcards": "_%_",
    "NUL": "\x00",
    "NUL-inside": "chuyen\x00doi",
    "surrogate": "\ud800",
    "10KB": "x" * 10_000,
    "10KB-accented": "đ" * 10_000,
    "10KB-words": "xyz " * 2_500,
}


@pytest.mark.parametrize("query", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_text_suggests_nothing_without_error(site, query):
    assert names(close_to_query(query)) == ([], [])
