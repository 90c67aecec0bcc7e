"""The editorial workflow: the transition table, who may move what, reasons, notifications, the audit."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.accounts.models import Role
from app.accounts.permissions import ROLE_ACTIONS
from app.articles import workflow
from app.articles.models import Article, ArticleStatus
from app.articles.workflow import TRANSITIONS, IllegalTransition
from app.audit.models import AuditEvent
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.core.errors import InvalidInput, NotAllowed
from app.extensions import db
from app.notifications.models import Notification
from tests.factories import make_article, make_user
from tests.pages import csrf_token, parse

STATUSES = [status.value for status in ArticleStatus]


def authored(user, status: str = "draft", **overrides) -> Article:
    article = make_article(status=status, **overrides)
    with write_transaction():
        article.created_by_id = user.id
    return article


def transition(client, article_id: int, action: str, **data):
    return client.post(
        f"/admin/articles/{article_id}/transition",
        data={"action": action, "csrf_token": csrf_token(client), **data},
    )


def notifications_of(user) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)))


def test_the_table_lists_each_transition_with_its_sources_target_and_permission():
    table = {
        name: (sorted(s.value for s in t.sources), t.target.value, t.permission)
        for name, t in TRANSITIONS.items()
    }
    assert table == {
        "submit": (["draft", "rejected"], "pending", "article.submit"),
        "publish": (["draft", "pending", "rejected", "unpublished"], "published", "article.publish"),
        "reschedule": (["published"], "published", "article.publish"),
        "return": (["pending"], "rejected", "article.return"),
        "unpublish": (["published"], "unpublished", "article.unpublish"),
        "to_draft": (["pending", "rejected", "unpublished"], "draft", "article.submit"),
    }


@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.value)
@pytest.mark.parametrize("name", list(TRANSITIONS))
def test_each_role_applies_exactly_the_transitions_the_table_and_its_actions_allow(db, role, name):
    """On the actor's own articles, from every status: the move happens, or is refused and changes nothing."""
    actor = make_user(role=role)
    move = TRANSITIONS[name]
    for status in STATUSES:
        article = authored(actor, status)
        allowed = ArticleStatus(status) in move.sources and move.permission in ROLE_ACTIONS[role]
        if allowed:
            workflow.apply(article, name, actor=actor, reason="Cần bổ sung ảnh.")
            assert article.status is move.target, (status, name)
        else:
            expected = IllegalTransition if move.permission in ROLE_ACTIONS[role] else NotAllowed
            with pytest.raises(expected):
                workflow.apply(article, name, actor=actor, reason="Cần bổ sung ảnh.")
            db.session.expire_all()
            assert db.session.get(Article, article.id).status.value == status


@pytest.mark.parametrize("name", ["submit", "to_draft"])
def test_a_contributor_cannot_move_someone_elses_article(db, name):
    article = authored(make_user(role="contributor"), "draft" if name == "submit" else "pending")
    with pytest.raises(NotAllowed):
        workflow.apply(article, name, actor=make_user(role="contributor"))


def test_publishing_now_makes_it_public_and_keeps_the_first_publication_time(db):
    editor = make_user(role="editor")
    article = make_article(status="pending")
    workflow.publish(article, actor=editor)
    first = article.published_at
    assert workflow.state_of(article) == "published"
    assert abs(first - utcnow()) < timedelta(minutes=1)

    workflow.unpublish(article, actor=editor)
    workflow.publish(article, actor=editor, at=utcnow() + timedelta(days=1))

    assert workflow.state_of(article) == "scheduled"
    assert article.first_published_at == first


def test_rescheduling_changes_the_time_of_a_published_article(db):
    editor = make_user(role="editor")
    article = make_article(status="scheduled")
    at = datetime(2031, 1, 1, 1, 0, tzinfo=UTC)
    workflow.reschedule(article, actor=editor, at=at)
    assert article.published_at == at and article.status is ArticleStatus.PUBLISHED


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_returning_needs_a_reason(db, reason):
    article = make_article(status="pending")
    with pytest.raises(InvalidInput) as refused:
        workflow.return_to_author(article, actor=make_user(role="editor"), reason=reason)
    assert refused.value.field == "reason"
    db.session.expire_all()
    assert db.session.get(Article, article.id).status is ArticleStatus.PENDING


def test_the_author_is_told_when_the_article_is_returned_with_the_reason_and_when_published(db):
    author = make_user(role="contributor")
    editor = make_user(role="editor")
    article = authored(author, "pending", title="Hội thi văn nghệ")

    workflow.return_to_author(article, actor=editor, reason="Thiếu tên người chụp ảnh.")
    workflow.submit(article, actor=author)
    workflow.publish(article, actor=editor)

    assert [(n.kind, n.message, n.article_id) for n in notifications_of(author)] == [
        ("returned", "Bài “Hội thi văn nghệ” của bạn bị trả lại: Thiếu tên người chụp ảnh.", article.id),
        ("published", "Bài “Hội thi văn nghệ” của bạn đã được đăng.", article.id),
    ]
    assert notifications_of(editor) == []


def test_a_scheduled_publication_tells_the_author_when_it_will_appear(db):
    author = make_user(role="contributor")
    article = authored(author, "pending", title="Lịch tiếp dân")
    workflow.publish(article, actor=make_user(role="editor"), at=datetime(2030, 8, 10, 2, 47, tzinfo=UTC))
    assert (
        notifications_of(author)[0].message
        == "Bài “Lịch tiếp dân” của bạn sẽ được đăng lúc 09:47 10/08/2030."
    )


def test_editors_publishing_their_own_article_get_no_notification(db):
    editor = make_user(role="editor")
    workflow.publish(authored(editor, "draft"), actor=editor)
    assert notifications_of(editor) == []


def test_every_transition_is_audited_with_who_and_what(db):
    author, editor = make_user(role="contributor"), make_user(role="editor")
    article = authored(author, "draft")
    workflow.submit(article, actor=author)
    workflow.return_to_author(article, actor=editor, reason="Viết lại sapo.")
    workflow.move_to_draft(article, actor=author)
    workflow.publish(article, actor=editor)
    workflow.unpublish(article, actor=editor)
    events = db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.object_type == "articles", AuditEvent.object_id == article.id)
        .where(AuditEvent.action != "article.create")
        .order_by(AuditEvent.id)
    ).all()
    assert [(e.action, e.actor_id) for e in events] == [
        ("article.submit", author.id),
        ("article.return", editor.id),
        ("article.to_draft", author.id),
        ("article.publish", editor.id),
        ("article.unpublish", editor.id),
    ]
    assert events[1].summary == "pending → rejected · Viết lại sapo."


def test_a_contributor_submits_from_the_editor_and_lands_on_the_list(client, login_as):
    author = login_as("contributor")
    article = authored(author, "draft")
    page = parse(client.get(f"/admin/articles/{article.id}/edit").data)
    data = {
        field["name"]: field.get("value", "") for field in page.select("form[data-article-form] input[name]")
    }
    data.update(
        title="Bản đã hoàn thiện",
        body="<p>Nội dung</p>",
        section_id=str(article.section_id),
        format="standard",
        action="submit",
    )
    response = client.post(f"/admin/articles/{article.id}/edit", data=data)
    assert response.status_code == 302 and response.location.endswith("/admin/articles/")
    saved = db.session.get(Article, article.id)
    assert (saved.title, saved.status) == ("Bản đã hoàn thiện", ArticleStatus.PENDING)
    assert "Bài viết đã được gửi duyệt." in client.get("/admin/articles/").get_data(as_text=True)


def test_an_editor_returns_an_article_and_the_author_sees_the_reason(client, login_as):
    author = make_user(role="contributor")
    article = authored(author, "pending")
    login_as("editor")
    response = transition(client, article.id, "return", reason="Ảnh chưa ghi nguồn.")
    assert response.status_code == 302

    login_as(author)
    editor_page = parse(client.get(f"/admin/articles/{article.id}/edit").data)
    assert editor_page.one(".notice--returned .return-reason").text == "Ảnh chưa ghi nguồn."
    list_page = parse(client.get("/admin/articles/").data)
    assert list_page.one(f"#article-{article.id} .return-reason").text == "Lý do: Ảnh chưa ghi nguồn."


def test_returning_without_a_reason_shows_the_error_next_to_the_reason_field(client, login_as):
    article = make_article(status="pending")
    login_as("editor")
    response = transition(client, article.id, "return", reason=" ")
    assert response.status_code == 400
    assert parse(response.data).one("#reason-error").text == "Vui lòng ghi lý do trả lại bài."
    assert db.session.get(Article, article.id).status is ArticleStatus.PENDING


def test_an_illegal_transition_is_refused_with_a_clear_message_and_409(client, login_as):
    article = make_article(status="draft")
    login_as("editor")
    response = transition(client, article.id, "unpublish")
    assert response.status_code == 409
    assert "Không thể “Gỡ bài” khi bài viết đang ở trạng thái “Bản nháp”." in response.get_data(as_text=True)


def test_an_unknown_action_is_refused(client, login_as):
    article = make_article(status="draft")
    login_as("editor")
    assert transition(client, article.id, "delete").status_code == 400


def test_a_contributor_cannot_publish_by_forging_the_button(client, login_as):
    author = login_as("contributor")
    article = authored(author, "draft")
    response = transition(client, article.id, "publish")
    assert response.status_code == 403
    assert db.session.get(Article, article.id).status is ArticleStatus.DRAFT


def test_the_editor_page_offers_the_moves_allowed_from_the_status(client, login_as):
    login_as("editor")
    pending = make_article(status="pending")
    published = make_article(status="published")
    pending_page = parse(client.get(f"/admin/articles/{pending.id}/edit").data)
    published_page = parse(client.get(f"/admin/articles/{published.id}/edit").data)
    assert [b["value"] for b in pending_page.select("button[name=action]")] == ["save", "publish"]
    assert pending_page.select(".workflow__return #reason")
    assert [b["value"] for b in published_page.select("button[name=action]")] == ["save", "reschedule"]
    assert published_page.texts(".workflow button") == ["Gỡ bài"]
