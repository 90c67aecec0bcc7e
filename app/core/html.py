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
    "q",
    "span",
    "div",
    "br",
}
# A passage the editor marked as another language keeps its `lang` (WCAG 3.1.2): screen readers switch voice.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "lang"},
    "th": {"colspan", "rowspan"},
    **{tag: {"lang"} for tag in ("span", "p", "blockquote", "q", "div", "li")},
    "*": {"style"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# BCP 47 in its canonical casing, as the editor's language control writes it (en, fr, zh-Hans, pt-BR).
# Word's proofing marks (lang=VI, EN-US, X-NONE on every run of text) are not in that casing and go.
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?")
# span and div carry nothing but a language: without one they are unwrapped (nh3 output quotes every value).
_WRAPPER = re.compile(r'<(/?)(span|div)((?:\s+[a-z-]+="[^"]*")*)\s*>')
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|tr|td|th|blockquote|figcaption|figure)>|<br\s*/?>", re.I)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")


def sanitize_html(raw: str) -> str:
    """Article HTML as we store it: allowed tags and attributes only, alignment the only style."""
    cleaned = nh3.clean(
        raw or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        filter_style_properties={"text-align"},
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer",
    )
    return nfc(_unwrap_bare_wrappers(cleaned)).strip()


def _filter_attribute(_tag: str, attribute: str, value: str) -> str | None:
    """Drop a style with no text-align at all (Word's mso- styles leave no `style=""`) and a lang that is
    not a language tag (`lang="x onload"`, Word's `VI`)."""
    if attribute == "lang":
        return value if _LANGUAGE_TAG.fullmatch(value) else None
    if attribute != "style":
        return value
    properties = (declaration.partition(":")[0].strip().lower() for declaration in value.split(";"))
    return value if "text-align" in properties else None


def _unwrap_bare_wrappers(fragment: str) -> str:
    """Remove span and div tags (keeping their content) unless they mark a passage's language."""
    kept: list[bool] = []

    def replace(match: re.Match) -> str:
        closing, _tag, attributes = match.groups()
        keep = (kept.pop() if kept else True) if closing else ' lang="' in attributes
        if not closing:
            kept.append(keep)
        return match.group(0) if keep else ""

    return _WRAPPER.sub(replace, fragment)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: block ends become line breaks, entities and NBSP resolved."""
    marked = _BLOCK_END.sub("\n", fragment or "")
    text = html.unescape(nh3.clean(marked, tags=set()))
    text = _SPACES.sub(" ", text)
    return nfc(_BLANK_LINES.sub("\n", text).strip())
