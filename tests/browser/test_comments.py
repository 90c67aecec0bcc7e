"""A reader comments in Chromium; markup in names and comments is shown as text and never runs."""

import re

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app.articles.models import Article
from app.articles.queries import public_articles
from app.captcha.models import CaptchaChallenge
from app.comments.models import Comment, CommentStatus
from app.core.db import write_transaction
from app.extensions import db

pytestmark = pytest.mark.browser

# Stored XSS vectors for the two places a reader's text reaches the page: the name and the comment.
NAME_PAYLOAD = '"><img src=x onerror="window.__xss=\'name\'">'
BODY_PAYLOADS = [
    "<script>window.__xss='script'</script>",
    "<svg onload=\"window.__xss='svg'\"></svg>",
    "<a href=\"javascript:window.__xss='link'\">bấm vào đây</a>",
    "</p><iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>",
    "<details open ontoggle=\"window.__xss='details'\">x</details>",
    "{{ 7*7 }} ${7*7} <style>body{display:none}</style>",
]


def captcha_answer(live_app, token: str) -> str:
    """What the reader reads off the picture (tests cannot read it, so they ask the server's store)."""
    with live_app.app_context():
        return db.session.get(CaptchaChallenge, token).answer


@pytest.fixture
def article(live_app) -> Article:
    with live_app.app_context():
        return db.session.scalars(
            public_articles().where(Article.comments_enabled.is_(True)).limit(1)
        ).first()


def article_path(article: Article) -> str:
    return f"/{article.section.slug}/{article.slug}-{article.id}.html"


def watch_for_scripts(page: Page) -> list[str]:
    """Every dialog the page opens is recorded (and dismissed)."""
    dialogs: list[str] = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return dialogs


def test_a_reader_posts_a_comment_from_the_article_page(page: Page, live_app, article):
    page.goto(article_path(article))
    thread = page.locator("#y-kien")
    expect(thread.locator("[data-comment-slot][data-ready]")).to_have_count(1)
    thread.get_by_role("link", name="Gửi ý kiến của bạn").click()
    expect(thread.locator("[data-comment-slot][data-enhanced]")).to_have_count(1)
    expect(page.get_by_label("Họ và tên")).to_be_focused()

    page.get_by_label("Họ và tên").fill("Lê Thị Cúc")
    page.get_by_label("Email (không hiển thị)").fill("cuc@example.vn")
    page.get_by_label("Ý kiến của bạn").fill("Mong phường sớm lắp thêm đèn chiếu sáng ở hẻm 12.")
    page.get_by_label(re.compile("^Tôi đồng ý")).check()
    old_token = page.locator("input[name=captcha_token]").input_value()
    page.get_by_role("button", name="Đổi mã khác").click()
    expect(page.locator("input[name=captcha_token]")).not_to_have_value(old_token)
    expect(page.get_by_label("Ý kiến của bạn")).to_have_value(
        "Mong phường sớm lắp thêm đèn chiếu sáng ở hẻm 12."
    )
    expect(page.get_by_label("Mã xác nhận")).to_be_focused()
    image = page.locator(".captcha__image")
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => img.naturalWidth") > 0

    page.wait_for_timeout(1000)  # the form refuses what is sent faster than a person types
    page.get_by_label("Mã xác nhận").fill("00000x")
    page.get_by_role("button", name="Gửi bình luận").click()
    expect(page.locator("#captcha_answer-error")).to_contain_text("Mã xác nhận không đúng")
    expect(page.get_by_label("Mã xác nhận")).to_be_focused()
    expect(page.get_by_label("Ý kiến của bạn")).to_have_value(
        "Mong phường sớm lắp thêm đèn chiếu sáng ở hẻm 12."
    )

    token = page.locator("input[name=captcha_token]").input_value()
    page.get_by_label("Mã xác nhận").fill(captcha_answer(live_app, token))
    page.get_by_role("button", name="Gửi bình luận").click()

    posted = page.locator("#y-kien [data-comment-posted]")
    expect(posted).to_have_text("Bình luận của bạn đang chờ duyệt.")
    expect(posted).to_be_focused()
    expect(page).to_have_url(re.compile(re.escape(article_path(article)) + "$"))
    expect(page.locator("#y-kien .comment__body", has_text="đèn chiếu sáng")).to_have_count(0)


def test_script_and_event_handler_payloads_in_approved_comments_never_run(page: Page, live_app, article):
    dialogs = watch_for_scripts(page)
    page.goto(f"/bai-viet/{article.id}/binh-luan")
    page.get_by_label("Họ và tên").fill(NAME_PAYLOAD)
    page.get_by_label("Email (không hiển thị)").fill("xss@example.vn")
    page.get_by_label("Ý kiến của bạn").fill("\n".join(BODY_PAYLOADS))
    page.get_by_label(re.compile("^Tôi đồng ý")).check()
    page.wait_for_timeout(1000)
    token = page.locator("input[name=captcha_token]").input_value()
    page.get_by_label("Mã xác nhận").fill(captcha_answer(live_app, token))
    page.get_by_role("button", name="Gửi bình luận").click()
    expect(page.locator("#y-kien .flashes")).to_contain_text("đang chờ duyệt")

    with live_app.app_context(), write_transaction():
        comment = db.session.scalars(select(Comment).where(Comment.author_email == "xss@example.vn")).one()
        comment.status = CommentStatus.APPROVED
        comment_id = comment.id

    page.goto(article_path(article) + "?sort=newest")
    shown = page.locator(f"#y-kien-{comment_id}")
    expect(shown.locator(".comment__author")).to_have_text(NAME_PAYLOAD)
    for payload in BODY_PAYLOADS:
        expect(shown.locator(".comment__body")).to_contain_text(payload)
    assert shown.locator("img, script, svg, iframe, details, a, style").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    expect(page.locator("body")).to_be_visible()
