"""The dashboard: own drafts, returned articles and their reasons, the review queue, counts, notifications."""

from sqlalchemy import select

from app.articles import workflow
from app.articles.models import Article
from app.core.db import write_transaction
from app.extensions import db
from app.notifications.models import Notification
from tests.factories import make_article, make_user
from tests.pages import parse


def authored(user, status: str = "draft", **overrides) -> Article:
    article = make_article(status=status, **overrides)
    with write_transaction():
        article.created_by_id = user.id
    return article


def dashboard(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return parse(response.data)


def section(page, title: str):
    """The dashboard panel whose heading reads `title`."""
    for heading in page.select("section h2"):
        if heading.text.startswith(title):
            return heading.parent
    raise AssertionError(f"no panel {title!r}")


def test_a_contributor_sees_their_drafts_and_returned_articles_with_the_reasons(client, login_as):
    author = login_as("contributor")
    authored(author, "draft", title="Nháp của tôi")
    returned = authored(author, "rejected", title="Bài bị trả")
    with write_transaction():
        returned.return_reason = "Cần thêm số liệu."
    authored(make_user(role="contributor"), "draft", title="Nháp người khác")

    page = dashboard(client)

    assert section(page, "Bản nháp của tôi").texts("li a") == ["Nháp của tôi"]
    assert section(page, "Bài bị trả lại cho tôi").one(".return-reason").text == "Lý do: Cần thêm số liệu."
    assert not any(h.text == "Bài chờ duyệt" for h in page.select("h2"))


def test_a_contributor_counts_only_their_own_articles(client, login_as):
    author = login_as("contributor")
    authored(author, "draft")
    authored(author, "scheduled")
    make_article(status="draft")
    counts = {
        tile.one(".badge").text: tile.one(".count-tiles__number").text
        for tile in dashboard(client).select(".count-tiles a")
    }
    assert counts == {
        "Bản nháp": "1",
        "Chờ duyệt": "0",
        "Đã lên lịch": "1",
        "Đã đăng": "0",
        "Bị trả lại": "0",
        "Đã gỡ": "0",
    }


def test_editors_see_the_review_queue_every_status_count_and_the_latest_published(client, login_as):
    login_as("editor")
    make_article("Chờ lâu", status="pending")
    make_article("Đã đăng gần đây", hours_ago=1)
    make_article("Sắp đăng", status="scheduled")
    page = dashboard(client)
    assert section(page, "Bài chờ duyệt").texts("li a") == ["Chờ lâu"]
    assert section(page, "Mới đăng").texts("li a") == ["Đã đăng gần đây"]
    count_links = page.links(".count-tiles a")
    assert "/admin/articles/?status=scheduled" in count_links
    assert page.one(".count-tiles a[href$='status=pending'] .count-tiles__number").text == "1"


def test_unread_notifications_are_listed_and_can_be_marked_read(client, login_as):
    author = login_as("contributor")
    article = authored(author, "pending", title="Hội thi")
    workflow.return_to_author(article, actor=make_user(role="editor"), reason="Sửa tiêu đề.")
    page = dashboard(client)
    item = page.one(".notification")
    assert item.one(".notification__message").text == "Bài “Hội thi” của bạn bị trả lại: Sửa tiêu đề."
    assert item.one("a")["href"].endswith(f"/admin/articles/{article.id}/edit")

    token = page.one('meta[name="csrf-token"]')["content"]
    response = client.post(item.one("form")["action"], data={"csrf_token": token})

    assert response.status_code == 302
    assert dashboard(client).select(".notification") == []
    assert db.session.scalar(select(Notification.read_at)) is not None


def test_marking_all_notifications_read_clears_the_list(client, login_as):
    author = login_as("contributor")
    editor = make_user(role="editor")
    for title in ("Một", "Hai"):
        workflow.publish(authored(author, "pending", title=title), actor=editor)
    page = dashboard(client)
    assert len(page.select(".notification")) == 2
    token = page.one('meta[name="csrf-token"]')["content"]
    client.post("/admin/notifications/read", data={"csrf_token": token})
    assert dashboard(client).select(".notification") == []


def test_nobody_marks_someone_elses_notification(client, login_as):
    author = make_user(role="contributor")
    workflow.publish(authored(author, "pending"), actor=make_user(role="editor"))
    notification = db.session.scalar(select(Notification))
    login_as("editor")
    page = dashboard(client)
    token = page.one('meta[name="csrf-token"]')["content"]
    response = client.post(f"/admin/notifications/{notification.id}/read", data={"csrf_token": token})
    assert response.status_code == 404
    assert db.session.scalar(select(Notification.read_at)) is None
