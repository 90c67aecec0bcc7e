"""Helpers for the error-page and logging proofs: a production-like app, what must never leak, and
reading the log lines a request wrote."""

import io
import re

from flask import Flask

from tests.conftest import another_worker

INCIDENT = re.compile(r"^[0-9a-f]{12}$")
LINE_START = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ")

FAKE_SECRET = "hunter2-fake-secret"
SQL = "SELECT password_hash FROM users WHERE email = 'ba@anphu.vn'"
FILE_PATH = "/srv/bantin/app/core/secret_settings.py"


def failure_message(app: Flask) -> str:
    """What an exception might carry: a secret, a statement and a file path (and the app's SECRET_KEY)."""
    return f"password={FAKE_SECRET} key={app.config['SECRET_KEY']} in {SQL} at {FILE_PATH}"


def leaks(app: Flask, text: str) -> list[str]:
    """Everything a reader must never see that `text` shows."""
    markers = (
        FAKE_SECRET,
        app.config["SECRET_KEY"],
        "SELECT",
        "password_hash",
        FILE_PATH,
        "/srv/",
        'File "',
        "Traceback",
        "RuntimeError",
        "OperationalError",
        "sqlalche.me",
    )
    return [marker for marker in markers if marker in text]


def production_app(app: Flask, **overrides) -> Flask:
    """The test app's database and settings, but TESTING and DEBUG off, as under gunicorn."""
    worker = another_worker(app, **{"TESTING": False, "DEBUG": False, **overrides})
    assert worker.config["PROPAGATE_EXCEPTIONS"] is None  # Flask's default: propagate only if testing/debug
    return worker


def logged(client, path: str, method: str = "get", **kwargs) -> tuple:
    """The response and the log lines the request wrote (the app logs to the request's wsgi.errors)."""
    stream = io.StringIO()
    response = getattr(client, method)(path, errors_stream=stream, **kwargs)
    return response, stream.getvalue().splitlines()


def lines_with(lines: list[str], incident: str) -> list[str]:
    return [line for line in lines if f"incident={incident}]" in line]
