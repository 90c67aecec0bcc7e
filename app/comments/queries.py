"""Reading the public thread under an article: approved readers' comments with their approved replies."""

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import select
from sqlalchemy.orm import selectinload, with_loader_criteria

from app.comments.models import Comment, CommentStatus
from app.core.pagination import paginate


def public_thread(article_id: int, *, newest_first: bool, per_page: int) -> Pagination:
    """One page of approved top-level comments, each with its approved replies (one level), in 3 statements.

    The count is of readers' comments shown at the top level, which is what "N ý kiến" promises.
    """
    order = (
        (Comment.created_at.desc(), Comment.id.desc()) if newest_first else (Comment.created_at, Comment.id)
    )
    statement = (
        select(Comment)
        .where(
            Comment.article_id == article_id,
            Comment.parent_id.is_(None),
            Comment.status == CommentStatus.APPROVED,
        )
        .order_by(*order)
        .options(
            selectinload(Comment.replies),
            with_loader_criteria(Comment, Comment.status == CommentStatus.APPROVED, include_aliases=True),
        )
    )
    return paginate(statement, per_page=per_page)
