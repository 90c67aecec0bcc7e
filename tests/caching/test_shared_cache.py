"""Workers sharing one cache (Redis when REDIS_URL is set, as CI runs these tests; a cache directory
otherwise): a page one worker rendered is served by the other, and an edit still shows at once."""

import os
from contextlib import ExitStack

import pytest
from flask import Flask

from app.articles.views import article_url
from app.extensions import cache
from app.extensions import db as _db
from tests.caching.test_page_cache import edit_title
from tests.conftest import another_worker, generation_read_through
from tests.factories import make_article

pytestmark = pytest.mark.cache


def shared_backend(tmp_path) -> dict:
    redis_url = os.environ.get("TEST_REDIS_URL")
    if redis_url:
        return {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": redis_url, "CACHE_KEY_PREFIX": "bantin-test-"}
    return {"CACHE_TYPE": "FileSystemCache", "CACHE_DIR": str(tmp_path / "cache")}


@pytest.fixture(scope="module")
def workers(app: Flask, tmp_path_factory) -> list[Flask]:
    backend = shared_backend(tmp_path_factory.mktemp("shared-cache"))
    started = [another_worker(app, **backend) for _ in range(2)]
    yield started
    for worker in started:
        with worker.app_context():
            cache.clear()
            _db.engine.dispose()


@pytest.fixture
def clients(workers, db):
    with ExitStack() as stack:
        for worker in workers:
            with worker.app_context():
                cache.clear()
            stack.enter_context(generation_read_through(worker, _db.session.get_bind()))
        yield [worker.test_client() for worker in workers]


def test_a_page_rendered_by_one_worker_is_served_by_the_other(clients):
    first, second = clients
    story = make_article("Đường hoa Xuân mở cửa")

    assert first.get(article_url(story)).headers["X-Cache"] == "MISS"
    response = second.get(article_url(story))

    assert response.headers["X-Cache"] == "HIT"
    assert "Đường hoa Xuân mở cửa" in response.get_data(as_text=True)


def test_an_edit_reaches_every_worker_through_the_shared_cache(clients):
    first, second = clients
    story = make_article("Đường hoa Xuân mở cửa")
    first.get(article_url(story))
    second.get(article_url(story))

    edit_title(story, "Đường hoa Xuân kéo dài đến rằm tháng Giêng")

    for worker in (second, first):
        assert "kéo dài đến rằm tháng Giêng" in worker.get(article_url(story)).get_data(as_text=True)
