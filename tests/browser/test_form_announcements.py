"""A screen-reader user sending the comment form in Chromium hears what went wrong and that it worked:
errors and the success status arrive in live regions, and each error is tied to its field."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_comments import article, article_path, captcha_answer  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser

FIELDS = ("author_name", "author_email", "body", "consent", "captcha_answer")


def test_comment_errors_and_success_are_announced_in_live_regions(page: Page, live_app, article, figures):  # noqa: F811
    page.goto(article_path(article))
    page.locator("[data-comment-slot][data-ready] [data-comment-open]").click()
    expect(page.locator("[data-comment-slot][data-enhanced]")).to_have_count(1)
    for name in FIELDS:
        expect(page.locator(f"#{name}")).to_have_attribute("required", "")

    page.get_by_role("button", name="Gửi bình luận").click()

    alert = page.get_by_role("alert").filter(has_text="Vui lòng sửa các mục sau")
    expect(alert).to_be_visible()
    tied = 0
    for name in FIELDS:
        field = page.locator(f"#{name}")
        expect(field).to_have_attribute("aria-invalid", "true")
        said = page.locator(f"#{name}-error").inner_text().strip()
        expect(field).to_have_accessible_description(re.compile(re.escape(said)))
        expect(alert).to_contain_text(said)
        tied += 1
    figures(f"comment form in Chromium: {tied} field errors tied and in the alert region, 0 untied")

    page.get_by_label("Họ và tên").fill("Phan Văn Đức")
    page.get_by_label("Email (không hiển thị)").fill("duc@example.vn")
    page.get_by_label("Ý kiến của bạn").fill("Cảm ơn phường đã sửa đường.")
    page.locator("#consent").check()
    page.wait_for_timeout(1000)  # the form refuses what is sent faster than a person types
    token = page.locator("input[name=captcha_token]").input_value()
    page.locator("#captcha_answer").fill(captcha_answer(live_app, token))
    page.get_by_role("button", name="Gửi bình luận").click()

    status = page.get_by_role("status").filter(has_text="đang chờ duyệt")
    expect(status).to_have_text("Bình luận của bạn đang chờ duyệt.")
    expect(page.get_by_role("alert")).to_have_count(0)
