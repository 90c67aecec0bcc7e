"""Writing audit events: every editorial and admin change calls record() inside its transaction."""

from flask import has_request_context, request

from app.accounts.models import User
from app.audit.models import AuditEvent
from app.extensions import db


def record(action: str, obj, *, actor: User | None, summary: str = "") -> AuditEvent:
    """Add an audit event for `obj` to the current transaction (the caller commits).

    The client's address is taken from the request when there is one (CLI commands have none).
    """
    event = AuditEvent(
        actor=actor,
        action=action,
        object_type=obj.__tablename__,
        object_id=obj.id,
        summary=summary,
        ip=(request.remote_addr or "") if has_request_context() else "",
    )
    db.session.add(event)
    return event
