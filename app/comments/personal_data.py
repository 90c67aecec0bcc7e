"""Readers' personal data in comments: find it by email, export, correct and erase it; the retention purge.

Erasure and retention follow one rule: a comment that is not public (pending, rejected, spam) is
deleted with its replies; an approved one is anonymised, its name becoming "Bạn đọc" and its email
and IP hash emptied, so the public discussion keeps its text. On request, approved comments are
deleted too (with the editorial board's replies to them).
"""

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import abort
from flask_babel import gettext as _
from sqlalchemy import ColumnElement, Select, and_, delete, func, select, update
from sqlalchemy.orm import joinedload

from app.accounts.models import User
from app.articles.models import Article
from app.audit.services import record
from app.comments.models import Comment, CommentStatus
from app.comments.policy import get_comment_policy
from app.comments.text import checked_email, checked_name, normalise_email
from app.core.dates import as_utc, today_local, utcnow
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.extensions import db

EXPORT_FORMATS = ("json", "csv")
# Not public: erasure and retention delete these outright instead of anonymising them.
NOT_PUBLIC = (CommentStatus.PENDING, CommentStatus.REJECTED, CommentStatus.SPAM)
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_AUDIT_IDS_SHOWN = 50
EXPORT_FIELDS = (
    "id",
    "article_id",
    "article_title",
    "article_url",
    "created_at",
    "status",
    "author_name",
    "author_email",
    "body",
    "consent_at",
    "is_reply",
)


@dataclass(frozen=True)
class ExportFile:
    filename: str
    mimetype: str
    content: bytes
    count: int


@dataclass(frozen=True)
class ErasureResult:
    deleted: int
    anonymised: int


def mask_email(email: str) -> str:
    """`an@example.vn` → `a***@example.vn`: enough for the audit trail to tell requests apart."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


def _of_email(email: str) -> ColumnElement[bool]:
    return and_(Comment.is_official.is_(False), Comment.author_email == normalise_email(email))


def comments_by_email(email: str) -> Select:
    """Every reader comment written with this email (any status), newest first, with its article."""
    return (
        select(Comment)
        .options(joinedload(Comment.article))
        .where(_of_email(email))
        .order_by(Comment.created_at.desc(), Comment.id.desc())
    )


def erasure_preview(email: str, *, delete_approved: bool = False) -> ErasureResult:
    """How many of this email's comments erasure would delete and how many it would anonymise."""
    counts = dict(
        db.session.execute(
            select(Comment.status, func.count()).where(_of_email(email)).group_by(Comment.status)
        ).all()
    )
    approved = counts.get(CommentStatus.APPROVED, 0)
    removed = sum(counts.get(status, 0) for status in NOT_PUBLIC)
    if delete_approved:
        return ErasureResult(deleted=removed + approved, anonymised=0)
    return ErasureResult(deleted=removed, anonymised=approved)


def get_reader_comment_or_404(comment_id: int) -> Comment:
    """A reader's comment (official replies hold no reader's personal data)."""
    comment = db.session.get(Comment, comment_id)
    if comment is None or comment.is_official:
        abort(404)
    return comment


def _newest_or_refuse(email: str) -> Comment:
    newest = db.session.scalar(comments_by_email(email).limit(1))
    if newest is None:
        raise InvalidInput("email", _("No comment was written with this email address."))
    return newest


def _ids_summary(ids: list[int]) -> str:
    shown = ", ".join(f"#{comment_id}" for comment_id in ids[:_AUDIT_IDS_SHOWN])
    return shown + (", …" if len(ids) > _AUDIT_IDS_SHOWN else "")


def _iso(value: datetime | None) -> str:
    return as_utc(value).isoformat(timespec="seconds") if value is not None else ""


def _neutralise(value):
    """Prefix text a spreadsheet would run as a formula with an apostrophe, so it opens as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_personal_data(
    email: str, *, fmt: str, actor: User | None, article_link: Callable[[Article], str]
) -> ExportFile:
    """A download with every comment written with this email, in JSON or CSV (UTF-8 with BOM, for Excel).

    `article_link` gives each article's public URL (the caller knows how URLs are built).
    The audit event keeps the count and the comment ids, and only a masked form of the email.
    """
    email = normalise_email(email)
    if fmt not in EXPORT_FORMATS:
        raise InvalidInput("format", _("Please choose JSON or CSV."))
    comments = list(db.session.scalars(comments_by_email(email)))
    if not comments:
        raise InvalidInput("email", _("No comment was written with this email address."))
    rows = [
        {
            "id": comment.id,
            "article_id": comment.article_id,
            "article_title": comment.article.title,
            "article_url": article_link(comment.article),
            "created_at": _iso(comment.created_at),
            "status": comment.status.value,
            "author_name": comment.author_name,
            "author_email": comment.author_email,
            "body": comment.body,
            "consent_at": _iso(comment.consent_at),
            "is_reply": comment.parent_id is not None,
        }
        for comment in comments
    ]
    filename = f"du-lieu-ca-nhan-{today_local().isoformat()}.{fmt}"
    if fmt == "json":
        document = {"email": email, "exported_at": _iso(utcnow()), "comments": rows}
        content = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
        mimetype = "application/json"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=EXPORT_FIELDS)
        writer.writeheader()
        writer.writerows({key: _neutralise(value) for key, value in row.items()} for row in rows)
        content = ("\ufeff" + buffer.getvalue()).encode("utf-8")
        mimetype = "text/csv"
    with write_transaction():
        record(
            "personal_data.export",
            comments[0],
            actor=actor,
            summary=f"{mask_email(email)}: {len(rows)} ({fmt.upper()}) "
            + _ids_summary([row["id"] for row in rows]),
        )
    return ExportFile(
        filename=filename, mimetype=f"{mimetype}; charset=utf-8", content=content, count=len(rows)
    )


def _delete_comments(criterion: ColumnElement[bool]) -> int:
    """Delete the matching comments and the replies to them; returns how many matching comments went."""
    db.session.execute(delete(Comment).where(Comment.parent_id.in_(select(Comment.id).where(criterion))))
    return db.session.execute(delete(Comment).where(criterion)).rowcount


def _anonymise_comments(criterion: ColumnElement[bool], now: datetime) -> int:
    """Remove name, email and IP hash from the matching comments, keeping their text."""
    return db.session.execute(
        update(Comment)
        .where(criterion)
        .values(author_name=_("Reader"), author_email="", ip_hash="", personal_data_removed_at=now)
    ).rowcount


def erase_personal_data(email: str, *, delete_approved: bool, actor: User | None) -> ErasureResult:
    """Erase a reader's personal data: delete what is not public, anonymise (or delete) what is.

    Comments that are pending, rejected or spam are deleted with their replies. Approved ones
    keep their text under the article as "Bạn đọc", with email and IP hash removed, unless
    `delete_approved` asks for them to be deleted too (with the editorial board's replies).
    """
    email = normalise_email(email)
    newest = _newest_or_refuse(email)
    ids = list(db.session.scalars(select(Comment.id).where(_of_email(email)).order_by(Comment.id)))
    with write_transaction():
        if delete_approved:
            result = ErasureResult(deleted=_delete_comments(_of_email(email)), anonymised=0)
        else:
            deleted = _delete_comments(and_(_of_email(email), Comment.status.in_(NOT_PUBLIC)))
            anonymised = _anonymise_comments(
                and_(_of_email(email), Comment.status == CommentStatus.APPROVED), utcnow()
            )
            result = ErasureResult(deleted=deleted, anonymised=anonymised)
        record(
            "personal_data.erase",
            newest,
            actor=actor,
            summary=f"{mask_email(email)}: {result.deleted} deleted, {result.anonymised} anonymised "
            + _ids_summary(ids),
        )
    return result


def correct_personal_data(comment: Comment, *, name: str, email: str, actor: User | None) -> Comment:
    """Correct the name or email a reader gave with a comment (their right to correction)."""
    if comment.is_official or comment.personal_data_removed_at is not None:
        raise InvalidInput(None, _("The personal data of this comment has already been removed."))
    name = checked_name(name)
    email = checked_email(email)
    with write_transaction():
        changes = []
        if comment.author_name != name:
            changes.append("author_name")
            comment.author_name = name
        if comment.author_email != email:
            changes.append(f"author_email: {mask_email(comment.author_email)} → {mask_email(email)}")
            comment.author_email = email
        record("personal_data.correct", comment, actor=actor, summary=", ".join(changes) or "-")
    return comment


def remove_expired_personal_data(*, now: datetime | None = None) -> int:
    """Apply the retention period: reader comments older than it lose their personal data.

    Approved ones are anonymised (their text stays public); pending, rejected and spam ones are
    deleted with their replies. Nothing happens when the policy keeps data for good (0 days).
    Runs as two bulk statements (plus one for replies), so a daily cron job stays cheap.
    Returns how many comments were anonymised or deleted.
    """
    policy = get_comment_policy()
    if policy.retention_days <= 0:
        return 0
    now = now or utcnow()
    expired = and_(
        Comment.is_official.is_(False),
        Comment.personal_data_removed_at.is_(None),
        Comment.created_at < now - timedelta(days=policy.retention_days),
    )
    with write_transaction():
        deleted = _delete_comments(and_(expired, Comment.status.in_(NOT_PUBLIC)))
        anonymised = _anonymise_comments(and_(expired, Comment.status == CommentStatus.APPROVED), now)
        if deleted or anonymised:
            record(
                "personal_data.retention",
                policy,
                actor=None,
                summary=f"{policy.retention_days} days: {deleted} deleted, {anonymised} anonymised",
            )
    return deleted + anonymised
