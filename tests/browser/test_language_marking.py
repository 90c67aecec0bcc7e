"""An editor marks English words in a Vietnamese article with the editor's language control; the mark
survives the editor, the sanitizer and reaches the form (and a passage already marked survives reloading)."""

from collections.abc import Iterator
from urllib.parse import parse_qs

import pytest
from flask import render_template_string
from playwright.sync_api import Page, Route, expect

from app.core.html import sanitize_html
from tests.browser.test_editor import PAGE, BodyForm, editor_build, serve_editor_page  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser

BODY = (
    '<p>Dự án <span lang="fr">Ville intelligente</span> của phường.</p>'
    "<p>Khẩu hiệu: Smart City cho mọi người.</p>"
)


@pytest.fixture
def editor(app, editor_build, page: Page, base_url: str) -> Iterator[Page]:  # noqa: F811
    with app.test_request_context():
        html = render_template_string(PAGE, form=BodyForm(data={"body": BODY}))
    serve_editor_page(page, base_url, html)
    page.goto("/editor-test")
    expect(page.locator(".sun-editor .sun-editor-editable")).to_be_visible()
    expect(page.locator("[data-language-mark]")).to_be_visible()
    yield page


def select_words(page: Page, words: str) -> None:
    page.evaluate(
        """(words) => {
          const area = document.querySelector(".sun-editor-editable");
          const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(words);
            if (at === -1) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + words.length);
            const selection = document.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            return;
          }
          throw new Error("words not found: " + words);
        }""",
        words,
    )


def test_an_editor_marks_english_words_and_the_mark_reaches_the_stored_article(editor: Page, base_url: str):
    posted: list[str] = []

    def capture(route: Route) -> None:
        posted.append(route.request.post_data or "")
        route.fulfill(status=200, content_type="text/plain", body="ok")

    editor.route(f"{base_url}/editor-test/save", capture)
    expect(editor.locator('.sun-editor-editable span[lang="fr"]')).to_have_text("Ville intelligente")
    editor.locator(".sun-editor-editable").click()
    select_words(editor, "Smart City")
    editor.get_by_label("Ngôn ngữ của đoạn chữ đang chọn").select_option("en")
    editor.get_by_role("button", name="Đánh dấu ngôn ngữ").click()

    expect(editor.locator('.sun-editor-editable span[lang="en"]')).to_have_text("Smart City")
    expect(editor.locator("[data-language-said]")).to_have_text("Đã đánh dấu ngôn ngữ: English (en)")
    with editor.expect_request(f"{base_url}/editor-test/save"):
        editor.get_by_role("button", name="Lưu").click()
    body = parse_qs(posted[0])["body"][0]
    stored = sanitize_html(body)
    assert '<span lang="en">Smart City</span>' in stored
    assert '<span lang="fr">Ville intelligente</span>' in stored
