"""Readers' personal-data rights in the back office: find by email, export, erase, correct; retention."""

import csv
import io
import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.comments.models import Comment
from app.comments.personal_data import remove_expired_personal_data
from app.comments.policy import PolicyInput, save_comment_policy
from app.core.dates import today_local, utcnow
from app.extensions import db as _db
from tests.factories import make_article, make_comment, make_user
from tests.pages import csrf_token, parse

LOOKUP = "/admin/personal-data/"


def post(client, url, data):
    return client.post(url, data={"csrf_token": csrf_token(client, LOOKUP), **data})


def reloaded(comment_id: int) -> Comment | None:
    _db.session.expire_all()
    return _db.session.get(Comment, comment_id)


def listed_ids(response) -> list[int]:
    rows = parse(response.get_data(as_text=True)).select("table.personal-data-list tbody tr")
    return [int(row["id"].removeprefix("comment-")) for row in rows]


def audit(action: str) -> list[AuditEvent]:
    return list(_db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def set_retention(days: int) -> None:
    save_comment_policy(PolicyInput(retention_days=days), actor=None)


@pytest.fixture
def admin(login_as):
    return login_as("admin")


def test_lookup_lists_only_that_emails_comments_whatever_the_case_and_spaces(client, admin):
    article = make_article("Phường An Phú lấy ý kiến về chuyển đổi số")
    pending = make_comment(article, body="Cần thêm điểm hỗ trợ dịch vụ công.")
    approved = make_comment(article, status="approved")
    make_comment(article, author_name="Trần Thị Bình", author_email="binh@example.vn", body="Ý kiến khác.")

    response = client.get(LOOKUP, query_string={"email": "  An@Example.VN "})

    assert response.status_code == 200
    assert sorted(listed_ids(response)) == sorted([pending.id, approved.id])
    page = parse(response.get_data(as_text=True))
    row = page.one(f"#comment-{pending.id}")
    assert "Cần thêm điểm hỗ trợ dịch vụ công." in row.text
    assert "Phường An Phú lấy ý kiến về chuyển đổi số" in row.text
    assert row.one(f"input[name='c{pending.id}-author_name']")["value"] == "Nguyễn Văn An"
    assert "Trần Thị Bình" not in page.text


def test_lookup_refuses_an_invalid_email_in_vietnamese(client, admin):
    response = client.get(LOOKUP, query_string={"email": "khong-phai-email"})

    assert response.status_code == 400
    assert "Vui lòng nhập địa chỉ email hợp lệ." in response.get_data(as_text=True)


def test_lookup_without_an_email_is_just_the_search_form(client, admin):
    make_comment()

    response = client.get(LOOKUP)

    assert response.status_code == 200
    page = parse(response.get_data(as_text=True))
    assert page.select("input[name=email]")
    assert not page.select("table.personal-data-list")
    assert not page.select(".error")


def test_export_as_json_holds_every_comment_of_that_email_with_vietnamese_text(client, admin):
    article = make_article("Góp ý dự thảo quy hoạch")
    first = make_comment(article, status="approved", created_at=utcnow() - timedelta(days=3))
    second = make_comment(article, status="spam", body="Bình luận thứ hai, có dấu đầy đủ.")
    make_comment(article, author_email="binh@example.vn")

    response = post(
        client, "/admin/personal-data/export", {"export-email": "AN@example.vn", "export-format": "json"}
    )

    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="du-lieu-ca-nhan-{today_local().isoformat()}.json"'
    )
    assert response.headers["Cache-Control"] == "no-store"
    assert "Bình luận thứ hai".encode() in response.data  # not \u escapes
    document = json.loads(response.data)
    assert document["email"] == "an@example.vn"
    by_id = {row["id"]: row for row in document["comments"]}
    assert sorted(by_id) == sorted([first.id, second.id])
    row = by_id[first.id]
    assert row["article_title"] == "Góp ý dự thảo quy hoạch"
    assert row["article_id"] == article.id
    assert row["article_url"].startswith("http://bantin.test/") and row["article_url"].endswith(
        f"-{article.id}.html"
    )
    assert row["author_name"] == "Nguyễn Văn An"
    assert row["author_email"] == "an@example.vn"
    assert row["status"] == "approved"
    assert row["created_at"].endswith("+00:00")
    assert row["consent_at"] == row["created_at"]
    assert row["is_reply"] is False


def test_export_is_audited_without_the_email_in_clear(client, admin):
    make_comment()
    make_comment()

    post(client, "/admin/personal-data/export", {"export-email": "an@example.vn", "export-format": "json"})

    (event,) = audit("personal_data.export")
    assert event.actor_id == admin.id
    assert "a***@example.vn" in event.summary
    assert "an@example.vn" not in event.summary
    assert "2" in event.summary


def test_export_as_csv_opens_in_excel_with_vietnamese_text_and_no_formulas(client, admin):
    comment = make_comment(
        author_name='=HYPERLINK("http://x.example")',
        body='@SUM(1+1), rồi "trích dẫn"\nvà một dòng mới',
    )
    make_comment(comment.article, author_name="-Lê Văn Ba", body="+84 912 345 678")

    response = post(
        client, "/admin/personal-data/export", {"export-email": "an@example.vn", "export-format": "csv"}
    )

    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.headers["Content-Disposition"].endswith('.csv"')
    assert response.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert len(rows) == 2
    by_id = {int(row["id"]): row for row in rows}
    assert by_id[comment.id]["author_name"] == '\'=HYPERLINK("http://x.example")'
    assert by_id[comment.id]["body"] == '\'@SUM(1+1), rồi "trích dẫn"\nvà một dòng mới'
    others = [row for row in rows if int(row["id"]) != comment.id]
    assert others[0]["author_name"] == "'-Lê Văn Ba"
    assert others[0]["body"] == "'+84 912 345 678"
    assert by_id[comment.id]["author_email"] == "an@example.vn"


def test_export_of_an_email_without_comments_says_there_is_nothing(client, admin):
    make_comment(author_email="binh@example.vn")

    response = post(
        client, "/admin/personal-data/export", {"export-email": "an@example.vn", "export-format": "csv"}
    )

    assert response.status_code == 400
    assert "Không có bình luận nào được gửi bằng địa chỉ email này." in response.get_data(as_text=True)
    assert audit("personal_data.export") == []


def test_export_refuses_an_unknown_format_in_vietnamese(client, admin):
    make_comment()

    response = post(
        client, "/admin/personal-data/export", {"export-email": "an@example.vn", "export-format": "xml"}
    )

    assert response.status_code == 400
    assert "Vui lòng chọn JSON hoặc CSV." in response.get_data(as_text=True)


def test_erasure_deletes_unpublished_comments_and_anonymises_published_ones(client, admin):
    article = make_article()
    pending = make_comment(article, ip_hash="h1")
    rejected = make_comment(article, status="rejected")
    spam = make_comment(article, status="spam")
    published = make_comment(
        article, status="approved", body="Đồng tình với phương án mở rộng đường.", ip_hash="h2"
    )
    reply = make_comment(
        parent=published,
        status="approved",
        is_official=True,
        author_name="Ban biên tập",
        author_email="",
        body="Cảm ơn bạn đã góp ý.",
    )
    other = make_comment(article, author_email="binh@example.vn", author_name="Trần Thị Bình")

    response = post(
        client, "/admin/personal-data/erase", {"erase-email": "an@example.vn", "erase-confirm": "y"}
    )

    assert response.status_code == 302
    follow = client.get(response.location)
    assert "Đã xoá 3 và ẩn danh 1 bình luận." in follow.get_data(as_text=True)
    for gone in (pending, rejected, spam):
        assert reloaded(gone.id) is None
    kept = reloaded(published.id)
    assert kept.body == "Đồng tình với phương án mở rộng đường."
    assert kept.status.value == "approved"
    assert kept.author_name == "Bạn đọc"
    assert kept.author_email == ""
    assert kept.ip_hash == ""
    assert kept.personal_data_removed_at is not None
    assert reloaded(reply.id) is not None
    assert reloaded(other.id).author_name == "Trần Thị Bình"
    public = client.get(f"/{article.section.slug}/{article.slug}-{article.id}.html").get_data(as_text=True)
    under_article = parse(public).one(f"#y-kien-{published.id}").text
    assert "Bạn đọc" in under_article and "Đồng tình với phương án mở rộng đường." in under_article
    assert "Nguyễn Văn An" not in public
    (event,) = audit("personal_data.erase")
    assert "a***@example.vn" in event.summary and "an@example.vn" not in event.summary
    assert listed_ids(client.get(LOOKUP, query_string={"email": "an@example.vn"})) == []


def test_erasure_can_delete_published_comments_with_their_official_replies(client, admin):
    published = make_comment(status="approved")
    reply = make_comment(
        parent=published, status="approved", is_official=True, author_name="Ban biên tập", author_email=""
    )
    pending = make_comment(published.article)

    response = post(
        client,
        "/admin/personal-data/erase",
        {"erase-email": "an@example.vn", "erase-confirm": "y", "erase-delete_approved": "y"},
    )

    assert response.status_code == 302
    assert "Đã xoá 2 và ẩn danh 0 bình luận." in client.get(response.location).get_data(as_text=True)
    assert [reloaded(c.id) for c in (published, reply, pending)] == [None, None, None]


def test_erasure_needs_the_confirmation_box(client, admin):
    comment = make_comment(status="approved")

    response = post(client, "/admin/personal-data/erase", {"erase-email": "an@example.vn"})

    assert response.status_code == 400
    assert "Vui lòng đánh dấu vào ô xác nhận để xoá." in response.get_data(as_text=True)
    assert reloaded(comment.id).author_name == "Nguyễn Văn An"


def test_the_erase_form_says_what_will_be_deleted_and_what_anonymised(client, admin):
    article = make_article()
    make_comment(article)
    make_comment(article, status="approved")
    make_comment(article, status="approved")

    page = parse(client.get(LOOKUP, query_string={"email": "an@example.vn"}).get_data(as_text=True))

    text = page.one("section[aria-labelledby=erase-heading]").text
    assert "xoá hẳn 1 bình luận chưa được đăng" in text
    assert "ẩn danh 2 bình luận đã đăng" in text
    assert "“Bạn đọc”" in text


def test_a_comments_name_and_email_can_be_corrected(client, admin):
    comment = make_comment()

    response = post(
        client,
        f"/admin/personal-data/comments/{comment.id}/correct",
        {
            f"c{comment.id}-author_name": "Nguyễn  Văn Ân",
            f"c{comment.id}-author_email": " An.Nguyen@Example.VN",
        },
    )

    assert response.status_code == 302
    assert "an.nguyen%40example.vn" in response.location or "an.nguyen@example.vn" in response.location
    corrected = reloaded(comment.id)
    assert (corrected.author_name, corrected.author_email) == ("Nguyễn Văn Ân", "an.nguyen@example.vn")
    (event,) = audit("personal_data.correct")
    assert event.object_id == comment.id
    assert "an.nguyen@example.vn" not in event.summary


def test_a_correction_with_an_invalid_email_is_refused_in_vietnamese(client, admin):
    comment = make_comment()

    response = post(
        client,
        f"/admin/personal-data/comments/{comment.id}/correct",
        {f"c{comment.id}-author_name": "Nguyễn Văn An", f"c{comment.id}-author_email": "an@"},
    )

    assert response.status_code == 400
    page = parse(response.get_data(as_text=True))
    assert "Vui lòng nhập địa chỉ email hợp lệ." in page.one(f"#comment-{comment.id}").text
    assert reloaded(comment.id).author_email == "an@example.vn"


def test_a_comment_whose_data_was_erased_cannot_be_corrected(client, admin):
    comment = make_comment(status="approved")
    post(client, "/admin/personal-data/erase", {"erase-email": "an@example.vn", "erase-confirm": "y"})

    response = post(
        client,
        f"/admin/personal-data/comments/{comment.id}/correct",
        {f"c{comment.id}-author_name": "Nguyễn Văn An", f"c{comment.id}-author_email": "an@example.vn"},
    )

    assert response.status_code == 400
    assert "Dữ liệu cá nhân của bình luận này đã được xoá." in response.get_data(as_text=True)
    assert reloaded(comment.id).author_email == ""


@pytest.mark.parametrize("role", ["contributor", "editor"])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/admin/personal-data/?email=an@example.vn"),
        ("POST", "/admin/personal-data/export"),
        ("POST", "/admin/personal-data/erase"),
        ("POST", "/admin/personal-data/comments/1/correct"),
    ],
)
def test_only_admins_reach_personal_data(client, login_as, role, method, path):
    login_as(role)
    token = csrf_token(client, "/admin/")
    data = {"csrf_token": token, "export-email": "an@example.vn", "erase-email": "an@example.vn"}

    response = client.open(path, method=method, data=data if method == "POST" else None)

    assert response.status_code == 403


def test_erasure_without_a_csrf_token_is_refused_and_changes_nothing(client, admin):
    comment = make_comment()

    response = client.post(
        "/admin/personal-data/erase", data={"erase-email": "an@example.vn", "erase-confirm": "y"}
    )

    assert response.status_code == 400
    assert "Phiên làm việc đã hết hạn" in response.get_data(as_text=True)
    assert reloaded(comment.id) is not None


def test_retention_removes_personal_data_only_from_comments_older_than_the_period(db):
    set_retention(30)
    now = utcnow()
    article = make_article()
    old_published = make_comment(article, status="approved", created_at=now - timedelta(days=31), ip_hash="h")
    old_pending = make_comment(article, created_at=now - timedelta(days=31))
    old_spam = make_comment(article, status="spam", created_at=now - timedelta(days=400))
    recent_published = make_comment(article, status="approved", created_at=now - timedelta(days=29))
    recent_pending = make_comment(article, created_at=now - timedelta(days=29))
    old_reply = make_comment(
        parent=old_published,
        status="approved",
        is_official=True,
        author_name="Ban biên tập",
        author_email="",
        created_at=now - timedelta(days=31),
    )

    assert remove_expired_personal_data(now=now) == 3

    anonymised = reloaded(old_published.id)
    assert (anonymised.author_name, anonymised.author_email, anonymised.ip_hash) == ("Bạn đọc", "", "")
    assert anonymised.body == "Ý kiến của tôi về bài viết."
    assert reloaded(old_pending.id) is None and reloaded(old_spam.id) is None
    assert reloaded(recent_published.id).author_email == "an@example.vn"
    assert reloaded(recent_pending.id).author_name == "Nguyễn Văn An"
    assert reloaded(old_reply.id).author_name == "Ban biên tập"
    assert remove_expired_personal_data(now=now) == 0  # already anonymised comments are not counted again


def test_retention_of_zero_days_keeps_personal_data(db):
    set_retention(0)
    old = make_comment(status="approved", created_at=utcnow() - timedelta(days=5000))
    make_comment(created_at=utcnow() - timedelta(days=5000))

    assert remove_expired_personal_data() == 0
    assert reloaded(old.id).author_email == "an@example.vn"


def test_the_purge_command_prints_how_many_comments_it_cleaned(runner):
    set_retention(10)
    make_comment(status="approved", created_at=utcnow() - timedelta(days=11))
    make_comment(created_at=utcnow() - timedelta(days=12))
    make_comment(created_at=utcnow() - timedelta(days=1))

    result = runner.invoke(args=["comments", "purge-personal-data"])

    assert result.exit_code == 0, result.output
    assert "Đã xoá dữ liệu cá nhân của 2 bình luận cũ hơn 10 ngày." in result.output
    (event,) = audit("personal_data.retention")
    assert event.actor_id is None


def test_the_purge_command_says_when_data_is_kept_for_good(runner):
    set_retention(0)
    make_comment(created_at=utcnow() - timedelta(days=900))

    result = runner.invoke(args=["comments", "purge-personal-data"])

    assert result.exit_code == 0
    assert "giữ vĩnh viễn" in result.output


def test_the_purge_commands_help_says_to_run_it_daily(runner):
    result = runner.invoke(args=["comments", "purge-personal-data", "--help"])

    assert result.exit_code == 0
    assert "cron" in result.output and "systemd timer" in result.output


def test_staff_emails_are_not_personal_data_requests(client, admin):
    staff = make_user(role="editor", email="bientap@example.vn")
    make_comment(
        status="approved", is_official=True, author_id=staff.id, author_name="Ban biên tập", author_email=""
    )

    response = client.get(LOOKUP, query_string={"email": "bientap@example.vn"})

    assert response.status_code == 200
    assert listed_ids(response) == []
