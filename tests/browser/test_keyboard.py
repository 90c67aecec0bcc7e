"""Keyboard-only journeys in Chromium: after the first page.goto only keys are pressed, never the mouse.

At every Tab stop the focused element must show a focus indicator (an outline, or a box-shadow or border
that differs from the same element unfocused) and be on screen; after every key press focus must be on an
element, not lost to <body> (page loads excepted), and Tab must always move on (no trap outside dialogs).
Each journey records its figures: key presses, focus stops checked, invisible stops and lost focus (both 0).
"""

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sqlalchemy import select

from app.articles.models import Article
from app.articles.queries import public_articles
from app.captcha.models import CaptchaChallenge
from app.extensions import db

pytestmark = pytest.mark.browser

TITLE = "Bàn phím là đủ để viết bài"
LEAD = "Một bài viết soạn hoàn toàn bằng bàn phím."
SECTION = "Chuyển đổi số"

# The focused element's indicator; without an outline, compared with a shallow unfocused copy of itself.
FOCUS_STATE = """async () => {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  // Date and media controls hold several Tab stops (day, month, year; play, volume) in one element.
  const segmented = /^(date|datetime-local|time|month|week)$/.test(element.type || "")
    || element instanceof HTMLMediaElement;
  const same = element === window.__keyboardLast && !segmented;
  window.__keyboardLast = element;
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1
    && !/rgba\\(.*, 0\\)$/.test(style.outlineColor);
  let changed = false;
  if (!outline && element.parentNode) {
    const copy = element.cloneNode(false);
    copy.removeAttribute("id");
    copy.removeAttribute("name");
    copy.setAttribute("tabindex", "-1");
    copy.style.position = "absolute";
    copy.style.visibility = "hidden";
    element.parentNode.insertBefore(copy, element.nextSibling);
    const plain = getComputedStyle(copy);
    changed = ["boxShadow", "borderTopColor", "borderTopWidth", "backgroundColor"].some(
      (name) => plain[name] !== style[name]);
    copy.remove();
  }
  // The site scrolls smoothly: give the scroll that brings the focused element into view up to a second.
  let onScreen = false;
  for (let frame = 0; frame < 60 && !onScreen; frame++) {
    if (frame) await new Promise((resolve) => requestAnimationFrame(resolve));
    const box = element.getBoundingClientRect();
    onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < window.innerHeight && box.left < window.innerWidth;
  }
  const name = (element.getAttribute("aria-label") || element.textContent || element.name || "").trim();
  const classes = typeof element.className === "string" ? element.className.trim().split(/ +/) : [];
  return {
    describe: [
      element.tagName.toLowerCase(), element.id && "#" + element.id, classes.length && "." + classes[0],
      JSON.stringify(name.slice(0, 40)), "outline: " + style.outline,
    ].filter(Boolean).join(" "),
    indicator: outline || changed,
    onScreen: onScreen,
    same: same,
  };
}"""


class Journey:
    """One keyboard-only journey: presses keys, checks every focus stop, counts what it saw."""

    def __init__(self, page: Page, name: str):
        self.page = page
        self.name = name
        self.presses = 0
        self.stops = 0
        self.invisible: list[str] = []
        self.lost: list[str] = []
        self.trapped: list[str] = []

    def press(self, key: str, *, loads: bool = False) -> None:
        """Press a key; `loads` when it leads to another page (focus starts on <body> there)."""
        self.presses += 1
        if loads:
            with self.page.expect_navigation():
                self.page.keyboard.press(key)
            self.page.wait_for_load_state("load")
            return
        self.page.keyboard.press(key)
        state = self.focus_state(key)
        if state and key in ("Tab", "Shift+Tab"):
            self.stops += 1
            if not (state["indicator"] and state["onScreen"]):
                self.invisible.append(f"{self.page.url} {state['describe']} on screen: {state['onScreen']}")
            if state["same"] and not self.in_dialog():
                self.trapped.append(f"{self.page.url} {state['describe']}")

    def type(self, text: str) -> None:
        self.presses += len(text)
        self.page.keyboard.type(text)
        self.focus_state(f"typing {text!r}")

    def focus_state(self, after: str) -> dict | None:
        """The focused element's state; a focus move made by script gets a moment before it counts as lost."""
        state = self.page.evaluate(FOCUS_STATE)
        if state is None:
            try:
                self.page.wait_for_function(
                    "document.activeElement && document.activeElement !== document.body", timeout=2000
                )
            except PlaywrightTimeout:
                self.lost.append(f"{self.page.url} after {after}")
                return None
            state = self.page.evaluate(FOCUS_STATE)
        return state

    def in_dialog(self) -> bool:
        return self.page.evaluate("!!document.activeElement.closest('[role=dialog]')")

    def focused(self, selector: str) -> bool:
        return self.page.evaluate(
            "s => !!document.activeElement && document.activeElement.matches(s)", selector
        )

    def tab_to(self, selector: str, *, limit: int = 150) -> None:
        """Tab until the element matching `selector` has focus."""
        for _ in range(limit):
            self.press("Tab")
            if self.focused(selector):
                return
        pytest.fail(f"{self.name}: {limit} Tab presses never reached {selector} on {self.page.url}")

    def record(self, figures: Callable[[str], None]) -> None:
        figures(
            f"keyboard journey '{self.name}': {self.presses} key presses, {self.stops} focus stops checked, "
            f"{len(self.invisible)} invisible-focus stops, {len(self.lost)} lost-focus events, "
            f"{len(self.trapped)} traps"
        )

    def check(self) -> None:
        assert self.invisible == [], "focus not visible at: " + "; ".join(self.invisible)
        assert self.lost == [], "focus lost to <body>: " + "; ".join(self.lost)
        assert self.trapped == [], "Tab did not move on from: " + "; ".join(self.trapped)


@pytest.fixture
def journey(page: Page, figures) -> Iterator[Callable[..., Journey]]:
    """Starts journeys on the test's page (or another); each one's figures are recorded, then checked."""
    started: list[Journey] = []

    def start(name: str, on: Page = page) -> Journey:
        started.append(Journey(on, name))
        return started[-1]

    yield start
    for each in started:
        each.record(figures)
    for each in started:
        each.check()


def article_with_comments(live_app) -> str:
    with live_app.app_context():
        article = db.session.scalars(
            public_articles().where(Article.comments_enabled.is_(True)).limit(1)
        ).first()
        return f"/{article.section.slug}/{article.slug}-{article.id}.html"


def story_font_size(page: Page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.querySelector('.story__body')).fontSize)")


def test_the_skip_link_shows_on_the_first_tab_and_moves_focus_to_the_content(page: Page, journey):
    keys = journey("skip link")
    page.goto("/")
    keys.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert skip.evaluate("link => link.getBoundingClientRect().top") >= 0

    keys.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    keys.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("width", [1280, 375])
def test_the_main_menu_is_reached_and_followed_by_keyboard(page: Page, journey, width: int):
    page.set_viewport_size({"width": width, "height": 800})
    keys = journey(f"main menu at {width} px")
    page.goto("/")
    links = page.locator(".main-nav a")
    total = links.count()
    assert total >= 4
    keys.tab_to(".main-nav a")
    for index in range(1, total):
        keys.press("Tab")
        expect(links.nth(index)).to_be_focused()
        expect(links.nth(index)).to_be_in_viewport()
    for index in range(total - 2, 0, -1):
        keys.press("Shift+Tab")
        expect(links.nth(index)).to_be_focused()
    name = links.nth(1).inner_text()
    keys.press("Enter", loads=True)
    expect(page.locator(".main-nav a[aria-current=page]")).to_have_text(name)
    keys.tab_to(".main-nav a[aria-current=page]")


def test_a_reader_searches_and_opens_the_first_result_by_keyboard(page: Page, journey):
    keys = journey("search")
    page.goto("/")
    keys.tab_to("#site-search-q")
    keys.type("chuyen doi so")
    keys.press("Enter", loads=True)
    expect(page).to_have_url(re.compile(r"/tim-kiem\?q=chuyen\+doi\+so"))
    first = page.locator(".search-result__title a").first
    title = first.inner_text()
    keys.tab_to(".search-result__title a")
    expect(first).to_be_focused()
    keys.press("Enter", loads=True)
    expect(page.locator("h1.story__title")).to_have_text(title)


def test_a_reader_opens_an_article_and_enlarges_its_text_by_keyboard(page: Page, journey):
    keys = journey("reading and text size")
    page.goto("/")
    keys.tab_to("main .teaser__title a")
    title = page.evaluate("document.activeElement.textContent.trim()")
    keys.press("Enter", loads=True)
    expect(page.locator("h1.story__title")).to_have_text(title)
    tools = page.locator(".story__tools")
    expect(tools).to_be_visible()
    expect(tools).to_have_attribute("role", "group")

    normal = story_font_size(page)
    keys.tab_to(".story__tools [data-font-step='1']")
    keys.press("Enter")
    keys.press("Space")
    larger = story_font_size(page)
    assert larger > normal
    keys.press("Shift+Tab")
    keys.press("Enter")
    assert normal < story_font_size(page) < larger
    expect(page.locator(".story__tools [role=status]")).to_contain_text(re.compile(r"\d+ ?%"))
    remembered = story_font_size(page)

    # The next article the reader opens keeps the chosen size (localStorage, no server state).
    keys.tab_to(".story__keywords a, .layout__main .title-list a")
    keys.press("Enter", loads=True)
    if page.locator(".story__body").count() == 0:  # a keyword page: on to its first article
        keys.tab_to("main .teaser__title a")
        keys.press("Enter", loads=True)
    assert story_font_size(page) == remembered


def test_a_reader_posts_a_comment_with_the_captcha_by_keyboard(page: Page, journey, live_app):
    keys = journey("comment with captcha")
    page.goto(article_with_comments(live_app))
    expect(page.locator("[data-comment-slot][data-ready]")).to_have_count(1)
    keys.tab_to("[data-comment-open]")
    keys.press("Enter")
    expect(page.get_by_label("Họ và tên")).to_be_focused()
    keys.type("Trần Văn Bàn Phím")
    keys.press("Tab")
    keys.type("banphim@example.vn")
    keys.press("Tab")
    expect(page.get_by_label("Ý kiến của bạn")).to_be_focused()
    keys.type("Tôi gửi ý kiến chỉ bằng bàn phím.")
    keys.press("Tab")
    expect(page.get_by_label(re.compile("^Tôi đồng ý"))).to_be_focused()
    keys.press("Space")
    expect(page.get_by_label(re.compile("^Tôi đồng ý"))).to_be_checked()

    # The audio alternative is a Tab stop of its own, and the space bar plays it.
    keys.tab_to(".captcha audio")
    audio = page.locator(".captcha audio")
    assert page.request.get(audio.get_attribute("src")).headers["content-type"].startswith("audio/")
    keys.press("Space")
    expect(audio).to_have_js_property("paused", False)
    keys.press("Space")

    # "Another code" by keyboard: a new picture and sound, focus back in the answer box.
    old_token = page.locator("input[name=captcha_token]").input_value()
    keys.tab_to("[data-captcha-refresh]")
    keys.press("Enter")
    expect(page.locator("input[name=captcha_token]")).not_to_have_value(old_token)
    expect(page.locator("#captcha_answer")).to_be_focused()
    page.wait_for_timeout(1000)  # the form refuses what is sent faster than a person types
    keys.type("00000x")
    keys.press("Enter")
    expect(page.locator("#captcha_answer-error")).to_be_visible()
    expect(page.locator("#captcha_answer")).to_be_focused()  # the first field to correct
    token = page.locator("input[name=captcha_token]").input_value()
    with live_app.app_context():
        answer = db.session.get(CaptchaChallenge, token).answer
    keys.type(answer)
    keys.press("Enter")  # sends the comment (not "another code", the first submit button in the form)
    posted = page.locator("[data-comment-posted]")
    expect(posted).to_have_text("Bình luận của bạn đang chờ duyệt.")
    expect(posted).to_be_focused()


def test_on_the_comment_page_enter_sends_rather_than_changing_the_code(page: Page, journey, live_app):
    """The page a reader reaches without the in-place form: Enter still means "send"."""
    keys = journey("comment page: Enter sends")
    path = article_with_comments(live_app)
    article_id = re.search(r"-(\d+)\.html$", path).group(1)
    page.goto(f"/bai-viet/{article_id}/binh-luan")
    keys.tab_to("#captcha_answer")
    keys.type("123456")
    keys.press("Enter", loads=True)
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#author_name")).to_have_attribute("aria-invalid", "true")


def test_a_reader_browses_a_photo_story_in_the_lightbox_by_keyboard(page: Page, journey):
    keys = journey("photo story lightbox")
    page.goto("/phong-su-anh/")
    keys.tab_to("main .teaser__title a")
    keys.press("Enter", loads=True)
    expect(page.locator("[data-lightbox][data-lightbox-ready]")).to_be_attached()
    photos = page.locator(".gallery [data-lightbox-item]")
    total = photos.count()
    assert total >= 2
    keys.tab_to(".gallery [data-lightbox-item]")
    keys.press("Tab")
    opener = 1  # the second photo
    expect(photos.nth(opener)).to_be_focused()

    keys.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".lightbox__counter")).to_have_text(f"Ảnh {opener + 1}/{total}")
    assert keys.in_dialog()
    keys.press("ArrowRight")
    expect(dialog.locator(".lightbox__counter")).to_have_text(f"Ảnh {(opener + 1) % total + 1}/{total}")
    keys.press("ArrowLeft")
    expect(dialog.locator(".lightbox__counter")).to_have_text(f"Ảnh {opener + 1}/{total}")
    seen = set()
    for key in ["Tab"] * 4 + ["Shift+Tab"] * 4:
        keys.press(key)
        assert keys.in_dialog(), f"focus left the dialog after {key}"
        seen.add(page.evaluate("document.activeElement.className"))
    assert len(seen) == 3, "Tab cycles through the close, previous and next buttons"

    keys.press("Escape")
    expect(page.locator(".lightbox")).to_be_hidden()
    expect(photos.nth(opener)).to_be_focused()
    keys.press("Shift+Tab")
    expect(photos.nth(0)).to_be_focused()


def test_staff_write_and_submit_an_article_then_moderate_a_comment_by_keyboard(
    new_context, journey, demo_credentials: dict, live_app
):
    def log_in(keys: Journey, role: str) -> None:
        email, password = demo_credentials[role]
        keys.page.goto("/admin/login")
        keys.tab_to("input[name=email]")
        keys.type(email)
        keys.press("Tab")
        keys.type(password)
        keys.press("Enter", loads=True)
        expect(keys.page).to_have_url(re.compile(r"/admin/$"))

    context: BrowserContext = new_context()
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # an unsaved-changes warning, should one come
    keys = journey("back office: write and submit an article", page)
    log_in(keys, "contributor")
    keys.tab_to("a[href$='/admin/articles/new']")
    keys.press("Enter", loads=True)
    expect(page.locator("#title")).to_be_visible()
    expect(page.locator(".sun-editor .sun-editor-editable")).to_be_visible()

    keys.tab_to("#title")
    keys.type(TITLE)
    keys.tab_to("#lead")
    keys.type(LEAD)
    keys.tab_to(".sun-editor-editable")
    keys.type("Đoạn đầu tiên của bài.")
    keys.press("Enter")
    keys.type("Đoạn thứ hai.")
    keys.press("Tab")  # Tab leaves the editor: it does not trap the keyboard by indenting
    assert not keys.focused(".sun-editor-editable")
    keys.tab_to("#section_id")
    for _ in range(30):
        if page.evaluate("document.activeElement.selectedOptions[0].text.trim()") == SECTION:
            break
        keys.press("ArrowDown")
    assert page.evaluate("document.activeElement.selectedOptions[0].text.trim()") == SECTION
    keys.tab_to("button[value=submit]")
    keys.press("Enter", loads=True)
    expect(page.locator(".flash--success")).to_have_text("Bài viết đã được gửi duyệt.")
    row = page.locator(".article-list tbody tr", has_text=TITLE)
    expect(row.locator(".badge")).to_have_text("Chờ duyệt")
    with live_app.app_context():
        written = db.session.scalars(select(Article).where(Article.title == TITLE)).one()
        assert (written.section.name, written.lead) == (SECTION, LEAD)
        assert "<p>Đoạn đầu tiên của bài.</p><p>Đoạn thứ hai.</p>" in written.body

    editor_page = new_context().new_page()
    moderation = journey("back office: moderate a comment", editor_page)
    log_in(moderation, "editor")
    moderation.tab_to("a.dashboard-comments__pending")
    moderation.press("Enter", loads=True)
    first_row = editor_page.locator(".comment-list tbody tr").first
    row_id = first_row.get_attribute("id")
    expect(first_row.locator(".comment-status")).to_have_text("Chờ duyệt")
    moderation.tab_to(f"#{row_id} button[value=approve]")
    moderation.press("Enter", loads=True)
    expect(editor_page.locator(".flash--success")).to_be_visible()
    expect(editor_page.locator(f"#{row_id}")).to_have_count(0)
