"""Reading the audit trail for the back-office log: newest first, filtered by who, what and when."""

from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from app.accounts.models import User
from app.audit.models import AuditEvent
from app.extensions import db


def audit_events(
    *,
    actor_id: int | None = None,
    action_prefix: str = "",
    object_type: str = "",
    since: datetime | None = None,
    before: datetime | None = None,
) -> Select:
    """Events matching every given filter, newest first; the prefix "article." finds every article action."""
    statement = (
        select(AuditEvent)
        .options(joinedload(AuditEvent.actor))
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    )
    if actor_id is not None:
        statement = statement.where(AuditEvent.actor_id == actor_id)
    if action_prefix:
        statement = statement.where(AuditEvent.action.startswith(action_prefix, autoescape=True))
    if object_type:
        statement = statement.where(AuditEvent.object_type == object_type)
    if since is not None:
        statement = statement.where(AuditEvent.created_at >= since)
    if before is not None:
        statement = statement.where(AuditEvent.created_at < before)
    return statement


def object_types() -> list[str]:
    """The kinds of object the trail mentions, for the filter's list."""
    statement = select(AuditEvent.object_type).distinct().order_by(AuditEvent.object_type)
    return list(db.session.scalars(statement))


def staff_for_filter() -> list[User]:
    return list(db.session.scalars(select(User).order_by(User.full_name, User.id)))
