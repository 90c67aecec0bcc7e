"""A reader posts a comment: the form, consent, captcha, anti-abuse rules and post/redirect/get."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from app.captcha.models import CaptchaChallenge
from app.comments.models import Comment, CommentPolicy, CommentStatus
from app.comments.policy import get_comment_policy
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.extensions import db
from tests.comments.conftest import READER
from tests.factories import make_article
from tests.pages import parse


def stored_comments() -> list[Comment]:
    return list(db.session.scalars(select(Comment).order_by(Comment.id)))


def set_policy(**values) -> CommentPolicy:
    with write_transaction():
        policy = get_comment_policy()
        for name, value in values.items():
            setattr(policy, name, value)
    return policy


def field_error(response, field: str) -> str:
    return parse(response.data).one(f"#{field}-error").text


@pytest.fixture
def article(db):
    return make_article("Phường An Phú đẩy mạnh chuyển đổi số")


def test_the_form_asks_for_name_email_comment_consent_and_a_captcha(client, article):
    page = parse(client.get(f"/bai-viet/{article.id}/binh-luan").data)
    form = page.one("form#comment-form")
    assert form["action"] == f"/bai-viet/{article.id}/binh-luan"
    for name in ("author_name", "author_email", "body", "captcha_answer"):
        assert form.one(f"[name={name}]")
    consent = form.one("input[name=consent]")
    assert consent["type"] == "checkbox" and not consent.has_attr("checked")
    assert "/bao-ve-du-lieu-ca-nhan" in form.one(".field--consent").links()
    token = form.one("input[name=captcha_token]")["value"]
    assert form.one(".captcha img")["src"] == f"/captcha/{token}.png"
    assert form.one(".captcha audio")["src"] == f"/captcha/{token}.wav"
    assert form.one("[data-captcha-refresh]")["formaction"] == f"/bai-viet/{article.id}/binh-luan/doi-ma"
    assert "Mã xác nhận" in form.text


def test_the_article_page_carries_no_per_visitor_token_so_it_can_be_cached(client, article):
    page = parse(client.get(f"/{article.section.slug}/{article.slug}-{article.id}.html").data)
    box = page.one("#y-kien [data-comment-slot]")
    assert box.one("a")["href"] == f"/bai-viet/{article.id}/binh-luan"
    assert not page.select("input[name=csrf_token], input[name=captcha_token]")
    assert not db.session.scalar(select(func.count()).select_from(CaptchaChallenge))


def test_a_comment_waits_for_moderation_and_the_reader_is_told_so(client, article, send_comment):
    response = send_comment(article)

    assert response.status_code == 302
    assert response.location.endswith(f"{article.slug}-{article.id}.html#y-kien")
    page = parse(client.get(response.location).data)
    assert "Bình luận của bạn đang chờ duyệt" in page.one("#y-kien").text
    assert READER["body"] not in page.text
    [comment] = stored_comments()
    assert comment.status is CommentStatus.PENDING
    assert comment.author_email == "binh.tran@example.vn"
    assert comment.consent_at is not None
    assert len(comment.ip_hash) == 64 and "127.0.0.1" not in comment.ip_hash


def test_the_form_page_is_never_kept_by_a_cache(client, article):
    assert client.get(f"/bai-viet/{article.id}/binh-luan").headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"captcha_answer": ""}, "captcha_answer", "Vui lòng nhập mã xác nhận"),
        ({"captcha_answer": "00000x"}, "captcha_answer", "Mã xác nhận không đúng hoặc đã hết hạn"),
        ({"consent": None}, "consent", "Vui lòng đồng ý"),
        ({"author_name": "  "}, "author_name", "Vui lòng nhập tên"),
        ({"author_email": "không-phải-email"}, "author_email", "địa chỉ email hợp lệ"),
        ({"body": "x" * 2001}, "body", "tối đa 2000 ký tự"),
    ],
)
def test_a_refused_comment_keeps_the_input_and_shows_the_message_beside_its_field(
    client, article, comment_form, fields, field, message
):
    data = comment_form(article, **fields)
    response = client.post(f"/bai-viet/{article.id}/binh-luan", data=data)

    assert response.status_code == 400
    assert message in field_error(response, field)
    form = parse(response.data).one("form#comment-form")
    assert form.one("textarea[name=body]").text == data["body"].strip()[:2001] or field == "body"
    assert form.one("input[name=author_email]")["value"] == data["author_email"]
    assert form.one("input[name=captcha_token]")["value"] != data["captcha_token"]
    assert stored_comments() == []


def test_every_missing_field_is_reported_at_once(client, article, comment_form):
    data = comment_form(article, author_name="", author_email="", body="")
    del data["consent"]
    page = parse(client.post(f"/bai-viet/{article.id}/binh-luan", data=data).data)
    assert {element["id"] for element in page.select(".error[id]")} >= {
        "author_name-error",
        "author_email-error",
        "body-error",
        "consent-error",
    }


def test_an_expired_captcha_is_refused(client, article, comment_form):
    data = comment_form(article)
    with write_transaction():
        db.session.execute(
            update(CaptchaChallenge)
            .where(CaptchaChallenge.token == data["captcha_token"])
            .values(created_at=utcnow() - timedelta(minutes=11))
        )
    response = client.post(f"/bai-viet/{article.id}/binh-luan", data=data)
    assert response.status_code == 400
    assert "hết hạn" in field_error(response, "captcha_answer")
    assert stored_comments() == []


def test_a_replayed_captcha_is_refused(client, article, comment_form):
    data = comment_form(article)
    assert client.post(f"/bai-viet/{article.id}/binh-luan", data=data).status_code == 302
    replay = client.post(
        f"/bai-viet/{article.id}/binh-luan", data={**data, "body": "Một ý kiến khác hẳn, gửi lại bằng mã cũ."}
    )
    assert replay.status_code == 400
    assert "Mã xác nhận không đúng" in field_error(replay, "captcha_answer")
    assert len(stored_comments()) == 1


def test_a_wrong_answer_burns_the_captcha(client, article, comment_form):
    data = comment_form(article)
    client.post(f"/bai-viet/{article.id}/binh-luan", data={**data, "captcha_answer": "99999x"})
    assert client.post(f"/bai-viet/{article.id}/binh-luan", data=data).status_code == 400
    assert stored_comments() == []


def test_the_honeypot_catches_a_bot(client, article, send_comment):
    response = send_comment(article, website="http://spam.example")
    assert response.status_code == 400
    assert "Không gửi được bình luận" in parse(response.data).one(".form-errors").text
    assert stored_comments() == []


@pytest.mark.parametrize("started", ["quick", "missing", "forged"])
def test_a_form_sent_faster_than_a_human_can_type_is_refused(client, article, comment_form, started):
    data = comment_form(article, seconds_ago=1)
    if started == "missing":
        data["started"] = ""
    elif started == "forged":
        data["started"] = "MTcwMDAwMDAwMA.forged-signature"
    response = client.post(f"/bai-viet/{article.id}/binh-luan", data=data)
    assert response.status_code == 400
    assert "gửi quá nhanh" in parse(response.data).one(".form-errors").text
    assert stored_comments() == []


def test_the_same_text_twice_is_refused_even_with_other_case_and_accents(client, article, send_comment):
    assert send_comment(article).status_code == 302
    again = send_comment(article, body=READER["body"].upper().replace("Ố", "O") + "  !")
    assert again.status_code == 400
    assert "đã được gửi" in field_error(again, "body")
    assert len(stored_comments()) == 1


def test_a_comment_with_more_than_two_links_is_held_even_when_comments_publish_at_once(
    client, article, send_comment
):
    set_policy(auto_approve=True)
    links = "Xem https://a.example, http://b.example và www.c.example nhé."
    assert send_comment(article, body=links).status_code == 302
    assert (
        send_comment(
            article, body="Hai liên kết https://a.example và https://b.example thì được."
        ).status_code
        == 302
    )

    held, published = stored_comments()
    assert (held.status, held.held_reason) == (CommentStatus.PENDING, "links")
    assert published.status is CommentStatus.APPROVED


def test_an_auto_approved_comment_appears_at_once_with_a_thank_you(client, article, send_comment):
    set_policy(auto_approve=True)
    response = send_comment(article)
    page = parse(client.get(response.location).data)
    assert "đã được đăng" in page.one("#y-kien .flashes").text
    assert READER["body"] in page.one("#y-kien .comment-list").text


def test_banned_words_are_refused_as_whole_words_with_their_accents(client, article, send_comment):
    set_policy(banned_words="lừa đảo\nngu")
    refused = send_comment(article, body="Bọn LỪA ĐẢO này phải bị xử lý nghiêm.")
    assert refused.status_code == 400
    assert "từ ngữ không phù hợp" in field_error(refused, "body")
    assert send_comment(article, body="Ngày mai tôi ngủ sớm để đi bỏ phiếu.").status_code == 302
    assert send_comment(article, body="Lua dao qua mang can canh giac, xin cam on.").status_code == 302


def test_comments_without_diacritics_are_refused_only_when_the_rule_is_on(client, article, send_comment):
    unaccented = "Toi rat dong tinh voi chu truong nay cua phuong."
    assert send_comment(article, body=unaccented).status_code == 302
    set_policy(require_diacritics=True)
    refused = send_comment(article, body=unaccented + " Cam on.")
    assert refused.status_code == 400
    assert "có dấu" in field_error(refused, "body")
    assert send_comment(article, body="Ý kiến có dấu đầy đủ thì được nhận.").status_code == 302


def test_comments_closed_on_an_article_means_no_form_and_no_posting(client, send_comment, db):
    article = make_article(comments_enabled=False)
    assert client.get(f"/bai-viet/{article.id}/binh-luan").status_code == 404
    assert client.post(f"/bai-viet/{article.id}/binh-luan", data=READER).status_code in (400, 404)
    page = parse(client.get(f"/{article.section.slug}/{article.slug}-{article.id}.html").data)
    assert "đã đóng bình luận" in page.one("#y-kien").text
    assert not page.select("[data-comment-slot]")


@pytest.mark.parametrize("status", ["draft", "pending", "scheduled", "unpublished"])
def test_no_one_comments_on_an_article_that_is_not_public(client, db, status):
    article = make_article(status=status)
    assert client.get(f"/bai-viet/{article.id}/binh-luan").status_code == 404


def test_another_code_keeps_what_the_reader_typed(client, article, comment_form):
    data = comment_form(article, solve=False)
    response = client.post(f"/bai-viet/{article.id}/binh-luan/doi-ma", data=data)
    assert response.status_code == 200
    form = parse(response.data).one("form#comment-form")
    assert form.one("textarea[name=body]").text == READER["body"]
    assert form.one("input[name=author_name]")["value"] == READER["author_name"]
    assert form.one("input[name=captcha_token]")["value"] != data["captcha_token"]
    assert form.one("input[name=started]")["value"] == data["started"]
    assert not form.select(".error")


def test_the_form_can_be_fetched_alone_for_the_article_page_script(client, article):
    response = client.get(f"/bai-viet/{article.id}/binh-luan?khung=1")
    assert response.status_code == 200
    assert response.data.lstrip().startswith(b"<form")
    assert b"<html" not in response.data


@pytest.mark.parametrize(
    "fields",
    [
        {"author_name": "A\x00B", "body": "Nội dung\x00 có byte rỗng ở giữa câu."},
        {"author_name": "N" * 10_000},
        {"author_email": "@" * 5000},
        {"started": "x" * 10_000, "captcha_token": "../../etc/passwd"},
    ],
)
def test_hostile_input_gets_a_vietnamese_error_not_a_server_error(client, article, comment_form, fields):
    response = client.post(f"/bai-viet/{article.id}/binh-luan", data=comment_form(article, **fields))
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        [comment] = stored_comments()
        assert "\x00" not in comment.author_name + comment.body


def test_posting_is_limited_per_address_and_answered_in_vietnamese(
    client, article, send_comment, throttling, app
):
    assert send_comment(article).status_code == 302
    too_soon = send_comment(article, body="Ý kiến thứ hai, gửi ngay sau ý kiến thứ nhất.")
    assert too_soon.status_code == 429
    assert "quá nhanh" in too_soon.get_data(as_text=True)
    assert len(stored_comments()) == 1


def test_mistakes_do_not_use_up_the_posting_limit(client, article, send_comment, throttling):
    assert send_comment(article, captcha_answer="sai").status_code == 400
    assert send_comment(article).status_code == 302


def test_the_limits_come_from_the_configuration(client, article, send_comment, throttling, app, monkeypatch):
    monkeypatch.setitem(app.config, "COMMENT_LIMITS", "2 per minute")
    assert send_comment(article, body="Ý kiến thứ nhất của tôi.").status_code == 302
    assert send_comment(article, body="Ý kiến thứ hai của tôi.").status_code == 302
    assert send_comment(article, body="Ý kiến thứ ba của tôi.").status_code == 429


def test_asking_for_captchas_is_limited_per_address(client, article, throttling, app, monkeypatch):
    monkeypatch.setitem(app.config, "CAPTCHA_LIMITS", "3 per minute")
    statuses = [client.get(f"/bai-viet/{article.id}/binh-luan").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_the_article_page_script_posts_in_place_and_gets_the_message_alone(client, article, comment_form):
    response = client.post(f"/bai-viet/{article.id}/binh-luan?khung=1", data=comment_form(article))
    assert response.status_code == 201
    assert parse(response.data).one("[data-comment-posted]").text == "Bình luận của bạn đang chờ duyệt."
    assert b"<html" not in response.data
    assert len(stored_comments()) == 1


def test_a_refusal_in_place_returns_the_form_alone_with_its_errors(client, article, comment_form):
    response = client.post(
        f"/bai-viet/{article.id}/binh-luan?khung=1", data=comment_form(article, captcha_answer="sai")
    )
    assert response.status_code == 400
    assert response.data.lstrip().startswith(b"<form")
    assert "Mã xác nhận không đúng" in field_error(response, "captcha_answer")


def test_a_comment_posted_in_place_counts_against_the_limits(client, article, comment_form, throttling):
    assert (
        client.post(f"/bai-viet/{article.id}/binh-luan?khung=1", data=comment_form(article)).status_code
        == 201
    )
    again = comment_form(article, body="Ý kiến thứ hai, gửi ngay sau ý kiến thứ nhất.")
    assert client.post(f"/bai-viet/{article.id}/binh-luan?khung=1", data=again).status_code == 429
