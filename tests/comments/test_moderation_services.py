"""Moderation services: approve, reject, spam, edit before approving, the editorial board's replies, audit."""

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.comments.models import Comment, CommentStatus
from app.comments.moderation import (
    approve_comments,
    delete_official_reply,
    edit_comment,
    mark_spam,
    reject_comments,
    reply_to_comment,
)
from app.core.errors import InvalidInput
from app.extensions import db as _db
from tests.factories import make_article, make_comment, make_user


@pytest.fixture
def editor(db):
    return make_user(role="editor", full_name="Biên Tập Viên")


@pytest.fixture
def article(db):
    return make_article("Phường An Phú lắp đèn chiếu sáng")


def reloaded(comment: Comment) -> Comment:
    _db.session.expire_all()
    return _db.session.get(Comment, comment.id)


def events(action_prefix: str = "comment.") -> list[AuditEvent]:
    return list(
        _db.session.scalars(
            select(AuditEvent).where(AuditEvent.action.startswith(action_prefix)).order_by(AuditEvent.id)
        )
    )


def test_approving_publishes_the_comments_and_records_who_did_it(editor, article):
    first = make_comment(article, author_name="Trần Thị Bình", author_email="binh@example.vn")
    second = make_comment(article)

    changed = approve_comments([first.id, second.id, 999_999], actor=editor)

    assert changed == 2
    for comment in (reloaded(first), reloaded(second)):
        assert comment.status == CommentStatus.APPROVED
        assert comment.moderated_by_id == editor.id
        assert comment.moderated_at is not None
    recorded = events()
    assert [(event.action, event.object_id, event.actor_id) for event in recorded] == [
        ("comment.approve", first.id, editor.id),
        ("comment.approve", second.id, editor.id),
    ]
    assert recorded[0].summary == "Phường An Phú lắp đèn chiếu sáng — Trần Thị Bình"
    assert "binh@example.vn" not in recorded[0].summary


@pytest.mark.parametrize(
    ("service", "status", "action"),
    [
        (reject_comments, CommentStatus.REJECTED, "comment.reject"),
        (mark_spam, CommentStatus.SPAM, "comment.spam"),
    ],
    ids=["reject", "spam"],
)
def test_rejecting_or_marking_as_spam_hides_an_approved_comment(editor, article, service, status, action):
    comment = make_comment(article, status="approved")
    assert service([comment.id], actor=editor) == 1
    assert reloaded(comment).status == status
    assert [(event.action, event.actor_id) for event in events()] == [(action, editor.id)]


def test_a_comment_already_in_that_state_is_neither_counted_nor_audited_again(editor, article):
    other = make_user(role="editor")
    comment = make_comment(article)
    approve_comments([comment.id], actor=editor)
    assert approve_comments([comment.id], actor=other) == 0
    assert reloaded(comment).moderated_by_id == editor.id
    assert len(events()) == 1


def test_status_actions_leave_official_replies_alone(editor, article):
    comment = make_comment(article, status="approved")
    reply = make_comment(parent=comment, is_official=True, status="approved", author_email="")
    assert reject_comments([reply.id], actor=editor) == 0
    assert reloaded(reply).status == CommentStatus.APPROVED


def test_editing_before_approval_changes_the_text_and_keeps_the_comment_waiting(editor, article):
    comment = make_comment(article, body="Số điện thoại nhà tôi là 0912 345 678, xin liên hệ.")

    edit_comment(
        comment,
        author_name="  Nguyễn \x00  Văn\tAn ",
        body="Xin liên hệ với tôi qua email.\r\n",
        actor=editor,
    )

    comment = reloaded(comment)
    assert (comment.author_name, comment.body) == ("Nguyễn Văn An", "Xin liên hệ với tôi qua email.")
    assert comment.status == CommentStatus.PENDING
    assert comment.edited_at is not None
    assert [(event.action, event.actor_id) for event in events()] == [("comment.edit", editor.id)]


def test_save_and_approve_edits_and_publishes_in_one_go(editor, article):
    comment = make_comment(article)
    edit_comment(
        comment, author_name=comment.author_name, body="Nội dung đã sửa.", actor=editor, approve=True
    )
    assert reloaded(comment).status == CommentStatus.APPROVED
    assert [event.action for event in events()] == ["comment.edit", "comment.approve"]


@pytest.mark.parametrize(
    ("name", "body", "field", "message"),
    [
        ("   ", "Nội dung.", "author_name", "Vui lòng nhập tên."),
        ("A" * 101, "Nội dung.", "author_name", "Tên dài tối đa 100 ký tự."),
        ("An", " \n ", "body", "Vui lòng nhập nội dung bình luận."),
        ("An", "x" * 2001, "body", "Bình luận dài tối đa 2000 ký tự (bình luận này có 2001 ký tự)."),
    ],
    ids=["no-name", "long-name", "no-body", "long-body"],
)
def test_an_edit_keeps_the_limits_readers_have(editor, article, name, body, field, message):
    comment = make_comment(article)
    with pytest.raises(InvalidInput) as refused:
        edit_comment(comment, author_name=name, body=body, actor=editor)
    assert (refused.value.field, refused.value.message) == (field, message)
    assert reloaded(comment).body == "Ý kiến của tôi về bài viết."


def test_a_reply_is_published_under_the_comment_signed_by_the_editorial_board(editor, article):
    question = make_comment(article, body="Khi nào sửa xong đường Lê Lợi?")

    reply = reply_to_comment(question, body="Dự kiến xong trong tháng 12.", actor=editor)

    reply, question = reloaded(reply), reloaded(question)
    assert reply.is_official and reply.parent_id == question.id and reply.article_id == article.id
    assert (reply.author_name, reply.author_email, reply.author_id) == ("Ban biên tập", "", editor.id)
    assert reply.status == CommentStatus.APPROVED and reply.consent_at is None
    assert question.status == CommentStatus.APPROVED, "a pending question is approved with its answer"
    assert [event.action for event in events()] == ["comment.approve", "comment.reply"]


def test_a_reply_can_be_corrected_but_stays_signed_by_the_editorial_board(editor, article):
    reply = reply_to_comment(make_comment(article), body="Trả lời.", actor=editor)
    edit_comment(reply, author_name=reply.author_name, body="Trả lời đã sửa.", actor=editor)
    assert reloaded(reply).body == "Trả lời đã sửa."
    with pytest.raises(InvalidInput):
        edit_comment(reply, author_name="Nguyễn Văn B", body="Trả lời.", actor=editor)


@pytest.mark.parametrize("target", ["reply", "official", "rejected", "answered"])
def test_only_a_visible_unanswered_readers_comment_can_be_answered(editor, article, target):
    question = make_comment(article, status="approved")
    official = reply_to_comment(question, body="Đã trả lời.", actor=editor)
    comments = {
        "reply": lambda: make_comment(parent=question, status="approved"),
        "official": lambda: official,
        "rejected": lambda: make_comment(article, status="rejected"),
        "answered": lambda: question,
    }
    refused = comments[target]()
    with pytest.raises(InvalidInput):
        reply_to_comment(refused, body="Trả lời thêm.", actor=editor)
    assert _db.session.scalars(select(Comment.id).where(Comment.is_official)).all() == [official.id]


def test_deleting_a_reply_keeps_the_readers_comment(editor, article):
    question = make_comment(article, status="approved")
    reply = reply_to_comment(question, body="Trả lời.", actor=editor)

    delete_official_reply(reply, actor=editor)

    assert _db.session.get(Comment, reply.id) is None
    assert reloaded(question).status == CommentStatus.APPROVED
    assert events()[-1].action == "comment.reply_delete"
    with pytest.raises(InvalidInput):
        delete_official_reply(question, actor=editor)
