"""`flask users create`: a new account, or a clear refusal in Vietnamese."""

import pytest
from sqlalchemy import select
from werkzeug.security import check_password_hash

from app.accounts.models import Role, User
from app.audit.models import AuditEvent


def create(runner, *args, password="chuỗi mật khẩu dài và riêng", stdin=True):
    options = ["users", "create", *args]
    if stdin:
        options.append("--password-stdin")
        return runner.invoke(args=options, input=password + "\n")
    return runner.invoke(args=options, input=f"{password}\n{password}\n")


def test_creates_an_account_with_a_hashed_password_and_an_audit_event(runner, db):
    result = create(runner, "--email", "Bien.Tap@AnPhu.example", "--name", "Lê  Thị Biên", "--role", "editor")
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "bien.tap@anphu.example"))
    assert user.full_name == "Lê Thị Biên"
    assert user.role is Role.EDITOR
    assert user.password_hash.startswith("scrypt:")
    assert check_password_hash(user.password_hash, "chuỗi mật khẩu dài và riêng")
    assert (
        db.session.scalar(select(AuditEvent.action).where(AuditEvent.object_id == user.id)) == "user.create"
    )


def test_password_can_be_typed_at_the_prompt(runner, db):
    result = create(runner, "--email", "a@anphu.example", "--name", "A", "--role", "admin", stdin=False)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (("--email", "x@anphu.example", "--name", "X", "--role", "admin"), "ngan", "ít nhất 8 ký tự"),
        (("--email", "x@anphu.example", "--name", "X", "--role", "admin"), "12345678", "quá phổ biến"),
        (("--email", "x@anphu.example", "--name", "X", "--role", "admin"), "matkhau123", "quá phổ biến"),
        (
            ("--email", "khong-phai-email", "--name", "X", "--role", "admin"),
            "một mật khẩu dài",
            "email hợp lệ",
        ),
        (("--email", "x@anphu.example", "--name", "   ", "--role", "admin"), "một mật khẩu dài", "họ và tên"),
    ],
)
def test_weak_or_invalid_input_is_refused_with_a_vietnamese_message(runner, db, args, password, message):
    result = create(runner, *args, password=password)
    assert result.exit_code != 0
    assert message in result.output
    assert db.session.scalar(select(User).where(User.email == "x@anphu.example")) is None


def test_a_duplicate_email_is_refused(runner, db):
    create(runner, "--email", "trung@anphu.example", "--name", "A", "--role", "editor")
    result = create(runner, "--email", "TRUNG@anphu.example", "--name", "B", "--role", "admin")
    assert result.exit_code != 0
    assert "Đã có tài khoản" in result.output


def test_an_unknown_role_is_refused(runner, db):
    result = create(runner, "--email", "r@anphu.example", "--name", "R", "--role", "superuser")
    assert result.exit_code != 0


def test_long_passphrases_are_welcome(runner, db):
    phrase = "tôi yêu quận An Phú của tôi " * 10
    result = create(
        runner, "--email", "dai@anphu.example", "--name", "D", "--role", "editor", password=phrase
    )
    assert result.exit_code == 0, result.output
