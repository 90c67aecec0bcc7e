"""The article body field: SunEditor from static/vendor once `make vendor` installed it, else plain HTML."""

from pathlib import Path

import pytest
from flask import render_template_string
from wtforms import Form, TextAreaField

from app.public.context import EDITOR_BUILD, editor_installed
from tests.pages import parse

NPM_NOTICE = (
    "Trình soạn thảo chưa được cài đặt vì máy chủ thiếu npm; chạy lại make run sau khi cài Node.js/npm."
)
EDITOR_SCRIPTS = [
    "/static/vendor/suneditor/suneditor.min.js",
    "/static/js/admin/suneditor-vi.js",
    "/static/js/admin/language.js",
    "/static/js/admin/editor.js",
]


def unversioned(url: str) -> str:
    """Static URLs carry a content hash (`?v=…`)."""
    return url.split("?v=")[0]


class BodyForm(Form):
    body = TextAreaField("Nội dung")


@pytest.fixture
def static_root(app, tmp_path, monkeypatch) -> Path:
    """An empty static folder standing in for a checkout where `make vendor` has not run."""
    monkeypatch.setattr(app, "static_folder", str(tmp_path))
    return tmp_path


def install_editor(static_root: Path) -> None:
    build = static_root / EDITOR_BUILD
    build.parent.mkdir(parents=True)
    build.write_text("/* SunEditor */")


def render_body_field(app, body: str = "<p>Bản tin</p>") -> str:
    with app.test_request_context():
        return render_template_string(
            '<form data-article-form>{% include "articles/admin/_body_field.html" %}</form>',
            form=BodyForm(data={"body": body}),
        )


@pytest.mark.parametrize("installed", [True, False])
def test_editor_counts_as_installed_only_when_its_build_is_in_static_vendor(app, static_root, installed):
    if installed:
        install_editor(static_root)
    with app.app_context():
        assert editor_installed() is installed


def test_without_the_editor_the_body_is_a_plain_html_field_with_the_reason_in_vietnamese(app, static_root):
    page = parse(render_body_field(app, "<p>Bản <strong>tin</strong></p>"))

    assert page.one(".editor-missing").text == NPM_NOTICE
    assert page.one(".editor-missing code").text == "make run"
    textarea = page.one("form[data-article-form] textarea[name=body]")
    assert textarea.text == "<p>Bản <strong>tin</strong></p>"
    assert page.one("label[for=body]").text == "Nội dung"
    assert page.select("script") == []
    assert page.select("[data-wysiwyg]") == []


def test_with_the_editor_the_body_loads_it_from_our_static_files_without_inline_script(app, static_root):
    install_editor(static_root)
    page = parse(render_body_field(app))

    assert page.select(".editor-missing") == []
    assert page.one("[data-wysiwyg] textarea[name=body]").text == "<p>Bản tin</p>"
    scripts = page.select("script")
    assert [unversioned(script["src"]) for script in scripts] == EDITOR_SCRIPTS
    assert all(script.string is None for script in scripts), "no inline JavaScript (CSP)"
    assert [unversioned(url) for url in page.links("link[rel=stylesheet]")] == [
        "/static/vendor/suneditor/suneditor.min.css",
        "/static/vendor/suneditor/suneditor-contents.min.css",
    ]
    refused = page.one("[data-wysiwyg]")["data-wysiwyg-file-refused"]
    assert refused.startswith("Hãy chèn ảnh bằng địa chỉ (URL)")
