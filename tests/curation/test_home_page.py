"""The home page as editors arrange it: the picked top story and Tiêu điểm with their fallbacks,
the order of blocks and boxes, the campaign box."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.articles.workflow import unpublish
from app.audit.models import AuditEvent
from app.core.dates import today_local, utcnow
from app.core.db import write_transaction
from app.core.errors import Conflict, InvalidInput
from app.curation.home import order_home_blocks, order_sidebar_boxes, pick_for_home, unpick
from app.curation.models import HomePick
from app.extensions import db as _db
from tests.factories import NON_PUBLIC, make_article, make_campaign, make_section, make_user
from tests.pages import parse


def path_of(article) -> str:
    return f"/{article.section.slug}/{article.slug}-{article.id}.html"


def home(client):
    return parse(client.get("/").data)


def hero(page) -> str:
    (link,) = page.one("section.top-stories article.teaser--hero").links(".teaser__title a")
    return link


def focus(page) -> list[str]:
    return page.one("section.focus").links(".teaser__title a")


def latest_list(page) -> list[str]:
    found = page.select("section[aria-labelledby='latest-title']")
    return found[0].links(".teaser__title a") if found else []


def every_story_link(page) -> list[str]:
    return [hero(page), *focus(page), *latest_list(page)]


@pytest.fixture
def editor(db):
    return make_user(role="editor")


@pytest.fixture
def stories(db):
    """Ten public stories, newest first (1 h, 2 h, … 10 h old), none featured."""
    return [make_article(f"Tin thứ {hours}", hours_ago=hours) for hours in range(1, 11)]


def picks() -> dict[int, int]:
    return dict(_db.session.execute(select(HomePick.slot, HomePick.article_id)).all())


def test_with_nothing_picked_the_top_follows_featured_then_the_latest(client, stories):
    featured = make_article("Tin nổi bật cũ", is_featured=True, hours_ago=50)

    page = home(client)

    assert hero(page) == path_of(featured)
    assert focus(page) == [path_of(story) for story in stories[:4]]
    assert latest_list(page) == [path_of(story) for story in stories[4:]]


def test_a_picked_top_story_leads_the_page_in_the_hero(client, stories, editor):
    old = make_article("Bài cũ được chọn làm tin chính", hours_ago=200)

    pick_for_home(old, 0, actor=editor)
    page = home(client)

    assert hero(page) == path_of(old)
    assert focus(page) == [path_of(story) for story in stories[:4]]
    assert every_story_link(page).count(path_of(old)) == 1


def test_in_focus_stories_follow_the_slots_order(client, stories, editor):
    chosen = [make_article(f"Bài chọn {number}", hours_ago=100 + number) for number in range(4)]

    for slot, article in zip((4, 3, 2, 1), chosen, strict=True):
        pick_for_home(article, slot, actor=editor)
    page = home(client)

    assert hero(page) == path_of(stories[0])
    assert focus(page) == [path_of(article) for article in reversed(chosen)]


def test_an_empty_slot_takes_the_next_latest_story_and_nothing_shows_twice(client, stories, editor):
    pick_for_home(stories[0], 3, actor=editor)

    page = home(client)

    assert hero(page) == path_of(stories[1])
    assert focus(page) == [path_of(stories[i]) for i in (2, 3, 0, 4)]
    assert latest_list(page) == [path_of(story) for story in stories[5:]]
    links = every_story_link(page)
    assert len(links) == len(set(links)) == len(stories)


def test_a_picked_story_that_is_unpublished_falls_back_to_the_latest_silently(client, stories, editor):
    old = make_article("Bài sẽ bị gỡ", hours_ago=200)
    pick_for_home(old, 0, actor=editor)

    unpublish(old, actor=editor)
    response = client.get("/")

    assert response.status_code == 200
    page = parse(response.data)
    assert hero(page) == path_of(stories[0])
    assert "Bài sẽ bị gỡ" not in page.text


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_a_pick_whose_story_is_not_public_never_shows(client, stories, status):
    when = utcnow() + (timedelta(hours=24) if status == "scheduled" else -timedelta(minutes=1))
    hidden = make_article(f"Tin chưa công khai {status}", status=status, published_at=when)
    with write_transaction():
        _db.session.add(HomePick(slot=0, article_id=hidden.id))
        _db.session.add(HomePick(slot=2, article_id=stories[9].id))

    page = home(client)

    assert hidden.title not in page.text
    assert hero(page) == path_of(stories[0])
    assert focus(page) == [path_of(stories[1]), path_of(stories[9]), path_of(stories[2]), path_of(stories[3])]


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_a_story_that_is_not_public_cannot_be_picked(db, editor, status):
    hidden = make_article(status=status)

    with pytest.raises(InvalidInput) as refused:
        pick_for_home(hidden, 0, actor=editor)

    expected = "chưa được đăng" if status == "scheduled" else "Chỉ bài đã đăng"
    assert expected in refused.value.message
    assert picks() == {}


def test_picking_a_story_for_another_slot_moves_it(db, stories, editor):
    pick_for_home(stories[5], 0, actor=editor)

    pick_for_home(stories[5], 2, actor=editor)

    assert picks() == {2: stories[5].id}


def test_picking_a_taken_slot_replaces_its_story(client, stories, editor):
    pick_for_home(stories[6], 0, actor=editor)

    pick_for_home(stories[7], 0, actor=editor)

    assert picks() == {0: stories[7].id}
    assert hero(home(client)) == path_of(stories[7])


def test_an_unpicked_slot_shows_the_latest_again(client, stories, editor):
    pick_for_home(stories[8], 0, actor=editor)

    removed = unpick(0, actor=editor)

    assert removed.id == stories[8].id
    assert picks() == {}
    assert hero(home(client)) == path_of(stories[0])
    assert unpick(0, actor=editor) is None


@pytest.mark.parametrize("slot", [-1, 5, 99])
def test_there_are_only_five_slots(db, stories, editor, slot):
    with pytest.raises(InvalidInput):
        pick_for_home(stories[0], slot, actor=editor)
    assert picks() == {}


def test_picks_unpicks_and_reorders_are_audited_with_their_editor(db, stories, editor):
    first, second = make_section(on_home=True), make_section(on_home=True)

    pick_for_home(stories[3], 1, actor=editor)
    unpick(1, actor=editor)
    order_home_blocks([second.id, first.id], actor=editor)

    events = _db.session.execute(
        select(AuditEvent.action, AuditEvent.object_type, AuditEvent.object_id, AuditEvent.actor_id)
        .where(AuditEvent.action.startswith("homepage."))
        .order_by(AuditEvent.id)
    ).all()
    assert [tuple(event) for event in events] == [
        ("homepage.pick", "articles", stories[3].id, editor.id),
        ("homepage.unpick", "articles", stories[3].id, editor.id),
        ("homepage.reorder", "sections", second.id, editor.id),
        ("homepage.reorder", "sections", first.id, editor.id),
    ]


def block_slugs(page) -> list[str]:
    return [element["id"].removeprefix("block-") for element in page.select("section.block h2[id^='block-']")]


def box_slugs(page) -> list[str]:
    return [
        element["id"].removeprefix("box-")
        for element in page.select("aside.sidebar section.box h2[id^='box-']")
        if element["id"] not in ("box-most-read", "box-popular-keywords")
    ]


def test_home_blocks_follow_the_editors_order(client, editor):
    sections = [make_section(f"Khối {number}", on_home=True) for number in range(3)]
    for section in sections:
        make_article(section=section)
    assert block_slugs(home(client)) == [section.slug for section in sections]

    order_home_blocks([sections[2].id, sections[0].id, sections[1].id], actor=editor)

    assert block_slugs(home(client)) == [sections[i].slug for i in (2, 0, 1)]


def test_sidebar_boxes_follow_the_editors_order(client, editor):
    sections = [make_section(f"Hộp {number}", kind="column", in_sidebar=True) for number in range(3)]
    for section in sections:
        make_article(section=section)
    assert box_slugs(home(client)) == [section.slug for section in sections]

    order_sidebar_boxes([sections[1].id, sections[2].id, sections[0].id], actor=editor)

    assert box_slugs(home(client)) == [sections[i].slug for i in (1, 2, 0)]


@pytest.mark.parametrize("change", ["missing", "unknown", "repeated"])
def test_an_order_that_does_not_list_exactly_the_blocks_is_refused(db, editor, change):
    first, second = make_section(on_home=True), make_section(on_home=True)
    other = make_section()
    ids = {
        "missing": [first.id],
        "unknown": [first.id, second.id, other.id],
        "repeated": [first.id, first.id],
    }[change]

    with pytest.raises(Conflict):
        order_home_blocks(ids, actor=editor)

    assert _db.session.scalar(select(func.count()).where(AuditEvent.action == "homepage.reorder")) == 0


def test_an_active_campaign_gets_a_box_linking_to_its_page(client, stories):
    campaign = make_campaign("Chung tay vì người nghèo", slug="chung-tay", ends_on=date(2030, 12, 31))

    box = home(client).one("section.box--campaigns")

    assert box.links() == ["/phong-trao/chung-tay"]
    assert campaign.title in box.text
    assert "31/12/2030" in box.text


@pytest.mark.parametrize("when", ["upcoming", "ended"])
def test_a_campaign_that_is_not_running_gets_no_box(client, stories, when):
    today = today_local()
    if when == "upcoming":
        make_campaign(starts_on=today + timedelta(days=3), ends_on=today + timedelta(days=30))
    else:
        make_campaign(starts_on=today - timedelta(days=30), ends_on=today - timedelta(days=1))

    assert home(client).select("section.box--campaigns") == []


def test_picks_cost_the_same_statements_as_the_automatic_page(
    app, client, count_statements, stories, editor, monkeypatch
):
    monkeypatch.setitem(app.config, "PAGE_CACHE", False)  # what rendering costs, not a cache hit
    monkeypatch.setitem(app.config, "FRAGMENT_SECONDS", 0)  # the sidebar rendered each time, as if changed
    client.get("/")
    with count_statements() as automatic:
        client.get("/")
    for slot, story in enumerate(stories[5:10]):
        pick_for_home(story, slot, actor=editor)

    with count_statements() as picked:
        page = parse(client.get("/").data)

    assert hero(page) == path_of(stories[5])
    assert picked.count == automatic.count
