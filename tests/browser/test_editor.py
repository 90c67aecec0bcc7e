"""The article body editor in Chromium: SunEditor in Vietnamese, writing back into the form's textarea.

The page is the real body partial, rendered by the test and served under the live server's address
(Playwright's page.route), so the editor's scripts and styles come from the live server's /static.
"""

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from flask import render_template_string
from playwright.sync_api import Browser, Page, Route, expect
from wtforms import Form, TextAreaField

from app.public.context import EDITOR_BUILD
from tests.browser.staff import toolbar_button
from tests.pages import parse

pytestmark = pytest.mark.browser

EDITOR_MISSING = "SunEditor is not in static/vendor (npm was missing at set-up): install npm, run make vendor"
PAGE = """<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>Trình soạn thảo</title>
<link rel="stylesheet" href="{{ url_for('static', filename='css/admin.css') }}"></head>
<body class="admin"><main class="admin-main">
<form data-article-form method="post" action="/editor-test/save">
{% include "articles/admin/_body_field.html" %}
<button type="submit" class="button">Lưu</button>
</form>
</main></body>
</html>"""


class BodyForm(Form):
    body = TextAreaField("Nội dung")


@pytest.fixture(scope="module")
def editor_build(app) -> Path:
    """The editor `make vendor` installed; without it the test is skipped, or fails on CI."""
    build = Path(app.static_folder) / EDITOR_BUILD
    if not build.is_file():
        if os.environ.get("BANTIN_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{EDITOR_MISSING} (BANTIN_REQUIRE_BROWSER=1)")
        pytest.skip(EDITOR_MISSING)
    return build


@pytest.fixture(scope="module")
def page_html(app, editor_build) -> str:
    with app.test_request_context():
        return render_template_string(PAGE, form=BodyForm(data={"body": "<p>Bản tin quận An Phú</p>"}))


def serve_editor_page(page: Page, base_url: str, html: str) -> list[str]:
    """Serve the page at /editor-test; returns the list that collects requests to any other host."""
    page.route(
        f"{base_url}/editor-test",
        lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html),
    )
    elsewhere: list[str] = []
    page.on("request", lambda request: request.url.startswith(base_url) or elsewhere.append(request.url))
    return elsewhere


@pytest.fixture
def editor(page_html: str, page: Page, base_url: str) -> Iterator[Page]:
    """The editor page, loaded, with a counter of `input` events on the body textarea."""
    elsewhere = serve_editor_page(page, base_url, page_html)
    page.goto("/editor-test")
    expect(page.locator(".sun-editor .sun-editor-editable")).to_be_visible()
    page.evaluate(
        "document.querySelector('textarea[name=body]')"
        ".addEventListener('input', () => { window.bodyInputs = (window.bodyInputs || 0) + 1; })"
    )
    yield page
    assert elsewhere == [], "the editor made requests to other hosts"


def test_editor_replaces_the_textarea_with_a_vietnamese_toolbar(editor: Page):
    expect(editor.locator("textarea[name=body]")).to_be_hidden()
    expect(editor.locator(".editor-missing")).to_have_count(0)
    expect(editor.locator(".sun-editor-editable p")).to_have_text("Bản tin quận An Phú")

    labels = {
        "undo": "Hoàn tác",
        "bold": "In đậm",
        "italic": "In nghiêng",
        "underline": "Gạch chân",
        "list_numbered": "Danh sách đánh số",
        "list_bulleted": "Danh sách dấu đầu dòng",
        "blockquote": "Trích dẫn",
        "link": "Liên kết",
        "image": "Hình ảnh",
        "table": "Bảng",
        "codeView": "Xem mã HTML",
    }
    for command, label in labels.items():
        expect(toolbar_button(editor, command)).to_have_attribute("aria-label", label)
    expect(toolbar_button(editor, "bold").locator(".se-tooltip-text")).to_contain_text("In đậm")

    toolbar_button(editor, "blockStyle").click()
    styles = editor.locator(".se-list-format button")
    expect(styles).to_have_text(["Đoạn văn", "Tiêu đề 2", "Tiêu đề 3", "Tiêu đề 4"])
    expect(editor.locator(".se-list-format button[data-value=h1]")).to_have_count(0)


def assert_written_article(html: str) -> None:
    """The heading, bold words, list and link typed in the editor, as HTML the server will sanitize."""
    body = parse(html)
    assert body.one("h2").text == "Lịch tiếp công dân"
    assert body.one("p strong").text == "lưu ý"
    assert body.texts("ul > li") == ["Thứ Hai", "Thứ Năm"]
    assert body.links("p > a") == ["https://anphu.example/lich-tiep-dan"]
    assert body.one("p > a").text == "Xem lịch"
    assert "\u200b" not in html, "no caret placeholders in the stored HTML"


def test_heading_bold_list_and_link_made_in_the_toolbar_reach_the_form(editor: Page, base_url: str):
    posted: list[str] = []

    def capture(route: Route) -> None:
        posted.append(route.request.post_data or "")
        route.fulfill(status=200, content_type="text/plain", body="ok")

    editor.route(f"{base_url}/editor-test/save", capture)
    editor.locator(".sun-editor-editable").click()
    keyboard = editor.keyboard
    keyboard.press("Control+A")
    keyboard.type("Lịch tiếp công dân")
    toolbar_button(editor, "blockStyle").click()
    editor.locator(".se-list-format button[data-value=h2]").click()

    keyboard.press("End")
    keyboard.press("Enter")
    keyboard.type("Người dân ")
    toolbar_button(editor, "bold").click()
    keyboard.type("lưu ý")
    toolbar_button(editor, "bold").click()

    keyboard.press("Enter")
    toolbar_button(editor, "list_bulleted").click()
    keyboard.type("Thứ Hai")
    keyboard.press("Enter")
    keyboard.type("Thứ Năm")
    keyboard.press("Enter")
    keyboard.press("Enter")

    keyboard.type("Xem lịch")
    keyboard.press("Shift+Home")
    toolbar_button(editor, "link").click()
    expect(editor.locator(".se-modal-title:visible")).to_have_text("Chèn liên kết")
    expect(editor.locator(".se-modal-inner label:visible")).to_contain_text(
        ["Địa chỉ (URL) liên kết", "Văn bản hiển thị"]
    )
    editor.locator(".se-modal-inner .se-input-url:visible").fill("https://anphu.example/lich-tiep-dan")
    editor.get_by_role("button", name="Xác nhận").click()

    textarea = editor.locator("textarea[name=body]")
    expect(textarea).to_have_value(re.compile(r'<a href="https://anphu.example/lich-tiep-dan"'))
    assert_written_article(textarea.input_value())
    assert editor.evaluate("window.bodyInputs") > 0, "autosave listens for input events on the textarea"

    editor.get_by_role("button", name="Lưu", exact=True).click()
    editor.wait_for_url(f"{base_url}/editor-test/save")
    assert_written_article(parse_qs(posted[0])["body"][0])


def test_without_javascript_the_body_is_the_plain_html_field(
    browser: Browser, browser_context_args: dict, base_url: str, page_html: str
):
    context = browser.new_context(**{**browser_context_args, "java_script_enabled": False})
    page = context.new_page()
    serve_editor_page(page, base_url, page_html)
    page.goto("/editor-test")

    textarea = page.locator("textarea[name=body]")
    expect(textarea).to_be_visible()
    expect(textarea).to_have_value("<p>Bản tin quận An Phú</p>")
    expect(page.locator("#body-hint")).to_contain_text("HTML")
    expect(page.locator(".sun-editor")).to_have_count(0)
    context.close()


WORD_CLIPBOARD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!--
@list l0 {mso-list-id:1; mso-list-type:hybrid;}
@list l0:level1 {mso-level-tab-stop:none; mso-level-number-position:left; text-indent:-.25in;}
--></style></head><body><!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:14.0pt;
mso-bidi-font-family:Arial'>Thông báo lịch tiếp dân<o:p></o:p></span></b></p>
<p class=MsoListParagraph style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>
Thứ Hai<o:p></o:p></p>
<p class=MsoListParagraph style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>
Thứ Năm<o:p></o:p></p>
<p class=MsoNormal><a href="https://anphu.example/" onclick="alert(1)">Cổng thông tin</a><o:p></o:p></p>
<!--EndFragment--></body></html>"""


def test_text_pasted_from_word_arrives_without_word_markup(editor: Page):
    editor.locator(".sun-editor-editable").click()
    editor.keyboard.press("Control+A")
    editor.evaluate(
        """html => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", "Thông báo lịch tiếp dân");
            const paste = new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true});
            document.querySelector(".sun-editor-editable").dispatchEvent(paste);
        }""",
        WORD_CLIPBOARD,
    )

    textarea = editor.locator("textarea[name=body]")
    expect(textarea).to_have_value(re.compile("Cổng thông tin"))
    html = textarea.input_value()
    body = parse(html)
    assert body.one("p[style*=center] strong").text == "Thông báo lịch tiếp dân"
    assert body.texts("ol > li") == ["Thứ Hai", "Thứ Năm"]
    assert body.links("a") == ["https://anphu.example/"]
    for word_markup in ("mso-", "Mso", "o:p", "onclick", "supportLists", "font-size"):
        assert word_markup not in html
