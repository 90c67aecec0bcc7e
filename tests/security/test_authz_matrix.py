"""The authorization matrix: every route × every method × six identities against THE permission table.

A view's requirement is read from the view itself (`@require(action)` sets `required_action`); a route
without one must be classified below, so a new route fails here until someone decides who may use it.
Object-level rules (whose draft, whose file, whose notification) are stated here independently of the
code under test. Each request runs inside a SAVEPOINT rolled back afterwards, so the requests do not
depend on one another, and every GET is checked to leave the whole database as it found it.
"""

from dataclasses import dataclass, field

import pytest
from flask import Flask

from app.accounts.permissions import ROLE_ACTIONS, can
from app.articles.view_counts import EXTENSION as VIEW_COUNTS
from app.extensions import db
from app.feeds import sitemaps
from tests.security.authz_world import (
    IDENTITIES,
    Route,
    all_routes,
    become,
    csrf_token_for,
    database_fingerprint,
    is_csrf_refusal,
    is_login_redirect,
    seed_world,
)

ALL_ACTIONS = frozenset().union(*ROLE_ACTIONS.values())
ALLOWED, REFUSED, TO_LOGIN, BROKEN = "allowed", "refused", "to-login", "broken"
DENIED = frozenset({REFUSED, TO_LOGIN})

# Routes without @require, each with the reason nobody needs a permission for it.
PUBLIC = "public"  # the reader's site, feeds, the read-only API, captcha, media and static files
SIGN_IN = "sign-in"  # the login form: open to anyone (a signed-in user is sent to the dashboard)
SECOND_STEP = "second-step"  # the 2FA code form: only after a password step (none here: back to login)
SIGN_OUT = "sign-out"  # ends whatever session there is, then shows the login form
CLASSIFIED = {
    "static": PUBLIC,
    "public.home": PUBLIC,
    "sections.without_slash": PUBLIC,
    "sections.detail": PUBLIC,
    "articles.detail": PUBLIC,
    "feeds.rss": PUBLIC,
    "feeds.atom": PUBLIC,
    "feeds.section_rss": PUBLIC,
    "feeds.section_atom": PUBLIC,
    "feeds.keyword_rss": PUBLIC,
    "feeds.keyword_atom": PUBLIC,
    "feeds.robots": PUBLIC,
    "feeds.sitemap": PUBLIC,
    "feeds.sitemap_page": PUBLIC,
    "feeds.news_sitemap": PUBLIC,
    "api.articles": PUBLIC,
    "api.article": PUBLIC,
    "api.campaigns": PUBLIC,
    "api.campaign": PUBLIC,
    "api.exemplary_profiles": PUBLIC,
    "api.keywords": PUBLIC,
    "api.openapi": PUBLIC,
    "api.search_articles": PUBLIC,
    "api.sections": PUBLIC,
    "comments.form": PUBLIC,
    "comments.post": PUBLIC,
    "comments.refresh_captcha": PUBLIC,
    "privacy.notice": PUBLIC,
    "captcha.image": PUBLIC,
    "captcha.audio": PUBLIC,
    "media.serve": PUBLIC,
    "campaigns.detail": PUBLIC,
    "search.results": PUBLIC,
    "search.suggestions": PUBLIC,
    "keywords.detail": PUBLIC,
    "keywords.suggestions": PUBLIC,
    "accounts.login": SIGN_IN,
    "accounts.login_two_factor": SECOND_STEP,
    "accounts.logout": SIGN_OUT,
}
KIND_OUTCOMES = {
    PUBLIC: {ALLOWED},
    SIGN_IN: {ALLOWED},
    SECOND_STEP: {TO_LOGIN},
    SIGN_OUT: {TO_LOGIN},
}

# Object-level rules on top of the role table, for the seeded objects the URLs name: the draft and
# the file belong to contributor A; editors and admins may work on anyone's; B may not.
OWNER_OR_EDITORS = frozenset({"contributor_a", "editor", "admin"})
ON_A_S_DRAFT = (
    "articles_admin.edit",
    "articles_admin.transition",
    "articles_admin.preview",
    "autosave_admin.save",
    "autosave_admin.discard",
    "revisions_admin.index",
    "revisions_admin.compare",
    "revisions_admin.restore",
    "gallery_admin.show",
    "gallery_admin.add",
    "gallery_admin.save_texts",
    "gallery_admin.move",
    "gallery_admin.order",
    "gallery_admin.remove",
    "video_admin.edit",
    "video_admin.set_embed",
    "video_admin.upload_file",
    "video_admin.set_poster",
    "video_admin.set_subtitles",
)
OBJECT_RULES = dict.fromkeys(ON_A_S_DRAFT, OWNER_OR_EDITORS) | {
    "media_admin.edit": OWNER_OR_EDITORS,  # a file's page lists the (unpublished) articles using it
    "admin.read_notification": frozenset({"contributor_a"}),  # A's own notification
}
# The extra form fields a request needs to be about permissions rather than a missing choice.
FORM_DATA = {
    "articles_admin.transition": {"action": "submit"},
    "pins_admin.move": {"direction": "up"},
}
# The story the curation forms pick (the published one); filled in once the world is seeded.
PICKS_AN_ARTICLE = ("pins_admin.add", "threads_admin.add")

# GETs that may write, and the only tables they may touch.
GET_WRITES = {
    # The comment form issues a captcha challenge (bounded per IP by the issuance limit).
    "comments.form": {"captcha_challenges"},
}


@dataclass
class Mismatch:
    identity: str
    route: Route
    expected: set
    got: str
    status: int


def outcome(response) -> str:
    if is_login_redirect(response):
        return TO_LOGIN
    if response.status_code in (401, 403, 404):
        return REFUSED
    if response.status_code >= 500 or response.status_code in (405, 429) or is_csrf_refusal(response):
        return BROKEN
    return ALLOWED


def expected(app: Flask, world, identity: str, route: Route) -> set:
    kind = CLASSIFIED.get(route.endpoint)
    if kind is not None:
        return KIND_OUTCOMES[kind]
    user = world.users[identity]
    action = app.view_functions[route.endpoint].required_action
    allowed = can(user, action) and identity in OBJECT_RULES.get(route.endpoint, {identity})
    return {ALLOWED} if allowed else set(DENIED)


@pytest.fixture
def paged_sitemap(monkeypatch):
    """Sitemap pages exist only on a site too large for one file: make the seeded site that large."""
    monkeypatch.setattr(sitemaps, "MAX_URLS", 1)


@pytest.fixture
def batched_view_counts(app, monkeypatch):
    """Readings stay in memory, as in production between two flushes (view_counts.py); dropped after."""
    counter = app.extensions[VIEW_COUNTS]
    monkeypatch.setattr(counter, "flush_seconds", 10**9)
    yield counter
    counter.pending.clear()


def send(client, world, route: Route, token: str):
    if route.method == "GET":
        return client.get(route.path)
    data = {"csrf_token": token, **FORM_DATA.get(route.endpoint, {})}
    if route.endpoint in PICKS_AN_ARTICLE:
        data["article_id"] = str(world.draft.id)
    return client.open(route.path, method=route.method, data=data, headers={"X-CSRFToken": token})


def test_every_route_declares_its_action_or_is_classified(app):
    unclassified, unknown, stale = [], [], []
    for endpoint, view in app.view_functions.items():
        action = getattr(view, "required_action", None)
        if action is None and endpoint not in CLASSIFIED:
            unclassified.append(endpoint)
        if action is not None and action not in ALL_ACTIONS:
            unknown.append((endpoint, action))
        if action is not None and endpoint in CLASSIFIED:
            stale.append(endpoint)
    assert unclassified == [], "add @require(...) to these views, or classify them in CLASSIFIED"
    assert unknown == [], "these actions are missing from ROLE_ACTIONS"
    assert stale == [], "these views now declare an action: remove them from CLASSIFIED"
    for named in (CLASSIFIED, OBJECT_RULES, FORM_DATA):
        assert set(named) <= set(app.view_functions), "these endpoints no longer exist"
    back_office_public = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/admin") and CLASSIFIED.get(rule.endpoint) == PUBLIC
    }
    assert back_office_public == set(), "nothing under /admin is public"


def test_require_records_the_action_on_the_wrapped_view():
    from app.accounts.permissions import require

    def view():
        return "ok"

    wrapped = require("article.publish")(view)
    assert wrapped.required_action == "article.publish"
    assert wrapped.__name__ == "view"


@dataclass
class MatrixRun:
    requests: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)
    writes: list[tuple[str, Route, list[str]]] = field(default_factory=list)


def run_matrix(app: Flask, client, world, routes: list[Route], identities=IDENTITIES) -> MatrixRun:
    """Send every route as every identity, each request inside a SAVEPOINT rolled back afterwards."""
    run = MatrixRun()
    token = csrf_token_for(app)
    connection = db.session.get_bind()
    baseline = database_fingerprint()
    db.session.remove()
    for identity in identities:
        for route in routes:
            savepoint = connection.begin_nested()
            try:
                become(client, world.users[identity])
                response = send(client, world, route, token)
                run.requests += 1
                wanted = expected(app, world, identity, route)
                got = outcome(response)
                response.close()  # media and static answers hold a file open
                if got not in wanted:
                    run.mismatches.append(Mismatch(identity, route, wanted, got, response.status_code))
                if route.method == "GET":
                    after = database_fingerprint()
                    changed = sorted(t for t in baseline if after.get(t) != baseline[t])
                    if set(changed) - GET_WRITES.get(route.endpoint, set()):
                        run.writes.append((identity, route, changed))
            finally:
                db.session.remove()
                savepoint.rollback()
    return run


def test_every_route_every_method_every_identity_matches_the_permission_table(
    app, client, db, batched_view_counts, paged_sitemap, figures
):
    world = seed_world()
    routes = all_routes(app, world)
    run = run_matrix(app, client, world, routes)
    line = (
        f"authorization matrix: {len({(r.endpoint, r.method) for r in routes})} route×method pairs "
        f"({len({r.endpoint for r in routes})} routes), {len(IDENTITIES)} identities, "
        f"{run.requests} requests, {len(run.mismatches)} mismatches, "
        f"{len(run.writes)} GETs that changed the database"
    )
    print(line)
    figures(line)
    assert run.requests == len(routes) * len(IDENTITIES) and len(routes) >= 120
    assert [
        (m.identity, m.route.method, m.route.endpoint, sorted(m.expected), m.got, m.status)
        for m in run.mismatches
    ] == []
    assert [(who, r.endpoint, tables) for who, r, tables in run.writes] == []


def test_the_matrix_notices_a_view_that_checks_less_than_it_declares(app, client, db, monkeypatch):
    """Calibration: declare a stricter action than the guard really checks; the matrix must see the gap."""
    world = seed_world()
    view = app.view_functions["articles_admin.index"]  # guarded by article.edit_own
    monkeypatch.setattr(view, "required_action", "user.manage")
    routes = [r for r in all_routes(app, world) if r.endpoint == "articles_admin.index"]
    run = run_matrix(app, client, world, routes)
    assert sorted(m.identity for m in run.mismatches) == ["contributor_a", "contributor_b", "editor"]


def test_the_matrix_notices_a_get_that_writes(app, client, db, monkeypatch):
    """Calibration: without its allowance, the captcha the comment form issues is reported as a write."""
    world = seed_world()
    monkeypatch.setitem(GET_WRITES, "comments.form", set())
    routes = [r for r in all_routes(app, world) if r.endpoint == "comments.form"]
    run = run_matrix(app, client, world, routes, identities=("anonymous",))
    assert [(who, tables) for who, _route, tables in run.writes] == [("anonymous", ["captcha_challenges"])]


def test_reading_an_article_counts_in_memory_not_in_the_database(app, client, db, batched_view_counts):
    """The one GET that records something (the view counter) leaves the database alone between flushes."""
    world = seed_world()
    before = database_fingerprint()
    db.session.remove()
    with app.test_request_context():
        path = app.url_for(
            "articles.detail",
            **{
                n: world.argument("articles.detail", n)
                for n in ("section_slug", "article_slug", "article_id")
            },
        )
    assert client.get(path).status_code == 200
    assert batched_view_counts.pending[world.published.id] == 1
    assert database_fingerprint() == before


@pytest.mark.parametrize(
    "path",
    ["/admin/pins/{section}/add", "/admin/pins/{section}/{pin}/move", "/admin/threads/{thread}/articles"],
)
def test_a_curation_form_without_its_choice_is_a_400_not_a_500(app, client, db, path):
    world = seed_world()
    become(client, world.users["editor"])
    token = csrf_token_for(app)
    url = path.format(section=world.section.id, pin=world.pin.id, thread=world.thread.id)
    assert client.post(url, data={"csrf_token": token}).status_code == 400
