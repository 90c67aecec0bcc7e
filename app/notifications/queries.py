"""Reading notifications: a person's unread ones, newest first."""

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.accounts.models import User
from app.extensions import db
from app.notifications.models import Notification


def unread_for(user: User, limit: int) -> list[Notification]:
    return list(
        db.session.scalars(
            select(Notification)
            .where(Notification.user_id == user.id, Notification.read_at.is_(None))
            .options(joinedload(Notification.article))
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )


def get_own_notification_or_404(notification_id: int, user: User) -> Notification:
    """One of `user`'s notifications; someone else's is as unknown as a missing one."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.user_id != user.id:
        abort(404)
    return notification
