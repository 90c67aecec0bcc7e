"""Signing in: one generic refusal, lockout after five failures, throttling, audit, safe redirects."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.accounts import services
from app.accounts.models import User
from app.audit.models import AuditEvent
from app.core.dates import utcnow
from app.core.db import write_transaction
from tests.factories import PASSWORD, make_user
from tests.pages import parse

GENERIC = "Email hoặc mật khẩu không đúng, hoặc tài khoản đang bị khoá hoặc vô hiệu hoá."


def events(db, action: str) -> list[AuditEvent]:
    return db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    ).all()


def reload(db, user: User) -> User:
    """The user as the database has it now (requests ran in their own sessions)."""
    db.session.expire_all()
    return db.session.get(User, user.id)


def update(db, user: User, **values) -> None:
    with write_transaction():
        for name, value in values.items():
            setattr(user, name, value)
        db.session.add(user)


def test_staff_sign_in_and_the_login_is_audited_with_their_address(client, db, log_in):
    user = make_user(email="bt@anphu.example")
    response = log_in("BT@anphu.example ", environ_base={"REMOTE_ADDR": "203.0.113.7"})
    assert response.status_code == 302
    assert response.location.endswith("/admin/")
    assert client.get("/admin/").status_code == 200
    [event] = events(db, "user.login")
    assert (event.object_id, event.actor_id, event.ip) == (user.id, user.id, "203.0.113.7")
    assert reload(db, user).last_login_at is not None


@pytest.mark.parametrize("case", ["unknown email", "wrong password", "disabled", "locked"])
def test_every_refusal_shows_the_same_message(client, db, log_in, case):
    user = make_user(email="co@anphu.example")
    if case == "disabled":
        update(db, user, is_active=False)
    if case == "locked":
        update(db, user, locked_until=utcnow() + timedelta(minutes=10))
    email = "khong-co@anphu.example" if case == "unknown email" else "co@anphu.example"
    password = "sai mật khẩu rồi" if case == "wrong password" else PASSWORD

    response = log_in(email, password)

    assert response.status_code == 400
    page = parse(response.data)
    assert page.one(".form-errors").text == GENERIC
    assert "co@anphu.example" not in page.one(".form-errors").text
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("email", ["co@anphu.example", "khong-co@anphu.example"])
def test_a_refusal_costs_one_password_hash_whether_or_not_the_email_exists(app, db, monkeypatch, email):
    make_user(email="co@anphu.example")
    checked = []
    real = services.check_password_hash
    monkeypatch.setattr(services, "check_password_hash", lambda h, p: checked.append(h) or real(h, p))
    assert services.log_in(email, "sai mật khẩu rồi", ip="198.51.100.1") is None
    assert len(checked) == 1
    assert checked[0].split("$")[0] == services.dummy_hash().split("$")[0], "same algorithm and cost"


def test_an_unknown_email_is_audited_as_a_failed_login_against_no_account(client, db, log_in):
    log_in("Ai.Do@anphu.example", environ_base={"REMOTE_ADDR": "198.51.100.9"})
    [event] = events(db, "user.login_failed")
    assert (event.object_type, event.object_id, event.actor_id) == ("users", None, None)
    assert event.ip == "198.51.100.9"
    assert "ai.do@anphu.example" in event.summary


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(client, db, log_in):
    user = make_user(email="khoa@anphu.example")
    for _attempt in range(5):
        assert log_in("khoa@anphu.example", "đoán bừa mật khẩu").status_code == 400
    user = reload(db, user)
    assert user.failed_logins == 5
    assert timedelta(minutes=14) < user.locked_until - utcnow() <= timedelta(minutes=15)
    assert len(events(db, "user.login_failed")) == 5
    [lock] = events(db, "user.lock")
    assert lock.object_id == user.id
    assert "khoá 15 phút sau 5 lần đăng nhập sai" in lock.summary

    response = log_in("khoa@anphu.example", PASSWORD)
    assert response.status_code == 400, "the right password does not open a locked account"
    assert parse(response.data).one(".form-errors").text == GENERIC


def test_a_lock_ends_after_fifteen_minutes(client, db, log_in):
    user = make_user(email="het-khoa@anphu.example")
    update(db, user, failed_logins=5, locked_until=utcnow() - timedelta(seconds=1))
    assert log_in("het-khoa@anphu.example").status_code == 302


def test_signing_in_resets_the_failure_count(client, db, log_in):
    user = make_user(email="dem@anphu.example")
    for _attempt in range(4):
        log_in("dem@anphu.example", "đoán bừa mật khẩu")
    assert reload(db, user).failed_logins == 4
    assert log_in("dem@anphu.example").status_code == 302
    assert reload(db, user).failed_logins == 0


def test_login_starts_a_new_session(client, db, log_in):
    make_user(email="moi@anphu.example")
    with client.session_transaction() as session:
        session["planted"] = "giá trị cài sẵn"
    assert log_in("moi@anphu.example").status_code == 302
    with client.session_transaction() as session:
        assert "planted" not in session


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/admin/articles/", "/admin/articles/"),
        ("//evil.example/", "/admin/"),
        ("https://evil.example/", "/admin/"),
        ("/\\evil.example", "/admin/"),
        ("/\t/evil.example", "/admin/"),
        ("javascript:alert(1)", "/admin/"),
    ],
)
def test_after_login_only_local_pages_are_followed(client, db, submit, target, expected):
    make_user(email="next@anphu.example")
    response = submit(
        "/admin/login",
        {"email": "next@anphu.example", "password": PASSWORD},
        page="/admin/login",
        query_string={"next": target},
    )
    assert response.status_code == 302
    assert response.location.removeprefix("http://bantin.test") == expected


def test_a_signed_in_user_visiting_the_login_page_goes_to_the_dashboard(client, login_as):
    login_as("contributor")
    response = client.get("/admin/login")
    assert response.status_code == 302 and response.location.endswith("/admin/")


def test_too_many_attempts_from_one_address_get_a_vietnamese_429(
    client, db, log_in, throttling, app, monkeypatch
):
    monkeypatch.setitem(app.config, "LOGIN_LIMIT_PER_IP", "3 per minute")
    statuses = [log_in(f"nguoi{n}@anphu.example", "sai mật khẩu rồi").status_code for n in range(4)]
    assert statuses == [400, 400, 400, 429]
    last = log_in("nguoi9@anphu.example", "sai mật khẩu rồi")
    assert "Quá nhiều yêu cầu" in parse(last.data).text


@pytest.mark.parametrize("exists", [True, False], ids=["existing", "unknown"])
def test_too_many_attempts_on_one_account_are_throttled_from_any_address(
    client, db, log_in, throttling, exists, app, monkeypatch
):
    monkeypatch.setitem(app.config, "LOGIN_LIMIT_PER_ACCOUNT", "3 per minute")
    if exists:
        make_user(email="muc-tieu@anphu.example")
    statuses = [
        log_in(
            "Muc-Tieu@anphu.example", "sai mật khẩu rồi", environ_base={"REMOTE_ADDR": f"192.0.2.{n}"}
        ).status_code
        for n in range(4)
    ]
    assert statuses == [400, 400, 400, 429]
    other = log_in("khac@anphu.example", "sai mật khẩu rồi", environ_base={"REMOTE_ADDR": "192.0.2.99"})
    assert other.status_code == 400, "other accounts are not affected"


def test_the_login_page_itself_is_never_throttled(client, throttling):
    assert {client.get("/admin/login").status_code for _ in range(12)} == {200}
