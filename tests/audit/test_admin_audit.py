"""The audit log page: newest first, filtered by who, what and when (Vietnam days), and read-only."""

from datetime import UTC, datetime, timedelta

import pytest

from app.audit.models import AuditEvent
from app.core.db import write_transaction
from app.extensions import db as _db
from tests.factories import make_user
from tests.pages import parse

URL = "/admin/audit/"


def event(action: str, *, actor=None, at: datetime, object_type="articles", object_id=1, summary="", ip=""):
    with write_transaction():
        item = AuditEvent(
            actor=actor,
            action=action,
            object_type=object_type,
            object_id=object_id,
            summary=summary,
            ip=ip,
            created_at=at,
        )
        _db.session.add(item)
    return item


def rows(client, query: str = "") -> list[list[str]]:
    response = client.get(URL + query)
    assert response.status_code == 200
    page = parse(response.get_data(as_text=True))
    return [row.texts("td") for row in page.select("table.audit-log tbody tr")]


def actions(client, query: str = "") -> list[str]:
    return [row[2] for row in rows(client, query)]


def test_events_are_listed_newest_first_with_who_when_what_and_where(client, login_as):
    admin = login_as("admin")
    editor = make_user(role="editor", full_name="Lê Văn Biên")
    event(
        "article.publish",
        actor=editor,
        at=datetime(2030, 3, 10, 2, 47, tzinfo=UTC),
        object_id=42,
        summary="Lễ hội đình làng",
        ip="203.0.113.9",
    )
    event("user.create", actor=admin, at=datetime(2030, 3, 9, 1, 0, tzinfo=UTC), object_type="users")

    listed = rows(client)

    assert listed[0] == [
        "09:47 10/03/2030",
        "Lê Văn Biên",
        "article.publish",
        "Bài viết #42",
        "Lễ hội đình làng",
        "203.0.113.9",
    ]
    assert listed[1][2] == "user.create" and listed[1][3].startswith("Người dùng")


def test_events_without_an_actor_are_shown_as_the_system(client, login_as):
    login_as("admin")
    event("article.publish", at=datetime(2030, 3, 10, tzinfo=UTC))
    assert rows(client)[0][1] == "Hệ thống"


def test_filtering_by_person(client, login_as):
    login_as("admin")
    first, second = make_user(full_name="Người A"), make_user(full_name="Người B")
    event("article.save", actor=first, at=datetime(2030, 3, 10, tzinfo=UTC))
    event("article.submit", actor=second, at=datetime(2030, 3, 11, tzinfo=UTC))
    assert actions(client, f"?actor={second.id}") == ["article.submit"]


def test_filtering_by_action_prefix_and_object(client, login_as):
    login_as("admin")
    at = datetime(2030, 3, 10, tzinfo=UTC)
    event("article.publish", at=at)
    event("article.return", at=at + timedelta(minutes=1))
    event("articles_extra.x", at=at + timedelta(minutes=2))
    event("keyword.merge", at=at + timedelta(minutes=3), object_type="keywords")

    assert actions(client, "?action=article.") == ["article.return", "article.publish"]
    assert actions(client, "?object_type=keywords") == ["keyword.merge"]
    assert actions(client, "?action=%25") == []


def test_dates_are_vietnam_calendar_days(client, login_as):
    login_as("admin")
    event("late.utc", at=datetime(2030, 3, 9, 17, 30, tzinfo=UTC))  # 00:30 on 10/03 in Vietnam
    event("early.utc", at=datetime(2030, 3, 9, 16, 30, tzinfo=UTC))  # 23:30 on 09/03 in Vietnam

    assert actions(client, "?date_from=2030-03-10") == ["late.utc"]
    assert actions(client, "?date_from=2030-03-01&date_to=2030-03-09") == ["early.utc"]
    assert actions(client, "?date_from=09/03/2030&date_to=09/03/2030") == ["early.utc"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("?date_from=hôm+qua", "date_from", "24/11/2026"),
        ("?date_from=0001-01-01", "date_from", "24/11/2026"),
        ("?date_from=2026-03-10&date_to=2026-03-09", "date_to", "trước ngày bắt đầu"),
        ("?actor=abc", "actor", "chọn người"),
        ("?object_type=nothing", "object_type", "chọn đối tượng"),
    ],
)
def test_bad_filters_are_explained_next_to_the_field(client, login_as, query, field, message):
    login_as("admin")
    response = client.get(URL + query)
    assert response.status_code == 400
    assert message in parse(response.get_data(as_text=True)).one(f"#{field}-error").text


def test_pages_keep_the_filters(client, login_as, app):
    login_as("admin")
    start = datetime(2030, 3, 10, tzinfo=UTC)
    for number in range(app.config["PAGE_SIZE"] + 1):
        event("article.save", at=start + timedelta(minutes=number))
    event("user.create", at=start, object_type="users")

    page = parse(client.get(URL + "?action=article.").get_data(as_text=True))
    next_page = page.one(".pager a[rel='next']")["href"]

    assert "action=article." in next_page
    assert actions(client, next_page.removeprefix(URL)) == ["article.save"]


def test_nothing_in_the_audit_log_accepts_a_change(app, client, login_as):
    rules = [rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/admin/audit")]
    assert rules
    for rule in rules:
        assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule
    login_as("admin")
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)(URL).status_code == 405


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_only_admins_read_the_audit_log(client, login_as, role):
    login_as(role)
    assert client.get(URL).status_code == 403
