"""Two-factor sign-in: enrolling with a QR code, the second login step, recovery codes, the site policy."""

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pyotp
import pytest
from sqlalchemy import select

from app.accounts.models import RecoveryCode, User
from app.audit.models import AuditEvent
from tests.accounts.conftest import next_code
from tests.factories import PASSWORD, make_user
from tests.pages import csrf_token, parse


def reload(db, user: User) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def actions(db, user: User) -> list[str]:
    return db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.object_id == user.id).order_by(AuditEvent.id)
    ).all()


def enrolment_secret(client) -> str:
    """The key the enrolment page shows in text (what a person would type into the app)."""
    page = parse(client.get("/admin/account/two-factor").data)
    return page.one(".totp-secret").text.replace(" ", "")


def test_the_enrolment_page_shows_a_qr_code_and_the_key_for_the_site(client, login_as):
    user = login_as("contributor")
    response = client.get("/admin/account/two-factor")
    assert response.status_code == 200
    page = parse(response.data)
    assert page.one("figure.qr svg.qr-code").find("path") is not None
    secret = page.one(".totp-secret").text.replace(" ", "")
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    uri = urlsplit(page.one("a.totp-link")["href"])
    query = parse_qs(uri.query)
    assert uri.scheme == "otpauth" and query["secret"] == [secret]
    assert query["issuer"] == ["Bản tin quận An Phú"]
    assert unquote(uri.path).endswith(user.email)
    assert enrolment_secret(client) == secret, "reloading keeps the same key until it is confirmed"


def test_enrolling_needs_a_correct_code_and_shows_ten_recovery_codes_once(client, db, login_as, submit):
    user = login_as("editor")
    secret = enrolment_secret(client)

    wrong = submit("/admin/account/two-factor/enable", {"code": "000000"}, page="/admin/account/two-factor")
    assert wrong.status_code == 400
    assert "Mã không đúng" in parse(wrong.data).one("#code-error").text
    assert not reload(db, user).has_two_factor

    response = submit(
        "/admin/account/two-factor/enable",
        {"code": pyotp.TOTP(secret).now()},
        page="/admin/account/two-factor",
    )
    assert response.status_code == 200
    codes = parse(response.data).texts(".recovery-codes code")
    assert len(codes) == 10 and len(set(codes)) == 10
    stored = db.session.scalars(select(RecoveryCode.code_hash).where(RecoveryCode.user_id == user.id)).all()
    assert len(stored) == 10
    assert not set(codes) & set(stored) and all(code not in "".join(stored) for code in codes)
    assert reload(db, user).totp_secret == secret
    assert "user.two_factor_enable" in actions(db, user)

    page = parse(client.get("/admin/account/two-factor").data)
    assert "Còn 10 mã khôi phục chưa dùng" in page.text
    assert not page.select(".recovery-codes"), "the codes are never shown again"


def sign_in_with_password(log_in, user, **kwargs):
    response = log_in(user.email, **kwargs)
    assert response.status_code == 302
    assert response.location.endswith("/admin/login/two-factor")
    return response


def test_the_half_signed_in_state_opens_nothing(client, two_factor_user, log_in):
    user, _secret, _codes = two_factor_user("admin")
    sign_in_with_password(log_in, user)
    for path in ("/admin/", "/admin/users/", "/admin/account/password", "/admin/account/two-factor"):
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login" in response.location, path
    token = csrf_token(client, "/admin/login/two-factor")
    new_account = {"full_name": "Kẻ Lạ", "email": "la@anphu.example", "role": "admin", "password": PASSWORD}
    assert client.post("/admin/users/new", data={**new_account, "csrf_token": token}).status_code == 401


def test_a_code_from_the_app_completes_the_sign_in_and_works_only_once(
    client, db, two_factor_user, log_in, submit
):
    user, secret, _codes = two_factor_user("editor")
    sign_in_with_password(log_in, user, query_string={"next": "/admin/account/password"})
    code = next_code(secret)

    response = submit("/admin/login/two-factor", {"code": code})

    assert response.status_code == 302 and response.location.endswith("/admin/account/password")
    assert client.get("/admin/").status_code == 200
    assert actions(db, user)[-1] == "user.login"

    client.post("/admin/logout", data={"csrf_token": csrf_token(client, "/admin/")})
    sign_in_with_password(log_in, user)
    replay = submit("/admin/login/two-factor", {"code": code})
    assert replay.status_code == 400, "a code already used is refused"


def test_a_wrong_code_is_refused_and_counts_towards_the_lockout(client, db, two_factor_user, log_in, submit):
    user, _secret, _codes = two_factor_user("editor")
    sign_in_with_password(log_in, user)
    response = submit("/admin/login/two-factor", {"code": "123456"})
    assert response.status_code == 400
    assert parse(response.data).one("#code-error").text == "Mã không đúng."
    assert reload(db, user).failed_logins == 1
    assert client.get("/admin/").status_code == 302


def test_five_wrong_codes_lock_the_account(client, db, two_factor_user, log_in, submit):
    user, secret, _codes = two_factor_user("editor")
    sign_in_with_password(log_in, user)
    for _attempt in range(5):
        submit("/admin/login/two-factor", {"code": "999999"})
    assert reload(db, user).locked_until is not None
    assert submit("/admin/login/two-factor", {"code": next_code(secret)}).status_code == 400


def test_a_recovery_code_signs_in_once(client, db, two_factor_user, log_in, submit):
    user, _secret, codes = two_factor_user("editor")
    sign_in_with_password(log_in, user)
    assert submit("/admin/login/two-factor", {"code": f"  {codes[3].upper()} "}).status_code == 302
    assert client.get("/admin/").status_code == 200

    client.post("/admin/logout", data={"csrf_token": csrf_token(client, "/admin/")})
    sign_in_with_password(log_in, user)
    assert submit("/admin/login/two-factor", {"code": codes[3]}).status_code == 400
    assert submit("/admin/login/two-factor", {"code": codes[4]}).status_code == 302


def test_the_second_step_without_a_password_step_goes_back_to_login(client, db):
    response = client.get("/admin/login/two-factor")
    assert response.status_code == 302 and response.location.endswith("/admin/login")


def test_turning_two_factor_off_needs_the_password(client, db, two_factor_user, login_as, submit):
    user, _secret, _codes = two_factor_user("editor")
    login_as(user)
    wrong = submit(
        "/admin/account/two-factor/disable", {"password": "không đúng đâu"}, page="/admin/account/two-factor"
    )
    assert wrong.status_code == 400
    assert "Mật khẩu không đúng" in parse(wrong.data).one("#password-error").text
    assert reload(db, user).has_two_factor

    right = submit(
        "/admin/account/two-factor/disable", {"password": PASSWORD}, page="/admin/account/two-factor"
    )
    assert right.status_code == 302
    assert not reload(db, user).has_two_factor
    assert db.session.scalars(select(RecoveryCode).where(RecoveryCode.user_id == user.id)).all() == []
    assert actions(db, user)[-1] == "user.two_factor_disable"
    assert log_in_needs_no_code(client, submit, user)


def log_in_needs_no_code(client, submit, user) -> bool:
    client.post("/admin/logout", data={"csrf_token": csrf_token(client, "/admin/")})
    response = submit("/admin/login", {"email": user.email, "password": PASSWORD})
    return response.location.endswith("/admin/")


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_when_required_editors_and_admins_must_enrol_before_anything_else(
    client, db, require_two_factor, log_in, role
):
    user = make_user(role=role)
    response = log_in(user.email)
    assert response.status_code == 302
    for path in ("/admin/", "/admin/users/", "/admin/account/password"):
        response = client.get(path)
        assert response.status_code == 302 and response.location.endswith("/admin/account/two-factor"), path
    page = client.get("/admin/account/two-factor")
    assert page.status_code == 200
    assert "yêu cầu biên tập viên và quản trị viên dùng xác thực hai lớp" in parse(page.data).text


def test_when_required_an_enrolled_editor_works_normally(
    client, require_two_factor, two_factor_user, login_as
):
    user, _secret, _codes = two_factor_user("editor")
    login_as(user)
    assert client.get("/admin/").status_code == 200


def test_when_required_a_post_elsewhere_is_forbidden_until_enrolment(client, require_two_factor, login_as):
    login_as("admin")
    token = csrf_token(client, "/admin/account/two-factor")
    new_account = {
        "full_name": "Người Mới",
        "email": "moi@anphu.example",
        "role": "editor",
        "password": PASSWORD,
    }
    assert client.post("/admin/users/new", data={**new_account, "csrf_token": token}).status_code == 403


def test_contributors_are_not_forced_to_enrol(client, require_two_factor, login_as):
    login_as("contributor")
    assert client.get("/admin/").status_code == 200


def test_enrolling_lifts_the_requirement(client, db, require_two_factor, login_as, submit):
    login_as("editor")
    secret = enrolment_secret(client)
    submit(
        "/admin/account/two-factor/enable",
        {"code": pyotp.TOTP(secret).now()},
        page="/admin/account/two-factor",
    )
    assert client.get("/admin/").status_code == 200
