"""What every API answer shares: 304s, CORS, one error shape, Vietnamese unescaped, rate limits."""

from datetime import timedelta

import pytest

from app.api import views
from app.core.dates import utcnow
from tests.factories import make_article

ENDPOINTS = [
    "/api/v1/articles",
    "/api/v1/sections",
    "/api/v1/keywords",
    "/api/v1/campaigns",
    "/api/v1/campaigns/chuyen-doi-so",
    "/api/v1/exemplary-profiles",
    "/api/v1/search?q=chuyển đổi",
    "/api/v1/openapi.json",
]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_an_unchanged_answer_is_a_304_for_its_etag(client, site, path):
    first = client.get(path)
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "public, max-age=60"
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.get_data() == b""
    assert client.get(path, headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_an_article_is_a_304_if_not_modified_since_it_last_changed(client, site):
    path = f"/api/v1/articles/{site.public[0].id}"
    first = client.get(path)
    last_modified = first.headers["Last-Modified"]
    assert client.get(path, headers={"If-Modified-Since": last_modified}).status_code == 304
    earlier = (utcnow() - timedelta(days=1)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert client.get(path, headers={"If-Modified-Since": earlier}).status_code == 200


def test_the_list_changes_its_etag_when_an_article_is_published(client, site):
    etag = client.get("/api/v1/articles").headers["ETag"]
    make_article("Bài mới đăng", section=site.culture, hours_ago=0.1)
    response = client.get("/api/v1/articles", headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response.get_json()["data"][0]["title"] == "Bài mới đăng"


@pytest.mark.parametrize("path", [*ENDPOINTS, "/api/v1/articles?per_page=0", "/api/v1/nowhere"])
def test_any_site_may_read_the_api(client, site, path):
    assert (
        client.get(path, headers={"Origin": "https://example.org"}).headers["Access-Control-Allow-Origin"]
        == "*"
    )


def test_a_preflight_allows_get_and_the_conditional_headers(client, site):
    response = client.options(
        "/api/v1/articles",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Access-Control-Allow-Methods"] == "GET, OPTIONS"
    assert "If-None-Match" in response.headers["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_vietnamese_is_sent_as_utf8_not_escaped(client, site):
    body = client.get("/api/v1/articles").get_data()
    assert "Chuyển đổi số".encode() in body
    assert b"\\u" not in body
    assert b"Chuy\\u1ec3n" not in body


@pytest.mark.parametrize("path", ["/api/v1/nowhere", "/api/v1/articles/abc", "/api/v2/articles", "/api/"])
def test_an_unknown_api_address_is_a_404_json(client, site, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.mimetype == "application/json"
    assert response.get_json() == {
        "error": {
            "status": 404,
            "code": "not_found",
            "message": "Trang bạn tìm không tồn tại hoặc đã bị gỡ bỏ.",
            "field": None,
            "incident_id": response.headers["X-Incident-Id"],
        }
    }


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_nothing_can_be_written(client, site, method):
    response = getattr(client, method)("/api/v1/articles")
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_error_pages_elsewhere_stay_html(client, site):
    response = client.get("/khong-co/")
    assert response.status_code == 404
    assert response.mimetype == "text/html"


def test_a_server_error_is_a_500_json(client, site, monkeypatch):
    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "section_choices", broken)
    response = client.get("/api/v1/sections")
    assert response.status_code == 500
    assert response.get_json()["error"] == {
        "status": 500,
        "code": "server_error",
        "message": "Hệ thống đang gặp sự cố. Vui lòng thử lại sau.",
        "field": None,
        "incident_id": response.headers["X-Incident-Id"],
    }


def test_too_many_requests_get_a_429_json(app, client, site, throttling, monkeypatch):
    monkeypatch.setitem(app.config, "API_LIMITS", "3 per minute")
    statuses = [client.get(path).status_code for path in ENDPOINTS[:4]]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/articles")
    assert response.status_code == 429
    assert response.get_json()["error"]["code"] == "rate_limited"
    assert response.headers["Retry-After"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"
