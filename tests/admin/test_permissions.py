"""Every /admin route is guarded, and each role gets exactly what the permission table says.

The routes are read from app.url_map, so a new back-office route is covered the day it is added,
and fails here if its view does not declare its action with @require.
"""

import pytest
from flask import Flask

from app.accounts.models import Role
from app.accounts.permissions import ROLE_ACTIONS

# Reachable without a session: signing in (and its second step) must be.
LOGIN_ENDPOINTS = {"accounts.login", "accounts.login_two_factor"}
# Video uploads check the token in the view, after authorising (so an unknown article is a 404
# before any of a large body is read); tests/media/test_videos.py checks their token.
AUTHORISED_BEFORE_CSRF = {"video_admin.upload_file"}
# Ending one's own session needs no permission (and would end the matrix's session).
LOGOUT_ENDPOINTS = {"accounts.logout"}
ALL_ACTIONS = frozenset().union(*ROLE_ACTIONS.values())


def admin_routes(app: Flask):
    """(endpoint, method, path) for every back-office route, arguments filled with unknown ids."""
    routes = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/admin") or rule.endpoint in LOGIN_ENDPOINTS:
            continue
        values = {
            name: 999_999 if type(converter).__name__ == "IntegerConverter" else "khong-ton-tai"
            for name, converter in rule._converters.items()
        }
        with app.test_request_context():
            path = app.url_for(rule.endpoint, **values, _external=False)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            routes.append((rule.endpoint, method, path))
    return routes


@pytest.fixture
def no_csrf(app, monkeypatch):
    """The matrix checks permissions, not tokens: CSRF is tested elsewhere."""
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", False)


def test_the_back_office_has_routes_to_check(app):
    assert len(admin_routes(app)) >= 40


def test_every_back_office_view_declares_a_known_action(app):
    undeclared, unknown = [], []
    for endpoint, _method, _path in admin_routes(app):
        if endpoint in LOGOUT_ENDPOINTS:
            continue
        action = getattr(app.view_functions[endpoint], "required_action", None)
        if action is None:
            undeclared.append(endpoint)
        elif action not in ALL_ACTIONS:
            unknown.append((endpoint, action))
    assert undeclared == [], "add @require(...) to these views"
    assert unknown == [], "these actions are missing from ROLE_ACTIONS"


def test_anonymous_visitors_are_refused_everywhere_but_the_login_page(app, client, no_csrf):
    for endpoint, method, path in admin_routes(app):
        response = client.open(path, method=method)
        if response.status_code == 302:
            assert "/admin/login" in response.location, (endpoint, method)
        else:
            assert response.status_code in (401, 403), (endpoint, method, response.status_code)


@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.value)
def test_each_role_reaches_exactly_the_routes_its_actions_allow(app, client, login_as, no_csrf, role):
    login_as(role)
    wrong = []
    for endpoint, method, path in admin_routes(app):
        if endpoint in LOGOUT_ENDPOINTS:
            continue
        action = app.view_functions[endpoint].required_action
        allowed = action in ROLE_ACTIONS[role]
        response = client.open(path, method=method)
        if allowed == (response.status_code == 403) or response.status_code == 500:
            wrong.append((endpoint, method, action, response.status_code))
        if response.headers.get("Cache-Control") != "no-store":
            wrong.append((endpoint, method, "cacheable", response.headers.get("Cache-Control")))
    assert wrong == []


def test_every_back_office_post_without_a_csrf_token_is_refused(app, client, login_as):
    login_as("admin")
    posts = [(endpoint, path) for endpoint, method, path in admin_routes(app) if method == "POST"]
    assert posts
    accepted = []
    for endpoint, path in posts:
        response = client.post(path, data={})
        if endpoint in AUTHORISED_BEFORE_CSRF and response.status_code == 404:
            continue
        if response.status_code != 400 or "Phiên làm việc đã hết hạn" not in response.get_data(as_text=True):
            accepted.append((endpoint, response.status_code))
    assert accepted == []
