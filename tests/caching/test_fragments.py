"""The shared sidebar is rendered once per content generation, and refreshed for the most-read list."""

from time import monotonic

from sqlalchemy import update

from app.articles import workflow
from app.articles.models import Article
from app.core.db import write_transaction
from app.extensions import db
from tests.factories import make_article, make_section, make_user
from tests.pages import parse


def most_read_titles(client) -> list[str]:
    page = parse(client.get("/chinh-tri/").data)
    return [link.text for link in page.select(".box--most-read li a")]


def count_readings(article: Article, readings: int) -> None:
    """Readings arrive through the view counter: a write that is not a content change."""
    with write_transaction():
        db.session.connection().execute(
            update(Article.__table__).where(Article.__table__.c.id == article.id).values(view_count=readings)
        )


def test_most_read_follows_readings_once_the_fragment_is_due(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "PAGE_CACHE", False)
    section = make_section("Chính trị", slug="chinh-tri")
    first = make_article("Tin được đọc trước", section=section, view_count=50)
    second = make_article("Tin được đọc sau", section=section, view_count=10)
    assert most_read_titles(client)[:2] == [first.title, second.title]

    count_readings(second, 500)
    assert most_read_titles(client)[:2] == [first.title, second.title]  # within FRAGMENT_SECONDS

    later = monotonic() + app.config["FRAGMENT_SECONDS"] + 1
    monkeypatch.setattr("app.caching.fragments.monotonic", lambda: later)
    assert most_read_titles(client)[:2] == [second.title, first.title]


def test_a_new_story_in_a_sidebar_column_shows_on_the_next_page(client):
    make_section("Chính trị", slug="chinh-tri")
    column = make_section("An toàn giao thông", slug="an-toan-giao-thong", kind="column", in_sidebar=True)
    make_article("Ra quân tháng an toàn giao thông", section=column)
    assert "Ra quân tháng an toàn giao thông" in client.get("/chinh-tri/").get_data(as_text=True)

    make_article("Kiểm tra nồng độ cồn dịp lễ", section=column)

    sidebar = parse(client.get("/chinh-tri/").data).one(".sidebar").text
    assert "Kiểm tra nồng độ cồn dịp lễ" in sidebar


def test_a_keyword_pages_total_follows_publishing(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "PAGE_CACHE", False)  # the remembered total alone is under test
    section = make_section("Môi trường", slug="moi-truong")
    stories = [make_article(f"Tin môi trường {n}", section=section, keywords=["Rác thải"]) for n in range(21)]
    assert client.get("/tu-khoa/rac-thai?page=2").status_code == 200

    workflow.unpublish(db.session.get(Article, stories[0].id), actor=make_user(role="editor"))

    assert client.get("/tu-khoa/rac-thai?page=2").status_code == 404
    assert client.get("/tu-khoa/rac-thai").status_code == 200
