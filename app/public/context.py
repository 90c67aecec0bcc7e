"""What every template can use: dates, URLs, images, the site settings, the menu and the sidebar."""

from pathlib import Path

from flask import Flask, current_app, g, url_for

from app.accounts.permissions import can
from app.admin.navigation import admin_menu
from app.articles.views import article_url
from app.core.dates import (
    DATE_PATTERN,
    WEEKDAY_DATE_PATTERN,
    format_vn,
    iso_local,
    today_local,
    utcnow,
)
from app.media.galleries import photo_summaries
from app.media.models import Media
from app.public.metadata import article_metadata, page_metadata
from app.public.sidebar import build_sidebar
from app.sections.queries import menu_sections
from app.settings.queries import get_site_settings


def _once_per_request(name: str, load):
    """Load a value the first time a template asks for it during this request."""
    if name not in g:
        setattr(g, name, load())
    return getattr(g, name)


EDITOR_BUILD = "vendor/suneditor/suneditor.min.js"


def editor_installed() -> bool:
    """Whether `make vendor` copied SunEditor's build into static/ (it cannot where npm is missing)."""
    return (Path(current_app.static_folder) / EDITOR_BUILD).is_file()


def media_url(key: str) -> str:
    return url_for("media.serve", key=key)


def image_sources(media: Media | None, crop: str | None = None) -> dict:
    """srcset strings per format and the JPEG nearest 640 px, for a responsive <picture>.

    `crop="16:9"` asks for the focal-point card crops (teasers); the default is the whole picture.
    """
    if media is None or not media.variants:
        return {}
    by_format: dict[str, list[dict]] = {}
    for variant in media.variants:
        if variant.get("crop") == crop:
            by_format.setdefault(variant["format"], []).append(variant)
    if not by_format:
        return image_sources(media) if crop else {}
    srcset = {
        fmt: ", ".join(f"{media_url(v['key'])} {v['width']}w" for v in variants)
        for fmt, variants in by_format.items()
    }
    jpegs = by_format.get("jpg") or next(iter(by_format.values()))
    fallback = min(jpegs, key=lambda v: abs(v["width"] - 640))
    return {
        "webp": srcset.get("webp", ""),
        "jpg": srcset.get("jpg", ""),
        "src": media_url(fallback["key"]),
        "width": fallback["width"],
        "height": fallback["height"],
    }


def register(app: Flask) -> None:
    app.add_template_filter(format_vn, "vn_datetime")
    app.add_template_filter(lambda value: format_vn(value, DATE_PATTERN), "vn_date")
    app.add_template_filter(lambda value: format_vn(value, WEEKDAY_DATE_PATTERN), "vn_weekday_date")
    app.add_template_filter(iso_local, "iso_local")
    app.add_template_global(article_url)
    app.add_template_global(image_sources)
    app.add_template_global(article_metadata)
    app.add_template_global(page_metadata)
    app.add_template_global(photo_summaries)
    app.add_template_global(editor_installed)
    app.add_template_global(can)
    app.add_template_global(admin_menu)
    app.add_template_global(lambda endpoint: endpoint in app.view_functions, "has_endpoint")
    app.add_template_global(utcnow)
    app.add_template_global(today_local)

    app.add_template_global(lambda: _once_per_request("site_settings", get_site_settings), "site_settings")
    app.add_template_global(lambda: _once_per_request("menu_sections", menu_sections), "menu_sections")
    app.add_template_global(lambda: _once_per_request("sidebar", build_sidebar), "sidebar")
