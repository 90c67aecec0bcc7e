"""Log lines staff can trust: UTC ISO-8601 times, who asked for what (method, path, client IP, user,
incident id), one line per record whatever a request sends (no forged lines), and no secrets."""

import io
import logging
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest
from flask import request

from app.core.logging import CONTINUATION, MASK
from tests.security.incidents import (
    LINE_START,
    logged,
    production_app,
)

LINE = re.compile(
    r"(?P<time>\S+) INFO app\.core\.errors \[GET (?P<path>\S+) ip=(?P<ip>\S+) user=(?P<user>\S+) "
    r"incident=(?P<incident>[0-9a-f]{12})\] 404 Not Found"
)
FORGED = "2026-01-01T00:00:00.000Z CRITICAL app [GET / ip=127.0.0.1 user=1 incident=-] fake"


def only_line(lines: list[str]) -> re.Match:
    assert len(lines) == 1, lines
    match = LINE.fullmatch(lines[0])
    assert match, lines[0]
    return match


def assert_not_forged(lines: list[str]) -> None:
    """Every line starts a record with a timestamp or continues one; none starts with the forged text."""
    for line in lines:
        assert LINE_START.match(line) or line.startswith(CONTINUATION), line
        assert not line.startswith(FORGED[:10])


@pytest.mark.parametrize("role", [None, "editor"], ids=["reader", "staff"])
def test_a_line_has_utc_time_method_path_ip_user_and_incident(client, login_as, role):
    user = login_as(role) if role else None
    spoofed = {"X-Forwarded-For": "198.51.100.9"}  # no proxy is trusted by default (PROXY_FIX_X_FOR=0)

    response, lines = logged(
        client, "/khong-co/", environ_base={"REMOTE_ADDR": "203.0.113.7"}, headers=spoofed
    )

    line = only_line(lines)
    written = datetime.strptime(line["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    assert abs(datetime.now(UTC) - written) < timedelta(seconds=5)
    assert line["path"] == "/khong-co/"
    assert line["ip"] == "203.0.113.7"
    assert line["user"] == (str(user.id) if user else "-")
    assert line["incident"] == response.headers["X-Incident-Id"]


@pytest.mark.parametrize("separator", ["\n", "\r\n", "\r", "\u2028", "\x1b[2K\r"])
def test_a_path_cannot_forge_a_log_line_or_field(client, separator, figures):
    response, lines = logged(client, "/tin" + quote(separator + FORGED, safe=""))

    assert response.status_code == 404
    line = only_line(lines)  # one line, whose fields are the real ones
    assert line["path"] == "/tin" + quote(separator + FORGED, safe="/:@!$&'()*+,;=-._~")
    assert (line["ip"], line["user"]) == ("127.0.0.1", "-")
    figures(f"log injection through the path with {separator!r}: 1 line written, 0 forged")


def test_a_logged_value_cannot_forge_a_line(app):
    """A username (or any form value) a view logs is escaped like the path."""
    username = f"ba@anphu.vn\n{FORGED}\x00\x07"
    stream = io.StringIO()
    environ = {"REMOTE_ADDR": "203.0.113.7"}
    with app.test_request_context("/admin/login", method="POST", errors_stream=stream, environ_base=environ):
        logging.getLogger("app.accounts.views").warning("Failed login for %s", username)

    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].endswith("Failed login for ba@anphu.vn\\n" + FORGED + "\\x00\\x07")
    assert "[POST /admin/login ip=203.0.113.7 user=- incident=-]" in lines[0]


def test_a_traceback_cannot_forge_a_line(app, db, monkeypatch):
    site = production_app(app)

    @site.get("/__echo_failure__")
    def echo_failure():
        raise ValueError(f"bad input {request.args['q']}")

    response, lines = logged(
        site.test_client(), "/__echo_failure__", query_string={"q": f"x\n{FORGED}\x1b[31m"}
    )

    assert response.status_code == 500
    assert_not_forged(lines)
    assert len([line for line in lines if LINE_START.match(line)]) == 1
    assert any(line.startswith(CONTINUATION) and FORGED in line and "\\x1b[31m" in line for line in lines)


def test_secrets_in_an_exception_are_masked_in_the_log(app, db):
    site = production_app(app)
    secrets = {
        "password": "hunter2-fake-secret",
        "cookie": "session=eyJfdXNlcl9pZCI6IjEifQ.fake",
        "bearer": "fake-api-token-123",
        "key": site.config["SECRET_KEY"],
    }

    @site.get("/__secret_failure__")
    def secret_failure():
        raise RuntimeError(
            f"password={secrets['password']} Cookie: {secrets['cookie']} "
            f"Authorization: Bearer {secrets['bearer']} with key {secrets['key']}"
        )

    response, lines = logged(site.test_client(), "/__secret_failure__")

    log = "\n".join(lines)
    assert response.status_code == 500 and "RuntimeError" in log
    assert [name for name, value in secrets.items() if value in log] == []
    assert log.count(MASK) == len(secrets)
