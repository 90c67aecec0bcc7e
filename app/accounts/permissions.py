"""THE permission table: which role may do which action. Every check goes through can()."""

from functools import wraps

from flask import abort
from flask_login import current_user

from app.accounts.models import Role

_CONTRIBUTOR = {
    "admin.access",
    "article.create",
    "article.edit_own",
    "article.preview",
    "article.submit",
    "keyword.suggest",
    "media.upload",
}
_EDITOR = _CONTRIBUTOR | {
    "article.edit_any",
    "article.publish",
    "article.return",
    "article.unpublish",
    "comment.moderate",
    "comment.reply",
    "homepage.curate",
    "keyword.manage",
    "media.manage",
}
_ADMIN = _EDITOR | {
    "campaign.manage",
    "personal_data.manage",
    "section.manage",
    "settings.manage",
    "user.manage",
    "audit.view",
}

ROLE_ACTIONS: dict[Role, frozenset[str]] = {
    Role.CONTRIBUTOR: frozenset(_CONTRIBUTOR),
    Role.EDITOR: frozenset(_EDITOR),
    Role.ADMIN: frozenset(_ADMIN),
}


def can(user, action: str) -> bool:
    """Whether `user` (possibly anonymous or disabled) may perform `action`."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    return action in ROLE_ACTIONS.get(user.role, frozenset())


def require(action: str):
    """Decorate a view: anonymous users get 401, users without the action 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                abort(401)
            if not can(current_user, action):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_action = action
        return wrapped

    return decorator
