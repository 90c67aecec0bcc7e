"""A reader sharing an article in Chromium: the copy-link button, with and without JavaScript."""

import pytest
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser


def open_top_story(page) -> None:
    page.goto("/")
    page.locator(".top-stories .teaser__title a").first.click()
    expect(page.locator("h1.story__title")).to_be_visible()


def test_copy_link_puts_the_canonical_address_on_the_clipboard_and_says_so(browser: Browser, base_url: str):
    context = browser.new_context(base_url=base_url, locale="vi-VN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    open_top_story(page)
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")

    button = page.get_by_role("button", name="Sao chép liên kết")
    expect(button).to_be_visible()
    button.click()

    expect(page.locator(".share [role=status]")).to_have_text("Đã sao chép liên kết")
    assert page.evaluate("navigator.clipboard.readText()") == canonical
    context.close()


def test_without_javascript_the_share_box_has_plain_links_and_no_dead_button(browser: Browser, base_url: str):
    context = browser.new_context(base_url=base_url, locale="vi-VN", java_script_enabled=False)
    page = context.new_page()
    open_top_story(page)

    share = page.locator(".share")
    expect(share.get_by_role("link", name="Facebook")).to_be_visible()
    expect(share.get_by_role("link", name="Zalo")).to_be_visible()
    expect(share.get_by_role("button")).to_be_hidden()
    context.close()
