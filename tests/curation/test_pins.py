"""Pinned stories: their order on the section page, pagination, featured columns, the pins page."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.articles.models import ArticleStatus
from app.audit.models import AuditEvent
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.core.errors import Conflict, InvalidInput
from app.curation import pins
from app.curation.models import SectionPin
from app.extensions import db as _db
from app.sections.models import Section, SectionKind
from tests.factories import NON_PUBLIC, make_article, make_image, make_section, make_user
from tests.pages import csrf_token, parse


def path_of(article) -> str:
    return f"/{article.section.slug}/{article.slug}-{article.id}.html"


def listed_on(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return parse(response.data).one("div.layout__main").links(".teaser__title a")


def post(client, url: str, data: dict | None = None):
    return client.post(url, data={"csrf_token": csrf_token(client), **(data or {})})


def stored_pins(section_id: int) -> list[int]:
    """The pinned article ids of a section, in pin order, as stored."""
    return list(
        _db.session.scalars(
            select(SectionPin.article_id)
            .where(SectionPin.section_id == section_id)
            .order_by(SectionPin.position, SectionPin.id)
        )
    )


def reloaded(section) -> Section:
    """The section in the current session (a request ends the test's session and detaches objects)."""
    return _db.session.get(Section, section.id)


def hidden_article(status: str, **fields):
    """A story readers must not see; non-scheduled ones get a past time so only their status hides them."""
    when = utcnow() + (timedelta(hours=24) if status == "scheduled" else -timedelta(minutes=1))
    return make_article(f"Tin chưa công khai {status}", status=status, published_at=when, **fields)


def pinned_earlier(section, article, position: int = 1) -> SectionPin:
    """A pin stored as it was when its story was public (the story was unpublished or rescheduled since)."""
    with write_transaction():
        pin = SectionPin(section_id=section.id, article_id=article.id, position=position)
        _db.session.add(pin)
    return pin


@pytest.fixture
def section(db):
    """`phap-luat` with five public stories, newest first in the list."""
    law = make_section("Pháp luật", slug="phap-luat")
    stories = [make_article(f"Tin pháp luật {n}", section=law, hours_ago=n + 1) for n in range(5)]
    return law, stories


def test_pinned_stories_open_the_section_page_in_pin_order_then_the_latest(client, section):
    law, stories = section
    editor = make_user(role="editor")
    pins.pin_story(law, stories[3], actor=editor)
    pins.pin_story(law, stories[1], actor=editor)

    assert listed_on(client, "/phap-luat/") == [
        path_of(stories[3]),
        path_of(stories[1]),
        path_of(stories[0]),
        path_of(stories[2]),
        path_of(stories[4]),
    ]


def test_moving_a_pin_changes_the_order_on_the_page(client, section):
    law, stories = section
    editor = make_user(role="editor")
    first = pins.pin_story(law, stories[4], actor=editor)
    pins.pin_story(law, stories[3], actor=editor)
    last = pins.pin_story(law, stories[2], actor=editor)

    assert pins.move_pin(last, "up", actor=editor) is True
    assert pins.move_pin(first, "up", actor=editor) is False  # already first: nothing changes

    assert stored_pins(law.id) == [stories[4].id, stories[2].id, stories[3].id]
    assert listed_on(client, "/phap-luat/")[:3] == [path_of(stories[i]) for i in (4, 2, 3)]
    assert pins.move_pin(first, "down", actor=editor) is True
    assert [article.id for article in pins.pinned_stories(reloaded(law))] == [
        stories[i].id for i in (2, 4, 3)
    ]


def test_pins_fill_page_one_and_are_not_repeated_on_page_two(client, db):
    politics = make_section("Chính trị", slug="chinh-tri")
    stories = [make_article(f"Tin chính trị {n}", section=politics, hours_ago=n + 1) for n in range(25)]
    editor = make_user(role="editor")
    pins.pin_story(politics, stories[24], actor=editor)
    pins.pin_story(politics, stories[21], actor=editor)
    others = [story for story in stories if story not in (stories[24], stories[21])]

    first = parse(client.get("/chinh-tri/").data)
    second = listed_on(client, "/chinh-tri/?page=2")

    assert first.one("div.layout__main").links(".teaser__title a") == [
        path_of(story) for story in [stories[24], stories[21], *others[:18]]
    ]
    assert second == [path_of(story) for story in others[18:]]
    assert first.one(".pager__status").text == "Trang 1 / 2"
    assert client.get("/chinh-tri/?page=3").status_code == 404


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_a_pinned_story_that_is_no_longer_public_is_never_shown(client, section, status):
    law, stories = section
    hidden = hidden_article(status, section=law)
    pinned_earlier(law, hidden, position=1)
    pinned_earlier(law, stories[2], position=2)

    html = client.get("/phap-luat/").get_data(as_text=True)

    assert hidden.title not in html
    assert listed_on(client, "/phap-luat/")[:2] == [path_of(stories[2]), path_of(stories[0])]
    assert [article.id for article in pins.pinned_stories(reloaded(law))] == [stories[2].id]


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_a_story_that_is_not_public_cannot_be_pinned(client, login_as, section, status):
    law, _stories = section
    hidden = hidden_article(status, section=law)
    login_as("editor")

    with pytest.raises(InvalidInput):
        pins.pin_story(law, hidden, actor=None)
    response = post(client, f"/admin/pins/{law.id}/add", {"article_id": hidden.id})

    assert response.status_code == 400
    assert "Chỉ có thể ghim bài viết đã xuất bản." in response.get_data(as_text=True)
    assert stored_pins(law.id) == []


def test_a_story_of_another_section_cannot_be_pinned_but_one_of_a_sub_section_can(client, login_as, section):
    law, _stories = section
    elsewhere = make_article("Tin kinh tế", section=make_section("Kinh tế"))
    from_child = make_article("Tin hỏi đáp pháp luật", section=make_section("Hỏi đáp", parent_id=law.id))
    login_as("editor")

    refused = post(client, f"/admin/pins/{law.id}/add", {"article_id": elsewhere.id})
    accepted = post(client, f"/admin/pins/{law.id}/add", {"article_id": from_child.id})

    assert refused.status_code == 400
    assert "“Tin kinh tế” không thuộc chuyên mục “Pháp luật”." in refused.get_data(as_text=True)
    assert accepted.status_code == 302
    assert stored_pins(law.id) == [from_child.id]
    assert listed_on(client, "/phap-luat/")[0] == path_of(from_child)


def test_pinning_the_same_story_twice_is_refused_in_vietnamese(client, login_as, section):
    law, stories = section
    pins.pin_story(law, stories[2], actor=None)
    login_as("editor")

    response = post(client, f"/admin/pins/{law.id}/add", {"article_id": stories[2].id})

    assert response.status_code == 409
    assert f"“{stories[2].title}” đã được ghim ở đây rồi." in response.get_data(as_text=True)
    with pytest.raises(Conflict):
        pins.pin_story(law, stories[2], actor=None)
    assert stored_pins(law.id) == [stories[2].id]


def test_a_story_moved_to_another_section_leaves_the_pinned_list(client, section):
    law, stories = section
    pins.pin_story(law, stories[4], actor=None)
    society = make_section("Xã hội")
    with write_transaction():
        stories[4].section = society

    assert pins.pinned_stories(reloaded(law)) == []
    assert listed_on(client, "/phap-luat/")[0] == path_of(stories[0])


@pytest.fixture
def column(db):
    """A featured column with a banner, an introduction and three stories."""
    banner = make_image(size=(1200, 300), alt="Bản tin Pháp luật – chuyên trang")
    law = make_section(
        "Bản tin Pháp luật",
        slug="ban-tin-phap-luat",
        kind=SectionKind.COLUMN,
        banner_id=banner.id,
        description="Phổ biến, giáo dục pháp luật cho người dân trên địa bàn huyện.",
    )
    stories = [make_article(f"Hỏi đáp pháp luật số {n}", section=law, hours_ago=n + 1) for n in range(3)]
    return law, stories


def test_column_landing_shows_banner_introduction_and_the_pinned_lead_story(client, column):
    law, stories = column
    pins.pin_story(law, stories[2], actor=None)

    page = parse(client.get("/ban-tin-phap-luat/").data)

    banner = page.one(".column-header .column-banner img")
    assert banner["alt"] == "Bản tin Pháp luật – chuyên trang"
    assert "/media/" in banner["src"]
    assert page.one(".column-header h1").text == "Bản tin Pháp luật"
    assert page.one(".column-header .page-header__intro").text == law.description
    assert page.one(".column-lead").links(".teaser--hero .teaser__title a") == [path_of(stories[2])]
    assert page.one(".column-list").links(".teaser__title a") == [path_of(stories[0]), path_of(stories[1])]


def test_column_without_pins_leads_with_its_latest_story(client, column):
    _law, stories = column

    page = parse(client.get("/ban-tin-phap-luat/").data)

    assert page.one(".column-lead").links(".teaser__title a") == [path_of(stories[0])]


def test_a_news_section_has_no_column_banner(client, section):
    page = parse(client.get("/phap-luat/").data)

    assert page.select(".column-banner") == []
    assert page.select(".column-lead") == []
    assert len(page.select(".section-lead .teaser--hero")) == 1


def test_column_page_with_pins_costs_the_same_statements_with_few_or_many_stories(
    client, count_statements, column
):
    law, stories = column
    for story in stories:
        pins.pin_story(law, story, actor=None)

    with count_statements() as few:
        assert client.get("/ban-tin-phap-luat/").status_code == 200
    more = [make_article(f"Tin thêm {n}", section=law, hours_ago=10 + n) for n in range(30)]
    for story in more[:5]:
        pins.pin_story(law, story, actor=None)
    with count_statements() as many:
        assert client.get("/ban-tin-phap-luat/?page=2").status_code == 200

    assert many.count == few.count + 1  # a later page is cut on ids first, then only its rows are read


def test_editor_pins_reorders_and_unpins_with_audit_events(client, login_as, section):
    law, stories = section
    editor = login_as("editor")

    post(client, f"/admin/pins/{law.id}/add", {"article_id": stories[3].id})
    post(client, f"/admin/pins/{law.id}/add", {"article_id": stories[4].id})
    second = _db.session.scalar(select(SectionPin).where(SectionPin.article_id == stories[4].id))
    moved = post(client, f"/admin/pins/{law.id}/{second.id}/move", {"direction": "up"})
    page = client.get(f"/admin/pins/{law.id}").get_data(as_text=True)
    unpinned = client.post(
        f"/admin/pins/{law.id}/{second.id}/delete",
        data={"csrf_token": csrf_token(client, f"/admin/pins/{law.id}")},
        follow_redirects=True,
    )

    assert moved.status_code == 302
    assert page.index(stories[4].title) < page.index(stories[3].title)
    assert f"Đã bỏ ghim “{stories[4].title}”." in unpinned.get_data(as_text=True)
    assert stored_pins(law.id) == [stories[3].id]
    events = list(
        _db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.object_type == "sections", AuditEvent.object_id == law.id)
            .order_by(AuditEvent.id)
        )
    )
    assert [event.action for event in events] == [
        "section.pin",
        "section.pin",
        "section.reorder_pins",
        "section.unpin",
    ]
    assert {event.actor_id for event in events} == {editor.id}
    assert stories[4].title in events[-1].summary


def test_pins_page_search_offers_public_stories_of_the_section_tree_by_title_newest_first(
    client, login_as, section
):
    law, stories = section
    child = make_section("Hỏi đáp", parent_id=law.id)
    from_child = make_article("Tin pháp luật từ mục con", section=child, hours_ago=0.5)
    make_article("Tin pháp luật nơi khác", section=make_section("Văn hóa"))
    draft = make_article("Tin pháp luật nháp", section=law, status="draft")
    pins.pin_story(law, stories[0], actor=None)
    login_as("editor")

    page = parse(client.get(f"/admin/pins/{law.id}?q=pháp luật").data)

    assert page.texts(".pin-candidates__title") == [from_child.title, *(story.title for story in stories[1:])]
    assert draft.title not in page.one(".pin-candidates").text
    assert parse(client.get(f"/admin/pins/{law.id}?q=luật 3").data).texts(".pin-candidates__title") == [
        stories[3].title
    ]


def test_sections_with_pins_are_listed_and_the_section_form_links_to_its_pins(client, login_as, section):
    law, stories = section
    pins.pin_story(law, stories[0], actor=None)
    login_as("admin")

    listing = parse(client.get("/admin/pins/").data)
    edit_page = parse(client.get(f"/admin/sections/{law.id}").data)

    assert listing.one(f"#section-{law.id}").texts("td") == ["Pháp luật", "1"]
    assert f"/admin/pins/{law.id}" in edit_page.links("main a")


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/admin/pins/"), ("get", "/admin/pins/{id}"), ("post", "/admin/pins/{id}/add")],
)
def test_contributors_cannot_reach_the_pins_pages(client, login_as, section, method, path):
    law, stories = section
    login_as("contributor")

    data = {"article_id": stories[0].id, "csrf_token": csrf_token(client)}
    response = getattr(client, method)(path.format(id=law.id), data=data)

    assert response.status_code == 403
    assert stored_pins(law.id) == []


def test_pinning_without_a_csrf_token_is_refused(client, login_as, section):
    law, stories = section
    login_as("editor")

    response = client.post(f"/admin/pins/{law.id}/add", data={"article_id": stories[0].id})

    assert response.status_code == 400
    assert "Phiên làm việc đã hết hạn" in response.get_data(as_text=True)
    assert stored_pins(law.id) == []


def test_a_pin_of_another_section_answers_404(client, login_as, section):
    law, stories = section
    other = make_section("Kinh tế")
    pin = pins.pin_story(law, stories[0], actor=None)
    login_as("editor")

    response = post(client, f"/admin/pins/{other.id}/{pin.id}/delete")

    assert response.status_code == 404
    assert stored_pins(law.id) == [stories[0].id]


def test_unpublishing_keeps_the_pin_for_editors_but_marks_it(client, login_as, section):
    law, stories = section
    pins.pin_story(law, stories[1], actor=None)
    with write_transaction():
        stories[1].status = ArticleStatus.UNPUBLISHED
    login_as("editor")

    row = parse(client.get(f"/admin/pins/{law.id}").data).one(".pin-list__row")

    assert stories[1].title in row.text
    assert row.select(".badge--unpublished")
