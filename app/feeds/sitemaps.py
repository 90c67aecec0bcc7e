"""sitemap.xml (a urlset, or an index of paged children past 50,000 URLs), the news sitemap, robots.txt.

Article URLs are written from bare columns with one prefix instead of url_for per row: 100,000
articles cost one SELECT and a string join, not 100,000 route builds. tests/feeds checks the
result equals article_url() so the two cannot drift apart.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from xml.sax.saxutils import escape

from flask import url_for

from app.core.dates import as_utc, utcnow
from app.feeds import queries
from app.feeds.feeds import xml_safe

MAX_URLS = 50_000  # the sitemap protocol's limit per file; tests lower it to exercise paging
NEWS_WINDOW = timedelta(hours=48)
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
XML_TYPE = "application/xml; charset=utf-8"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
ROBOTS_DISALLOW = ("/admin/", "/bai-viet/*/binh-luan", "/captcha/", "/tim-kiem")


@dataclass
class Plan:
    """Which URLs the sitemap lists, in a fixed order: the pages first, then articles by id."""

    pages: list[str]
    article_count: int

    @property
    def total(self) -> int:
        return len(self.pages) + self.article_count

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // MAX_URLS))


def plan() -> Plan:
    """Home, sections, campaigns and keywords that have public articles; then how many public articles."""
    pages = [url_for("public.home", _external=True)]
    pages += [url_for("sections.detail", section_slug=s, _external=True) for s in queries.section_slugs()]
    pages += [url_for("campaigns.detail", slug=s, _external=True) for s in queries.campaign_slugs()]
    pages += [url_for("keywords.detail", slug=s, _external=True) for s in queries.public_keyword_slugs()]
    return Plan(pages=pages, article_count=queries.count_public_articles())


def sitemap_document(current: Plan) -> bytes:
    """All URLs when they fit in one file, else the index of /sitemap-<n>.xml children."""
    if current.total <= MAX_URLS:
        return urlset(current, 1)
    return sitemap_index(current.page_count)


def sitemap_index(page_count: int) -> bytes:
    parts = [DECLARATION, f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for number in range(1, page_count + 1):
        loc = url_for("feeds.sitemap_page", number=number, _external=True)
        parts.append(f"<sitemap><loc>{escape(loc)}</loc></sitemap>")
    parts.append("</sitemapindex>\n")
    return "".join(parts).encode()


def urlset(current: Plan, number: int) -> bytes:
    """Page `number` (from 1) of the URL list: the slice [(number-1)·MAX_URLS, number·MAX_URLS)."""
    start, stop = (number - 1) * MAX_URLS, number * MAX_URLS
    parts = [DECLARATION, f'<urlset xmlns="{SITEMAP_NS}">']
    parts += [f"<url><loc>{escape(loc)}</loc></url>" for loc in current.pages[start:stop]]
    offset = max(0, start - len(current.pages))
    limit = stop - max(start, len(current.pages))
    if limit > 0:
        prefix = _article_prefix()
        parts += [
            f"<url><loc>{prefix}{escape(row.section_slug)}/{escape(row.slug)}-{row.id}.html</loc>"
            f"<lastmod>{_w3c(row.updated_at)}</lastmod></url>"
            for row in queries.article_rows(offset, limit)
        ]
    parts.append("</urlset>\n")
    return "".join(parts).encode()


def news_document(site_name: str, now: datetime | None = None) -> bytes:
    """Google News sitemap: public articles published in the last 48 hours, newest first."""
    prefix = _article_prefix()
    publication = (
        f"<news:publication><news:name>{escape(xml_safe(site_name))}</news:name>"
        "<news:language>vi</news:language></news:publication>"
    )
    parts = [DECLARATION, f'<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">']
    for row in queries.news_rows((now or utcnow()) - NEWS_WINDOW):
        parts.append(
            f"<url><loc>{prefix}{escape(row.section_slug)}/{escape(row.slug)}-{row.id}.html</loc>"
            f"<news:news>{publication}"
            f"<news:publication_date>{_w3c(row.published_at)}</news:publication_date>"
            f"<news:title>{escape(xml_safe(row.title))}</news:title></news:news></url>"
        )
    parts.append("</urlset>\n")
    return "".join(parts).encode()


def robots_text() -> str:
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOW]
    lines += [
        "",
        f"Sitemap: {url_for('feeds.sitemap', _external=True)}",
        f"Sitemap: {url_for('feeds.news_sitemap', _external=True)}",
    ]
    return "\n".join(lines) + "\n"


def _article_prefix() -> str:
    """`https://host/`: an article's URL is this, then `<section-slug>/<slug>-<id>.html`."""
    return escape(url_for("public.home", _external=True))


def _w3c(value: datetime) -> str:
    return as_utc(value).isoformat(timespec="seconds")
