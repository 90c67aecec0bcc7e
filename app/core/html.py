"""THE allow-list for article HTML (nh3, the maintained binding of ammonia; bleach is unmaintained)."""

import html
import re

import nh3

from app.core.text import nfc

ALLOWED_TAGS = {
    "p",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "a",
    "ol",
    "ul",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "img",
    "figure",
    "figcaption",
    "blockquote",
    "br",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "*": {"style"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|tr|td|th|blockquote|figcaption|figure)>|<br\s*/?>", re.I)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")


def sanitize_html(raw: str) -> str:
    """Article HTML as we store it: allowed tags and attributes only, alignment the only style."""
    return nfc(
        nh3.clean(
            raw or "",
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=ALLOWED_URL_SCHEMES,
            filter_style_properties={"text-align"},
            attribute_filter=_drop_styles_without_alignment,
            link_rel="noopener noreferrer",
        )
    ).strip()


def _drop_styles_without_alignment(_tag: str, attribute: str, value: str) -> str | None:
    """Remove a style attribute with no text-align at all, so Word's mso- styles leave no `style=""`."""
    if attribute != "style":
        return value
    properties = (declaration.partition(":")[0].strip().lower() for declaration in value.split(";"))
    return value if "text-align" in properties else None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: block ends become line breaks, entities and NBSP resolved."""
    marked = _BLOCK_END.sub("\n", fragment or "")
    text = html.unescape(nh3.clean(marked, tags=set()))
    text = _SPACES.sub(" ", text)
    return nfc(_BLANK_LINES.sub("\n", text).strip())
