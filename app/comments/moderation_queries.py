"""Reading comments for the back office: the moderation queue, one comment, the pending count."""

from dataclasses import dataclass
from datetime import datetime

from flask import abort
from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from app.articles.models import Article
from app.articles.queries import is_public
from app.comments.models import Comment, CommentStatus
from app.extensions import db

ALL_STATUSES = "all"


@dataclass
class QueueFilters:
    """What the queue asks for; `status` is a CommentStatus value or "all"."""

    status: str = CommentStatus.PENDING.value
    article_id: int | None = None
    article_title: str = ""
    since: datetime | None = None
    before: datetime | None = None
    text: str = ""


def moderation_queue(filters: QueueFilters) -> Select:
    """Readers' comments (official replies come with the comment they answer), newest first."""
    statement = (
        select(Comment)
        .where(Comment.is_official.is_(False))
        .options(
            joinedload(Comment.article).joinedload(Article.section),
            joinedload(Comment.moderated_by),
            selectinload(Comment.replies),
        )
        .order_by(Comment.created_at.desc(), Comment.id.desc())
    )
    if filters.status != ALL_STATUSES:
        statement = statement.where(Comment.status == CommentStatus(filters.status))
    if filters.article_id is not None:
        statement = statement.where(Comment.article_id == filters.article_id)
    if filters.article_title:
        titled = select(Article.id).where(contains_text(Article.title, filters.article_title))
        statement = statement.where(Comment.article_id.in_(titled))
    if filters.since is not None:
        statement = statement.where(Comment.created_at >= filters.since)
    if filters.before is not None:
        statement = statement.where(Comment.created_at < filters.before)
    if filters.text:
        statement = statement.where(
            or_(
                contains_text(Comment.body, filters.text),
                contains_text(Comment.author_name, filters.text),
                contains_text(Comment.author_email, filters.text),
            )
        )
    return statement


def contains_text(column, text: str) -> ColumnElement[bool]:
    """`column` contains `text`, ignoring case, with a plain LIKE (no index, no Python folding).

    SQLite lowers ASCII letters only, so `nguyễn` would miss `NGUYỄN`; the usual spellings (as
    typed, lower, upper, capitalised, title case) are tried too, which covers names and sentences.
    """
    spellings = dict.fromkeys((text, text.lower(), text.upper(), text.capitalize(), text.title()))
    return or_(*(column.icontains(spelling, autoescape=True) for spelling in spellings))


def pending_count() -> int:
    """Readers' comments waiting for a moderator (the dashboard's figure)."""
    return db.session.scalar(
        select(func.count())
        .select_from(Comment)
        .where(Comment.status == CommentStatus.PENDING, Comment.is_official.is_(False))
    )


def get_comment_or_404(comment_id: int) -> Comment:
    """Any comment or official reply, with its article, the comment it answers and its replies."""
    comment = db.session.scalar(
        select(Comment)
        .where(Comment.id == comment_id)
        .options(
            joinedload(Comment.article).joinedload(Article.section),
            joinedload(Comment.parent),
            joinedload(Comment.moderated_by),
            selectinload(Comment.replies),
        )
    )
    if comment is None:
        abort(404)
    return comment


def get_article(article_id: int) -> Article | None:
    return db.session.get(Article, article_id)


def public_article_ids(article_ids: set[int]) -> set[int]:
    """Which of these articles readers can open now (the others link to the back-office editor)."""
    if not article_ids:
        return set()
    return set(db.session.scalars(select(Article.id).where(Article.id.in_(article_ids), is_public())))


def official_reply(comment: Comment) -> Comment | None:
    """The editorial board's reply under a reader's comment, if it has one."""
    return next((reply for reply in comment.replies if reply.is_official), None)
