"""Autosave in Chromium: a brand-new article is kept while typing and offered back after a reload.

Only the UI is used, as the demo's contributor: the first autosave creates the draft and moves the
editor to it, the next ones keep the typing apart from the revision history.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.staff import log_in

pytestmark = pytest.mark.browser

TITLE = "Nhà văn hoá khu phố 3 mở cửa buổi tối"
BODY = "Từ tuần sau, nhà văn hoá mở cửa đến 21 giờ để người dân tập văn nghệ."
AUTOSAVE_WAIT_MS = 15_000  # the script waits about 3 s after the last change, then posts


def body_editor(page: Page):
    """SunEditor's editing area, or the plain HTML field where npm was missing at set-up.

    The load event comes after the deferred editor script has mounted it (or found it missing).
    """
    page.wait_for_load_state()
    wysiwyg = page.locator(".sun-editor-editable")
    return wysiwyg if wysiwyg.count() else page.locator("textarea#body")


def expect_body(page: Page, *, to_hold: bool) -> None:
    """The body shows (or does not show) the typed text, in SunEditor or in the plain field."""
    editor = body_editor(page)
    if editor.evaluate("element => element.tagName") == "TEXTAREA":
        check = expect(editor).to_have_value if to_hold else expect(editor).not_to_have_value
        check(re.compile(re.escape(BODY)))
    else:
        check = expect(editor).to_contain_text if to_hold else expect(editor).not_to_contain_text
        check(BODY)


def test_typing_a_new_article_is_autosaved_and_offered_back_after_a_reload(page: Page, demo_credentials):
    log_in(page, *demo_credentials["contributor"])
    page.goto("/admin/articles/new")
    status = page.locator("[data-autosave-status]")

    page.locator("#title").fill(TITLE)

    expect(status).to_contain_text("Đã tạo bản nháp và tự động lưu lúc", timeout=AUTOSAVE_WAIT_MS)
    expect(page).to_have_url(re.compile(r"/admin/articles/\d+/edit$"))
    edit_url = page.url

    editor = body_editor(page)
    editor.click()
    page.keyboard.type(BODY)
    expect(status).to_have_text(re.compile(r"^Đã tự động lưu lúc \d\d:\d\d$"), timeout=AUTOSAVE_WAIT_MS)

    page.reload()
    notice = page.locator(".notice--autosave")
    expect(notice).to_contain_text("Bạn có thay đổi chưa lưu từ lúc")
    expect_body(page, to_hold=False)

    notice.get_by_role("link", name="Khôi phục bản tự động lưu").click()

    expect(page.locator(".notice--autosave")).to_contain_text("đang hiển thị bản tự động lưu")
    expect(page.locator("#title")).to_have_value(TITLE)
    expect_body(page, to_hold=True)

    page.get_by_role("button", name="Lưu", exact=True).click()

    expect(page).to_have_url(edit_url)
    expect(page.locator(".flashes")).to_contain_text("Đã lưu bài viết.")
    expect(page.locator(".notice--autosave")).to_have_count(0)
    expect_body(page, to_hold=True)
