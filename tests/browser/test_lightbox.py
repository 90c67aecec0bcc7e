"""A reader opens a seeded photo story's lightbox with the keyboard; without JavaScript, plain links."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

FIRST_PHOTO = ".gallery [data-lightbox-item] >> nth=0"


def open_photo_story(page: Page, *, scripted: bool = True) -> int:
    """From the "Phóng sự ảnh" section to its newest story; returns how many photos it has."""
    page.goto("/phong-su-anh/")
    expect(page.locator(".teaser__count").first).to_have_text(re.compile(r"^\d+ ảnh$"))
    page.locator(".teaser__title a").first.click()
    links = page.locator(".gallery [data-lightbox-item]")
    expect(links.first).to_be_visible()
    if scripted:
        expect(page.locator("[data-lightbox][data-lightbox-ready]")).to_be_attached()
    return links.count()


def tab_to_first_photo(page: Page) -> None:
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.gallery [data-lightbox-item]')"):
            return
    pytest.fail("Tab never reached the first photo")


def focus_is_in_dialog(page: Page) -> bool:
    return page.evaluate("!!document.activeElement.closest('[role=dialog]')")


def test_keyboard_reader_browses_the_photos_in_an_accessible_dialog(page: Page):
    total = open_photo_story(page)
    assert total >= 2, "the seeded photo stories have galleries"
    tab_to_first_photo(page)

    page.keyboard.press("Enter")

    expect(page.get_by_role("dialog", name=f"Ảnh 1/{total}")).to_be_visible()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_have_attribute("aria-modal", "true")
    assert focus_is_in_dialog(page)
    for name in ("Đóng khung xem ảnh", "Ảnh trước", "Ảnh tiếp theo"):
        expect(dialog.get_by_role("button", name=name)).to_be_visible()
    href = page.locator(FIRST_PHOTO).get_attribute("href")
    expect(dialog.locator("img")).to_have_attribute("src", re.compile(re.escape(href) + "$"))

    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("dialog", name=f"Ảnh 2/{total}")).to_be_visible()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(dialog.locator(".lightbox__counter")).to_have_text(f"Ảnh {total}/{total}")

    for key in ["Tab"] * 5 + ["Shift+Tab"] * 5:
        page.keyboard.press(key)
        assert focus_is_in_dialog(page), f"focus left the dialog after {key}"

    page.keyboard.press("Escape")
    expect(page.locator(".lightbox")).to_be_hidden()
    assert page.evaluate("document.activeElement === document.querySelector('.gallery [data-lightbox-item]')")


def test_mouse_reader_opens_a_photo_and_closes_with_the_button(page: Page):
    total = open_photo_story(page)
    page.locator(".gallery [data-lightbox-item]").nth(1).click()

    dialog = page.get_by_role("dialog")
    expect(dialog.locator(".lightbox__counter")).to_have_text(f"Ảnh 2/{total}")
    dialog.get_by_role("button", name="Ảnh tiếp theo").click()
    expect(dialog.locator(".lightbox__counter")).to_have_text(
        f"Ảnh 3/{total}" if total >= 3 else f"Ảnh 1/{total}"
    )
    dialog.get_by_role("button", name="Đóng khung xem ảnh").click()
    expect(page.locator(".lightbox")).to_be_hidden()
    assert page.evaluate(
        "document.activeElement === document.querySelectorAll('.gallery [data-lightbox-item]')[1]"
    )


def test_without_javascript_the_photos_are_a_plain_list_of_links(
    browser: Browser, browser_context_args: dict, base_url: str
):
    context = browser.new_context(
        **{**browser_context_args, "java_script_enabled": False, "base_url": base_url}
    )
    page = context.new_page()
    open_photo_story(page, scripted=False)

    expect(page.locator("[role=dialog]")).to_have_count(0)
    first = page.locator(FIRST_PHOTO)
    href = first.get_attribute("href")
    assert href and href.startswith("/media/") and href.endswith(".jpg")
    first.click()
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    context.close()


def test_editor_drags_a_photo_to_the_top_and_the_story_shows_the_new_order(
    browser: Browser, browser_context_args: dict, base_url: str, demo_credentials: dict
):
    """The back-office side of the same galleries: drag and drop posts the order at once (own context)."""
    context = browser.new_context(**{**browser_context_args, "base_url": base_url})
    page = context.new_page()
    page.goto("/phong-su-anh/")
    story = page.locator(".layout__main .teaser__title a").nth(1)
    story_path = story.get_attribute("href")
    article_id = re.search(r"-(\d+)\.html$", story_path).group(1)
    page.goto("/admin/login")
    email, password = demo_credentials["editor"]
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto(f"/admin/articles/{article_id}/gallery")
    expect(page.locator("[data-gallery-ready]")).to_be_attached()
    items = page.locator("[data-item-id]")
    second_caption = items.nth(1).locator("textarea").input_value()
    items.nth(1).locator(".gallery-admin__handle").drag_to(items.nth(0).locator(".gallery-admin__thumb"))

    expect(page.locator("[data-gallery-status]")).to_have_text("Đã lưu thứ tự mới.")
    page.goto(story_path)
    expect(page.locator(".gallery__caption").first).to_have_text(second_caption)
    context.close()
