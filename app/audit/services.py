"""Writing audit events: every editorial and admin change calls record() inside its transaction."""

from app.accounts.models import User
from app.audit.models import AuditEvent
from app.extensions import db


def record(action: str, obj, *, actor: User | None, summary: str = "") -> AuditEvent:
    """Add an audit event for `obj` to the current transaction (the caller commits)."""
    event = AuditEvent(
        actor=actor,
        action=action,
        object_type=obj.__tablename__,
        object_id=obj.id,
        summary=summary,
    )
    db.session.add(event)
    return event
