"""Optional TOTP two-factor sign-in: enrolment, recovery codes, the second login step and the policy."""

import hashlib
import secrets

import pyotp
import segno
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import delete, select
from werkzeug.security import check_password_hash

from app.accounts.models import RecoveryCode, Role, User
from app.accounts.services import complete_login, count_failure, is_locked, record_at
from app.audit.services import record
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.extensions import cache, db
from app.settings.queries import get_site_settings

RECOVERY_CODE_COUNT = 10
RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i to misread
RECOVERY_CODE_LENGTH = 10
TOTP_VALID_WINDOW = 1  # accept the previous and next 30-second code too: phone clocks drift
USED_CODE_SECONDS = 30 * (2 * TOTP_VALID_WINDOW + 1)
FORCED_ROLES = frozenset({Role.EDITOR, Role.ADMIN})


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, *, email: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=issuer)


def qr_code_svg(uri: str) -> Markup:
    """The QR code as inline SVG (no image request, nothing cached anywhere)."""
    return Markup(segno.make(uri, error="m").svg_inline(scale=5, border=2, svgclass="qr-code", omitsize=True))


def group_secret(secret: str) -> str:
    """The secret in groups of four, easier to type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _normalise_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def _hash_recovery_code(code: str) -> str:
    """Recovery codes are long random strings, so a fast hash is enough (as for API tokens)."""
    return "sha256$" + hashlib.sha256(_normalise_code(code).encode()).hexdigest()


def _new_recovery_code() -> str:
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
    half = RECOVERY_CODE_LENGTH // 2
    return f"{raw[:half]}-{raw[half:]}"


def _totp_matches(secret: str, code: str, user_id: int) -> bool:
    """A current TOTP code that has not been used yet (RFC 6238: an OTP is accepted only once)."""
    if not (len(code) == 6 and code.isascii() and code.isdigit()):
        return False
    if not pyotp.TOTP(secret).verify(code, valid_window=TOTP_VALID_WINDOW):
        return False
    return bool(cache.add(f"totp-used:{user_id}:{secret[-6:]}:{code}", True, timeout=USED_CODE_SECONDS))


def enable_two_factor(user: User, *, secret: str, code: str) -> list[str]:
    """Turn two-factor on once the user proves their app shows `secret`'s codes.

    Returns the recovery codes in clear, to be shown once; only their hashes are stored.
    """
    if user.has_two_factor:
        raise InvalidInput(None, _("Two-factor sign-in is already on."))
    if not _totp_matches(secret, _normalise_code(code), user.id):
        raise InvalidInput("code", _("The code is not correct. Check your phone's clock and try again."))
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    with write_transaction():
        user.totp_secret = secret
        db.session.add(user)
        db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
        db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash_recovery_code(c)) for c in codes)
        record("user.two_factor_enable", user, actor=user, summary=user.email)
    return codes


def disable_two_factor(user: User, *, password: str) -> None:
    """Turn one's own two-factor off; the password is asked again so a borrowed session cannot."""
    if not check_password_hash(user.password_hash, password):
        raise InvalidInput("password", _("The password is not correct."))
    _turn_off(user, actor=user)


def reset_two_factor(user: User, *, actor: User) -> None:
    """An admin turns two-factor off for someone who lost their phone and their recovery codes."""
    _turn_off(user, actor=actor)


def _turn_off(user: User, *, actor: User) -> None:
    if not user.has_two_factor:
        return
    with write_transaction():
        user.totp_secret = None
        db.session.add(user)
        db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
        record("user.two_factor_disable", user, actor=actor, summary=user.email)


def verify_login_code(user: User, code: str, *, ip: str) -> bool:
    """The second login step: a TOTP code or an unused recovery code completes the sign-in.

    Wrong codes count towards the same lockout as wrong passwords.
    """
    code = _normalise_code(code)[:64]
    with write_transaction():
        db.session.refresh(user, with_for_update=True)
        if not user.is_active or not user.has_two_factor or is_locked(user):
            record_at("user.login_failed", user, actor=None, ip=ip, summary=_("second step refused"))
            return False
        if _totp_matches(user.totp_secret, code, user.id) or _use_recovery_code(user, code):
            complete_login(user, ip=ip)
            return True
        record_at("user.login_failed", user, actor=None, ip=ip, summary=_("wrong two-factor code"))
        count_failure(user, ip=ip)
    return False


def _use_recovery_code(user: User, code: str) -> bool:
    recovery = db.session.scalar(
        select(RecoveryCode).where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == _hash_recovery_code(code),
            RecoveryCode.used_at.is_(None),
        )
    )
    if recovery is None:
        return False
    recovery.used_at = utcnow()
    return True


def must_enrol(user: User) -> bool:
    """Whether the site requires this user to turn two-factor on before working (editors, admins)."""
    return user.role in FORCED_ROLES and not user.has_two_factor and get_site_settings().require_two_factor
