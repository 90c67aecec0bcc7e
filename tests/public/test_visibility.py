"""Drafts, pending, rejected, unpublished and future-scheduled articles never appear anywhere public.

Each place is set up so that the hidden article *would* be shown there if that place forgot the
visibility rule (newest in its section, most shared keywords, most read, ...), next to a public
control article that must be shown, so every test can fail.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest

from app.core.dates import utcnow
from tests.factories import NON_PUBLIC, make_article, make_campaign, make_profile, make_section
from tests.pages import Element, parse

CONTROL = "Tin công khai đối chứng"


@dataclass
class Scene:
    """What to fetch, where on the page to look, and the articles that must and must not be there."""

    url: str
    place: str
    hidden: list
    controls: list


def path_of(article) -> str:
    return f"/{article.section.slug}/{article.slug}-{article.id}.html"


def hidden_article(status: str, place: str, *, minutes_ago: float = 1, **fields):
    """An article that must stay off public pages; non-scheduled ones get a past publication time so
    only their status hides them (a NULL publication time would hide them by accident)."""
    when = utcnow() + (timedelta(hours=24) if status == "scheduled" else -timedelta(minutes=minutes_ago))
    return make_article(f"Tin chưa công khai {status} {place}", status=status, published_at=when, **fields)


def control_article(*, hours_ago: float = 3, title: str = CONTROL, **fields):
    return make_article(title, hours_ago=hours_ago, **fields)


def home_top_stories(status):
    control = control_article(is_featured=True)
    hidden = hidden_article(status, "top", is_featured=True)
    return Scene("/", "section.top-stories", [hidden], [control])


def home_latest(status):
    for number in range(5):
        make_article(f"Tin nổi bật {number}", is_featured=True, hours_ago=10 + number)
    control = control_article()
    hidden = hidden_article(status, "latest")
    return Scene("/", "section[aria-labelledby='latest-title']", [hidden], [control])


def home_section_block(status):
    section = make_section(on_home=True)
    control = control_article(section=section)
    hidden = hidden_article(status, "block", section=section)
    return Scene("/", f"section[aria-labelledby='block-{section.slug}']", [hidden], [control])


def section_page(status):
    section = make_section()
    control = control_article(section=section)
    hidden = hidden_article(status, "section", section=section)
    return Scene(f"/{section.slug}/", "div.layout__main", [hidden], [control])


def parent_section_page(status):
    parent = make_section()
    child = make_section(parent=parent)
    control = control_article(section=child)
    hidden = hidden_article(status, "parent", section=child)
    return Scene(f"/{parent.slug}/", "div.layout__main", [hidden], [control])


def keyword_page(status):
    control = control_article(keywords=["Từ khoá kiểm thử"])
    hidden = hidden_article(status, "keyword", keywords=["Từ khoá kiểm thử"])
    return Scene(f"/tu-khoa/{control.keywords[0].slug}", "div.layout__main", [hidden], [control])


def campaign_articles(status):
    campaign = make_campaign()
    control = control_article(campaign_id=campaign.id)
    hidden = hidden_article(status, "campaign", campaign_id=campaign.id)
    return Scene(
        f"/phong-trao/{campaign.slug}",
        "section[aria-labelledby='campaign-articles-title']",
        [hidden],
        [control],
    )


def campaign_exemplary_stories(status):
    campaign = make_campaign()
    control = control_article(format="exemplary")
    hidden = hidden_article(status, "exemplary", format="exemplary")
    make_profile(control, campaign, subject_name="Người đối chứng")
    make_profile(hidden, campaign, subject_name="Người chưa công khai")
    return Scene(f"/phong-trao/{campaign.slug}", "article.profile-teaser", [hidden], [control])


def related_articles(status):
    keywords = ["Chuyển đổi số", "Cải cách hành chính"]
    reader = control_article(title="Bài đang đọc", keywords=keywords, hours_ago=5)
    control = control_article(keywords=keywords[:1])
    hidden = hidden_article(status, "related", keywords=keywords)
    return Scene(path_of(reader), "section[aria-labelledby='related-title']", [hidden], [control])


def newer_neighbour(status):
    """The hidden article sits right after the one being read; the public control is the older one."""
    section = make_section()
    control = control_article(section=section, hours_ago=4)
    reader = control_article(title="Bài đang đọc", section=section, hours_ago=3)
    hidden = hidden_article(status, "newer", section=section, minutes_ago=120)
    return Scene(path_of(reader), "nav.neighbours", [hidden], [control])


def older_neighbour(status):
    """The hidden article sits right before the one being read; the public control is the newer one."""
    section = make_section()
    control = control_article(section=section, hours_ago=2)
    reader = control_article(title="Bài đang đọc", section=section, hours_ago=3)
    hidden = hidden_article(status, "older", section=section, minutes_ago=240)
    return Scene(path_of(reader), "nav.neighbours", [hidden], [control])


def sidebar_box(status):
    section = make_section(in_sidebar=True)
    control = control_article(section=section)
    hidden = hidden_article(status, "sidebar", section=section)
    return Scene("/", f"section[aria-labelledby='box-{section.slug}']", [hidden], [control])


def most_read_box(status):
    control = control_article(view_count=50_000)
    hidden = hidden_article(status, "most-read", view_count=10**9)
    return Scene("/", "section.box--most-read", [hidden], [control])


PLACES = {
    "home top stories": home_top_stories,
    "home latest news": home_latest,
    "home section block": home_section_block,
    "section page": section_page,
    "parent section page": parent_section_page,
    "keyword page": keyword_page,
    "campaign articles": campaign_articles,
    "campaign exemplary stories": campaign_exemplary_stories,
    "related articles": related_articles,
    "newer neighbour": newer_neighbour,
    "older neighbour": older_neighbour,
    "sidebar box": sidebar_box,
    "most read box": most_read_box,
}
# A scheduled story is in the future by definition, so it can never be an older neighbour.
MATRIX = [
    pytest.param(status, place, id=f"{status}-{place.replace(' ', '-')}")
    for place in PLACES
    for status in NON_PUBLIC
    if not (status == "scheduled" and place == "older neighbour")
]


def assert_shown_only_public(html: str, region: list[Element], scene: Scene) -> None:
    assert region, f"nothing found at {scene.place!r} on {scene.url}"
    region_text = " ".join(element.text for element in region)
    region_links = [href for element in region for href in element.links()]
    for article in scene.controls:
        assert article.title in region_text
        assert path_of(article) in region_links
    for article in scene.hidden:
        assert article.title not in html
        assert f"-{article.id}.html" not in html


@pytest.mark.parametrize(("status", "place"), MATRIX)
def test_non_public_article_is_absent_where_a_public_one_is_shown(client, status, place):
    scene = PLACES[place](status)

    response = client.get(scene.url)

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert_shown_only_public(html, parse(html).select(scene.place), scene)


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_non_public_article_url_answers_404_while_a_public_one_answers_200(client, status):
    control = control_article()
    hidden = hidden_article(status, "own-url")

    assert client.get(path_of(control)).status_code == 200
    assert client.get(path_of(hidden)).status_code == 404


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_non_public_article_under_a_wrong_slug_answers_404_rather_than_redirecting(client, status):
    hidden = hidden_article(status, "wrong-slug")

    response = client.get(f"/sai-chuyen-muc/sai-tieu-de-{hidden.id}.html")

    assert response.status_code == 404
    assert response.location is None


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_keyword_page_counts_only_public_articles(client, status):
    keyword = ["Đô thị văn minh"]
    for hours_ago in (2, 3):
        control_article(title=f"Tin công khai {hours_ago}", keywords=keyword, hours_ago=hours_ago)
    hidden_article(status, "count", keywords=keyword)

    page = parse(client.get("/tu-khoa/do-thi-van-minh").data)

    count = page.one("header.page-header p.meta").text
    assert [int(number) for number in count.split() if number.isdigit()] == [2]
    assert len(page.select("div.list article.teaser")) == 2


@pytest.mark.parametrize(
    ("published", "shown"),
    [
        pytest.param(timedelta(minutes=-1), True, id="published-a-minute-ago-appears"),
        pytest.param(timedelta(hours=1), False, id="due-in-an-hour-does-not"),
    ],
)
def test_publication_time_decides_visibility_at_the_present_moment(client, published, shown):
    section = make_section()
    control = control_article(section=section)
    article = make_article("Tin hẹn giờ đăng", section=section, published_at=utcnow() + published)

    section_html = client.get(f"/{section.slug}/").get_data(as_text=True)
    article_status = client.get(path_of(article)).status_code

    assert control.title in section_html
    assert (article.title in section_html) is shown
    assert article_status == (200 if shown else 404)
