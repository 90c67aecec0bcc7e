"""Keyword autocomplete: readers see only keywords with a public article; editors see every live one."""

from urllib.parse import quote

import pytest

from tests.factories import NON_PUBLIC, make_article


def suggested(client, query: str) -> list[str]:
    response = client.get("/tu-khoa/goi-y?q=" + quote(query))
    assert response.status_code == 200
    return [keyword["name"] for keyword in response.get_json()["keywords"]]


def test_suggestions_ignore_accents_and_match_any_word_with_a_link_to_the_keyword_page(client, db):
    make_article(keywords=["Chuyển đổi số", "Đổi mới", "Văn hóa"])
    response = client.get("/tu-khoa/goi-y?q=doi")
    assert response.get_json() == {
        "keywords": [
            {"name": "Đổi mới", "slug": "doi-moi", "url": "/tu-khoa/doi-moi"},
            {"name": "Chuyển đổi số", "slug": "chuyen-doi-so", "url": "/tu-khoa/chuyen-doi-so"},
        ]
    }
    assert suggested(client, "CHUYỂN đổi") == ["Chuyển đổi số"]


def test_duong_suggests_both_duong_and_duong_with_stroke_spelled_as_written(client, db):
    make_article(keywords=["Đường", "Dương"])
    assert sorted(suggested(client, "duong")) == ["Dương", "Đường"]


def test_keywords_of_unpublished_or_scheduled_articles_never_leak(client, db):
    make_article(status="scheduled", keywords=["Nhân sự mới"])
    for status in NON_PUBLIC:
        make_article(status=status, keywords=["Nhân sự dự kiến"])
    make_article(keywords=["Nhân dân"])
    assert suggested(client, "nhan") == ["Nhân dân"]


def test_editors_still_get_keywords_used_only_by_drafts(client, login_as):
    make_article(status="scheduled", keywords=["Nhân sự mới"])
    make_article(keywords=["Nhân dân"])
    login_as("editor")
    response = client.get("/admin/articles/keyword-suggestions?q=nhan")
    assert [keyword["name"] for keyword in response.get_json()] == ["Nhân dân", "Nhân sự mới"]


def test_at_most_ten_suggestions(client, db):
    make_article(keywords=[f"Phường {number}" for number in range(15)])
    assert len(suggested(client, "phuong")) == 10


def test_suggestions_may_be_cached_by_browsers_and_proxies_for_five_minutes(client, db):
    response = client.get("/tu-khoa/goi-y?q=doi")
    assert response.cache_control.public
    assert response.cache_control.max_age == 300


HOSTILE = {
    "empty": "",
    "blank": "%20%20%20",
    "10KB": "x" * 10_000,
    "10KB-accented": quote("đ" * 10_000),
    "NUL-inside": "doi%00",
    "NUL": "%00",
    "punctuation": "!!!",
    "percent": "%25",
    "underscore": "_",
    "wildcards": "%25%25__",
    "sql": quote("' OR 1=1 --"),
    "not-utf8": "%FF%FE",
}


@pytest.mark.parametrize("query", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_queries_get_an_empty_list_not_an_error(client, db, query):
    make_article(keywords=["Chuyển đổi số", "100% doanh nghiệp", "Điểm 1=1"])
    response = client.get("/tu-khoa/goi-y?q=" + query)
    assert response.status_code == 200
    assert response.get_json() == {"keywords": []}


def test_a_missing_query_gets_an_empty_list(client, db):
    assert client.get("/tu-khoa/goi-y").get_json() == {"keywords": []}


def test_a_keyword_named_like_the_suggestions_address_keeps_a_page_of_its_own(client, db):
    article = make_article(keywords=["Gợi ý"])
    (keyword,) = article.keywords
    assert keyword.slug == "goi-y-2"
    assert "Gợi ý" in client.get("/tu-khoa/goi-y-2").get_data(as_text=True)
