"""Reading the public thread under an article: approved readers' comments with their approved replies."""

from functools import cache

from flask import abort
from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import selectinload, with_loader_criteria

from app.comments.models import Comment, CommentStatus
from app.core.pagination import PageOfItems, page_number
from app.extensions import db


def public_thread(article_id: int, *, newest_first: bool, per_page: int) -> PageOfItems:
    """One page of approved top-level comments, each with its approved replies (one level).

    The count is of readers' comments shown at the top level, which is what "N ý kiến" promises. It is
    read first, so the many articles nobody has commented on cost that one statement; the others cost
    three (count, page, replies). A page past the end is a 404.
    """
    page = page_number()
    total = db.session.scalar(top_level_count(), {"article_id": article_id})
    if page > 1 and (page - 1) * per_page >= total:
        abort(404)
    items = []
    if total:
        window = {"article_id": article_id, "limit": per_page, "offset": (page - 1) * per_page}
        items = list(db.session.scalars(top_level_page(newest_first), window))
    return PageOfItems(page=page, per_page=per_page, items=items, total=total)


def top_level(statement: Select) -> Select:
    return statement.where(
        Comment.article_id == bindparam("article_id"),
        Comment.parent_id.is_(None),
        Comment.status == CommentStatus.APPROVED,
    )


@cache
def top_level_count() -> Select:
    """Built once, like the page's other statements (building one costs more than SQLite takes to run it)."""
    return top_level(select(func.count()).select_from(Comment))


@cache
def top_level_page(newest_first: bool) -> Select:
    order = (
        (Comment.created_at.desc(), Comment.id.desc()) if newest_first else (Comment.created_at, Comment.id)
    )
    return (
        top_level(select(Comment))
        .order_by(*order)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
        .options(
            selectinload(Comment.replies),
            with_loader_criteria(Comment, Comment.status == CommentStatus.APPROVED, include_aliases=True),
        )
    )
