"""Sections, keywords, campaigns, exemplary profiles and search: public data only."""

from datetime import date

import pytest

from tests.factories import NON_PUBLIC, make_campaign


def data(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["data"]


def test_sections_come_in_menu_order_with_their_parent(client, site):
    sections = data(client.get("/api/v1/sections"))
    assert [(section["slug"], section["parent_id"]) for section in sections] == [
        ("tin-tuc", None),
        ("tin-phuong", site.news.id),
        ("van-hoa", None),
        ("guong-dien-hinh", None),
    ]
    assert sections[0]["url"] == "http://bantin.test/tin-tuc/"


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_keywords_count_only_public_articles(client, site, status):
    keywords = {keyword["name"]: keyword["article_count"] for keyword in data(client.get("/api/v1/keywords"))}
    assert keywords == {"Chuyển đổi số": 2, "Đồng Tâm": 1, "Lễ hội": 1}
    assert f"Ẩn {status}" not in keywords


def test_keywords_autocomplete_ignores_accents(client, site):
    found = data(client.get("/api/v1/keywords?q=dong"))
    assert [(keyword["name"], keyword["article_count"]) for keyword in found] == [("Đồng Tâm", 1)]
    assert data(client.get("/api/v1/keywords?q=an")) == []  # only hidden articles carry "Ẩn …"


def test_campaigns_have_a_status_by_date(client, site):
    make_campaign("Phong trào đã qua", slug="da-qua", starts_on=date(2020, 1, 1), ends_on=date(2020, 12, 31))
    make_campaign("Phong trào sắp tới", slug="sap-toi", starts_on=date(2999, 1, 1), ends_on=None)
    statuses = {campaign["slug"]: campaign["status"] for campaign in data(client.get("/api/v1/campaigns"))}
    assert statuses == {"chuyen-doi-so": "active", "da-qua": "ended", "sap-toi": "upcoming"}
    assert [campaign["slug"] for campaign in data(client.get("/api/v1/campaigns?status=ended"))] == ["da-qua"]


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_a_campaign_lists_only_public_stories_and_articles(client, site, status):
    campaign = data(client.get("/api/v1/campaigns/chuyen-doi-so"))
    assert campaign["goals"] == ["Mục tiêu một", "Mục tiêu hai"]
    assert [story["subject_name"] for story in campaign["stories"]] == ["Trần Thị Mai"]
    assert [article["title"] for article in campaign["articles"]] == [
        "Người thợ may tốt bụng",
        "Chuyển đổi số ở phường Đồng Tâm",
    ]
    assert campaign["article_count"] == 2
    assert site.hidden[status].title not in str(campaign)


@pytest.mark.parametrize("slug", ["khong-co", "CHUYEN", "a%00b"])
def test_an_unknown_campaign_answers_404_json(client, site, slug):
    response = client.get(f"/api/v1/campaigns/{slug}")
    assert response.status_code == 404
    assert response.get_json()["error"]["field"] == "slug"


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_profiles_belong_to_public_stories_only(client, site, status):
    profiles = data(client.get("/api/v1/exemplary-profiles"))
    assert [(profile["subject_name"], profile["article"]["title"]) for profile in profiles] == [
        ("Trần Thị Mai", "Người thợ may tốt bụng")
    ]
    assert data(client.get(f"/api/v1/exemplary-profiles?ward=Phường {status}")) == []


def test_profiles_filter_by_campaign_ward_field_and_kind(client, site):
    def names(query: str) -> list[str]:
        return [
            profile["subject_name"] for profile in data(client.get("/api/v1/exemplary-profiles?" + query))
        ]

    assert names("campaign=chuyen-doi-so&ward=Đồng Tâm&field=Chuyển đổi số&kind=individual") == [
        "Trần Thị Mai"
    ]
    assert names("campaign=khong-co") == []
    assert names("ward=Phường khác") == []
    assert names("kind=collective") == []


def test_search_highlights_matches_as_html(client, site):
    response = client.get("/api/v1/search?q=lễ hội")
    hits = data(response)
    assert [hit["article"]["title"] for hit in hits] == ["Lễ hội văn hóa dân gian"]
    assert hits[0]["title_html"] == "<mark>Lễ</mark> <mark>hội</mark> văn hóa dân gian"
    assert response.get_json()["meta"]["total"] == 1


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_search_never_finds_an_article_that_is_not_public(client, site, status):
    hits = data(client.get("/api/v1/search?q=bí mật"))
    assert hits == []
    assert site.hidden[status].title not in client.get("/api/v1/search?q=bí mật&sort=newest").get_data(
        as_text=True
    )


def test_search_needs_words(client, site):
    response = client.get("/api/v1/search")
    assert response.status_code == 400
    assert response.get_json()["error"] == {
        "status": 400,
        "code": "invalid_parameter",
        "message": "Tham số này là bắt buộc.",
        "field": "q",
        "incident_id": response.headers["X-Incident-Id"],
    }
