"""A citizen reading the demo site in Chromium: home → article → keyword, text size, printing, phones, 404."""

import re
from datetime import datetime

import pytest
from playwright.sync_api import Page, expect

from app.demo.seed import SITE

pytestmark = pytest.mark.browser

VN_DATETIME = re.compile(r"^\d{2}:\d{2} \d{2}/\d{2}/\d{4}$")


def open_top_story(page: Page) -> str:
    """Go home, click the first top story and return its title as the link showed it."""
    page.goto("/")
    link = page.locator(".top-stories .teaser__title a").first
    title = (link.text_content() or "").strip()
    link.click()
    expect(page.locator("h1")).to_have_text(title)
    return title


def test_reader_follows_the_top_story_to_its_keyword_page(page: Page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page).to_have_title(SITE["site_name"])

    title = open_top_story(page)
    article_path = page.evaluate("location.pathname")
    date = page.locator(".story__date")
    expect(date).to_have_text(VN_DATETIME)
    published = datetime.fromisoformat(date.get_attribute("datetime"))
    assert published.utcoffset().total_seconds() == 7 * 3600, "dates are shown in Vietnam's time zone"
    expect(date).to_have_text(published.strftime("%H:%M %d/%m/%Y"))
    expect(page.locator("nav.breadcrumb a[href='/']")).to_be_visible()

    keyword_links = page.locator("#story a[href*='/tu-khoa/']")
    expect(keyword_links.first).to_be_visible()
    keyword = (keyword_links.first.text_content() or "").strip()
    keyword_links.first.click()

    expect(page).to_have_url(re.compile(r"/tu-khoa/"))
    expect(page.locator("h1")).to_contain_text(keyword)
    expect(page.locator(f"main .teaser__title a[href='{article_path}']")).to_have_text(title)


def test_larger_text_button_enlarges_the_article_body(page: Page):
    open_top_story(page)
    body = page.locator(".story__body")
    before = float(body.evaluate("element => parseFloat(getComputedStyle(element).fontSize)"))

    page.locator(".story__tools").get_by_text("A+", exact=True).click()

    after = float(body.evaluate("element => parseFloat(getComputedStyle(element).fontSize)"))
    assert after > before


def test_printed_article_leaves_out_the_sidebar(page: Page):
    open_top_story(page)
    sidebar = page.locator(".sidebar")
    expect(sidebar).to_be_visible()

    page.emulate_media(media="print")

    expect(sidebar).to_be_hidden()
    expect(page.locator(".story__body")).to_be_visible()


@pytest.mark.browser_context_args(viewport={"width": 390, "height": 844})
def test_home_page_fits_a_phone_screen_without_sideways_scrolling(page: Page):
    page.goto("/")
    expect(page.locator(".top-stories")).to_be_visible()
    widths = page.evaluate(
        "() => ({scroll: document.scrollingElement.scrollWidth, viewport: window.innerWidth})"
    )
    assert widths["viewport"] == 390
    assert widths["scroll"] <= widths["viewport"], widths


def test_unknown_address_shows_the_not_found_page(page: Page):
    response = page.goto("/trang-khong-ton-tai")

    assert response is not None
    assert response.status == 404
    expect(page.locator(".error-page__code")).to_have_text("404")
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("main a[href='/']")).to_be_visible()
