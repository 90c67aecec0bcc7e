"""The users admin: only admins; create, change role, disable/enable, reset password and two-factor."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from werkzeug.security import check_password_hash

from app.accounts.models import Role, User
from app.audit.models import AuditEvent
from app.core.dates import utcnow
from app.core.db import write_transaction
from tests.factories import PASSWORD, make_user
from tests.pages import csrf_token, parse

NEW_PASSWORD = "mật khẩu do quản trị đặt"


def reload(db, user: User) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def last_event(db, user: User) -> AuditEvent:
    return db.session.scalars(
        select(AuditEvent).where(AuditEvent.object_id == user.id).order_by(AuditEvent.id.desc()).limit(1)
    ).one()


@pytest.fixture
def admin(login_as):
    return login_as("admin")


def post(client, path: str, data: dict | None = None):
    return client.post(path, data={**(data or {}), "csrf_token": csrf_token(client, "/admin/users/")})


def test_the_list_shows_each_account_with_role_status_two_factor_and_last_login(
    client, db, admin, two_factor_user
):
    contributor = make_user(role="contributor", full_name="Trần Văn Viết", email="viet@anphu.example")
    with write_transaction():
        contributor.last_login_at = utcnow() - timedelta(days=1)
        contributor.is_active = False
        db.session.add(contributor)
    two_factor_user("editor", full_name="Lê Thị Biên")

    response = client.get("/admin/users/")

    assert response.status_code == 200
    rows = {
        row.select("td")[0].text: [cell.text for cell in row.select("td")]
        for row in parse(response.data).select("tbody tr")
    }
    assert rows["Trần Văn Viết"][1:4] == ["viet@anphu.example", "Cộng tác viên", "Đã vô hiệu hoá"]
    assert rows["Trần Văn Viết"][4] == "Tắt"
    assert re.fullmatch(r"\d\d:\d\d \d\d/\d\d/\d{4}", rows["Trần Văn Viết"][5])
    assert rows["Lê Thị Biên"][2:6] == ["Biên tập viên", "Đang hoạt động", "Bật", "Chưa bao giờ"]
    assert rows[admin.full_name][2] == "Quản trị viên"


def test_an_admin_creates_an_account_that_can_sign_in(client, db, admin, submit):
    response = submit(
        "/admin/users/new",
        {
            "full_name": "Phạm  Minh Tâm",
            "email": "Tam@AnPhu.example",
            "role": "contributor",
            "password": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "tam@anphu.example"))
    assert (user.full_name, user.role, user.is_active) == ("Phạm Minh Tâm", Role.CONTRIBUTOR, True)
    assert response.location.endswith(f"/admin/users/{user.id}")
    event = last_event(db, user)
    assert (event.action, event.actor_id) == ("user.create", admin.id)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"password": "matkhau123"}, "password", "quá phổ biến"),
        ({"password": "ngắn"}, "password", "ít nhất 8 ký tự"),
        ({"email": "khong-phai-email"}, "email", "email hợp lệ"),
        ({"email": "trung@anphu.example"}, "email", "Đã có tài khoản"),
        ({"role": "superuser"}, "role", "Vai trò không hợp lệ"),
        ({"full_name": ""}, "full_name", "Vui lòng nhập họ và tên"),
    ],
    ids=["common password", "short password", "bad email", "duplicate email", "unknown role", "no name"],
)
def test_a_refused_account_says_why_next_to_the_field(client, db, admin, submit, data, field, message):
    make_user(email="trung@anphu.example")
    before = db.session.scalar(select(func.count()).select_from(User))
    form = {
        "full_name": "Người Mới",
        "email": "moi@anphu.example",
        "role": "editor",
        "password": NEW_PASSWORD,
    }
    response = submit("/admin/users/new", {**form, **data})
    assert response.status_code == 400
    assert message in parse(response.data).one(f"#{field}-error").text
    assert db.session.scalar(select(func.count()).select_from(User)) == before


def test_an_admin_changes_a_role(client, db, admin):
    user = make_user(role="contributor")
    response = post(client, f"/admin/users/{user.id}/role", {"role": "editor"})
    assert response.status_code == 302
    assert reload(db, user).role is Role.EDITOR
    event = last_event(db, user)
    assert (event.action, event.actor_id) == ("user.role_change", admin.id)
    assert "contributor → editor" in event.summary


def test_disabling_and_enabling_an_account_is_audited(client, db, admin):
    user = make_user(role="editor")
    assert post(client, f"/admin/users/{user.id}/disable").status_code == 302
    assert not reload(db, user).is_active
    assert last_event(db, user).action == "user.disable"
    assert post(client, f"/admin/users/{user.id}/enable").status_code == 302
    assert reload(db, user).is_active
    assert last_event(db, user).action == "user.enable"


def test_an_admin_cannot_disable_their_own_account(client, db, admin):
    response = post(client, f"/admin/users/{admin.id}/disable")
    assert response.status_code == 409
    assert "không thể tự vô hiệu hoá" in parse(response.data).one(".form-errors").text
    assert reload(db, admin).is_active


@pytest.mark.parametrize("change", ["disable", "demote"])
def test_the_last_active_admin_cannot_be_removed(client, db, admin, change):
    other = make_user(role="admin")
    with write_transaction():
        other.is_active = False
        db.session.add(other)
    if change == "disable":
        response = post(client, f"/admin/users/{admin.id}/disable")
    else:
        response = post(client, f"/admin/users/{admin.id}/role", {"role": "editor"})
    assert response.status_code == 409
    assert reload(db, admin).role is Role.ADMIN and reload(db, admin).is_active


def test_with_another_admin_an_admin_may_be_demoted(client, db, admin):
    other = make_user(role="admin")
    assert post(client, f"/admin/users/{other.id}/role", {"role": "editor"}).status_code == 302
    assert reload(db, other).role is Role.EDITOR


def test_resetting_a_password_ends_the_users_sessions_and_lifts_a_lock(app, client, db, admin):
    user = make_user(role="editor")
    with write_transaction():
        user.failed_logins, user.locked_until = 5, utcnow() + timedelta(minutes=10)
        db.session.add(user)
    version = user.session_version

    response = post(client, f"/admin/users/{user.id}/password", {"password": NEW_PASSWORD})

    assert response.status_code == 302
    user = reload(db, user)
    assert check_password_hash(user.password_hash, NEW_PASSWORD)
    assert user.session_version == version + 1
    assert (user.failed_logins, user.locked_until) == (0, None)
    event = last_event(db, user)
    assert (event.action, event.actor_id) == ("user.password_reset", admin.id)


def test_a_reset_password_must_meet_the_policy(client, db, admin):
    user = make_user(role="editor")
    response = post(client, f"/admin/users/{user.id}/password", {"password": "password"})
    assert response.status_code == 400
    assert "quá phổ biến" in parse(response.data).one("#password-error").text
    assert check_password_hash(reload(db, user).password_hash, PASSWORD)


def test_an_admin_resetting_their_own_password_stays_signed_in(client, db, admin):
    assert post(client, f"/admin/users/{admin.id}/password", {"password": NEW_PASSWORD}).status_code == 302
    assert client.get("/admin/users/").status_code == 200


def test_an_admin_turns_off_two_factor_for_someone_who_lost_their_phone(client, db, admin, two_factor_user):
    user, _secret, _codes = two_factor_user("editor")
    assert post(client, f"/admin/users/{user.id}/two-factor/reset").status_code == 302
    assert not reload(db, user).has_two_factor
    event = last_event(db, user)
    assert (event.action, event.actor_id) == ("user.two_factor_disable", admin.id)


def test_an_unknown_user_is_a_404(client, admin):
    assert client.get("/admin/users/999999").status_code == 404


@pytest.mark.parametrize("role", ["contributor", "editor"])
@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/admin/users/"), ("GET", "/admin/users/new"), ("POST", "/admin/users/{id}/disable")],
)
def test_contributors_and_editors_are_refused(client, db, login_as, role, method, path):
    user = login_as(role)
    target = make_user(role="contributor")
    token = csrf_token(client, "/admin/")
    response = client.open(path.format(id=target.id), method=method, data={"csrf_token": token})
    assert response.status_code == 403
    assert reload(db, target).is_active
    assert reload(db, user).is_active
