"""The comment policy page: what admins may set, and the Vietnamese refusals of bad values."""

import unicodedata

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.comments.models import CommentPolicy
from app.comments.policy import get_comment_policy
from app.extensions import db as _db
from tests.pages import csrf_token, parse

PAGE = "/admin/comments/policy/"
VALID = {"retention_days": "730", "banned_words": ""}


def post(client, data):
    return client.post(PAGE, data={"csrf_token": csrf_token(client, PAGE), **data})


def stored() -> CommentPolicy:
    _db.session.expire_all()
    return _db.session.get(CommentPolicy, 1)


def test_the_policy_exists_with_its_defaults_before_anyone_saves_it(db):
    assert _db.session.get(CommentPolicy, 1) is None

    policy = get_comment_policy()

    assert stored() is policy or stored().id == 1
    assert (policy.auto_approve, policy.require_diacritics, policy.banned_words, policy.retention_days) == (
        False,
        False,
        "",
        730,
    )
    assert get_comment_policy().id == 1


def test_an_admin_saves_the_policy(client, login_as):
    admin = login_as("admin")

    response = post(
        client,
        {
            "auto_approve": "y",
            "require_diacritics": "y",
            "banned_words": unicodedata.normalize("NFD", "lừa đảo\r\n\r\n  Lừa   đảo \r\nquảng cáo\r\n"),
            "retention_days": "365",
        },
    )

    assert response.status_code == 302
    assert "Đã lưu quy định bình luận." in client.get(response.location).get_data(as_text=True)
    policy = stored()
    assert policy.auto_approve and policy.require_diacritics
    assert policy.banned_words == "lừa đảo\nquảng cáo"
    assert policy.retention_days == 365
    (event,) = _db.session.scalars(select(AuditEvent).where(AuditEvent.action == "comment_policy.update"))
    assert event.actor_id == admin.id
    assert "retention_days: 730 → 365" in event.summary


def test_unticking_a_box_turns_the_rule_off(client, login_as):
    login_as("admin")
    post(client, {**VALID, "auto_approve": "y"})

    post(client, VALID)

    assert stored().auto_approve is False


def test_the_form_shows_the_stored_policy(client, login_as):
    login_as("admin")
    post(client, {"require_diacritics": "y", "banned_words": "lừa đảo", "retention_days": "90"})

    page = parse(client.get(PAGE).get_data(as_text=True))

    assert page.one("input[name=retention_days]")["value"] == "90"
    assert page.one("input[name=require_diacritics]").has_attr("checked")
    assert not page.one("input[name=auto_approve]").has_attr("checked")
    assert page.one("textarea[name=banned_words]").text == "lừa đảo"
    assert "Đăng ngay bình luận hợp lệ, không chờ duyệt" in page.text
    assert "Chỉ nhận bình luận tiếng Việt có dấu" in page.text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "Vui lòng nhập số ngày từ 0 đến 3650."),
        ("3651", "Vui lòng nhập số ngày từ 0 đến 3650."),
        ("abc", "Vui lòng nhập số ngày là một số nguyên."),
        ("1.5", "Vui lòng nhập số ngày là một số nguyên."),
        ("", "Vui lòng nhập số ngày là một số nguyên."),
        ("9" * 500, "Vui lòng nhập số ngày là một số nguyên."),
    ],
)
def test_a_bad_retention_period_is_refused_in_vietnamese(client, login_as, value, message):
    login_as("admin")

    response = post(client, {"retention_days": value})

    assert response.status_code == 400
    error = parse(response.get_data(as_text=True)).one("#retention_days-error").text
    assert error == message
    assert get_comment_policy().retention_days == 730


def test_too_many_banned_words_are_refused(client, login_as):
    login_as("admin")

    response = post(client, {**VALID, "banned_words": "từ cấm\n" * 1000})

    assert response.status_code == 400
    assert "Tối đa 5000 ký tự." in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_only_admins_change_the_policy(client, login_as, role):
    login_as(role)

    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, data={"csrf_token": csrf_token(client), **VALID}).status_code == 403


def test_saving_without_a_csrf_token_is_refused(client, login_as):
    login_as("admin")

    response = client.post(PAGE, data={**VALID, "retention_days": "1"})

    assert response.status_code == 400
    assert get_comment_policy().retention_days == 730
