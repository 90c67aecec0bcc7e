"""Every answer carries the security headers, whichever layer answers it (Flask, the page cache's WSGI
fast path, a 304, a file, an error page); HTTPS sites redirect plain HTTP and send HSTS; the session
cookie is `__Host-` prefixed on HTTPS; rate limits count the real client address, not a header."""

import re
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask, request_started

from app import create_app
from app.articles.views import article_url
from app.extensions import cache, limiter
from app.extensions import db as _db
from app.media.videos import embed_src
from app.security.headers import SECURE_SESSION_COOKIE
from tests.conftest import another_worker, generation_read_through
from tests.factories import make_article, make_image, make_section, make_user

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")


def directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def assert_security_headers(response, *, https: bool = False) -> None:
    """The full set, once each (a header added twice would be a layer adding it again)."""
    for name, value in EXPECTED.items():
        assert response.headers.getlist(name) == [value], name
    csp = directives(response)
    assert response.headers.getlist("Content-Security-Policy") == [
        response.headers["Content-Security-Policy"]
    ]
    assert csp["script-src"] == ["'self'"] and csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["style-src"]
    permissions = response.headers["Permissions-Policy"]
    for feature in DENIED_FEATURES:
        assert f"{feature}=()" in permissions
    if https:
        max_age, *rest = response.headers["Strict-Transport-Security"].split("; ")
        assert int(max_age.removeprefix("max-age=")) >= 31536000 and "includeSubDomains" in rest
    else:
        assert "Strict-Transport-Security" not in response.headers


@contextmanager
def flask_requests(app: Flask):
    """The paths Flask itself handled meanwhile (the fast path answers without starting a request)."""
    started = []

    def note(sender, **extra):
        from flask import request

        started.append(request.path)

    request_started.connect(note, app, weak=False)
    try:
        yield started
    finally:
        request_started.disconnect(note, app)


@pytest.fixture
def story(db):
    return make_article("Khai mạc hội chợ", section=make_section("Kinh tế", slug="kinh-te"))


def test_a_public_page_rendered_by_flask_carries_the_headers(client, story):
    response = client.get(article_url(story))
    assert (response.status_code, response.headers["X-Cache"]) == (200, "MISS")
    assert_security_headers(response)


def test_a_page_from_the_cache_served_before_flask_carries_the_same_headers(client, app, story):
    url = article_url(story)
    first = client.get(url)
    with flask_requests(app) as handled:
        hit = client.get(url)
        not_modified = client.get(url, headers={"If-None-Match": first.headers["ETag"]})

    assert handled == []  # both answered by the WSGI fast path
    assert (hit.headers["X-Cache"], not_modified.status_code) == ("HIT", 304)
    assert_security_headers(hit)
    assert_security_headers(not_modified)


def test_a_304_from_flask_carries_the_headers(client, story, monkeypatch, app):
    monkeypatch.setitem(app.config, "PAGE_CACHE", False)  # no fast path: Flask's own make_conditional
    url = article_url(story)
    etag = client.get(url).headers["ETag"]
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert_security_headers(response)


def test_back_office_and_login_pages_carry_the_headers_and_are_never_stored(client, login_as):
    login = client.get("/admin/login")
    assert login.status_code == 200
    assert_security_headers(login)
    assert "no-store" in login.headers["Cache-Control"]

    login_as("editor")
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert_security_headers(dashboard)
    assert dashboard.headers["Cache-Control"] == "no-store"


def test_a_public_page_answered_to_logged_in_staff_is_private_and_not_from_the_cache(client, story, login_as):
    url = article_url(story)
    client.get(url)  # stored for anonymous readers
    login_as("editor")
    for path in (url, "/tim-kiem?q=hoi+cho", "/khong-co-trang-nay"):
        response = client.get(path)
        assert response.headers.get("X-Cache") != "HIT", path
        assert (
            "no-store" in response.headers["Cache-Control"]
            and "public" not in response.headers["Cache-Control"]
        )
        assert_security_headers(response)


def test_json_api_answers_and_api_errors_carry_the_headers(client, story):
    listing = client.get("/api/v1/articles")
    missing = client.get("/api/v1/articles/99999999")
    assert (listing.status_code, listing.mimetype) == (200, "application/json")
    assert (missing.status_code, missing.mimetype) == (404, "application/json")
    assert_security_headers(listing)
    assert_security_headers(missing)


def test_media_and_static_files_carry_the_headers(client, db):
    media = make_image()
    key = next(variant["key"] for variant in media.variants if not variant.get("crop"))
    for url in (f"/media/{key}", "/static/css/site.css"):
        response = client.get(url)
        response.get_data()
        response.close()
        assert response.status_code == 200, url
        assert_security_headers(response)


def test_error_pages_carry_the_headers(client, app, db):
    not_found = client.get("/khong-co-chuyen-muc/khong-co-bai-1.html")
    csrf_refused = client.post("/admin/login", data={"email": "a@b.vn", "password": "x"})
    assert (not_found.status_code, csrf_refused.status_code) == (404, 400)
    assert_security_headers(not_found)
    assert_security_headers(csrf_refused)

    worker = another_worker(app, PROPAGATE_EXCEPTIONS=False)
    worker.add_url_rule("/__boom__", "boom", lambda: 1 / 0)
    try:
        failed = worker.test_client().get("/__boom__")
    finally:
        with worker.app_context():
            _db.engine.dispose()
    assert failed.status_code == 500
    assert_security_headers(failed)


def test_frame_src_admits_exactly_the_video_hosts_embeds_point_at(client, db):
    embeds = [
        embed_src("https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        embed_src("https://www.facebook.com/watch/?v=1234567890"),
    ]
    frame_src = directives(client.get("/robots.txt"))["frame-src"]
    assert sorted(frame_src) == sorted({"{0.scheme}://{0.netloc}".format(urlsplit(src)) for src in embeds})


INLINE = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I),
    "event handler": re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
    "<style> element": re.compile(r"<style\b", re.I),
    "style attribute": re.compile(r"<[^>]*\sstyle\s*=", re.I),
}


def test_no_template_has_what_the_policy_would_block(figures):
    """Under script-src 'self' an inline script or handler would silently stop working, and templates
    have no style attributes either (only article bodies and the editor need them)."""
    templates = sorted((ROOT / "templates").rglob("*.html"))
    found = [
        f"{path.relative_to(ROOT)}: {what}"
        for path in templates
        for what, pattern in INLINE.items()
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    figures(f"templates scanned for inline script/style: {len(templates)}, findings: {len(found)}")
    assert found == []


# --- HTTPS ---------------------------------------------------------------------------------------

HTTPS = "https://bantin.test"


def on_https(story) -> str:
    return HTTPS + urlsplit(article_url(story)).path


@pytest.fixture
def https_site(app: Flask, db):
    """A second app on the test database, configured as served over HTTPS."""
    worker = another_worker(app, PREFERRED_URL_SCHEME="https")
    with worker.app_context():
        cache.clear()
    with generation_read_through(worker, _db.session.get_bind()):
        yield worker
    with worker.app_context():
        _db.engine.dispose()


def test_plain_http_is_redirected_to_https_keeping_path_query_and_method(https_site):
    client = https_site.test_client()  # absolute http:// URLs: Flask's default scheme follows the config
    page = client.get("http://bantin.test/tim-kiem?q=chuyen+doi+so&page=2")
    form = client.post("http://bantin.test/admin/login", data={"email": "a@b.vn"})
    for response, method in ((page, "GET"), (form, "POST")):
        assert response.status_code == 308, method
        assert "Strict-Transport-Security" not in response.headers  # ignored over HTTP anyway
        assert_security_headers(response)
    assert page.location == "https://bantin.test/tim-kiem?q=chuyen+doi+so&page=2"
    assert form.location == "https://bantin.test/admin/login"


def test_behind_nginx_the_forwarded_scheme_decides_so_https_readers_are_not_redirected_again(app, db):
    worker = another_worker(app, PREFERRED_URL_SCHEME="https", PROXY_FIX_X_FOR=1)
    try:
        client = worker.test_client()
        proxied = {"X-Forwarded-For": "203.0.113.9"}
        over_https = client.get(
            "http://bantin.test/robots.txt", headers={**proxied, "X-Forwarded-Proto": "https"}
        )
        over_http = client.get(
            "http://bantin.test/robots.txt", headers={**proxied, "X-Forwarded-Proto": "http"}
        )
    finally:
        with worker.app_context():
            _db.engine.dispose()
    assert over_https.status_code == 200
    assert_security_headers(over_https, https=True)
    assert (over_http.status_code, over_http.location) == (308, "https://bantin.test/robots.txt")


@pytest.mark.parametrize(
    ("settings", "cookie"),
    [
        ({}, "session"),
        ({"SESSION_COOKIE_SECURE": True}, SECURE_SESSION_COOKIE),
        ({"PREFERRED_URL_SCHEME": "https"}, SECURE_SESSION_COOKIE),
    ],
)
def test_the_session_cookie_is_host_prefixed_exactly_when_the_site_is_https(tmp_path, settings, cookie):
    site = create_app(
        {"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'c.db'}", **settings}
    )
    limiter.enabled = False
    with site.app_context():
        _db.engine.dispose()
    assert site.config["SESSION_COOKIE_NAME"] == cookie
    assert site.config["SESSION_COOKIE_SECURE"] is (cookie != "session")
    assert site.extensions["page_fast_path"].cookie_names[0] == cookie


def test_https_answers_carry_hsts_and_upgrade_insecure_requests(https_site, db):
    client = https_site.test_client()
    story = make_article("Tin qua HTTPS", section=make_section("Xã hội", slug="xa-hoi"))
    url = on_https(story)
    with https_site.app_context():
        cache.clear()
    miss = client.get(url)
    hit = client.get(url)
    not_modified = client.get(url, headers={"If-None-Match": miss.headers["ETag"]})
    assert (miss.status_code, hit.headers["X-Cache"], not_modified.status_code) == (200, "HIT", 304)
    for response in (
        miss,
        hit,
        not_modified,
        client.get(HTTPS + "/api/v1/sections"),
        client.get(HTTPS + "/static/js/site.js"),
    ):
        assert_security_headers(response, https=True)
        assert "upgrade-insecure-requests" in directives(response)


def test_plain_http_sites_neither_redirect_nor_send_hsts(client, story):
    response = client.get(article_url(story))
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response.headers
    assert "upgrade-insecure-requests" not in directives(response)


def session_cookie_attributes(response) -> tuple[str, set[str], dict[str, str]]:
    (cookie,) = [value for value in response.headers.getlist("Set-Cookie") if value.startswith("__Host-")]
    name = cookie.split("=", 1)[0]
    flags, values = set(), {}
    for attribute in cookie.split(";")[1:]:
        key, _, value = attribute.strip().partition("=")
        (values.__setitem__(key.lower(), value) if value else flags.add(key.lower()))
    return name, flags, values


def test_on_https_the_session_cookie_is_host_prefixed_secure_and_http_only(https_site, db):
    user = make_user(email="bt@anphu.example", role="editor", password="mật khẩu của biên tập")
    client = https_site.test_client()
    page = client.get(HTTPS + "/admin/login")
    token = page.get_data(as_text=True).split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post(
        HTTPS + "/admin/login",
        data={"email": user.email, "password": "mật khẩu của biên tập", "csrf_token": token},
        headers={"Referer": HTTPS + "/admin/login"},  # Flask-WTF demands it on HTTPS (the policy sends it)
    )
    assert response.status_code == 302

    name, flags, values = session_cookie_attributes(response)
    assert name == SECURE_SESSION_COOKIE
    assert {"secure", "httponly"} <= flags
    assert values["path"] == "/" and values["samesite"] == "Lax" and "domain" not in values
    assert not [c for c in response.headers.getlist("Set-Cookie") if "secure" not in c.lower()]
    # Logged in with the renamed cookie: the fast path sends staff to Flask, which answers no-store.
    story = make_article("Tin cho biên tập", section=make_section("Đời sống", slug="doi-song"))
    url = on_https(story)
    anonymous = https_site.test_client()
    anonymous.get(url)
    assert anonymous.get(url).headers["X-Cache"] == "HIT"
    staff_view = client.get(url)
    assert staff_view.headers.get("X-Cache") != "HIT"
    assert "no-store" in staff_view.headers["Cache-Control"]


# --- Rate limits keyed on the real client address -----------------------------------------------


@pytest.fixture(params=[0, 1], ids=["no-proxy", "one-proxy"])
def api_site(request, app: Flask, db):
    worker = another_worker(app, PROXY_FIX_X_FOR=request.param, API_LIMITS="3 per minute")
    yield worker
    with worker.app_context():
        _db.engine.dispose()


def test_a_spoofed_x_forwarded_for_never_buys_a_fresh_rate_limit(api_site, throttling, figures):
    """No proxy: the header is ignored. One proxy: only the hop nginx appended (the right-most) counts,
    whatever the client wrote before it."""
    client = api_site.test_client()
    behind_proxy = api_site.config["PROXY_FIX_X_FOR"] == 1

    def get(forwarded: str):
        return client.get(
            "/api/v1/sections",
            headers={"X-Forwarded-For": forwarded},
            environ_base={"REMOTE_ADDR": "127.0.0.1"},
        ).status_code

    real = "203.0.113.9"
    allowed = [get(real) for _ in range(3)]
    spoofed = [get(f"198.51.100.{n}, {real}" if behind_proxy else f"198.51.100.{n}") for n in range(1, 6)]
    assert allowed == [200, 200, 200]
    assert spoofed == [429] * 5
    if behind_proxy:
        assert get("198.51.100.77") == 200  # another real client has its own limit
    figures(
        f"PROXY_FIX_X_FOR={int(behind_proxy)}: {allowed.count(200)} allowed, then "
        f"{spoofed.count(429)}/{len(spoofed)} spoofed X-Forwarded-For requests refused (429)"
    )
