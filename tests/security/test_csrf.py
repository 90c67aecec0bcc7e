"""CSRF: a state-changing POST is refused with the Vietnamese 400 when its token is missing, belongs to
another session, or has expired, and nothing is stored; the same form with a good token goes through.

The test app keeps Flask-WTF's protection on (tests/conftest.py sets WTF_CSRF_ENABLED=True); the first
test fails loudly if that ever changes, since every other assertion here would then be meaningless.
"""

import time

import pytest
from itsdangerous import TimestampSigner

from tests.pages import parse
from tests.security.authz_world import (
    CSRF_MESSAGE,
    all_routes,
    become,
    comment_data,
    csrf_token_for,
    database_fingerprint,
    is_csrf_refusal,
    seed_world,
)

PASSWORD = "một mật khẩu đủ dài"  # tests/factories.make_user's default
TIME_LIMIT = 3600
# Exempt from the global check: it authorises first (so nobody streams a video to be told no), then
# checks the token itself; a visitor without a session gets the 401 before any token is read.
AUTHORISED_BEFORE_CSRF = {"video_admin.upload_file"}


@pytest.fixture
def world(db):
    return seed_world()


FORMS = {
    "login": (
        "anonymous",
        lambda w: "/admin/login",
        lambda app, client, db, w: {"email": w.users["contributor_a"].email, "password": PASSWORD},
    ),
    "article save": (
        "contributor_a",
        lambda w: f"/admin/articles/{w.draft.id}/edit",
        lambda app, client, db, w: {
            "title": "Tiêu đề mới",
            "section_id": str(w.section.id),
            "format": w.draft.format.value,
            "version": str(w.draft.version),
            "action": "save",
        },
    ),
    "comment post": ("anonymous", lambda w: f"/bai-viet/{w.published.id}/binh-luan", comment_data),
    "user admin": (
        "admin",
        lambda w: "/admin/users/new",
        lambda app, client, db, w: {
            "full_name": "Người mới",
            "email": "nguoi-moi@anphu.example",
            "role": "contributor",
            "password": "một mật khẩu mới đủ dài",
            "password_confirm": "một mật khẩu mới đủ dài",
        },
    ),
    "user role": (
        "admin",
        lambda w: f"/admin/users/{w.users['contributor_a'].id}/role",
        lambda *a: {"role": "admin"},
    ),
    "settings": ("admin", lambda w: "/admin/settings/", lambda *a: {"site_name": "Tên bị đổi"}),
}


def old_token(app, monkeypatch, seconds: int) -> str:
    """A token signed `seconds` ago (the clock moved on since the form was rendered)."""
    signed_at = int(time.time()) - seconds
    with monkeypatch.context() as clock:
        clock.setattr(TimestampSigner, "get_timestamp", lambda self: signed_at)
        return csrf_token_for(app)


def test_the_test_app_has_csrf_protection_on(app):
    assert app.config["WTF_CSRF_ENABLED"] is True


@pytest.mark.parametrize("token_kind", ["missing", "foreign", "expired", "fresh"])
@pytest.mark.parametrize("form", list(FORMS))
def test_a_form_posted_without_a_valid_token_changes_nothing(
    app, client, db, world, monkeypatch, form, token_kind
):
    monkeypatch.setitem(app.config, "WTF_CSRF_TIME_LIMIT", TIME_LIMIT)
    who, path, fields = FORMS[form]
    become(client, world.users[who])
    data = fields(app, client, db, world)
    token = {
        "missing": None,
        "foreign": csrf_token_for(app, raw="the token of someone else's session"),
        "expired": old_token(app, monkeypatch, TIME_LIMIT + 60),
        "fresh": old_token(app, monkeypatch, TIME_LIMIT - 60),
    }[token_kind]
    data.pop("csrf_token", None)
    if token is not None:
        data["csrf_token"] = token
    before = database_fingerprint()
    response = client.post(path(world), data=data)
    if token_kind == "fresh":
        assert not is_csrf_refusal(response) and response.status_code in (200, 201, 302)
        return
    assert response.status_code == 400
    assert CSRF_MESSAGE in parse(response.data).text
    assert database_fingerprint() == before


def test_a_header_token_from_another_session_is_refused_for_json_too(app, client, db, world):
    become(client, world.users["contributor_a"])
    foreign = csrf_token_for(app, raw="the token of someone else's session")
    response = client.post(
        f"/admin/articles/{world.draft.id}/autosave",
        data={"title": "Tự lưu giả mạo"},
        headers={"X-CSRFToken": foreign},
    )
    assert response.status_code == 400
    assert CSRF_MESSAGE in response.get_json()["error"]


@pytest.mark.parametrize("who", ["anonymous", "admin"])
def test_every_post_route_without_a_token_is_refused_and_changes_nothing(
    app, client, db, world, who, figures
):
    posts = [route for route in all_routes(app, world) if route.method != "GET"]
    before = database_fingerprint()
    accepted = []
    for route in posts:
        become(client, world.users[who])
        response = client.open(route.path, method=route.method, data={})
        refused_earlier = route.endpoint in AUTHORISED_BEFORE_CSRF and response.status_code == 401
        if not (is_csrf_refusal(response) or (who == "anonymous" and refused_earlier)):
            accepted.append((route.endpoint, response.status_code))
    figures(f"CSRF: {len(posts)} POST routes sent without a token as {who}, {len(accepted)} accepted")
    assert len(posts) >= 60
    assert accepted == []
    assert database_fingerprint() == before
