"""An editor pins an older story as the top story in Chromium, and a reader sees it lead the home page."""

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Page, expect

from app.curation.home import TOP_STORY_SLOT, unpick
from tests.browser.staff import log_in

pytestmark = pytest.mark.browser

# A demo story from three months ago, neither featured nor among the latest.
TITLE = "Chợ truyền thống Hòa Nghĩa hoàn thành cải tạo, tiểu thương phấn khởi trở lại buôn bán ổn định"
HERO_TITLE = ".top-stories .teaser--hero .teaser__title a"


@pytest.fixture
def restored_home(live_app: Flask) -> Iterator[None]:
    """The live server is shared by every browser test: give the top slot back to the latest stories
    even when the test stops half way."""
    yield
    with live_app.app_context():
        unpick(TOP_STORY_SLOT, actor=None)


def test_an_editor_pins_an_older_story_as_the_top_story_and_readers_see_it_first(
    page: Page, new_context, demo_credentials, restored_home
):
    reader = new_context().new_page()
    reader.goto("/")
    automatic_top = (reader.locator(HERO_TITLE).text_content() or "").strip()
    assert automatic_top and automatic_top != TITLE

    log_in(page, *demo_credentials["editor"])
    page.goto("/admin/home/")
    slot = page.locator("#slot-0")
    expect(slot).to_contain_text("Tự động: bài mới nhất")
    slot.get_by_role("searchbox").fill("cho truyen thong hoa nghia")
    slot.get_by_role("button", name="Tìm kiếm").click()
    slot = page.locator("#slot-0")
    slot.get_by_label(TITLE).check()
    slot.get_by_role("button", name=re.compile("^Đặt vào vị trí này")).click()

    expect(page).to_have_url(re.compile(r"/admin/home/#slot-0$"))
    expect(page.locator(".flashes")).to_contain_text(TITLE)
    expect(page.locator("#slot-0 .home-slot__pick")).to_contain_text(TITLE)

    reader.reload()
    expect(reader.locator(HERO_TITLE)).to_have_text(TITLE)
    expect(reader.locator(".top-stories .teaser__title a").first).to_have_text(TITLE)

    page.locator("#slot-0").get_by_role("button", name=re.compile("^Bỏ chọn")).click()
    expect(page.locator("#slot-0")).to_contain_text("Tự động: bài mới nhất")
    reader.reload()
    expect(reader.locator(HERO_TITLE)).to_have_text(automatic_top)
