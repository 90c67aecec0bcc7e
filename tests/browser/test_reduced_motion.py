"""A reader who asked their system for less motion gets none: no CSS animation or transition longer than
0.01 s and no smooth scrolling on the public pages and in the lightbox (Chromium's reduced-motion
emulation)."""

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser

LIMIT_SECONDS = 0.01
PAGES = ["/", "/phong-su-anh/", "/tim-kiem?q=phường", "/tim-kiem?q=khongcoketqua", "/khong-co-trang-nay"]

# The longest animation/transition any element (and its ::before/::after) may run, and the running animations.
MOTION = """() => {
  const seconds = (value) => Math.max(0, ...value.split(",").map((part) =>
    part.trim().endsWith("ms") ? parseFloat(part) / 1000 : parseFloat(part) || 0));
  let longest = 0, elements = 0;
  for (const element of document.querySelectorAll("*")) {
    elements += 1;
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(element, pseudo);
      const runs = (duration, delay) => seconds(duration) + seconds(delay);
      longest = Math.max(longest, runs(style.animationDuration, style.animationDelay),
                         runs(style.transitionDuration, style.transitionDelay));
    }
  }
  const running = document.getAnimations().map((a) => a.effect.getComputedTiming().duration)
    .filter((ms) => ms === Infinity || ms > 10).length;
  return {longest, elements, running, scroll: getComputedStyle(document.documentElement).scrollBehavior};
}"""


@pytest.fixture
def calm(browser: Browser, base_url: str):
    context = browser.new_context(base_url=base_url, reduced_motion="reduce", locale="vi-VN")
    yield context.new_page()
    context.close()


def assert_still(page: Page, where: str, measured: list) -> None:
    motion = page.evaluate(MOTION)
    measured.append(motion["elements"])
    assert motion["longest"] <= LIMIT_SECONDS, (where, motion)
    assert motion["running"] == 0, (where, motion)
    assert motion["scroll"] == "auto", (where, motion)


# A transition a future stylesheet might add (inline, as the Content-Security-Policy allows): its duration.
ADDED_TRANSITION = """() => {
  document.body.style.transition = "opacity 2s ease 1s";
  return getComputedStyle(document.body).transitionDuration;
}"""


def test_reduced_motion_stops_animation_transitions_and_smooth_scrolling(calm: Page, figures):
    measured: list[int] = []
    for path in PAGES:
        calm.goto(path)
        assert_still(calm, path, measured)
    calm.goto("/phong-su-anh/")
    calm.locator(".teaser__title a").first.click()
    assert_still(calm, "photo story", measured)
    calm.locator(".gallery [data-lightbox-item]").first.click()
    expect(calm.get_by_role("dialog")).to_be_visible()
    assert_still(calm, "lightbox", measured)
    calm.keyboard.press("ArrowRight")
    assert_still(calm, "lightbox, next photo", measured)
    assert float(calm.evaluate(ADDED_TRANSITION).removesuffix("s")) <= LIMIT_SECONDS
    figures(
        f"reduced motion: {len(measured)} views, {sum(measured)} elements, "
        "0 animations or transitions > 0.01 s"
    )


def test_without_the_preference_pages_scroll_smoothly_and_transitions_run(page: Page):
    """The control case: the emulation is what removes the motion, so the test above can fail."""
    page.emulate_media(reduced_motion="no-preference")
    page.goto("/")
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "smooth"
    assert page.evaluate(ADDED_TRANSITION) == "2s"
