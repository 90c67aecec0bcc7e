"""Creating and loading staff accounts, with the password policy in one place."""

import re
from functools import lru_cache
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from app.accounts.models import Role, User
from app.audit.services import record
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.core.text import clean_line
from app.extensions import db

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
DUMMY_HASH = generate_password_hash("not a real password")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@lru_cache(maxsize=1)
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


def create_user(*, email: str, full_name: str, role: Role | str, password: str, actor: User | None) -> User:
    """Create an active account after checking the email, name, role and password."""
    email = normalise_email(email)
    full_name = clean_line(full_name)
    if not _EMAIL.match(email) or len(email) > 254:
        raise InvalidInput("email", _("Please enter a valid email address."))
    if not full_name or len(full_name) > 120:
        raise InvalidInput("full_name", _("Please enter a full name (at most 120 characters)."))
    try:
        role = Role(role)
    except ValueError:
        raise InvalidInput("role", _("Unknown role.")) from None
    check_password_policy(password, email=email)
    with write_transaction():
        if db.session.scalar(select(func.count()).where(User.email == email)):
            raise InvalidInput("email", _("An account with this email already exists."))
        user = User(
            email=email,
            full_name=full_name,
            role=role,
            password_hash=generate_password_hash(password),
            is_active=True,
        )
        db.session.add(user)
        db.session.flush()
        record("user.create", user, actor=actor, summary=f"{email} ({role.value})")
    return user


def load_user(session_id: str) -> User | None:
    """Flask-Login's loader: an active account whose session version still matches the cookie's."""
    user_id, _sep, version = session_id.partition(":")
    if not (user_id.isdigit() and version.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.is_active or user.session_version != int(version):
        return None
    return user


def authenticate(email: str, password: str) -> User | None:
    """The active user with this email and password, or None (callers never learn which part failed)."""
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None or not user.is_active:
        check_password_hash(DUMMY_HASH, password)  # same work whether or not the email exists
        return None
    if not check_password_hash(user.password_hash, password):
        return None
    return user
