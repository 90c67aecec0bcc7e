"""What readers see under an article: approved comments, official replies, order, pages; no personal data."""

from datetime import timedelta

import pytest

from app.core.dates import utcnow
from tests.factories import make_article, make_comment
from tests.pages import parse


@pytest.fixture
def article(db):
    return make_article("Lấy ý kiến về quy hoạch công viên ven sông")


def article_page(client, article, query: str = ""):
    response = client.get(f"/{article.section.slug}/{article.slug}-{article.id}.html{query}")
    assert response.status_code == 200
    return parse(response.data)


def test_only_approved_comments_are_shown_with_their_count(client, article):
    make_comment(article, status="approved", body="Đồng ý với phương án số 2.")
    for status in ("pending", "rejected", "spam"):
        make_comment(article, status=status, body=f"Ý kiến đang ở trạng thái {status}.")

    thread = article_page(client, article).one("#y-kien")
    assert thread.texts(".comment__body") == ["Đồng ý với phương án số 2."]
    assert thread.one(".comments__count").text == "(1)"


def test_an_official_reply_appears_under_its_comment_marked_as_the_editorial_board(client, article):
    question = make_comment(article, status="approved", body="Khi nào khởi công?")
    make_comment(
        parent=question,
        status="approved",
        is_official=True,
        author_name="Ban biên tập",
        author_email="",
        body="Dự kiến khởi công trong quý II.",
    )
    make_comment(parent=question, status="pending", body="Một trả lời chưa duyệt.")

    comment = article_page(client, article).one(f"#y-kien-{question.id}")
    reply = comment.one(".comment-reply--official")
    assert "Ban biên tập trả lời" in reply.one(".comment__author").text
    assert reply.one(".comment__body").text == "Dự kiến khởi công trong quý II."
    assert "chưa duyệt" not in comment.text


def test_emails_and_address_hashes_never_reach_the_page(client, article):
    make_comment(article, status="approved", author_email="rieng.tu@example.vn", ip_hash="f" * 64)
    html = client.get(f"/{article.section.slug}/{article.slug}-{article.id}.html").get_data(as_text=True)
    assert "rieng.tu@example.vn" not in html
    assert "f" * 64 not in html


def test_markup_in_a_name_or_comment_is_shown_as_text(client, article):
    make_comment(article, status="approved", author_name="<b>Kẻ xấu</b>", body="<script>alert(1)</script>")
    page = article_page(client, article)
    comment = page.one("#y-kien .comment")
    assert comment.one(".comment__author").text == "<b>Kẻ xấu</b>"
    assert comment.one(".comment__body").text == "<script>alert(1)</script>"
    assert not comment.select("script, b")


def test_readers_choose_oldest_or_newest_first(client, article):
    now = utcnow()
    for days, body in ((3, "Ý kiến cũ nhất."), (2, "Ý kiến ở giữa."), (1, "Ý kiến mới nhất.")):
        make_comment(article, status="approved", body=body, created_at=now - timedelta(days=days))

    assert article_page(client, article).texts(".comment__body")[0] == "Ý kiến cũ nhất."
    newest = article_page(client, article, "?sort=newest")
    assert newest.texts(".comment__body") == ["Ý kiến mới nhất.", "Ý kiến ở giữa.", "Ý kiến cũ nhất."]


def test_a_long_thread_is_split_into_pages(client, article, app, monkeypatch):
    monkeypatch.setitem(app.config, "COMMENTS_PER_PAGE", 2)
    now = utcnow()
    for number in range(5):
        make_comment(
            article,
            status="approved",
            body=f"Ý kiến số {number}.",
            created_at=now + timedelta(minutes=number),
        )

    first = article_page(client, article)
    assert first.texts(".comment__body") == ["Ý kiến số 0.", "Ý kiến số 1."]
    assert first.one(".comments__count").text == "(5)"
    assert article_page(client, article, "?page=3").texts(".comment__body") == ["Ý kiến số 4."]
    assert "page=2" in " ".join(first.one("#y-kien .pager").links())


def test_an_article_without_comments_invites_the_first_one(client, article):
    thread = article_page(client, article).one("#y-kien")
    assert "Chưa có ý kiến nào" in thread.text
    assert thread.one("[data-comment-open]")["href"] == f"/bai-viet/{article.id}/binh-luan"
