"""An article's whole life through the real back office in Chromium, by two people and then a reader.

A contributor writes it in SunEditor and submits it, an editor returns it with a reason, the contributor
fixes and resubmits it, the editor publishes it, and an anonymous visitor reads it on the public site.
Along the way the contributor slips in script (typed as text, pasted as HTML, written in the code view);
none of it may run on the public page. Only the UI is used: no database writes, no forged sessions.
"""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.staff import log_in, toolbar_button
from tests.pages import parse

pytestmark = pytest.mark.browser

TITLE = "Phường An Phú thí điểm ba dịch vụ công trực tuyến"
LEAD = "Từ tháng tới, người dân phường An Phú làm ba thủ tục hành chính hoàn toàn trên mạng."
SECTION = "Chuyển đổi số"
EXISTING_KEYWORD = ("Cải cách hành chính", "cai-cach-hanh-chinh")
NEW_KEYWORD = ("Sáng kiến đổi mới số", "sang-kien-doi-moi-so")
HEADING = "Đăng ký ngay tại nhà"
GUIDE_URL = "https://dichvucong.anphu.example/huong-dan"
REASON = "Danh sách còn thiếu thủ tục đăng ký kết hôn, đề nghị bổ sung."

SCRIPT_AS_TEXT = "<script>window.__pwned=1;alert('typed')</script>"
IMAGE_AS_TEXT = '<img src=x onerror="window.__pwned=1">'
PASTED_HTML = (
    '<p onclick="window.__pwned=1">Nội dung dán từ trang khác'
    "<script>window.__pwned=1;alert('pasted')</script>"
    '<img src="x" onerror="window.__pwned=1;alert(\'pasted\')"></p>'
)
CODE_VIEW_HTML = (
    "<p>Chèn từ mã HTML</p>"
    "<script>window.__pwned=1;alert('code view')</script>"
    '<img src="x" onerror="window.__pwned=1;alert(\'code view\')">'
    '<p><a href="javascript:window.__pwned=1" onmouseover="window.__pwned=1">Liên kết lạ</a></p>'
    '<svg onload="window.__pwned=1"></svg>'
    '<iframe src="javascript:alert(1)"></iframe>'
)


@pytest.fixture
def dialogs() -> list[str]:
    """Every JavaScript dialog any page opened during the test; there should be none."""
    return []


@pytest.fixture
def person(new_context, dialogs: list[str]) -> Callable[[], Page]:
    """A new person: a fresh browser context (own cookies) and its page, recording any dialog."""

    def open_page() -> Page:
        context: BrowserContext = new_context()
        page = context.new_page()

        def record(dialog) -> None:
            if dialog.type == "beforeunload":  # an unsaved-changes warning is the app's own, not a payload
                dialog.accept()
                return
            dialogs.append(f"{page.url}: {dialog.type} {dialog.message}")
            dialog.dismiss()

        page.on("dialog", record)
        return page

    return open_page


def body_editor(page: Page):
    editable = page.locator(".sun-editor .sun-editor-editable")
    expect(editable).to_be_visible()
    return editable


def write_first_version(page: Page) -> None:
    """Heading, bold words between plain text, a bulleted list, script typed as text, then a link."""
    body_editor(page).click()
    keyboard = page.keyboard
    keyboard.press("Control+A")
    keyboard.type(HEADING)
    toolbar_button(page, "blockStyle").click()
    page.locator(".se-list-format button[data-value=h2]").click()

    keyboard.press("End")
    keyboard.press("Enter")
    keyboard.type("Người dân ")
    toolbar_button(page, "bold").click()
    keyboard.type("không cần đến")
    toolbar_button(page, "bold").click()
    keyboard.type(" trụ sở phường.")

    keyboard.press("Enter")
    toolbar_button(page, "list_bulleted").click()
    keyboard.type("Đăng ký khai sinh")
    keyboard.press("Enter")
    keyboard.type("Đăng ký tạm trú")
    keyboard.press("Enter")
    keyboard.press("Enter")

    keyboard.type(SCRIPT_AS_TEXT)
    keyboard.press("Enter")
    keyboard.type(IMAGE_AS_TEXT)
    keyboard.press("Enter")

    keyboard.type("Xem hướng dẫn")
    keyboard.press("Shift+Home")
    toolbar_button(page, "link").click()
    page.locator(".se-modal-inner .se-input-url:visible").fill(GUIDE_URL)
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.locator("textarea[name=body]")).to_have_value(re.compile(re.escape(GUIDE_URL)))


def add_keywords(page: Page) -> None:
    """Type the start of a demo keyword, see it suggested, then list it with a brand-new one."""
    keywords = page.get_by_label("Từ khóa")
    keywords.press_sequentially("Cải cách")
    suggestion = page.locator(f"datalist option[value='{EXISTING_KEYWORD[0]}']")
    expect(suggestion).to_have_count(1)
    keywords.fill(f"{EXISTING_KEYWORD[0]}, {NEW_KEYWORD[0]}")


def open_from_queue(page: Page) -> None:
    """The editor's way in: Articles → Waiting for me → the article's title."""
    page.locator(".admin-menu").get_by_role("link", name="Bài viết").click()
    page.get_by_role("link", name=re.compile("^Chờ tôi xử lý")).click()
    row = page.locator(".article-list tbody tr", has_text=TITLE)
    expect(row.locator(".badge")).to_have_text("Chờ duyệt")
    row.get_by_role("link", name=TITLE).click()
    expect(page.get_by_label("Tiêu đề", exact=True)).to_have_value(TITLE)


def paste_html(page: Page, html: str) -> None:
    """What the browser does when HTML from another page is pasted into the editor."""
    page.evaluate(
        """html => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", "Nội dung dán từ trang khác");
            const paste = new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true});
            document.querySelector(".sun-editor-editable").dispatchEvent(paste);
        }""",
        html,
    )


def fix_and_add_hostile_html(page: Page) -> None:
    """Add the missing list item, paste HTML with handlers, then append raw script in the code view."""
    editable = body_editor(page)
    editable.locator("li", has_text="Đăng ký tạm trú").click()
    keyboard = page.keyboard
    keyboard.press("End")
    keyboard.press("Enter")
    keyboard.type("Đăng ký kết hôn")
    keyboard.press("Enter")
    keyboard.press("Enter")
    paste_html(page, PASTED_HTML)
    textarea = page.locator("textarea[name=body]")
    expect(textarea).to_have_value(re.compile("Nội dung dán từ trang khác"))
    expect(textarea).to_have_value(re.compile("Đăng ký kết hôn"))
    assert page.evaluate("typeof window.__pwned") == "undefined", "the pasted handlers ran in the editor"

    toolbar_button(page, "codeView").click()
    code = page.locator("textarea.se-code-viewer")
    expect(code).to_be_visible()
    code.fill(code.input_value() + CODE_VIEW_HTML)
    # Submitted straight from the code view, so the raw script reaches the server's sanitizer.
    expect(textarea).to_have_value(re.compile(re.escape("<script>window.__pwned=1;alert('code view')")))


def test_contributor_and_editor_take_an_article_from_draft_to_the_public_site(
    person: Callable[[], Page], demo_credentials: dict, dialogs: list[str], base_url: str
):
    # 1. The contributor writes the article and submits it for review.
    contributor = person()
    log_in(contributor, *demo_credentials["contributor"])
    contributor.get_by_role("link", name="Viết bài mới").first.click()
    contributor.get_by_label("Tiêu đề", exact=True).fill(TITLE)
    contributor.get_by_label("Sapo").fill(LEAD)
    contributor.get_by_label("Chuyên mục").select_option(label=SECTION)
    write_first_version(contributor)
    add_keywords(contributor)
    contributor.get_by_role("button", name="Lưu và gửi duyệt").click()
    expect(contributor.locator(".flash--success")).to_have_text("Bài viết đã được gửi duyệt.")
    mine = contributor.locator(".article-list tbody tr", has_text=TITLE)
    expect(mine.locator(".badge")).to_have_text("Chờ duyệt")

    # 2. The editor finds it in the queue and returns it with a reason.
    editor = person()
    log_in(editor, *demo_credentials["editor"])
    open_from_queue(editor)
    editor.get_by_label("Lý do trả lại").fill(REASON)
    editor.get_by_role("button", name="Trả lại tác giả").click()
    expect(editor.locator(".flash--success")).to_have_text("Bài viết đã được trả lại cho tác giả.")
    expect(editor.locator(".article-status .badge")).to_have_text("Bị trả lại")

    # 3. The contributor sees why on the dashboard and in the editor, fixes the list and resubmits.
    contributor.goto("/admin/")
    notification = contributor.locator(".notification--returned", has_text=TITLE)
    expect(notification.locator(".notification__message")).to_contain_text(REASON)
    notification.get_by_role("link", name=TITLE).click()
    expect(contributor.locator(".notice--returned .return-reason")).to_have_text(REASON)
    fix_and_add_hostile_html(contributor)
    contributor.get_by_role("button", name="Lưu và gửi duyệt").click()
    expect(contributor.locator(".flash--success")).to_have_text("Bài viết đã được gửi duyệt.")
    expect(mine.locator(".badge")).to_have_text("Chờ duyệt")

    # 4. The editor sees the last reason, finds the fix, and publishes now.
    open_from_queue(editor)
    expect(editor.locator(".notice--returned .return-reason")).to_have_text(REASON)
    expect(body_editor(editor).locator("li")).to_have_text(
        ["Đăng ký khai sinh", "Đăng ký tạm trú", "Đăng ký kết hôn"]
    )
    assert editor.evaluate("typeof window.__pwned") == "undefined"
    # The preview shows what the server stored from the contributor's raw code view, before this editor saves.
    preview = editor.request.get(editor.get_by_role("link", name="Xem trước").get_attribute("href"))
    assert "Chèn từ mã HTML" in preview.text()
    assert_served_html_is_inert(preview.text())
    editor.get_by_role("button", name="Lưu và xuất bản").click()
    expect(editor.locator(".flash--success")).to_have_text("Bài viết đã được xuất bản.")
    expect(editor.locator(".article-status .badge")).to_have_text("Đã đăng")

    # 5. A reader finds it on the home page and reads it with its keywords.
    reader = person()
    reader.goto("/")
    reader.locator("main").get_by_role("link", name=TITLE).first.click()
    expect(reader.locator("h1")).to_have_text(TITLE)
    expect(reader.locator(".story__lead")).to_have_text(LEAD)
    story = reader.locator(".story__body")
    expect(story.locator("h2")).to_have_text(HEADING)
    expect(story.locator("p", has=reader.locator("strong"))).to_have_text(
        "Người dân không cần đến trụ sở phường."
    )
    expect(story.locator("p strong")).to_have_text("không cần đến")
    expect(story.locator("ul > li")).to_have_text(["Đăng ký khai sinh", "Đăng ký tạm trú", "Đăng ký kết hôn"])
    guide = story.get_by_role("link", name="Xem hướng dẫn")
    expect(guide).to_have_attribute("href", GUIDE_URL)
    keyword_links = reader.locator(".story__keywords a")
    expect(keyword_links).to_have_text([EXISTING_KEYWORD[0], NEW_KEYWORD[0]])
    for index, (_, slug) in enumerate((EXISTING_KEYWORD, NEW_KEYWORD)):
        expect(keyword_links.nth(index)).to_have_attribute("href", f"/tu-khoa/{slug}")

    # 6. Nothing the contributor slipped in runs: typed script is text, pasted and coded script is gone.
    article_url = reader.url
    reader.wait_for_load_state("load")
    expect(story).to_contain_text(SCRIPT_AS_TEXT)
    expect(story).to_contain_text(IMAGE_AS_TEXT)
    expect(story).to_contain_text("Nội dung dán từ trang khác")
    expect(story).to_contain_text("Chèn từ mã HTML")
    assert reader.evaluate("typeof window.__pwned") == "undefined"
    assert_served_html_is_inert(reader.request.get(article_url).text())

    keyword_links.nth(1).click()
    expect(reader).to_have_url(f"{base_url}/tu-khoa/{NEW_KEYWORD[1]}")
    expect(reader.locator("h1")).to_contain_text(NEW_KEYWORD[0])
    expect(reader.locator("main .teaser__title").get_by_role("link", name=TITLE).first).to_be_visible()
    assert dialogs == [], "a script slipped into the article opened a dialog"


def assert_served_html_is_inert(html: str) -> None:
    """The article page as served: no script in the body, no event handler or javascript: URL anywhere."""
    page = parse(html)
    body = page.one(".story__body")
    assert body.select("script, iframe, svg, object, embed") == []
    for element in page.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert handlers == [], f"<{element.name}> keeps {handlers}"
        for name in ("href", "src", "action", "formaction"):
            value = str(element.get(name, "")).strip().lower()
            assert not value.startswith("javascript:"), f"<{element.name} {name}={value!r}>"
    for script in page.select("script"):
        assert "__pwned" not in script.get_text(), "an inline script carries the article's payload"
    assert "Liên kết lạ" in body.get_text()
    assert body.select("a[href^=javascript]") == []
