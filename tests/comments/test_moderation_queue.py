"""The moderation queue: what it lists, its filters, what a row shows, bad query strings, the dashboard."""

from datetime import UTC, datetime

import pytest

from tests.factories import make_article, make_comment
from tests.pages import parse


@pytest.fixture
def editor(login_as):
    return login_as("editor")


def queue(client, query: str = ""):
    response = client.get(f"/admin/comments/?{query}")
    assert response.status_code == 200, response.status_code
    return parse(response.data)


def listed(client, query: str = "") -> list[str]:
    """The bodies of the comments the queue lists, top to bottom."""
    return queue(client, query).texts(".comment-list tbody .comment-body")


def test_the_queue_lists_comments_waiting_for_moderation_newest_first(client, editor):
    article = make_article()
    make_comment(article, body="Cũ hơn", created_at=datetime(2026, 3, 1, 8, tzinfo=UTC))
    make_comment(article, body="Mới hơn", created_at=datetime(2026, 3, 2, 8, tzinfo=UTC))
    make_comment(article, body="Đã duyệt rồi", status="approved")
    make_comment(article, body="Thư rác", status="spam")

    assert listed(client) == ["Mới hơn", "Cũ hơn"]
    assert queue(client).one("select#status option[selected]")["value"] == "pending"


def test_a_long_queue_is_paginated_and_the_next_page_keeps_the_filters(client, editor):
    article = make_article()
    for minute in range(21):
        make_comment(article, body=f"Ý kiến {minute}", created_at=datetime(2026, 3, 1, 8, minute, tzinfo=UTC))
    page = queue(client, "q=kiến")
    assert len(page.select(".comment-list tbody tr")) == 20
    next_page = page.one(".pager a[rel=next]")["href"]
    assert "q=ki%E1%BA%BFn" in next_page and "page=2" in next_page
    assert listed(client, next_page.split("?", 1)[1]) == ["Ý kiến 0"]


@pytest.mark.parametrize(
    ("status", "expected"),
    [("approved", ["Đã duyệt"]), ("rejected", ["Bị từ chối"]), ("spam", ["Thư rác"]), ("all", None)],
)
def test_the_status_filter_shows_one_status_or_all(client, editor, status, expected):
    article = make_article()
    bodies = {"pending": "Chờ duyệt", "approved": "Đã duyệt", "rejected": "Bị từ chối", "spam": "Thư rác"}
    for hours, (state, body) in enumerate(bodies.items()):
        make_comment(article, status=state, body=body, created_at=datetime(2026, 3, 1, hours, tzinfo=UTC))
    assert listed(client, f"status={status}") == (expected or list(reversed(bodies.values())))


def test_the_article_filter_takes_a_number_or_words_of_the_title(client, editor):
    flood = make_article("Khắc phục hậu quả bão số 3 ở phường An Phú")
    lights = make_article("Lắp đèn chiếu sáng đường Lê Lợi")
    make_comment(flood, body="Về bão")
    make_comment(lights, body="Về đèn")

    assert listed(client, f"article={lights.id}") == ["Về đèn"]
    assert listed(client, f"article=%23{flood.id}") == ["Về bão"]
    assert listed(client, "article=Hậu quả bão") == ["Về bão"]
    page = queue(client, f"article={lights.id}")
    assert page.one("main > p a.comment-article").text == "Lắp đèn chiếu sáng đường Lê Lợi"


def test_the_date_filter_follows_vietnamese_calendar_days(client, editor):
    article = make_article()
    # 23:30 and 00:30 in Vietnam: two different days there, one day in UTC.
    make_comment(article, body="Tối 1/3", created_at=datetime(2026, 3, 1, 16, 30, tzinfo=UTC))
    make_comment(article, body="Rạng sáng 2/3", created_at=datetime(2026, 3, 1, 17, 30, tzinfo=UTC))
    make_comment(article, body="Ngày 5/3", created_at=datetime(2026, 3, 5, 3, tzinfo=UTC))

    assert listed(client, "date_from=2026-03-02") == ["Ngày 5/3", "Rạng sáng 2/3"]
    assert listed(client, "date_to=2026-03-01") == ["Tối 1/3"]
    assert listed(client, "date_from=02/03/2026&date_to=2026-03-04") == ["Rạng sáng 2/3"]


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("ngập", ["Đường Lê Lợi bị ngập sau mưa"]),
        ("ĐƯỜNG LÊ LỢI", ["Đường Lê Lợi bị ngập sau mưa"]),
        ("trần thị", ["Cảm ơn phường"]),
        ("binh@", ["Cảm ơn phường"]),
        ("không có đâu", []),
    ],
    ids=["word", "upper-case", "name", "email", "nothing"],
)
def test_the_text_filter_searches_names_emails_and_comments_whatever_the_case(
    client, editor, search, expected
):
    article = make_article()
    make_comment(
        article, body="Đường Lê Lợi bị ngập sau mưa", author_name="Lê Văn Cường", author_email="c@example.vn"
    )
    make_comment(article, body="Cảm ơn phường", author_name="Trần Thị Bình", author_email="binh@example.vn")
    assert listed(client, f"q={search}") == expected


def test_a_row_shows_who_wrote_what_when_about_which_article_and_why_it_was_held(client, editor):
    article = make_article("Lắp đèn chiếu sáng")
    comment = make_comment(
        article,
        author_name="Trần Thị Bình",
        author_email="binh@example.vn",
        body="Dòng một\nXem <b>http://a.example</b> và http://b.example",
        held_reason="links",
        ip_hash="f00dfeedhash",
        created_at=datetime(2026, 8, 10, 2, 47, tzinfo=UTC),
    )
    draft = make_article("Bài chưa đăng", status="draft")
    on_draft = make_comment(draft, body="Về bài nháp")

    response = client.get("/admin/comments/")
    row = parse(response.data).one(f"#comment-{comment.id}")

    assert row.one(".comment-author").text == "Trần Thị Bình"
    assert row.one(".comment-email").text == "binh@example.vn"
    assert row.one("time").text == "09:47 10/08/2026"
    assert row.one("a.comment-article")["href"].endswith(f"/{article.slug}-{article.id}.html")
    body = row.one(".comment-body")
    assert body.text == "Dòng một Xem <b>http://a.example</b> và http://b.example"
    assert body.select("br") and not body.select("b")
    assert "Nhiều liên kết" in row.one(".comment-held").text
    assert row.one(".comment-status").text == "Chờ duyệt"
    assert b"f00dfeedhash" not in response.data
    draft_row = parse(response.data).one(f"#comment-{on_draft.id}")
    assert draft_row.one("a.comment-article")["href"] == f"/admin/articles/{draft.id}/edit"


def test_a_row_shows_the_editorial_boards_reply_under_the_comment(client, editor):
    question = make_comment(status="approved", body="Khi nào sửa đường?")
    make_comment(
        parent=question, is_official=True, status="approved", author_name="Ban biên tập", body="Tháng sau."
    )
    row = queue(client, "status=approved").one(f"#comment-{question.id}")
    assert row.one(".official-reply__heading").text.startswith("Ban biên tập trả lời")
    assert row.one(".official-reply__body").text == "Tháng sau."
    assert listed(client, "status=all") == ["Khi nào sửa đường?"], "replies are not rows of their own"


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("status=xyz", 400, "Vui lòng chọn một giá trị trong danh sách."),
        ("page=-1", 400, "Số trang không hợp lệ."),
        ("page=99", 404, None),
        ("date_from=2026-13-45", 400, "Vui lòng nhập ngày theo dạng 24/11/2026."),
        ("date_to=0001-01-01", 400, "Vui lòng nhập ngày theo dạng 24/11/2026."),
        ("date_from=2026-03-05&date_to=2026-03-01", 400, "Ngày kết thúc đang trước ngày bắt đầu."),
        ("article=abc", 200, None),
        ("article=99999999999999999999", 200, None),
        ("q=%00%01", 200, None),
        ("q=50%25_off", 200, None),
    ],
)
def test_bad_query_strings_get_a_vietnamese_answer_not_a_server_error(client, editor, query, status, message):
    make_comment()
    response = client.get(f"/admin/comments/?{query}")
    assert response.status_code == status
    if message:
        assert message in response.get_data(as_text=True)


def test_editors_see_how_many_comments_wait_with_a_link_to_the_queue(client, editor):
    for _ in range(3):
        make_comment()
    make_comment(status="approved")
    link = parse(client.get("/admin/").data).one(".dashboard-comments a")
    assert link.text == "3 bình luận chờ duyệt"
    assert link["href"] == "/admin/comments/?status=pending"


def test_contributors_see_no_comment_count_on_the_dashboard(client, login_as):
    login_as("contributor")
    make_comment()
    assert parse(client.get("/admin/").data).select(".dashboard-comments") == []
