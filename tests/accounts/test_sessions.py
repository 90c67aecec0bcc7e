"""Sessions: logging out, changing the password and disabling end them everywhere; timeouts; cookie flags."""

import time
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from app.accounts.models import User
from app.accounts.services import set_user_active
from app.accounts.sessions import LOGIN_AT, SEEN_AT
from app.audit.models import AuditEvent
from tests.factories import PASSWORD, make_user
from tests.pages import csrf_token, parse

NEW_PASSWORD = "mật khẩu mới cũng đủ dài"


def copy_of_session(app, client):
    """A second browser holding a copy of this client's session cookie (a stolen cookie)."""
    other = app.test_client()
    other.set_cookie(
        "session", client.get_cookie("session", domain="bantin.test").value, domain="bantin.test"
    )
    return other


def actions(db, user: User) -> list[str]:
    return db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.object_id == user.id).order_by(AuditEvent.id)
    ).all()


def reload(db, user: User) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


@pytest.fixture
def signed_in(client, db, log_in):
    """A user who signed in through the form (so the session is a real one)."""
    user = make_user(email="phien@anphu.example")
    assert log_in("phien@anphu.example").status_code == 302
    return user


def test_logging_out_ends_every_session_including_a_copied_cookie(app, client, db, signed_in):
    stolen = copy_of_session(app, client)
    assert stolen.get("/admin/").status_code == 200

    response = client.post("/admin/logout", data={"csrf_token": csrf_token(client, "/admin/")})

    assert response.status_code == 302 and response.location.endswith("/admin/login")
    assert client.get("/admin/").status_code == 302
    assert stolen.get("/admin/").status_code == 302
    assert actions(db, signed_in)[-1] == "user.logout"


def test_changing_the_password_keeps_this_browser_and_ends_the_others(app, client, db, signed_in, submit):
    other_browser = copy_of_session(app, client)

    response = submit(
        "/admin/account/password",
        {"current_password": PASSWORD, "password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert other_browser.get("/admin/").status_code == 302
    assert actions(db, signed_in)[-1] == "user.password_change"
    client.post("/admin/logout", data={"csrf_token": csrf_token(client, "/admin/")})
    assert submit("/admin/login", {"email": signed_in.email, "password": NEW_PASSWORD}).status_code == 302


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {
                "current_password": "không phải mật khẩu",
                "password": NEW_PASSWORD,
                "password_confirm": NEW_PASSWORD,
            },
            "current_password",
            "Mật khẩu hiện tại không đúng.",
        ),
        (
            {"current_password": PASSWORD, "password": "12345678", "password_confirm": "12345678"},
            "password",
            "quá phổ biến",
        ),
        (
            {"current_password": PASSWORD, "password": "ngắn", "password_confirm": "ngắn"},
            "password",
            "ít nhất 8 ký tự",
        ),
        (
            {"current_password": PASSWORD, "password": NEW_PASSWORD, "password_confirm": "gõ khác đi"},
            "password_confirm",
            "không khớp",
        ),
    ],
    ids=["wrong current password", "common password", "too short", "not repeated"],
)
def test_a_refused_password_change_says_why_next_to_the_field(
    client, db, signed_in, submit, data, field, message
):
    response = submit("/admin/account/password", data)
    assert response.status_code == 400
    assert message in parse(response.data).one(f"#{field}-error").text
    assert reload(db, signed_in).session_version == signed_in.session_version
    assert client.get("/admin/").status_code == 200, "the session goes on"


def test_disabling_a_user_ends_their_sessions_even_after_re_enabling(app, client, db, signed_in):
    admin = make_user(role="admin")
    stolen = copy_of_session(app, client)
    set_user_active(signed_in, active=False, actor=admin)
    set_user_active(signed_in, active=True, actor=admin)
    assert client.get("/admin/").status_code == 302
    assert stolen.get("/admin/").status_code == 302


@pytest.mark.parametrize(
    ("idle_minutes", "age_hours", "still_signed_in"),
    [(29, 1, True), (31, 1, False), (5, 11.9, True), (5, 12.1, False)],
    ids=["active 29 min ago", "idle 31 min", "11.9 h old", "12.1 h old"],
)
def test_sessions_end_after_30_idle_minutes_or_12_hours(
    client, login_as, idle_minutes, age_hours, still_signed_in
):
    login_as("editor")
    now = time.time()
    with client.session_transaction() as session:
        session[SEEN_AT] = now - idle_minutes * 60
        session[LOGIN_AT] = now - age_hours * 3600
    response = client.get("/admin/")
    if still_signed_in:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert "/admin/login" in response.location
        assert "Phiên làm việc đã kết thúc" in parse(client.get(response.location).data).text


def test_activity_keeps_a_session_alive(client, login_as, monkeypatch):
    from app.accounts import sessions

    login_as("editor")
    start = time.time()
    for minutes in (20, 40, 60):
        monkeypatch.setattr(
            sessions, "time", SimpleNamespace(time=lambda minutes=minutes: start + minutes * 60)
        )
        assert client.get("/admin/").status_code == 200, f"active after {minutes} minutes"
    monkeypatch.setattr(sessions, "time", SimpleNamespace(time=lambda: start + 95 * 60))
    assert client.get("/admin/").status_code == 302, "35 idle minutes end it"


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_the_session_cookie_is_httponly_lax_and_secure_over_https(client, db, scheme):
    response = client.get("/admin/login", base_url=f"{scheme}://bantin.test")
    [cookie] = [value for value in response.headers.getlist("Set-Cookie") if value.startswith("session=")]
    flags = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")[1:]}
    assert "httponly" in flags
    assert flags["samesite"] == "SameSite=Lax"
    assert ("secure" in flags) is (scheme == "https")
