"""Domain errors raised by services, and the Vietnamese error pages.

Every error answer carries an incident id (in the page, the API's JSON body and the X-Incident-Id
header) that is also in the request's log line, so staff find what a reader quotes. No answer shows an
exception's text, SQL or a file path: those go to the log only.
"""

import logging
import secrets
from contextlib import suppress

from flask import Flask, Response, current_app, g, make_response, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import BadRequest, HTTPException
from werkzeug.http import HTTP_STATUS_CODES

from app.extensions import db

log = logging.getLogger(__name__)
INCIDENT_HEADER = "X-Incident-Id"
# When even the error template fails: no template, no translation machinery, nothing that can fail.
FALLBACK_PAGE = "Lỗi {status}. Hệ thống đang gặp sự cố, vui lòng thử lại sau. Mã sự cố: {incident}\n"


class DomainError(Exception):
    """Something a user asked for that the rules refuse; views turn it into a 4xx or a form error."""


class InvalidInput(DomainError):
    def __init__(self, field: str | None, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


class Conflict(InvalidInput):
    """The request clashes with what is stored (a taken name, a stale version, a wrong status): a 409."""


class NotAllowed(DomainError):
    pass


def error_messages() -> dict[int, tuple[str, str]]:
    """Title and explanation for each status, in Vietnamese (translated lazily per request)."""
    return {
        400: (_("Bad request"), _("The request contains invalid data. Please check and try again.")),
        403: (_("Access denied"), _("You do not have permission to view this page.")),
        404: (_("Page not found"), _("The page you are looking for does not exist or has been removed.")),
        405: (_("Method not allowed"), _("This address does not accept that kind of request.")),
        413: (_("Content too large"), _("The data you sent is larger than allowed.")),
        429: (_("Too many requests"), _("You are sending requests too quickly. Please wait a moment.")),
        500: (_("Server error"), _("Something went wrong on our side. Please try again later.")),
    }


def record_incident(status: int, error: BaseException | None = None) -> str:
    """This request's incident id (12 hex characters), logged when first given out and again with
    every exception reported under it."""
    incident = g.get("incident_id")
    if incident is None:
        incident = g.incident_id = secrets.token_hex(6)
    elif error is None:
        return incident
    reason = HTTP_STATUS_CODES.get(status, "Error")
    if status >= 500:
        log.error("%d %s", status, reason, exc_info=error)
    else:
        log.info("%d %s", status, reason)
    return incident


def report_unexpected(error: BaseException, status: int = 500) -> str:
    """Log an unhandled exception with its traceback under the incident id, and end the transaction."""
    with suppress(Exception):  # the database may be the thing that failed
        db.session.rollback()
    return record_incident(status, error)


def render_error(status: int, detail: str | None = None) -> Response:
    """The Vietnamese error page; plain text if even the template cannot be rendered."""
    incident = record_incident(status)
    try:
        response = make_response(error_page(status, detail, incident), status)
    except Exception:
        log.exception("The error page could not be rendered")
        response = make_response(FALLBACK_PAGE.format(status=status, incident=incident), status)
        response.mimetype = "text/plain"
    response.headers[INCIDENT_HEADER] = incident
    response.headers["Cache-Control"] = "no-store"  # the id belongs to this request only
    return response


def error_page(status: int, detail: str | None, incident: str) -> str:
    messages = error_messages()
    title, explanation = messages.get(status, messages[500] if status >= 500 else messages[400])
    minimal = status >= 500
    if minimal:
        skip_user_lookup()
    return render_template(
        "errors/error.html",
        status=status,
        title=title,
        explanation=detail or explanation,
        minimal=minimal,
        incident=incident,
    )


def skip_user_lookup() -> None:
    """Flask-Login's template context loads the user from the database, which may be what failed: a
    server error page treats a reader not loaded yet as anonymous (base.html's minimal mode needs no one)."""
    if "_login_user" not in g:
        g._login_user = current_app.login_manager.anonymous_user()


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        status = error.code or 500
        if status >= 500:
            report_unexpected(getattr(error, "original_exception", None) or error, status)
        response = render_error(status, error.description if getattr(error, "vietnamese", False) else None)
        if status == 405 and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(CSRFError)
    def handle_csrf_error(error: CSRFError):
        return render_error(
            400, _("Your session has expired or the form is no longer valid. Reload the page and try again.")
        )

    @app.errorhandler(InvalidInput)
    def handle_invalid_input(error: InvalidInput):
        return render_error(400, error.message)

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        report_unexpected(error)
        return render_error(500)


def bad_request(message: str):
    """Abort with 400 and a Vietnamese explanation shown to the user."""
    error = BadRequest(message)
    error.vietnamese = True
    raise error
