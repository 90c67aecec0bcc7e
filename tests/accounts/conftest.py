"""Helpers for the account tests: TOTP codes, users with two-factor, the two-factor setting."""

import time

import pyotp
import pytest

from app.accounts.two_factor import enable_two_factor, new_secret
from app.core.db import write_transaction
from app.extensions import db as _db
from app.settings.models import SiteSettings
from tests.factories import make_user


def next_code(secret: str) -> str:
    """A valid code that has not been used yet (the current one may have confirmed enrolment)."""
    return pyotp.TOTP(secret).at(time.time() + 30)


@pytest.fixture
def two_factor_user(db):
    """A user with two-factor on: (user, secret, recovery codes)."""

    def make(role="editor", **overrides):
        user = make_user(role=role, **overrides)
        secret = new_secret()
        codes = enable_two_factor(user, secret=secret, code=pyotp.TOTP(secret).now())
        return user, secret, codes

    return make


@pytest.fixture
def require_two_factor(db):
    """The site setting an admin would tick: two-factor required for editors and admins."""
    with write_transaction():
        settings = _db.session.get(SiteSettings, 1)
        if settings is None:
            settings = SiteSettings(id=1, site_name="Bản tin thử nghiệm")
            _db.session.add(settings)
        settings.require_two_factor = True
    return settings
