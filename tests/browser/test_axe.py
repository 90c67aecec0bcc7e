"""WCAG 2.1 AA in Chromium: an axe-core scan of every page type at phone and desktop width, full-page
screenshots of each for a person to look at, and reflow at 320 px and at 200 % zoom (no sideways scrolling).

axe-core comes from npm (package.json devDependencies, installed by `make vendor`); it is never served by
the site. The site's Content-Security-Policy blocks inline scripts, so the scan evaluates axe's source
through the DevTools protocol (page.evaluate), which the policy does not govern, instead of a script tag.
"""

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from app.articles.models import Article, ArticleFormat
from app.articles.queries import public_articles
from app.comments.models import Comment, CommentStatus
from app.extensions import db
from app.media.models import Media
from tests.browser.conftest import CSP_REPORTER
from tests.browser.staff import log_in

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE_FILE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_MISSING = "axe-core not installed: run `make vendor` (npm ci) to put it in node_modules/"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = {"serious", "critical"}
SCAN_WIDTHS = (375, 1280)
SCREENSHOTS_SAID: list[Path] = []
HEIGHT = 900


@dataclass(frozen=True)
class Target:
    """A page type and how a visitor reaches the state the scan should see."""

    name: str
    path: str
    staff: bool = False
    ready: Callable[[Page], None] | None = None


def submit_empty_comment_form(page: Page) -> None:
    page.get_by_role("button", name="Gửi bình luận").click()
    expect(page.locator("#comment-form [aria-invalid='true']").first).to_be_visible()


def search_results_shown(page: Page) -> None:
    expect(page.locator("main li h2 a").first).to_be_visible()


def no_search_results(page: Page) -> None:
    expect(page.locator("main [role=status]").first).to_be_visible()
    expect(page.locator("main li h2 a")).to_have_count(0)


def editor_loaded(page: Page) -> None:
    expect(page.locator(".sun-editor").first).to_be_visible()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's source, wrapped so that evaluating it defines window.axe in the page."""
    if not AXE_FILE.is_file():
        if os.environ.get("BANTIN_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{AXE_MISSING} (BANTIN_REQUIRE_BROWSER=1)")
        pytest.skip(AXE_MISSING)
    return "(() => {" + AXE_FILE.read_text(encoding="utf-8") + "\n})(); typeof window.axe"


def demo_targets(live_app: Flask) -> dict[str, Target]:
    """Every page type, found in the seeded demo database (one article of each format it publishes)."""
    with live_app.app_context():
        articles = {}
        for article_format in ArticleFormat:
            article = db.session.scalars(
                public_articles().where(Article.format == article_format).limit(1)
            ).first()
            assert article is not None, f"the demo publishes a {article_format.value} article"
            articles[article_format.value] = (
                f"/{article.section.slug}/{article.slug}-{article.id}.html",
                article.section.slug,
            )
        commented = db.session.scalars(public_articles().where(Article.comments_enabled.is_(True))).first()
        keyword = commented.keywords[0].slug
        editable = db.session.scalars(public_articles()).first().id
        media_id = db.session.scalar(select(Media.id).order_by(Media.id))
        assert db.session.scalar(select(Comment.id).where(Comment.status == CommentStatus.PENDING))
    pages = [
        Target("home", "/"),
        Target("section", f"/{articles['standard'][1]}/"),
        *(Target(f"article-{name}", path) for name, (path, _section) in articles.items()),
        Target("keyword", f"/tu-khoa/{keyword}"),
        Target("search-results", "/tim-kiem?q=ph%C6%B0%E1%BB%9Dng", ready=search_results_shown),
        Target("search-none", "/tim-kiem?q=zzqxwvkhongcoketqua", ready=no_search_results),
        Target("campaign", "/phong-trao/chung-tay-xay-dung-quan-an-phu-so"),
        Target("exemplary-index", "/dien-hinh-tien-tien/"),
        Target("comment-errors", f"/bai-viet/{commented.id}/binh-luan", ready=submit_empty_comment_form),
        Target("not-found", "/trang-khong-ton-tai"),
        Target("admin-login", "/admin/login"),
        Target("admin-dashboard", "/admin/", staff=True),
        Target("admin-articles", "/admin/articles/", staff=True),
        Target("admin-editor-new", "/admin/articles/new", staff=True, ready=editor_loaded),
        Target("admin-editor-edit", f"/admin/articles/{editable}/edit", staff=True, ready=editor_loaded),
        Target("admin-media", "/admin/media/", staff=True),
        Target("admin-media-item", f"/admin/media/{media_id}", staff=True),
        Target("admin-comments", "/admin/comments/", staff=True),
    ]
    return {target.name: target for target in pages}


PAGE_NAMES = [
    "home",
    "section",
    *(f"article-{article_format.value}" for article_format in ArticleFormat),
    "keyword",
    "search-results",
    "search-none",
    "campaign",
    "exemplary-index",
    "comment-errors",
    "not-found",
    "admin-login",
    "admin-dashboard",
    "admin-articles",
    "admin-editor-new",
    "admin-editor-edit",
    "admin-media",
    "admin-media-item",
    "admin-comments",
]


@pytest.fixture(scope="session")
def screenshots(pytestconfig) -> Path:
    """test-results/screenshots/ (git-ignored), inside pytest-playwright's output folder (--output), which
    it empties when a session starts: the folder holds the last run's pictures."""
    return Path(pytestconfig.getoption("--output")).absolute() / "screenshots"


@pytest.fixture(scope="session")
def targets(live_app: Flask) -> dict[str, Target]:
    found = demo_targets(live_app)
    assert sorted(found) == sorted(PAGE_NAMES)
    return found


@pytest.fixture(scope="session")
def staff_cookies(browser: Browser, base_url: str, demo_credentials) -> list:
    """One administrator sign-in through the real form, shared by every back-office page."""
    context = browser.new_context(base_url=base_url, locale="vi-VN")
    try:
        page = context.new_page()
        log_in(page, *demo_credentials["admin"])
        return context.cookies()
    finally:
        context.close()


def open_target(page: Page, target: Target, staff_cookies: list) -> None:
    if target.staff:
        page.context.add_cookies(staff_cookies)
    response = page.goto(target.path)
    assert response is not None
    assert response.status == (404 if target.name == "not-found" else 200), target.path
    if target.ready:
        target.ready(page)
    page.wait_for_load_state("networkidle")


def axe_scan(page: Page, axe_source: str) -> list[dict]:
    """The violations axe finds in the page as it is now, with the nodes reduced to their selectors."""
    assert page.evaluate(axe_source) == "object"
    return page.evaluate(
        """async (tags) => {
          const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                                  resultTypes: ["violations"]});
          return result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => ({target: n.target.join(" "),
                                        why: n.failureSummary.split("\\n")[1]}))}));
        }""",
        AXE_TAGS,
    )


def blocking(violations: list[dict]) -> list[dict]:
    """Serious and critical violations, SunEditor's toolbar included (editor.js names its list arrows)."""
    return [violation for violation in violations if violation["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']}: {violation['id']} ({violation['help']})")
        lines.extend(f"    {node['target']}  {node['why']}" for node in violation["nodes"][:5])
    return "\n".join(lines)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_has_no_serious_or_critical_axe_violation(
    page: Page, targets, staff_cookies, axe_source, screenshots: Path, figures, name: str
):
    target = targets[name]
    page.set_viewport_size({"width": SCAN_WIDTHS[0], "height": HEIGHT})
    open_target(page, target, staff_cookies)
    failures = []
    for width in SCAN_WIDTHS:
        page.set_viewport_size({"width": width, "height": HEIGHT})
        violations = axe_scan(page, axe_source)
        found = blocking(violations)
        failures += found
        counts = Counter(violation["impact"] for violation in violations)
        nodes = Counter(violation["impact"] for violation in violations for _node in violation["nodes"])
        shown = ", ".join(f"{impact} {counts[impact]} ({nodes[impact]} nodes)" for impact in sorted(counts))
        figures(
            f"axe {name} @{width}px: {len(found)} serious/critical; all impacts: {shown or 'no violations'}"
        )
        print(f"axe {name} @{width}px:\n{describe(violations)}")
        screenshots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=screenshots / f"{name}-{width}.png", full_page=True)
    print(f"screenshots: {screenshots}/{name}-*.png")
    if not SCREENSHOTS_SAID:  # once per run, with the other figures, so CI's log says where they are
        SCREENSHOTS_SAID.append(screenshots)
        figures(f"screenshots (full page, 375 and 1280 px): {screenshots}/<page>-<px>.png")
    assert failures == [], describe(failures)


# The reflow check: how wide the document is, which elements reach past the viewport, and which horizontal
# scroll regions the page has. Only an element inside a scroll region (overflow-x auto or scroll) may be wider
# than the viewport: the region itself fits and the reader swipes inside it, as in the back office's data
# tables (.table-wrap), whose columns cannot shrink to 320 px without breaking every word.
OVERFLOW = """() => {
  const limit = window.innerWidth + 1;
  const scrollsSideways = (element) => ["auto", "scroll"].includes(getComputedStyle(element).overflowX);
  const inRegion = (element) => {
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      if (scrollsSideways(up)) return true;
    }
    return false;
  };
  const name = (element) => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
    + (element.classList.length ? "." + [...element.classList].join(".") : "");
  const wide = [];
  const regions = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    const region = scrollsSideways(element) && element.scrollWidth > element.clientWidth + 1;
    if (region) regions.push(name(element));
    if (box.width === 0 || box.right <= limit || inRegion(element)) continue;
    wide.push(`${name(element)} reaches ${Math.round(box.right)}px`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
          ratio: window.devicePixelRatio, wide: wide.slice(0, 8), regions: regions};
}"""


def reflow(page: Page) -> dict:
    page.wait_for_timeout(100)  # let the layout settle after the viewport change
    return page.evaluate(OVERFLOW)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_reflows_at_320px_and_at_200_percent_zoom(
    page: Page, browser: Browser, browser_context_args, targets, staff_cookies, figures, name: str
):
    target = targets[name]
    page.set_viewport_size({"width": 320, "height": 640})
    open_target(page, target, staff_cookies)
    narrow = reflow(page)

    # 200 % zoom of a 1280 px window: the page lays out in 640 CSS px drawn with 2 device pixels each.
    zoomed_context = browser.new_context(
        **{**browser_context_args, "viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}
    )
    try:
        zoomed = zoomed_context.new_page()
        zoomed.add_init_script(CSP_REPORTER)
        blocked = []
        zoomed.on(
            "console",
            lambda message: blocked.append(message.text) if "Content Security" in message.text else None,
        )
        open_target(zoomed, target, staff_cookies)
        at_200 = reflow(zoomed)
    finally:
        zoomed_context.close()

    figures(
        f"reflow {name}: 320px → scrollWidth {narrow['scrollWidth']}/{narrow['innerWidth']}, "
        f"200% zoom → {at_200['scrollWidth']}/{at_200['innerWidth']} (×{at_200['ratio']}); "
        f"sideways scroll regions: {sorted(set(narrow['regions'] + at_200['regions'])) or 'none'}"
    )
    assert blocked == []
    assert at_200["innerWidth"] == 640 and at_200["ratio"] == 2
    for measured in (narrow, at_200):
        assert measured["scrollWidth"] <= measured["innerWidth"] + 1, measured
        assert measured["wide"] == [], measured


# WCAG 1.4.11 (non-text contrast), which axe does not check: the edge that shows where a text field is
# (its border, or its own background against the page), and the focus indicator of every focusable
# element, against the colour behind them, at 3:1 at least. Buttons are known by their text (axe checks
# its contrast); checkboxes and radios are drawn by Chromium.
NON_TEXT_CONTRAST = """() => {
  const rgba = (text) => {
    const [r, g, b, a = 1] = text.match(/[\\d.]+/g).map(Number);
    return {r, g, b, a};
  };
  const channel = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const luminance = ({r, g, b}) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const ratio = (x, y) => {
    const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (a + 0.05) / (b + 0.05);
  };
  const behind = (element) => {
    for (let up = element; up; up = up.parentElement) {
      const colour = rgba(getComputedStyle(up).backgroundColor);
      if (colour.a > 0.5) return colour;
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.name ? `[name=${e.name}]` : "")
    + (e.parentElement.className ? ` in .${e.parentElement.className.split(" ")[0]}` : "")
    + (e.textContent.trim() ? ` "${e.textContent.trim().slice(0, 20)}"` : "");
  const shown = (e) => {
    const box = e.getBoundingClientRect();
    // 8 px at least: SunEditor's 1-px helper input, which only holds the caret, is no component to find.
    return box.width >= 8 && box.height >= 8 && getComputedStyle(e).visibility !== "hidden";
  };
  const NOT_TEXT = ["hidden", "checkbox", "radio", "submit", "button", "image", "reset", "file", "range",
    "color"];
  const fields = [...document.querySelectorAll("input, select, textarea")]
    .filter((e) => shown(e) && !NOT_TEXT.includes(e.type));
  const weakFields = [];
  for (const field of fields) {
    const style = getComputedStyle(field);
    const around = behind(field.parentElement);
    const edge = Math.max(
      style.borderTopStyle === "none" ? 0 : ratio(rgba(style.borderTopColor), around),
      style.borderBottomStyle === "none" ? 0 : ratio(rgba(style.borderBottomColor), around),
      ratio(behind(field), around));
    if (edge < 3) weakFields.push(`${name(field)} ${edge.toFixed(2)}:1`);
  }
  const FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]";
  const focusable = [...document.querySelectorAll(FOCUSABLE)]
    .filter((e) => shown(e) && e.tabIndex >= 0 && !e.disabled && e.type !== "hidden");
  const weakFocus = [];
  for (const element of focusable) {
    element.focus({preventScroll: true});
    if (document.activeElement !== element) continue;
    const style = getComputedStyle(element);
    // No outline: focus is shown another way (box-shadow, border), which test_keyboard.py checks.
    if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) === 0) continue;
    const contrast = ratio(rgba(style.outlineColor), behind(element.parentElement));
    if (contrast < 3) weakFocus.push(`${name(element)} ${contrast.toFixed(2)}:1`);
  }
  if (document.activeElement) document.activeElement.blur();
  return {fields: fields.length, weakFields, focusable: focusable.length, weakFocus};
}"""


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_fields_and_focus_indicators_stand_out_at_3_to_1(
    page: Page, targets, staff_cookies, figures, name: str
):
    page.set_viewport_size({"width": SCAN_WIDTHS[1], "height": HEIGHT})
    open_target(page, targets[name], staff_cookies)
    found = page.evaluate(NON_TEXT_CONTRAST)
    figures(
        f"non-text contrast {name}: {found['fields']} text fields, {len(found['weakFields'])} below 3:1; "
        f"{found['focusable']} focus indicators, {len(found['weakFocus'])} below 3:1"
    )
    assert found["weakFields"] == [] and found["weakFocus"] == [], found
