"""Domain errors raised by services and the Vietnamese error pages."""

from contextlib import suppress

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import BadRequest, HTTPException

from app.extensions import db


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


def render_error(status: int, detail: str | None = None):
    messages = error_messages()
    title, explanation = messages.get(status, messages[500] if status >= 500 else messages[400])
    return render_template(
        "errors/error.html",
        status=status,
        title=title,
        explanation=detail or explanation,
        minimal=status >= 500,
    ), status


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        detail = error.description if getattr(error, "vietnamese", False) else None
        response = render_error(error.code or 500, detail)
        if error.code == 405 and error.valid_methods:
            return (*response, {"Allow": ", ".join(error.valid_methods)})
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
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        with suppress(Exception):  # the database may be the thing that failed
            db.session.rollback()
        return render_error(500)


def bad_request(message: str):
    """Abort with 400 and a Vietnamese explanation shown to the user."""
    error = BadRequest(message)
    error.vietnamese = True
    raise error
