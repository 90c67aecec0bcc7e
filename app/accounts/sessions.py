"""Staff sessions: a fresh session at login, idle and absolute timeouts, invalidation by version.

The session cookie carries the user's id *and* session version (see User.get_id), so bumping the
version in the database ends every session of that user, including copied cookies.
"""

import time

from flask import Flask, flash, redirect, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from app.accounts.services import load_user

IDLE_TIMEOUT_SECONDS = 30 * 60
ABSOLUTE_TIMEOUT_SECONDS = 12 * 3600
SEEN_REFRESH_SECONDS = 60
SECOND_STEP_SECONDS = 5 * 60
LOGIN_AT = "login_at"
SEEN_AT = "seen_at"
PENDING_USER = "pending_user"
PENDING_AT = "pending_at"
PENDING_NEXT = "pending_next"


def session_values(user, now: float | None = None) -> dict:
    """What a freshly logged-in session holds (also used by tests to log in directly)."""
    now = time.time() if now is None else now
    return {"_user_id": user.get_id(), "_fresh": True, LOGIN_AT: now, SEEN_AT: now}


def start_session(user) -> None:
    """Log `user` in with a brand-new session: nothing from before the login survives."""
    session.clear()
    login_user(user, fresh=True)
    session.update(session_values(user))


def end_session() -> None:
    logout_user()
    session.clear()


def begin_second_step(user, next_url: str) -> None:
    """Remember who passed the password step; they are NOT logged in until they give their code.

    Only the pending id is kept (no `_user_id`), so Flask-Login sees an anonymous visitor and
    every back-office page still refuses them.
    """
    session.clear()
    session.update({PENDING_USER: user.get_id(), PENDING_AT: time.time(), PENDING_NEXT: next_url})


def pending_user():
    """The user half-way through signing in, if the password step was recent and still valid."""
    pending_id = session.get(PENDING_USER)
    if not pending_id or time.time() - session.get(PENDING_AT, 0) > SECOND_STEP_SECONDS:
        return None
    return load_user(pending_id)


def pending_next() -> str:
    return session.get(PENDING_NEXT, "")


def enforce_session_limits():
    """Before each request: end sessions idle for 30 minutes or older than 12 hours."""
    if not current_user.is_authenticated:
        return None
    now = time.time()
    idle = now - session.get(SEEN_AT, 0) > IDLE_TIMEOUT_SECONDS
    expired = now - session.get(LOGIN_AT, 0) > ABSOLUTE_TIMEOUT_SECONDS
    if idle or expired:
        end_session()
        flash(_("Your session has ended. Please log in again."), "warning")
        if request.path.startswith("/admin"):
            return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))
        return None
    if now - session.get(SEEN_AT, 0) > SEEN_REFRESH_SECONDS:
        session[SEEN_AT] = now
    return None


class HttpsAwareSessionInterface(SecureCookieSessionInterface):
    """Mark the session cookie Secure whenever the request came over HTTPS (or config says so)."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"]) or request.is_secure


def init_sessions(app: Flask) -> None:
    app.session_interface = HttpsAwareSessionInterface()
    app.before_request(enforce_session_limits)
