"""The one sanitizer for article HTML keeps what editors need and drops everything else."""

import pytest

from app.core.html import html_to_text, sanitize_html


@pytest.mark.parametrize(
    "dangerous",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{display:none}</style>",
        '<p onclick="steal()">x</p>',
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_scripts_handlers_and_dangerous_urls_are_removed(dangerous):
    cleaned = sanitize_html(dangerous)
    for marker in ("<script", "onerror", "javascript:", "<iframe", "<style", "onclick", "alert(1)", "<svg"):
        assert marker not in cleaned


def test_editorial_markup_survives():
    source = (
        '<h2>Tiêu đề</h2><p style="text-align:center;color:red">Đoạn <strong>đậm</strong> '
        '<em>nghiêng</em> <a href="https://example.vn">liên kết</a></p>'
        '<ul><li>Một</li></ul><table><tbody><tr><td colspan="2">Ô</td></tr></tbody></table>'
        '<figure><img src="/media/x.jpg" alt="Ảnh" width="640" height="360">'
        "<figcaption>Chú thích</figcaption></figure>"
    )
    cleaned = sanitize_html(source)
    for kept in ("<h2>", "<strong>", "<em>", "<ul>", 'colspan="2"', "<figcaption>", 'alt="Ảnh"'):
        assert kept in cleaned
    assert "text-align:center" in cleaned.replace(" ", "")
    assert "color" not in cleaned
    assert 'rel="noopener noreferrer"' in cleaned


def test_word_paste_classes_are_dropped():
    assert sanitize_html('<p class="MsoNormal">Văn bản</p>') == "<p>Văn bản</p>"


def test_plain_text_keeps_paragraph_breaks_and_resolves_entities():
    text = html_to_text("<h2>Chuyển&nbsp;đổi</h2><p>Số&nbsp;hoá &amp; dữ liệu</p><p>Hết</p>")
    assert text == "Chuyển đổi\nSố hoá & dữ liệu\nHết"
