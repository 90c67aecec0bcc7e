"""Moderating from the back office: bulk and single decisions, edits, official replies, who may do it."""

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.comments.models import Comment, CommentStatus
from app.extensions import db as _db
from tests.factories import make_article, make_comment
from tests.pages import csrf_token, parse


@pytest.fixture
def editor(login_as):
    return login_as("editor")


def post(client, url: str, data: dict):
    return client.post(url, data={"csrf_token": csrf_token(client), **data})


def status_of(comment: Comment) -> CommentStatus:
    _db.session.expire_all()
    return _db.session.get(Comment, comment.id).status


def flashes(client, url: str) -> list[str]:
    return parse(client.get(url).data).texts(".flash")


def test_bulk_approving_three_selected_comments_leaves_the_others_waiting(client, editor):
    article = make_article()
    chosen = [make_comment(article, body=f"Ý kiến {number}") for number in range(3)]
    left = make_comment(article, body="Chưa xem")
    page = parse(client.get("/admin/comments/?q=kiến").data)
    assert page.one("form.comment-queue input[name=back]")["value"] == "q=ki%E1%BA%BFn"

    response = post(
        client,
        "/admin/comments/bulk",
        {"ids": [str(c.id) for c in chosen], "action": "approve", "back": "status=pending&q=kiến&page=2"},
    )

    assert response.status_code == 302
    assert response.location == "/admin/comments/?status=pending&q=ki%E1%BA%BFn"
    assert flashes(client, response.location) == ["Đã duyệt 3 bình luận."]
    assert [status_of(c) for c in chosen] == [CommentStatus.APPROVED] * 3
    assert status_of(left) == CommentStatus.PENDING
    actors = _db.session.scalars(
        select(AuditEvent.actor_id).where(AuditEvent.action == "comment.approve")
    ).all()
    assert actors == [editor.id] * 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "approve"}, "Vui lòng chọn ít nhất một bình luận."),
        ({"ids": "1", "action": ""}, "Vui lòng chọn thao tác cho các bình luận đã chọn."),
        ({"ids": "1", "action": "delete"}, "Vui lòng chọn một giá trị trong danh sách."),
        ({"ids": "abc", "action": "approve"}, "Vui lòng chọn bình luận trong danh sách."),
        ({"ids": "99999999999", "action": "approve"}, "Vui lòng chọn bình luận trong danh sách."),
    ],
    ids=["nothing-selected", "no-action", "unknown-action", "not-a-number", "too-large"],
)
def test_a_bulk_action_that_cannot_run_says_why_and_keeps_the_queue(client, editor, data, message):
    comment = make_comment(body="Vẫn còn đây")
    response = post(client, "/admin/comments/bulk", {**data, "back": "status=pending"})
    assert response.status_code == 400
    page = parse(response.data)
    assert message in page.text
    assert page.texts(".comment-body") == ["Vẫn còn đây"]
    assert status_of(comment) == CommentStatus.PENDING


def test_a_bulk_action_without_the_form_token_is_refused(client, editor):
    comment = make_comment()
    response = client.post("/admin/comments/bulk", data={"ids": str(comment.id), "action": "approve"})
    assert response.status_code == 400
    assert "Phiên làm việc đã hết hạn" in response.get_data(as_text=True)
    assert status_of(comment) == CommentStatus.PENDING


def test_each_row_has_buttons_that_decide_on_that_comment_alone(client, editor):
    comment = make_comment()
    other = make_comment()
    row = parse(client.get("/admin/comments/").data).one(f"#comment-{comment.id}")
    buttons = {button["value"]: button["formaction"] for button in row.select("button[name=decision]")}
    assert buttons == dict.fromkeys(("approve", "reject", "spam"), f"/admin/comments/{comment.id}/status")

    response = post(client, buttons["spam"], {"decision": "spam", "back": "status=pending"})

    assert response.location == "/admin/comments/?status=pending"
    assert flashes(client, response.location) == ["Đã đánh dấu 1 bình luận là thư rác."]
    assert (status_of(comment), status_of(other)) == (CommentStatus.SPAM, CommentStatus.PENDING)


def test_deciding_from_the_comments_page_comes_back_to_it(client, editor):
    comment = make_comment(status="approved")
    response = post(client, f"/admin/comments/{comment.id}/status", {"decision": "reject", "stay": "1"})
    assert response.location == f"/admin/comments/{comment.id}"
    assert status_of(comment) == CommentStatus.REJECTED


def test_editing_a_comment_keeps_it_waiting_unless_save_and_approve_is_pressed(client, editor):
    comment = make_comment(author_name="An", body="Gọi tôi: 0912 345 678")
    form = parse(client.get(f"/admin/comments/{comment.id}").data).one(
        f"form[action='/admin/comments/{comment.id}/edit']"
    )
    assert form.one("textarea[name=body]").text == "Gọi tôi: 0912 345 678"
    assert form.one("button[name=save_and_approve], input[name=save_and_approve]")

    response = post(
        client, f"/admin/comments/{comment.id}/edit", {"author_name": "An", "body": "Gọi tôi.", "save": "y"}
    )

    assert response.location == f"/admin/comments/{comment.id}"
    assert flashes(client, response.location) == ["Đã lưu bình luận."]
    assert (status_of(comment), _db.session.get(Comment, comment.id).body) == (
        CommentStatus.PENDING,
        "Gọi tôi.",
    )

    post(
        client,
        f"/admin/comments/{comment.id}/edit",
        {"author_name": "An", "body": "Gọi tôi.", "save_and_approve": "y"},
    )
    assert status_of(comment) == CommentStatus.APPROVED


def test_an_edit_with_errors_shows_them_beside_the_fields_and_keeps_the_input(client, editor):
    comment = make_comment()
    response = post(
        client,
        f"/admin/comments/{comment.id}/edit",
        {"author_name": " ", "body": "Nội dung mới", "save": "y"},
    )
    assert response.status_code == 400
    page = parse(response.data)
    assert page.one("#author_name-error").text == "Vui lòng nhập tên."
    assert page.one("textarea#body").text == "Nội dung mới"
    assert status_of(comment) == CommentStatus.PENDING


def test_a_reply_is_published_under_the_comment_and_approves_it(client, editor):
    question = make_comment(body="Khi nào sửa đường?")
    response = post(client, f"/admin/comments/{question.id}/reply", {"reply-body": "Tháng sau ạ."})

    assert response.location == f"/admin/comments/{question.id}#official-reply"
    assert flashes(client, f"/admin/comments/{question.id}") == ["Đã đăng câu trả lời và duyệt bình luận."]
    assert status_of(question) == CommentStatus.APPROVED
    reply = _db.session.scalar(select(Comment).where(Comment.parent_id == question.id))
    assert (reply.is_official, reply.status, reply.author_name) == (
        True,
        CommentStatus.APPROVED,
        "Ban biên tập",
    )
    block = parse(client.get("/admin/comments/?status=approved").data).one(
        f"#comment-{question.id} .official-reply"
    )
    assert block.one(".official-reply__body").text == "Tháng sau ạ."


def test_an_empty_reply_is_refused_beside_its_field(client, editor):
    question = make_comment()
    response = post(client, f"/admin/comments/{question.id}/reply", {"reply-body": "  "})
    assert response.status_code == 400
    assert parse(response.data).one("#reply-body-error").text == "Vui lòng nhập câu trả lời."
    assert status_of(question) == CommentStatus.PENDING


def test_replying_to_a_reply_is_refused_in_vietnamese(client, editor):
    question = make_comment(status="approved")
    reply = make_comment(parent=question, is_official=True, status="approved", author_email="")
    response = post(client, f"/admin/comments/{reply.id}/reply", {"reply-body": "Trả lời câu trả lời"})
    assert response.status_code == 400
    assert "Chỉ có thể trả lời bình luận của bạn đọc" in response.get_data(as_text=True)


def test_the_editorial_boards_reply_can_be_corrected_and_deleted_from_the_comments_page(client, editor):
    question = make_comment(status="approved")
    post(client, f"/admin/comments/{question.id}/reply", {"reply-body": "Trả lời có lỗi chính tả."})
    reply = _db.session.scalar(select(Comment).where(Comment.parent_id == question.id))
    assert (
        client.get(f"/admin/comments/{reply.id}").location == f"/admin/comments/{question.id}#official-reply"
    )

    refused = post(client, f"/admin/comments/{reply.id}/edit", {"official-body": " ", "official-save": "y"})
    assert refused.status_code == 400
    assert parse(refused.data).one("#official-body-error").text == "Vui lòng nhập nội dung bình luận."

    post(
        client, f"/admin/comments/{reply.id}/edit", {"official-body": "Trả lời đã sửa.", "official-save": "y"}
    )
    page = parse(client.get(f"/admin/comments/{question.id}").data)
    assert page.one("#official-reply .official-reply__body").text == "Trả lời đã sửa."

    response = post(client, f"/admin/comments/{reply.id}/delete", {})
    assert response.location == f"/admin/comments/{question.id}"
    assert _db.session.scalar(select(Comment).where(Comment.parent_id == question.id)) is None
    assert parse(client.get(response.location).data).one("textarea#reply-body")


MODERATION_ROUTES = [
    ("GET", "/admin/comments/"),
    ("POST", "/admin/comments/bulk"),
    ("GET", "/admin/comments/{id}"),
    ("POST", "/admin/comments/{id}/status"),
    ("POST", "/admin/comments/{id}/edit"),
    ("POST", "/admin/comments/{id}/reply"),
    ("POST", "/admin/comments/{id}/delete"),
]


@pytest.mark.parametrize(("method", "path"), MODERATION_ROUTES)
def test_contributors_cannot_moderate(client, login_as, method, path):
    login_as("contributor")
    comment = make_comment()
    url = path.format(id=comment.id)
    if method == "GET":
        response = client.get(url)
    else:
        response = post(client, url, {"ids": str(comment.id), "action": "approve", "decision": "approve"})
    assert response.status_code == 403
    assert status_of(comment) == CommentStatus.PENDING
