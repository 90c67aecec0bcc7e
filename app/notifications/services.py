"""Writing notifications: telling a staff member in the back office that something concerns them."""

from flask_babel import gettext as _
from sqlalchemy import update

from app.accounts.models import User
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.core.errors import NotAllowed
from app.extensions import db
from app.notifications.models import Notification

MESSAGE_MAX_LENGTH = 2000


def notify(user_id: int, *, kind: str, message: str, article=None) -> Notification:
    """Add a notification for the user with this id to the current transaction (the caller commits)."""
    notification = Notification(
        user_id=user_id,
        article_id=article.id if article is not None else None,
        kind=kind,
        message=message[:MESSAGE_MAX_LENGTH],
    )
    db.session.add(notification)
    return notification


def mark_read(notification: Notification, *, actor: User) -> Notification:
    """Mark one's own notification as read (reading someone else's is refused)."""
    if notification.user_id != actor.id:
        raise NotAllowed(_("You do not have permission to do this."))
    with write_transaction():
        if notification.read_at is None:
            notification.read_at = utcnow()
    return notification


def mark_all_read(*, actor: User) -> None:
    with write_transaction():
        db.session.execute(
            update(Notification)
            .where(Notification.user_id == actor.id, Notification.read_at.is_(None))
            .values(read_at=utcnow())
        )
