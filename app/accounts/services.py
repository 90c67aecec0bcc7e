"""Staff accounts: the password policy, signing in and out, and the changes admins make to users."""

import re
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from app.accounts.models import Role, User
from app.audit.models import AuditEvent
from app.audit.services import record
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.core.errors import InvalidInput, NotAllowed
from app.core.text import clean_line
from app.extensions import db

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class UnknownAccount:
    """What a failed login is recorded against when the email matches no account."""

    __tablename__ = User.__tablename__
    id = None


def hash_password(password: str) -> str:
    """scrypt with a fresh salt every time (never cached: two accounts sharing a password must not share
    a hash); tests configure cheaper parameters through PASSWORD_HASH_METHOD."""
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def dummy_hash() -> str:
    """A hash to check against when the email is unknown, so both cases cost the same work."""
    return _dummy_hash(current_app.config["PASSWORD_HASH_METHOD"])


@lru_cache(maxsize=4)
def _dummy_hash(method: str) -> str:
    return generate_password_hash("not a real password", method=method)


def common_passwords() -> frozenset[str]:
    path = Path(__file__).with_name("common_passwords.txt")
    return frozenset(line.strip().lower() for line in path.read_text().splitlines() if line.strip())


def check_password_policy(password: str, *, email: str = "") -> None:
    """At least 8 characters, not a common password, not the email; long passphrases welcome."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            "password", _("The password must have at least %(n)d characters.", n=MIN_PASSWORD_LENGTH)
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidInput("password", _("The password is too long."))
    lowered = password.lower()
    if lowered in common_passwords() or (email and lowered == email.lower()):
        raise InvalidInput("password", _("This password is too common. Please choose another."))


def normalise_email(email: str) -> str:
    return clean_line(email).lower()


def record_at(action: str, obj, *, actor: User | None, summary: str = "", ip: str | None = None) -> None:
    """record(), with the client's address given by the caller when it has one."""
    event = record(action, obj, actor=actor, summary=summary)
    if ip is not None:
        event.ip = ip[: AuditEvent.ip.type.length]


def create_user(*, email: str, full_name: str, role: Role | str, password: str, actor: User | None) -> User:
    """Create an active account after checking the email, name, role and password."""
    email = normalise_email(email)
    full_name = clean_line(full_name)
    if not _EMAIL.match(email) or len(email) > 254:
        raise InvalidInput("email", _("Please enter a valid email address."))
    if not full_name or len(full_name) > 120:
        raise InvalidInput("full_name", _("Please enter a full name (at most 120 characters)."))
    role = _parse_role(role)
    check_password_policy(password, email=email)
    with write_transaction():
        if db.session.scalar(select(func.count()).where(User.email == email)):
            raise InvalidInput("email", _("An account with this email already exists."))
        user = User(
            email=email,
            full_name=full_name,
            role=role,
            password_hash=hash_password(password),
            is_active=True,
        )
        db.session.add(user)
        db.session.flush()
        record("user.create", user, actor=actor, summary=f"{email} ({role.value})")
    return user


def _parse_role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise InvalidInput("role", _("Unknown role.")) from None


def load_user(session_id: str) -> User | None:
    """Flask-Login's loader: an active account whose session version still matches the cookie's."""
    user_id, _sep, version = session_id.partition(":")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.is_active or user.session_version != int(version):
        return None
    return user


def is_locked(user: User) -> bool:
    return user.locked_until is not None and user.locked_until > utcnow()


def log_in(email: str, password: str, *, ip: str) -> User | None:
    """The password step of signing in: the user, or None whatever the reason.

    Unknown emails, wrong passwords, disabled and locked accounts all cost one password hash and
    all return None, so neither the answer nor its timing tells whether an email exists.
    Failures are counted and the fifth in a row locks the account for 15 minutes. A user without
    two-factor is then signed in (counter reset, audit event); one with it still owes a code
    (see two_factor.verify_login_code).
    """
    email = normalise_email(email)[:254]
    user = db.session.scalar(select(User).where(User.email == email))
    password_ok = check_password_hash(user.password_hash if user else dummy_hash(), password)
    with write_transaction():
        if user is None:
            record_at(
                "user.login_failed",
                UnknownAccount(),
                actor=None,
                ip=ip,
                summary=_("unknown email %(email)s", email=email),
            )
            return None
        db.session.refresh(user, with_for_update=True)
        if user.locked_until is not None and not is_locked(user):
            user.locked_until = None
            user.failed_logins = 0
        if user.is_active and not is_locked(user) and password_ok:
            if not user.has_two_factor:
                complete_login(user, ip=ip)
            return user
        if not user.is_active:
            record_at("user.login_failed", user, actor=None, ip=ip, summary=_("account disabled"))
        elif is_locked(user):
            record_at("user.login_failed", user, actor=None, ip=ip, summary=_("account locked"))
        else:
            record_at("user.login_failed", user, actor=None, ip=ip, summary=_("wrong password"))
            count_failure(user, ip=ip)
    return None


def count_failure(user: User, *, ip: str) -> None:
    """One more failed attempt (inside the caller's transaction); the fifth locks the account."""
    user.failed_logins += 1
    if user.failed_logins >= MAX_FAILED_LOGINS:
        user.locked_until = utcnow() + LOCKOUT
        record_at(
            "user.lock",
            user,
            actor=None,
            ip=ip,
            summary=_(
                "locked for %(minutes)d minutes after %(n)d failed attempts",
                minutes=LOCKOUT.total_seconds() // 60,
                n=user.failed_logins,
            ),
        )


def complete_login(user: User, *, ip: str) -> None:
    """The user has proved who they are (inside the caller's transaction): reset the counter, audit."""
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = utcnow()
    record_at("user.login", user, actor=user, ip=ip)


def log_out(user: User, *, ip: str) -> None:
    """End every session of the user, on every browser, by bumping the session version."""
    with write_transaction():
        user.session_version += 1
        db.session.add(user)
        record_at("user.logout", user, actor=user, ip=ip)


def change_password(user: User, *, current_password: str, new_password: str, ip: str) -> None:
    """Change one's own password; every session of the user ends (the caller starts a fresh one)."""
    if not check_password_hash(user.password_hash, current_password):
        raise InvalidInput("current_password", _("The current password is not correct."))
    check_password_policy(new_password, email=user.email)
    with write_transaction():
        user.password_hash = hash_password(new_password)
        user.session_version += 1
        db.session.add(user)
        record_at("user.password_change", user, actor=user, ip=ip)


def reset_password(user: User, *, password: str, actor: User) -> None:
    """An admin sets a new password for someone: their sessions end and any lockout is lifted."""
    check_password_policy(password, email=user.email)
    with write_transaction():
        user.password_hash = hash_password(password)
        user.session_version += 1
        user.failed_logins = 0
        user.locked_until = None
        db.session.add(user)
        record("user.password_reset", user, actor=actor, summary=user.email)


def change_role(user: User, *, role: Role | str, actor: User) -> None:
    """Give the user another role; the last active admin keeps theirs."""
    role = _parse_role(role)
    if role is user.role:
        return
    with write_transaction():
        if user.role is Role.ADMIN:
            _refuse_removing_last_admin(user)
        previous = user.role
        user.role = role
        db.session.add(user)
        record(
            "user.role_change", user, actor=actor, summary=f"{user.email}: {previous.value} → {role.value}"
        )


def set_user_active(user: User, *, active: bool, actor: User) -> None:
    """Disable (ending every session of the user) or enable an account."""
    if active == user.is_active:
        return
    if not active and user.id == actor.id:
        raise NotAllowed(_("You cannot disable your own account."))
    with write_transaction():
        if not active:
            if user.role is Role.ADMIN:
                _refuse_removing_last_admin(user)
            user.session_version += 1
        user.is_active = active
        db.session.add(user)
        record("user.enable" if active else "user.disable", user, actor=actor, summary=user.email)


def _refuse_removing_last_admin(user: User) -> None:
    """Inside the write transaction: the admins are locked so two admins cannot remove each other."""
    admins = db.session.scalars(
        select(User.id).where(User.role == Role.ADMIN, User.is_active.is_(True)).with_for_update()
    ).all()
    if set(admins) <= {user.id}:
        raise NotAllowed(_("The site must keep at least one active admin."))
