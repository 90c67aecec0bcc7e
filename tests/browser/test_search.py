"""A reader searches from the header box in Chromium: suggestions while typing, then marked results."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_a_reader_searches_without_accents_and_sees_the_accented_words_marked(page: Page):
    page.goto("/")
    box = page.get_by_label("Tìm kiếm trên trang")
    box.press_sequentially("chuyen doi", delay=20)
    expect(page.locator("#site-search-suggestions option")).not_to_have_count(0)
    box.fill("chuyen doi so")
    box.press("Enter")

    expect(page).to_have_url(re.compile(r"/tim-kiem\?q=chuyen\+doi\+so"))
    expect(page.locator(".search-status")).to_contain_text("khớp với “chuyen doi so”")
    first = page.locator(".search-result").first
    expect(first.locator("mark").first).to_have_text(re.compile("^(chuyển|Chuyển|đổi|số)$"))
    first.locator("h2 a").click()
    expect(page.locator("h1.story__title")).to_be_visible()
