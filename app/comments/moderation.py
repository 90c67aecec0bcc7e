"""Moderating readers' comments: approve, reject, mark as spam, edit, and the editorial board's replies.

Official replies are staff speech, always approved: the status services leave them alone (an id of
one is ignored like an unknown id). An editor changes a reply with edit_comment or deletes it.
"""

from collections.abc import Iterable

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.accounts.models import User
from app.audit.services import record
from app.comments.models import Comment, CommentStatus
from app.comments.moderation_queries import official_reply
from app.comments.text import checked_body, checked_name, hash_content
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.extensions import db

STATUS_ACTIONS = {
    CommentStatus.APPROVED: "comment.approve",
    CommentStatus.REJECTED: "comment.reject",
    CommentStatus.SPAM: "comment.spam",
}


def approve_comments(ids: Iterable[int], *, actor: User | None) -> int:
    """Publish these readers' comments; returns how many changed status."""
    return _set_status(ids, CommentStatus.APPROVED, actor=actor)


def reject_comments(ids: Iterable[int], *, actor: User | None) -> int:
    """Hide these readers' comments from the public page; returns how many changed status."""
    return _set_status(ids, CommentStatus.REJECTED, actor=actor)


def mark_spam(ids: Iterable[int], *, actor: User | None) -> int:
    """Hide these readers' comments as spam; returns how many changed status."""
    return _set_status(ids, CommentStatus.SPAM, actor=actor)


def _set_status(ids: Iterable[int], status: CommentStatus, *, actor: User | None) -> int:
    """Move readers' comments to `status`, one audit event each.

    Unknown ids, official replies and comments already in that status are skipped, so a repeated
    click (or two moderators on the same queue) neither counts twice nor rewrites who moderated.
    """
    wanted = sorted({int(comment_id) for comment_id in ids})
    if not wanted:
        return 0
    with write_transaction():
        comments = db.session.scalars(
            select(Comment)
            .where(Comment.id.in_(wanted), Comment.is_official.is_(False), Comment.status != status)
            .options(joinedload(Comment.article))
            .order_by(Comment.id)
        ).all()
        for comment in comments:
            _moderate(comment, status, actor=actor)
    return len(comments)


def _moderate(comment: Comment, status: CommentStatus, *, actor: User | None) -> None:
    comment.status = status
    comment.moderated_by = actor
    comment.moderated_at = utcnow()
    record(STATUS_ACTIONS[status], comment, actor=actor, summary=_summary(comment))


def _summary(comment: Comment) -> str:
    """What the audit log shows: the article and the author's name, never the email."""
    return f"{comment.article.title} — {comment.author_name}"


def edit_comment(
    comment: Comment, *, author_name: str, body: str, actor: User | None, approve: bool = False
) -> Comment:
    """Correct a comment before (or after) publishing it, with the limits readers have when posting.

    `approve` publishes it in the same transaction ("Save and approve"). An official reply keeps
    the editorial board's signature: only its text can change.
    """
    name = checked_name(author_name)
    if comment.is_official and name != comment.author_name:
        raise InvalidInput("author_name", _("An official reply is always signed by the editorial board."))
    body = checked_body(body)
    with write_transaction():
        if (name, body) != (comment.author_name, comment.body):
            comment.author_name = name
            comment.body = body
            comment.content_hash = hash_content(body)
            comment.edited_at = utcnow()
            record("comment.edit", comment, actor=actor, summary=_summary(comment))
        if approve and not comment.is_official and comment.status != CommentStatus.APPROVED:
            _moderate(comment, CommentStatus.APPROVED, actor=actor)
    return comment


def reply_to_comment(comment: Comment, *, body: str, actor: User) -> Comment:
    """Publish the editorial board's answer under a reader's comment (Ban biên tập trả lời).

    Only a reader's top-level comment can be answered (one level of replies), and only once: a
    change is an edit of the reply. A pending comment is approved with it, because an answer to a
    question readers cannot see makes no sense; a rejected or spam one must be approved first.
    """
    if comment.is_official or comment.parent_id is not None:
        raise InvalidInput(None, _("Only a reader's comment can be answered, not a reply."))
    if comment.status in (CommentStatus.REJECTED, CommentStatus.SPAM):
        raise InvalidInput(None, _("This comment is hidden. Approve it before answering it."))
    if official_reply(comment) is not None:
        raise InvalidInput(None, _("This comment already has an official reply. Edit that reply instead."))
    body = checked_body(body)
    now = utcnow()
    with write_transaction():
        if comment.status == CommentStatus.PENDING:
            _moderate(comment, CommentStatus.APPROVED, actor=actor)
        reply = Comment(
            article_id=comment.article_id,
            parent=comment,
            is_official=True,
            author_id=actor.id,
            author_name=_("Editorial board"),
            author_email="",
            body=body,
            content_hash=hash_content(body),
            status=CommentStatus.APPROVED,
            consent_at=None,
            created_at=now,
            moderated_by=actor,
            moderated_at=now,
        )
        db.session.add(reply)
        db.session.flush()
        record("comment.reply", reply, actor=actor, summary=_summary(comment))
    return reply


def delete_official_reply(reply: Comment, *, actor: User | None) -> Comment:
    """Remove the editorial board's reply (the reader's comment stays); returns the comment it answered."""
    if not reply.is_official or reply.parent is None:
        raise InvalidInput(None, _("Only an official reply can be deleted here."))
    parent = reply.parent
    with write_transaction():
        record("comment.reply_delete", reply, actor=actor, summary=_summary(parent))
        parent.replies.remove(reply)
        db.session.delete(reply)
    return parent
