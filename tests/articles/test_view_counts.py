"""Readings are counted in memory and written in batches: one statement per worker per interval."""

from sqlalchemy import select

from app.articles.models import Article
from app.articles.view_counts import EXTENSION, ViewCounter
from app.articles.views import article_url
from app.extensions import db
from tests.factories import make_article


def stored_views(article: Article) -> int:
    return db.session.scalar(select(Article.view_count).where(Article.id == article.id))


def test_readings_served_from_the_cache_are_counted_too(client):
    story = make_article("Tin đọc nhiều")
    responses = [client.get(article_url(story)) for _ in range(4)]

    assert [response.headers["X-Cache"] for response in responses] == ["MISS", "HIT", "HIT", "HIT"]
    assert stored_views(story) == 4


def test_readings_wait_for_the_interval_then_are_written_in_one_statement(
    app, client, monkeypatch, count_statements
):
    first, second = make_article("Tin thứ nhất"), make_article("Tin thứ hai")
    counter = ViewCounter(flush_seconds=3600)
    monkeypatch.setitem(app.extensions, EXTENSION, counter)

    for story, readings in ((first, 3), (second, 2)):
        for _ in range(readings):
            client.get(article_url(story))
    assert (stored_views(first), stored_views(second)) == (0, 0)

    with count_statements() as statements:
        counter.flush()

    assert (stored_views(first), stored_views(second)) == (3, 2)
    assert sum("UPDATE articles" in sql for sql in statements.statements) == 1
    counter.flush()  # nothing pending: nothing written twice
    assert (stored_views(first), stored_views(second)) == (3, 2)


def test_a_reading_is_not_an_edit(client):
    story = make_article("Tin không bị sửa")
    edited_at = story.updated_at

    client.get(article_url(story))

    assert db.session.scalar(select(Article.updated_at).where(Article.id == story.id)) == edited_at
