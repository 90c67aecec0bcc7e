"""Reading staff accounts for the users admin."""

from flask import abort
from sqlalchemy import func, select

from app.accounts.models import RecoveryCode, Role, User
from app.extensions import db

ROLE_ORDER = {Role.ADMIN: 0, Role.EDITOR: 1, Role.CONTRIBUTOR: 2}


def get_user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def all_users() -> list[User]:
    """Every account, active ones first, then by role and name (an office has tens, not thousands)."""
    users = db.session.scalars(select(User)).all()
    return sorted(
        users, key=lambda user: (not user.is_active, ROLE_ORDER[user.role], user.full_name.casefold())
    )


def unused_recovery_codes(user: User) -> int:
    return db.session.scalar(
        select(func.count()).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    )
