"""Vietnamese is the default and complete: every message in code and templates is translated."""

from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
METHODS = [("app/**.py", "python"), ("templates/**.html", "jinja2")]
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None, "lazy_ngettext": (1, 2)}


def extracted_messages() -> set[str]:
    messages = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        ROOT, METHODS, keywords=KEYWORDS
    ):
        messages.add(message[0] if isinstance(message, tuple) else message)
    return messages


def catalogue_ids(catalog) -> set[str]:
    return {
        message.id[0] if isinstance(message.id, tuple) else message.id for message in catalog if message.id
    }


def read_catalogue():
    with (ROOT / "app/translations/vi/LC_MESSAGES/messages.po").open("rb") as handle:
        return read_po(handle, locale="vi")


def test_every_message_has_a_vietnamese_translation():
    catalog = read_catalogue()
    translated = {
        message.id[0] if isinstance(message.id, tuple) else message.id
        for message in catalog
        if message.id and all(message.string if isinstance(message.string, tuple) else [message.string])
    }
    missing = sorted(extracted_messages() - translated)
    assert missing == [], f"Add these to messages.po: {missing}"


def test_the_catalogue_holds_no_translation_the_code_no_longer_uses():
    stale = sorted(catalogue_ids(read_catalogue()) - extracted_messages())
    assert stale == [], f"Remove these from messages.po: {stale}"


def test_pages_render_in_vietnamese(client):
    html = client.get("/khong-ton-tai").get_data(as_text=True)
    assert "Không tìm thấy trang" in html
    assert "Trang chủ" in html
    assert "Page not found" not in html
