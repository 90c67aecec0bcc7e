"""Deep pages of section and keyword listings start from positions remembered once per content
generation (app/articles/queries.listed); a reader walking every page must still see every public
story exactly once, newest first, before and after the site changes."""

from datetime import timedelta

import pytest

from app.articles import queries
from app.core.dates import utcnow
from app.curation import pins
from tests.factories import make_article, make_section, make_user
from tests.pages import parse

PAGE_SIZE = 2
ANCHOR_EVERY = 3  # a remembered position every 3 stories: most pages of the walk start from one


@pytest.fixture(autouse=True)
def small_pages(app, monkeypatch):
    monkeypatch.setitem(app.config, "PAGE_SIZE", PAGE_SIZE)
    monkeypatch.setattr(queries, "ANCHOR_EVERY", ANCHOR_EVERY)


def path_of(article) -> str:
    return f"/{article.section.slug}/{article.slug}-{article.id}.html"


def every_page(client, url: str) -> list[str]:
    """The teaser links of page 1, 2, … until the 404 past the last page."""
    links, page = [], 1
    while (response := client.get(f"{url}?page={page}")).status_code == 200:
        links += parse(response.data).one("div.layout__main").links(".teaser__title a")
        page += 1
    assert response.status_code == 404
    return links


@pytest.fixture
def news(db):
    """A section with a sub-section: 13 public stories, two pairs published at the same moment, a
    draft and a scheduled story in between."""
    section = make_section("Tin tức", slug="tin-tuc")
    child = make_section("Tin phường", slug="tin-phuong", parent=section)
    moment = utcnow() - timedelta(hours=7)
    stories = [
        make_article(
            f"Tin số {n}",
            section=child if n % 3 else section,
            keywords=["Đô thị"],
            published_at=moment if n in (4, 5, 9, 10) else utcnow() - timedelta(hours=n + 1),
        )
        for n in range(13)
    ]
    make_article("Bản nháp", section=section, keywords=["Đô thị"], status="draft")
    make_article("Hẹn giờ", section=child, keywords=["Đô thị"], status="scheduled")
    newest_first = sorted(stories, key=lambda story: (story.published_at, story.id), reverse=True)
    return section, newest_first


def test_every_page_of_a_section_lists_each_public_story_once_newest_first(client, news):
    _, newest_first = news

    assert every_page(client, "/tin-tuc/") == [path_of(story) for story in newest_first]


@pytest.mark.parametrize("share", [1, 10**9], ids=["common keyword", "rare keyword"])
def test_every_page_of_a_keyword_lists_each_public_story_once_newest_first(client, news, monkeypatch, share):
    """Both walks: from the newest articles (a common keyword) and from the keyword's own ids (rare)."""
    monkeypatch.setattr(queries, "COMMON_KEYWORD_SHARE", share)
    _, newest_first = news

    assert every_page(client, "/tu-khoa/do-thi") == [path_of(story) for story in newest_first]


def test_pins_then_the_rest_stay_exact_on_deep_pages(client, news):
    section, newest_first = news
    pinned = newest_first[8]
    pins.pin_story(section, pinned, actor=make_user(role="editor"))

    expected = [pinned] + [story for story in newest_first if story is not pinned]
    assert every_page(client, "/tin-tuc/") == [path_of(story) for story in expected]


def test_a_story_published_after_a_walk_shifts_every_deep_page_on_the_next_one(client, news):
    section, newest_first = news
    assert every_page(client, "/tin-tuc/") == [path_of(story) for story in newest_first]

    fresh = make_article("Tin mới nhất", section=section, keywords=["Đô thị"], hours_ago=0.5)

    assert every_page(client, "/tin-tuc/") == [path_of(story) for story in [fresh, *newest_first]]
    assert every_page(client, "/tu-khoa/do-thi") == [path_of(story) for story in [fresh, *newest_first]]
