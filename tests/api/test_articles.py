"""/api/v1/articles and /api/v1/articles/<id>: filters, pages, field selection, only public articles."""

from datetime import timedelta

import pytest

from app.core.dates import to_local
from tests.factories import NON_PUBLIC, make_article


def titles(response) -> list[str]:
    assert response.status_code == 200, response.get_data(as_text=True)
    return [item["title"] for item in response.get_json()["data"]]


def test_the_list_gives_public_articles_newest_first(client, site):
    assert titles(client.get("/api/v1/articles")) == [article.title for article in reversed(site.public)]


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_no_list_or_filter_shows_an_article_that_is_not_public(client, site, status):
    hidden = site.hidden[status].title
    for query in (
        "",
        "?section=tin-phuong",
        "?keyword=chuyen-doi-so",
        "?campaign=chuyen-doi-so",
        "?q=bí mật",
    ):
        assert hidden not in titles(client.get("/api/v1/articles" + query)), query


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_an_article_that_is_not_public_answers_404_json(client, site, status):
    response = client.get(f"/api/v1/articles/{site.hidden[status].id}")
    assert response.status_code == 404
    assert response.get_json()["error"] == {
        "status": 404,
        "code": "not_found",
        "message": "Không có bài viết công khai nào mang mã số này.",
        "field": "id",
        "incident_id": response.headers["X-Incident-Id"],
    }


def test_a_section_filter_includes_its_sub_sections(client, site):
    assert titles(client.get("/api/v1/articles?section=tin-tuc")) == [
        "Họp báo quý ba",
        "Chuyển đổi số ở phường Đồng Tâm",
    ]
    assert titles(client.get("/api/v1/articles?section=tin-phuong")) == ["Chuyển đổi số ở phường Đồng Tâm"]


def test_keyword_format_and_campaign_filters_narrow_the_list(client, site):
    assert titles(client.get("/api/v1/articles?keyword=le-hoi")) == ["Lễ hội văn hóa dân gian"]
    assert titles(client.get("/api/v1/articles?format=photo")) == ["Họp báo quý ba"]
    assert titles(client.get("/api/v1/articles?campaign=chuyen-doi-so&format=exemplary")) == [
        "Người thợ may tốt bụng"
    ]


def test_an_unknown_section_keyword_or_campaign_matches_nothing(client, site):
    for name in ("section", "keyword", "campaign"):
        assert titles(client.get(f"/api/v1/articles?{name}=khong-co")) == []


def test_dates_are_local_days(client, site):
    old = make_article("Bài tháng trước", section=site.culture, hours_ago=24 * 40)
    day = to_local(old.published_at).date()
    assert titles(client.get(f"/api/v1/articles?from={day}&to={day}")) == ["Bài tháng trước"]
    assert "Bài tháng trước" not in titles(client.get(f"/api/v1/articles?from={day + timedelta(days=1)}"))
    assert titles(client.get(f"/api/v1/articles?to={day - timedelta(days=1)}")) == []


def test_text_search_filters_with_the_search_service(client, site):
    assert titles(client.get("/api/v1/articles?q=le hoi")) == ["Lễ hội văn hóa dân gian"]
    assert titles(client.get("/api/v1/articles?q=chuyển đổi&section=van-hoa")) == []


def test_pages_link_to_each_other_and_count_the_total(client, site):
    first = client.get("/api/v1/articles?per_page=3&format=standard").get_json()
    assert first["meta"] == {"page": 1, "per_page": 3, "total": 2, "pages": 1}
    first = client.get("/api/v1/articles?per_page=3").get_json()
    assert first["meta"] == {"page": 1, "per_page": 3, "total": 4, "pages": 2}
    assert first["links"]["prev"] is None
    assert first["links"]["next"] == "http://bantin.test/api/v1/articles?per_page=3&page=2"
    second = client.get(first["links"]["next"]).get_json()
    assert [item["title"] for item in second["data"]] == ["Chuyển đổi số ở phường Đồng Tâm"]
    assert second["links"]["next"] is None
    assert second["links"]["prev"] == "http://bantin.test/api/v1/articles?per_page=3&page=1"


def test_a_page_past_the_last_is_a_404_json(client, site):
    response = client.get("/api/v1/articles?page=9")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_fields_select_what_each_item_carries(client, site):
    items = client.get("/api/v1/articles?fields=title,section").get_json()["data"]
    assert set(items[0]) == {"id", "title", "section"}
    assert items[0]["section"]["slug"] == "guong-dien-hinh"


FIELDS_MESSAGE = (
    "Phải là danh sách cách nhau bởi dấu phẩy, gồm các trường: id, title, slug, url, lead, format, section, "
    "keywords, campaign, cover, byline, published_at, updated_at."
)


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("per_page=101", "per_page", "Phải là số nguyên từ 1 đến 100."),
        ("per_page=0", "per_page", "Phải là số nguyên từ 1 đến 100."),
        ("page=abc", "page", "Phải là số nguyên từ 1 đến 10000."),
        ("page=²", "page", "Phải là số nguyên từ 1 đến 10000."),
        ("format=audio", "format", "Phải là một trong các giá trị: standard, photo, video, exemplary."),
        ("from=24/11/2026", "from", "Phải là ngày viết theo dạng YYYY-MM-DD, ví dụ 2026-11-24."),
        ("to=2026-02-30", "to", "Phải là ngày viết theo dạng YYYY-MM-DD, ví dụ 2026-11-24."),
        (
            "section=Tin Tức",
            "section",
            "Chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, dài tối đa 200 ký tự.",
        ),
        ("fields=title,password", "fields", FIELDS_MESSAGE),
        ("fields=", "fields", FIELDS_MESSAGE),
        ("q=" + "x" * 201, "q", "Dài tối đa 200 ký tự."),
        ("q=a%00b", "q", "Không được chứa ký tự điều khiển."),
    ],
)
def test_an_invalid_parameter_is_a_400_naming_it_in_vietnamese(client, site, query, field, message):
    response = client.get("/api/v1/articles?" + query)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert (error["status"], error["code"], error["field"]) == (400, "invalid_parameter", field)
    assert error["message"] == message


def test_one_article_has_its_html_text_cover_keywords_and_campaign(client, site):
    article = site.public[0]
    data = client.get(f"/api/v1/articles/{article.id}").get_json()["data"]
    assert data["body_html"] == article.body
    assert data["body_text"] == article.body_text
    assert data["url"] == f"http://bantin.test/tin-phuong/{article.slug}-{article.id}.html"
    assert [keyword["name"] for keyword in data["keywords"]] == ["Chuyển đổi số", "Đồng Tâm"]
    assert data["section"]["name"] == "Tin phường"
    assert data["campaign"]["slug"] == "chuyen-doi-so"
    assert data["profile"] is None
    assert data["cover"]["alt"] == "Ảnh bìa"
    assert {(variant["format"], variant["width"]) for variant in data["cover"]["variants"]} >= {
        ("jpg", 320),
        ("webp", 640),
    }
    assert all(
        variant["url"].startswith("http://bantin.test/media/") for variant in data["cover"]["variants"]
    )


def test_an_exemplary_article_carries_its_profile(client, site):
    data = client.get(f"/api/v1/articles/{site.exemplary.id}").get_json()["data"]
    assert data["profile"]["subject_name"] == "Trần Thị Mai"
    assert data["profile"]["campaign"]["title"] == "Phong trào chuyển đổi số"


@pytest.mark.parametrize(
    "path", ["/api/v1/articles/999999", "/api/v1/articles/0", "/api/v1/articles/99999999999"]
)
def test_an_unknown_id_answers_404_json(client, site, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404
