"""Object-level rules on top of the role table: whose articles a person may open, change or move."""

from flask_babel import gettext as _

from app.accounts.permissions import can
from app.articles.models import Article, ArticleStatus
from app.core.errors import NotAllowed

AUTHOR_EDITABLE = frozenset({ArticleStatus.DRAFT, ArticleStatus.REJECTED})


def is_author(user, article: Article) -> bool:
    return article.created_by_id is not None and article.created_by_id == getattr(user, "id", None)


def can_see(user, article: Article) -> bool:
    """Editors and admins see every article; contributors only their own (in any status)."""
    return can(user, "article.edit_any") or (can(user, "article.edit_own") and is_author(user, article))


def can_edit(user, article: Article) -> bool:
    """Editors and admins edit any article; a contributor only their own, while draft or returned."""
    if can(user, "article.edit_any"):
        return True
    return can(user, "article.edit_own") and is_author(user, article) and article.status in AUTHOR_EDITABLE


def can_preview(user, article: Article) -> bool:
    return can(user, "article.preview") and can_see(user, article)


def can_move(user, article: Article, permission: str) -> bool:
    """Whether `user` may apply a transition needing `permission` to this article (status aside)."""
    return can(user, permission) and can_see(user, article)


def ensure_can(user, action: str) -> None:
    if not can(user, action):
        raise NotAllowed(_("You do not have permission to do this."))


def ensure_can_edit(user, article: Article) -> None:
    if not can_edit(user, article):
        raise NotAllowed(_("You cannot change this article."))
