"""Error answers tell a reader what happened in Vietnamese and give an incident id, never the cause:
no traceback, SQL, file path or secret in any page or JSON body, in production settings (TESTING and
DEBUG off), when the database is down, and when even the error template fails. The id in the page is
the one in the X-Incident-Id header and in the log line staff read."""

import os
import sqlite3
import time
import urllib.error
import urllib.request

import pytest
from flask import current_app
from jinja2 import TemplateError
from sqlalchemy.exc import OperationalError

from app import create_app
from app.api import views as api_views
from app.extensions import limiter
from tests.pages import parse
from tests.security.incidents import (
    FAKE_SECRET,
    INCIDENT,
    SQL,
    failure_message,
    leaks,
    lines_with,
    logged,
    production_app,
)
from tests.servers import free_port, gunicorn

SERVER_ERROR_TITLE = "Lỗi máy chủ"


def boom():
    raise RuntimeError(failure_message(current_app))


def query_failed():
    parameters = {"email": "ba@anphu.vn", "password": FAKE_SECRET}
    raise OperationalError(SQL, parameters, sqlite3.OperationalError("database is locked"))


@pytest.fixture(params=[False, True], ids=["debug-off", "debug-on"])
def production(request, app, db):
    """A fresh app (routes can only be added before its first request) with two test-only routes."""
    worker = production_app(app, DEBUG=request.param)
    worker.add_url_rule("/__boom__", "boom", boom)
    worker.add_url_rule("/__query_failed__", "query_failed", query_failed)
    return worker


def incident_of(response) -> str:
    incident = response.headers["X-Incident-Id"]
    assert INCIDENT.match(incident)
    return incident


def assert_error_page(response, status: int, title: str) -> str:
    """A Vietnamese error page showing the status, the title and the header's incident id."""
    assert response.status_code == status
    assert response.mimetype == "text/html"
    page = parse(response.data)
    assert page.one("html").attrs["lang"] == "vi"
    assert page.one("section.error-page p.error-page__code").text == str(status)
    assert page.one("section.error-page h1").text == title
    incident = incident_of(response)
    assert page.one(".error-page__incident code").text == incident
    assert "Mã sự cố" in page.one(".error-page__incident").text
    assert "no-store" in response.headers["Cache-Control"]
    return incident


@pytest.mark.parametrize("path", ["/__boom__", "/__query_failed__"])
def test_an_unhandled_exception_shows_the_generic_page_and_logs_the_cause_under_its_id(
    production, path, figures
):
    response, lines = logged(production.test_client(), path)

    incident = assert_error_page(response, 500, SERVER_ERROR_TITLE)
    assert leaks(production, response.get_data(as_text=True)) == []
    logged_lines = lines_with(lines, incident)
    assert len(logged_lines) == 1 and " ERROR app.core.errors [GET " in logged_lines[0]
    log = "\n".join(lines)
    assert "Traceback" in log and SQL in log  # staff get the cause…
    assert FAKE_SECRET not in log and production.config["SECRET_KEY"] not in log  # …but not the secrets
    figures(f"{path} (DEBUG={production.debug}): 500 page, 0 leaks, incident {incident} in header, page, log")


def test_an_api_failure_is_generic_json_with_the_incident_id(production, monkeypatch):
    def broken():
        raise RuntimeError(failure_message(current_app))

    monkeypatch.setattr(api_views, "section_choices", broken)
    response, lines = logged(production.test_client(), "/api/v1/sections")

    assert response.status_code == 500
    error = response.get_json()["error"]
    incident = incident_of(response)
    assert error == {
        "status": 500,
        "code": "server_error",
        "message": "Hệ thống đang gặp sự cố. Vui lòng thử lại sau.",
        "field": None,
        "incident_id": incident,
    }
    assert leaks(production, response.get_data(as_text=True)) == []
    assert len(lines_with(lines, incident)) == 1


def test_the_page_falls_back_to_plain_vietnamese_text_when_the_template_engine_fails(production, monkeypatch):
    def broken_template(*args, **kwargs):
        raise TemplateError(f"cannot load {production.root_path}/templates/errors/error.html")

    monkeypatch.setattr("app.core.errors.render_template", broken_template)
    response, lines = logged(production.test_client(), "/__boom__")

    assert response.status_code == 500
    assert response.mimetype == "text/plain"
    incident = incident_of(response)
    text = response.get_data(as_text=True)
    assert f"Mã sự cố: {incident}" in text and "Hệ thống đang gặp sự cố" in text
    assert leaks(production, text) == [] and "templates/" not in text
    assert "The error page could not be rendered" in "\n".join(lines_with(lines, incident))


@pytest.fixture
def database_down(tmp_path, monkeypatch):
    """A production app whose database file sits in a directory that does not exist: every query fails."""
    monkeypatch.setattr(limiter, "enabled", limiter.enabled)  # restored after the test
    site = create_app(
        {
            "SECRET_KEY": "database-down-secret-key",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'missing' / 'bantin.db'}",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "SERVER_NAME": "bantin.test",
        }
    )
    limiter.enabled = False
    yield site
    with site.app_context():
        from app.extensions import db

        db.engine.dispose()


@pytest.mark.parametrize("logged_in", [False, True], ids=["reader", "staff-session"])
def test_the_server_error_page_renders_while_the_database_is_down(database_down, logged_in):
    client = database_down.test_client()
    if logged_in:  # loading this user is itself a query that fails
        with client.session_transaction() as session:
            session["_user_id"] = "1:0"

    response, lines = logged(client, "/")

    incident = assert_error_page(response, 500, SERVER_ERROR_TITLE)
    assert parse(response.data).one("footer p.footer__name").text == database_down.config["SITE_NAME"]
    assert leaks(database_down, response.get_data(as_text=True)) == []
    assert "OperationalError" in "\n".join(lines) and lines_with(lines, incident)


def test_the_api_answers_generic_json_while_the_database_is_down(database_down):
    response, _lines = logged(database_down.test_client(), "/api/v1/articles")

    assert response.status_code == 500
    assert response.get_json()["error"]["incident_id"] == incident_of(response)
    assert leaks(database_down, response.get_data(as_text=True)) == []


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "title"),
    [
        ("get", "/khong-co-trang-nay/", {}, 404, "Không tìm thấy trang"),
        ("post", "/", {}, 405, "Phương thức không được hỗ trợ"),
        (
            "post",
            "/admin/login",
            {"data": {"email": "a@b.vn", "password": FAKE_SECRET}},
            400,
            "Yêu cầu không hợp lệ",
        ),
    ],
    ids=["404", "405", "400-csrf"],
)
def test_client_errors_are_vietnamese_pages_with_an_incident_id(client, method, path, kwargs, status, title):
    response, lines = logged(client, path, method, **kwargs)

    incident = assert_error_page(response, status, title)
    assert len(lines_with(lines, incident)) == 1
    assert FAKE_SECRET not in "\n".join(lines)
    if status == 405:
        assert "GET" in response.headers["Allow"]
    if status == 400:
        assert "Phiên làm việc đã hết hạn" in response.get_data(as_text=True)
        assert "CSRF token" not in response.get_data(as_text=True)


def test_a_request_too_large_gets_a_vietnamese_413(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 1000)

    response, lines = logged(client, "/admin/login", "post", data={"email": "a@b.vn", "note": "x" * 5000})

    incident = assert_error_page(response, 413, "Dữ liệu quá lớn")
    assert "Dữ liệu bạn gửi vượt quá dung lượng cho phép." in response.get_data(as_text=True)
    assert len(lines_with(lines, incident)) == 1


def test_too_many_requests_get_a_vietnamese_429(app, client, throttling, monkeypatch):
    monkeypatch.setitem(app.config, "CAPTCHA_RENDER_LIMITS", "1 per minute")
    assert client.get("/captcha/khong-co.png").status_code == 404

    response, lines = logged(client, "/captcha/khong-co.png")

    incident = assert_error_page(response, 429, "Quá nhiều yêu cầu")
    assert len(lines_with(lines, incident)) == 1


@pytest.mark.parametrize("path", ["/api/v1/khong-co", "/api/v1/articles?page=abc"])
def test_api_client_errors_carry_the_incident_id(client, path):
    response, lines = logged(client, path)

    assert response.status_code in (400, 404)
    incident = incident_of(response)
    assert response.get_json()["error"]["incident_id"] == incident
    assert len(lines_with(lines, incident)) == 1


def error_answer(server, url: str, seconds: float = 30):
    """The first answer of a booting server to `url`, expected to be an HTTP error."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)
        except urllib.error.HTTPError as answer:
            return answer.code, answer.headers, answer.read().decode()
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise
            time.sleep(0.2)
        else:
            raise AssertionError(f"{url} answered without an error")


def test_gunicorn_in_production_shows_the_generic_page_and_logs_its_id(tmp_path):
    """The real entry point, no TESTING or DEBUG, database unreachable: the reader gets the generic
    page and the id that gunicorn's error log holds next to the traceback."""
    error_log = tmp_path / "error.log"
    secret_key = "served-secret-key-for-errors"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'missing' / 'bantin.db'}",
        "SECRET_KEY": secret_key,
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    port = free_port()
    arguments = ("--bind", f"127.0.0.1:{port}", "--workers", "1", "--no-control-socket")
    with gunicorn(*arguments, "--error-logfile", str(error_log), env=env) as server:
        status, headers, body = error_answer(server, f"http://127.0.0.1:{port}/")

    assert status == 500
    assert '<html lang="vi">' in body and SERVER_ERROR_TITLE in body
    incident = headers["X-Incident-Id"]
    assert f"<code>{incident}</code>" in body
    for leak in ("Traceback", "OperationalError", "sqlite", str(tmp_path), secret_key):
        assert leak not in body
    log = error_log.read_text()
    assert f"incident={incident}] 500 Internal Server Error" in log and "OperationalError" in log
