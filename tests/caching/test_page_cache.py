"""Anonymous readers share cached pages; nothing stale or unpublished is ever served from the cache.

"Another worker" is a second app on the same database with its own in-process cache, as a second
gunicorn worker is: a change made through one must show on the very next request to the other.
"""

import gzip
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from urllib.parse import urlsplit

import brotli
import pytest
from flask import Flask, request, request_started

from app.articles import workflow
from app.articles.models import Article
from app.articles.services import input_from_snapshot, save_article, snapshot
from app.articles.views import article_url
from app.comments.moderation import approve_comments
from app.core.dates import utcnow
from app.curation.home import pick_for_home
from app.extensions import cache
from app.extensions import db as _db
from tests.conftest import another_worker, generation_read_through
from tests.factories import make_article, make_comment, make_section, make_user


@pytest.fixture(scope="session")
def second_app(app: Flask) -> Flask:
    other = another_worker(app)
    yield other
    with other.app_context():
        _db.engine.dispose()


@pytest.fixture
def other_worker(second_app: Flask, db):
    """A client of the second worker, whose cache starts empty like the first one's."""
    with second_app.app_context():
        cache.clear()
    with generation_read_through(second_app, _db.session.get_bind()):
        yield second_app.test_client()


@pytest.fixture
def story(db) -> Article:
    return make_article("Khai mạc hội chợ", section=make_section("Kinh tế", slug="kinh-te"))


def reloaded(article: Article) -> Article:
    return _db.session.get(Article, article.id)


def edit_title(article: Article, title: str) -> None:
    stored = reloaded(article)
    data = input_from_snapshot(snapshot(stored))
    data.title = title
    save_article(stored, data, actor=make_user(role="editor"), expected_version=stored.version)


def warm(client, url: str):
    """Fetch twice: the second answer must come from the cache."""
    assert client.get(url).headers["X-Cache"] == "MISS"
    response = client.get(url)
    assert response.headers["X-Cache"] == "HIT"
    return response


def test_a_reader_gets_the_page_another_reader_caused_to_be_rendered(client, story):
    url = article_url(story)
    first = client.get(url)
    second = client.get(url)

    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("MISS", "HIT")
    assert second.data == first.data
    assert "Khai mạc hội chợ" in second.get_data(as_text=True)


def test_a_published_edit_shows_on_the_next_request_in_every_worker(client, other_worker, story):
    url = article_url(story)
    warm(client, url)
    warm(other_worker, url)

    edit_title(story, "Khai mạc hội chợ xuân 2027")

    for worker in (client, other_worker):
        response = worker.get(url)
        assert response.headers["X-Cache"] == "MISS"
        assert "Khai mạc hội chợ xuân 2027" in response.get_data(as_text=True)


def test_an_unpublished_article_is_never_served_from_any_workers_cache(client, other_worker, story):
    for worker in (client, other_worker):
        warm(worker, article_url(story))
        warm(worker, "/")
        assert "Khai mạc hội chợ" in worker.get("/").get_data(as_text=True)

    workflow.unpublish(reloaded(story), actor=make_user(role="editor"))

    for worker in (client, other_worker):
        assert worker.get(article_url(story)).status_code == 404
        assert "Khai mạc hội chợ" not in worker.get("/").get_data(as_text=True)
        assert "Khai mạc hội chợ" not in worker.get("/rss.xml").get_data(as_text=True)
        assert "Khai mạc hội chợ" not in worker.get("/api/v1/articles").get_data(as_text=True)


def test_a_scheduled_article_appears_in_every_worker_once_its_time_comes(
    client, other_worker, monkeypatch, story
):
    scheduled = make_article("Lịch cắt điện tuần tới", section=story.section, status="scheduled")
    for worker in (client, other_worker):
        warm(worker, "/")
        assert "Lịch cắt điện tuần tới" not in worker.get("/").get_data(as_text=True)

    later = scheduled.published_at + timedelta(minutes=1)
    for module in ("app.articles.queries", "app.caching.generation"):
        monkeypatch.setattr(f"{module}.utcnow", lambda: later)

    for worker in (client, other_worker):
        assert "Lịch cắt điện tuần tới" in worker.get("/").get_data(as_text=True)


def test_approving_a_comment_shows_it_but_a_queued_comment_keeps_the_cache(client, story):
    url = article_url(story)
    warm(client, url)

    queued = make_comment(story, body="Chợ mở cửa đến mấy giờ?")
    assert client.get(url).headers["X-Cache"] == "HIT"

    approve_comments([queued.id], actor=make_user(role="editor"))
    response = client.get(url)
    assert response.headers["X-Cache"] == "MISS"
    assert "Chợ mở cửa đến mấy giờ?" in response.get_data(as_text=True)


def test_a_draft_saved_in_the_back_office_keeps_the_cache(client, story):
    warm(client, "/")
    make_article("Bản nháp chưa duyệt", section=story.section, status="draft")
    assert client.get("/").headers["X-Cache"] == "HIT"


def test_curating_the_home_page_shows_on_the_next_request(client, story):
    older = make_article("Tin cũ được chọn làm tin chính", section=story.section, hours_ago=48)
    warm(client, "/")

    pick_for_home(reloaded(older), 0, actor=make_user(role="editor"))

    response = client.get("/")
    assert response.headers["X-Cache"] == "MISS"
    hero = response.get_data(as_text=True).split("Tin cũ được chọn làm tin chính")[0]
    assert "Khai mạc hội chợ" not in hero  # the pick now leads the page


def test_staff_always_get_a_fresh_private_page_and_never_fill_the_cache(client, login_as, story):
    url = article_url(story)
    login_as("editor")
    for _ in range(2):
        response = client.get(url)
        assert "X-Cache" not in response.headers
        assert response.headers["Cache-Control"] == "private, no-store"

    client.get("/admin/logout")
    with client.session_transaction() as session:
        session.clear()
    assert client.get(url).headers["X-Cache"] == "MISS"  # the editor's page was not stored


def test_a_reader_with_a_message_waiting_sees_it_instead_of_the_cached_page(client, story):
    url = article_url(story)
    warm(client, url)
    with client.session_transaction() as session:
        session["_flashes"] = [("comment", "Bình luận của bạn đang chờ duyệt.")]

    response = client.get(url)

    assert "X-Cache" not in response.headers or response.headers["X-Cache"] == "MISS"
    assert "Bình luận của bạn đang chờ duyệt." in response.get_data(as_text=True)
    assert client.get(url).headers["X-Cache"] == "HIT"  # shown once, then the shared page again


def test_pages_tell_browsers_and_proxies_how_long_to_keep_them(client, story):
    response = client.get(article_url(story))

    assert response.headers["Cache-Control"] == "public, max-age=60, stale-while-revalidate=600"
    assert response.headers["ETag"]
    assert response.headers["Last-Modified"]
    assert "Cookie" in response.headers["Vary"]


@pytest.mark.parametrize("cached", [False, True], ids=["rendered", "from-cache"])
def test_a_reader_with_a_current_copy_gets_304_without_a_body(client, story, cached):
    url = article_url(story)
    first = client.get(url)
    if cached:
        first = client.get(url)
        assert first.headers["X-Cache"] == "HIT"

    by_etag = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    by_date = client.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]})

    for response in (by_etag, by_date):
        assert response.status_code == 304
        assert response.data == b""


def test_after_an_edit_the_old_copy_is_no_longer_current(client, story):
    url = article_url(story)
    first = client.get(url)
    edit_title(story, "Hội chợ kéo dài thêm hai ngày")

    response = client.get(url, headers={"If-None-Match": first.headers["ETag"]})

    assert response.status_code == 200
    assert "Hội chợ kéo dài thêm hai ngày" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("accept", "encoding", "decode"),
    [
        ("br, gzip", "br", brotli.decompress),
        ("gzip", "gzip", gzip.decompress),
        ("identity", None, lambda body: body),
    ],
)
def test_pages_are_compressed_for_readers_that_accept_it_and_cached_per_encoding(
    client, story, accept, encoding, decode
):
    url = article_url(story)
    plain = client.get(url, headers={"Accept-Encoding": "identity"}).data
    for expected_cache in ("MISS", "HIT") if encoding else ("HIT",):
        response = client.get(url, headers={"Accept-Encoding": accept})
        assert response.headers["X-Cache"] == expected_cache
        assert response.headers.get("Content-Encoding") == encoding
        assert decode(response.data) == plain
    if encoding:
        assert len(response.data) < len(plain) / 3
        assert "Accept-Encoding" in response.headers["Vary"]


def test_a_page_cache_switched_off_renders_every_time(client, app, story, monkeypatch):
    monkeypatch.setitem(app.config, "PAGE_CACHE", False)
    url = article_url(story)
    assert [client.get(url).headers.get("X-Cache") for _ in range(2)] == [None, None]
    assert client.get(url).headers["ETag"]  # HTTP caching still applies


def test_private_pages_are_never_cached(client, story):
    for url in ("/admin/login", f"/bai-viet/{story.id}/binh-luan"):
        for _ in range(2):
            assert "X-Cache" not in client.get(url).headers, url


def test_a_renamed_section_shows_in_every_cached_page(client, story):
    warm(client, article_url(story))
    with_section = reloaded(story).section
    from app.core.db import write_transaction

    with write_transaction():
        with_section.name = "Kinh tế – Đô thị"

    assert "Kinh tế – Đô thị" in client.get(article_url(story)).get_data(as_text=True)


def test_the_generation_moves_only_with_a_commit(client, story):
    url = article_url(story)
    warm(client, url)
    stored = reloaded(story)
    stored.title = "Tiêu đề chưa lưu"
    _db.session.flush()
    _db.session.rollback()

    response = client.get(url)
    assert response.headers["X-Cache"] == "HIT"
    assert "Tiêu đề chưa lưu" not in response.get_data(as_text=True)
    assert utcnow()  # the clock is not frozen here


@contextmanager
def flask_requests(app: Flask) -> Iterator[list]:
    """The requests that reached Flask's dispatching while the block ran."""
    started: list = []

    def note(sender, **_extra):
        started.append(request.path)

    request_started.connect(note, app, weak=False)
    try:
        yield started
    finally:
        request_started.disconnect(note, app)


def test_a_reader_without_cookies_is_served_before_flask_even_starts(client, app, story):
    url = article_url(story)
    with flask_requests(app) as rendered:
        client.get(url)
    with flask_requests(app) as served:
        response = client.get(url)

    assert rendered == [urlsplit(url).path]
    assert served == []
    assert response.headers["X-Cache"] == "HIT"
    assert "Khai mạc hội chợ" in response.get_data(as_text=True)


def test_a_reader_with_a_session_cookie_gets_the_cached_page_through_flask(client, app, story):
    url = article_url(story)
    client.get(url)
    client.set_cookie("session", "not-a-login", domain="bantin.test")
    with flask_requests(app) as served:
        response = client.get(url)

    assert response.headers["X-Cache"] == "HIT"
    assert served == [urlsplit(url).path]
