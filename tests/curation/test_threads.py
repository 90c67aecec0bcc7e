"""Story threads ("Theo dòng sự kiện"): the box on an article page and the back-office pages behind it."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.dates import utcnow
from app.core.errors import Conflict
from app.curation import threads
from app.curation.models import StoryThread, ThreadEntry
from app.extensions import db as _db
from tests.factories import NON_PUBLIC, make_article, make_section
from tests.pages import csrf_token, parse


def path_of(article) -> str:
    return f"/{article.section.slug}/{article.slug}-{article.id}.html"


def thread_box(client, article):
    """The "Theo dòng sự kiện" box of the article's public page, or None when the page has none."""
    response = client.get(path_of(article))
    assert response.status_code == 200
    found = parse(response.data).select("section.story-thread")
    return found[0] if found else None


def post(client, url: str, data: dict | None = None, **kwargs):
    return client.post(url, data={"csrf_token": csrf_token(client), **(data or {})}, **kwargs)


def thread_of(article_id: int) -> int | None:
    return _db.session.scalar(select(ThreadEntry.thread_id).where(ThreadEntry.article_id == article_id))


def new_thread(title: str = "Bão số 3 đổ bộ", *articles) -> StoryThread:
    thread = threads.create_thread(title=title, description="", actor=None)
    for article in articles:
        threads.add_to_thread(thread, article, actor=None)
    return thread


def hidden_article(status: str, **fields):
    """A story readers must not see; non-scheduled ones get a past time so only their status hides them."""
    when = utcnow() + (timedelta(hours=24) if status == "scheduled" else -timedelta(minutes=1))
    return make_article(f"Tin chưa công khai {status}", status=status, published_at=when, **fields)


@pytest.fixture
def storm(db):
    """Four public stories of a running story, the newest first."""
    section = make_section("Xã hội", slug="xa-hoi")
    return [make_article(f"Bão số 3: diễn biến {n}", section=section, hours_ago=n * 5 + 1) for n in range(4)]


def test_article_page_lists_the_other_public_articles_of_its_thread_newest_first(client, storm):
    new_thread("Bão số 3 đổ bộ", storm[2], storm[0], storm[3], storm[1])

    box = thread_box(client, storm[2])

    assert box.one("h2").text == "Theo dòng sự kiện: Bão số 3 đổ bộ"
    assert box.links("li a") == [path_of(storm[0]), path_of(storm[1]), path_of(storm[3])]
    assert box.texts("li time") == [
        f"{a.published_at + timedelta(hours=7):%d/%m/%Y}" for a in storm[:2] + storm[3:]
    ]


def test_the_thread_box_comes_after_the_article_and_before_related_articles(client, storm):
    new_thread("Bão số 3 đổ bộ", storm[0], storm[1])

    page = parse(client.get(path_of(storm[0])).data)

    assert page.one("article.story").position < page.one("section.story-thread").position
    assert page.one("section.story-thread").position < page.one("section.comments").position


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_the_thread_box_lists_only_public_articles(client, storm, status):
    hidden = hidden_article(status, section=storm[0].section)
    new_thread("Bão số 3 đổ bộ", storm[0], hidden, storm[1])

    box = thread_box(client, storm[0])

    assert box.links("li a") == [path_of(storm[1])]
    assert hidden.title not in client.get(path_of(storm[0])).get_data(as_text=True)


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_the_thread_box_is_hidden_when_no_other_article_is_public(client, storm, status):
    new_thread("Bão số 3 đổ bộ", storm[0], hidden_article(status, section=storm[0].section))

    assert thread_box(client, storm[0]) is None


def test_an_article_alone_in_its_thread_or_in_none_shows_no_box(client, storm):
    new_thread("Bão số 3 đổ bộ", storm[0])

    assert thread_box(client, storm[0]) is None
    assert thread_box(client, storm[1]) is None


def test_the_thread_box_lists_at_most_ten_articles(client, storm):
    more = [make_article(f"Cập nhật {n}", section=storm[0].section, hours_ago=30 + n) for n in range(10)]
    new_thread("Bão số 3 đổ bộ", *storm, *more)

    box = thread_box(client, storm[0])

    assert box.links("li a") == [path_of(a) for a in storm[1:] + more[:7]]


def test_editor_creates_a_thread_whose_address_comes_from_its_title(client, login_as, db):
    login_as("editor")

    first = post(client, "/admin/threads/new", {"title": "Bão số 3 đổ bộ", "description": "Cập nhật"})
    second = post(client, "/admin/threads/new", {"title": "Bão số 3 đổ bộ"})

    slugs = list(_db.session.scalars(select(StoryThread.slug).order_by(StoryThread.id)))
    assert (first.status_code, second.status_code) == (302, 302)
    assert slugs == ["bao-so-3-do-bo", "bao-so-3-do-bo-2"]


def test_a_thread_needs_a_title(client, login_as, db):
    login_as("editor")

    response = post(client, "/admin/threads/new", {"title": "   "})

    assert response.status_code == 400
    assert "Vui lòng nhập tiêu đề." in response.get_data(as_text=True)
    assert _db.session.scalar(select(StoryThread.id)) is None


def test_adding_an_article_of_another_thread_moves_it_and_says_so(client, login_as, storm):
    flood = new_thread("Lũ quét ở vùng cao", storm[0], storm[3])
    typhoon = new_thread("Bão số 3 đổ bộ", storm[1])
    login_as("editor")

    response = post(
        client, f"/admin/threads/{typhoon.id}/articles", {"article_id": storm[3].id}, follow_redirects=True
    )

    assert f"Đã chuyển “{storm[3].title}” từ dòng sự kiện “Lũ quét ở vùng cao” sang đây" in response.get_data(
        as_text=True
    )
    assert thread_of(storm[3].id) == typhoon.id
    assert thread_of(storm[0].id) == flood.id
    assert thread_box(client, storm[0]) is None
    assert thread_box(client, storm[1]).links("li a") == [path_of(storm[3])]


def test_adding_an_article_already_in_the_thread_is_refused(client, login_as, storm):
    typhoon = new_thread("Bão số 3 đổ bộ", storm[1])
    login_as("editor")

    response = post(client, f"/admin/threads/{typhoon.id}/articles", {"article_id": storm[1].id})

    assert response.status_code == 409
    assert f"“{storm[1].title}” đã có trong dòng sự kiện này." in response.get_data(as_text=True)
    with pytest.raises(Conflict):
        threads.add_to_thread(typhoon, storm[1], actor=None)


def test_editors_may_add_a_draft_ahead_of_time_and_readers_see_it_once_published(client, login_as, storm):
    typhoon = new_thread("Bão số 3 đổ bộ", storm[0])
    draft = make_article("Bão số 3: khắc phục hậu quả", section=storm[0].section, status="draft")
    login_as("editor")

    offered = parse(client.get(f"/admin/threads/{typhoon.id}?q=khắc phục").data)
    added = post(client, f"/admin/threads/{typhoon.id}/articles", {"article_id": draft.id})
    listed = parse(client.get(f"/admin/threads/{typhoon.id}").data)

    assert offered.texts(".thread-candidates__title") == [draft.title]
    assert added.status_code == 302
    assert draft.title in listed.one("table.thread-entries").text
    assert thread_box(client, storm[0]) is None


def test_the_search_tells_which_thread_an_article_follows_now(client, login_as, storm):
    new_thread("Lũ quét ở vùng cao", storm[2])
    typhoon = new_thread("Bão số 3 đổ bộ", storm[0])
    login_as("editor")

    page = parse(client.get(f"/admin/threads/{typhoon.id}?q=diễn biến").data)

    assert page.texts(".thread-candidates__title") == [storm[3].title, storm[2].title, storm[1].title]
    assert "Đang thuộc dòng sự kiện “Lũ quét ở vùng cao”" in page.one(".thread-candidates").text


def test_removing_an_article_and_deleting_a_thread_keep_the_articles(client, login_as, storm):
    typhoon = new_thread("Bão số 3 đổ bộ", storm[0], storm[1], storm[2])
    entry_id = _db.session.scalar(select(ThreadEntry.id).where(ThreadEntry.article_id == storm[2].id))
    login_as("editor")

    removed = post(client, f"/admin/threads/{typhoon.id}/articles/{entry_id}/remove")
    box = thread_box(client, storm[0])
    deleted = post(client, f"/admin/threads/{typhoon.id}/delete")

    assert (removed.status_code, deleted.status_code) == (302, 302)
    assert box.links("li a") == [path_of(storm[1])]
    assert _db.session.get(StoryThread, typhoon.id) is None
    assert thread_of(storm[0].id) is None
    assert client.get(path_of(storm[0])).status_code == 200
    assert thread_box(client, storm[1]) is None


def test_thread_changes_are_audited_with_the_editor(client, login_as, storm):
    editor = login_as("editor")

    post(client, "/admin/threads/new", {"title": "Bão số 3"})
    thread_id = _db.session.scalar(select(StoryThread.id))
    post(
        client, f"/admin/threads/{thread_id}", {"title": "Bão số 3 đổ bộ", "description": "Cập nhật liên tục"}
    )
    post(client, f"/admin/threads/{thread_id}/articles", {"article_id": storm[0].id})
    entry_id = _db.session.scalar(select(ThreadEntry.id))
    post(client, f"/admin/threads/{thread_id}/articles/{entry_id}/remove")
    post(client, f"/admin/threads/{thread_id}/delete")

    events = list(
        _db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.object_type == "story_threads", AuditEvent.object_id == thread_id)
            .order_by(AuditEvent.id)
        )
    )
    assert [event.action for event in events] == [
        "thread.create",
        "thread.update",
        "thread.add",
        "thread.remove",
        "thread.delete",
    ]
    assert {event.actor_id for event in events} == {editor.id}
    assert events[1].summary == "Bão số 3 → Bão số 3 đổ bộ"
    assert storm[0].title in events[2].summary


def test_the_thread_list_shows_each_thread_with_its_article_count(client, login_as, storm):
    typhoon = new_thread("Bão số 3 đổ bộ", storm[0], storm[1])
    login_as("editor")

    row = parse(client.get("/admin/threads/").data).one(f"#thread-{typhoon.id}")

    assert row.texts("td")[:2] == ["Bão số 3 đổ bộ", "2"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/admin/threads/"),
        ("get", "/admin/threads/new"),
        ("get", "/admin/threads/{id}"),
        ("post", "/admin/threads/{id}/articles"),
        ("post", "/admin/threads/{id}/delete"),
    ],
)
def test_contributors_cannot_reach_the_thread_pages(client, login_as, storm, method, path):
    typhoon = new_thread("Bão số 3 đổ bộ", storm[0])
    login_as("contributor")

    data = {"article_id": storm[1].id, "csrf_token": csrf_token(client)}
    response = getattr(client, method)(path.format(id=typhoon.id), data=data)

    assert response.status_code == 403
    assert thread_of(storm[0].id) == typhoon.id
    assert thread_of(storm[1].id) is None


def test_thread_changes_without_a_csrf_token_are_refused(client, login_as, storm):
    typhoon = new_thread("Bão số 3 đổ bộ", storm[0])
    login_as("editor")

    added = client.post(f"/admin/threads/{typhoon.id}/articles", data={"article_id": storm[1].id})
    deleted = client.post(f"/admin/threads/{typhoon.id}/delete")

    assert (added.status_code, deleted.status_code) == (400, 400)
    assert "Phiên làm việc đã hết hạn" in added.get_data(as_text=True)
    assert thread_of(storm[1].id) is None
    assert thread_of(storm[0].id) == typhoon.id
