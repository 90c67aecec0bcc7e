"""The app's log lines, configured in one place.

Every record under the `app` logger (app.logger and each module's `logging.getLogger(__name__)`) becomes
one line: UTC time, level, logger, then who asked for what (method, path, client IP, user id, incident
id), then the message. Nothing a request supplies can forge a line or a field: the path is written
percent-encoded, as in a URL, and control characters in the message are escaped (a line break shows as
\\n); a traceback follows on lines that start with "    | ", which no record line does. Secrets that slip
into a message (the SECRET_KEY, `password=…`, cookies, SQL parameters) are masked, as a second line of
defence: the app never logs headers, cookies or form values on purpose.
"""

import logging
import re
import time
from urllib.parse import quote

from flask import Flask, current_app, g, has_app_context, has_request_context, request
from flask.logging import default_handler, wsgi_errors_stream

LOGGER_NAME = "app"
HANDLER_NAME = "bantin"
CONTINUATION = "    | "
NO_VALUE = "-"

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# `name=value`, `name: value` or `'name': 'value'` where the name mentions a secret (password_hash,
# remember_token, X-CSRF-Token, SECRET_KEY, Cookie, Authorization: Bearer …): the value is masked.
SECRET_ASSIGNMENT = re.compile(
    r"(?i)\b([\w-]*?(?:password|passwd|pwd|secret|token|api_?key|cookie|session|authorization)[\w-]*)"
    r"(['\"]?\s*[=:]\s*)(?:(?:bearer|basic)\s+)?(\"[^\"]*\"|'[^']*'|[^\s,;&)\]}]+)"
)
SQL_PARAMETERS = re.compile(r"\[parameters: .*\]")
MASK = "[hidden]"
URL_SAFE = "/:@!$&'()*+,;=-._~"
FIELD_NAMES = ("http_method", "http_path", "client_ip", "user_id", "incident_id")


def escape(text: str) -> str:
    """Control characters (CR, LF, ESC, …) and Unicode line separators shown as escapes, e.g. \\n."""

    def replacement(match: re.Match) -> str:
        code = ord(match[0])
        return NAMED_ESCAPES.get(match[0]) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")

    return CONTROL_CHARACTERS.sub(replacement, text)


def redact(text: str) -> str:
    text = SQL_PARAMETERS.sub(f"[parameters: {MASK}]", text)
    text = SECRET_ASSIGNMENT.sub(lambda match: f"{match[1]}{match[2]}{MASK}", text)
    if has_app_context():
        key = current_app.config.get("SECRET_KEY")
        if isinstance(key, str) and len(key) >= 8:
            text = text.replace(key, MASK)
    return text


def request_fields() -> dict[str, str]:
    """Who asked for what, read without touching the database: the user only if already loaded."""
    if not has_request_context():
        return {}
    user = g.get("_login_user")
    user_id = getattr(user, "id", None) if getattr(user, "is_authenticated", False) else None
    return {
        "http_method": quote(request.method, safe=""),
        "http_path": quote(request.path, safe=URL_SAFE),  # as in a URL: no space, bracket or control
        "client_ip": quote(request.remote_addr or NO_VALUE, safe=":."),
        "user_id": NO_VALUE if user_id is None else str(user_id),
        "incident_id": g.get("incident_id") or NO_VALUE,
    }


class RequestContext(logging.Filter):
    """Stamps each record with its request's fields when it is emitted (they are gone by format time
    for a handler that formats later, such as pytest's)."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name, value in request_fields().items():
            if not hasattr(record, name):
                setattr(record, name, value)
        return True


class LineFormatter(logging.Formatter):
    """`2026-01-31T08:15:02.123Z ERROR app.core.errors [GET /path ip=… user=… incident=…] message`."""

    converter = time.gmtime
    default_time_format = "%Y-%m-%dT%H:%M:%S"
    default_msec_format = "%s.%03dZ"

    def format(self, record: logging.LogRecord) -> str:
        fields = {name: escape(str(getattr(record, name, NO_VALUE))) for name in FIELD_NAMES}
        context = "[{http_method} {http_path} ip={client_ip} user={user_id} incident={incident_id}]".format(
            **fields
        )
        message = escape(redact(record.getMessage()))
        line = f"{self.formatTime(record)} {record.levelname} {record.name} {context} {message}"
        details = []
        if record.exc_info:
            details.append(self.formatException(record.exc_info))
        if record.stack_info:
            details.append(self.formatStack(record.stack_info))
        for block in details:
            line += "".join(f"\n{CONTINUATION}{escape(redact(part))}" for part in block.splitlines())
        return line


def configure_logging(app: Flask) -> None:
    """Replace Flask's default handler on the `app` logger with ours (once per process: every app
    built in a process shares the logger). The level comes from LOG_LEVEL (default INFO)."""
    logger = logging.getLogger(LOGGER_NAME)
    logger.removeHandler(default_handler)
    if not any(handler.name == HANDLER_NAME for handler in logger.handlers):
        handler = logging.StreamHandler(wsgi_errors_stream)  # gunicorn's error log inside a request
        handler.name = HANDLER_NAME
        handler.addFilter(RequestContext())
        handler.setFormatter(LineFormatter())
        logger.addHandler(handler)
    logger.setLevel(str(app.config.get("LOG_LEVEL") or "INFO").upper())
