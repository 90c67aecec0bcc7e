"""Building RSS 2.0 and Atom documents with feedgen from a list of public articles.

Absolute URLs come from url_for(..., _external=True) (SERVER_NAME in production), so a feed read
anywhere links back to the site. Dates are aware UTC (SQLite drops the zone: as_utc puts it back).
"""

import re
from dataclasses import dataclass
from datetime import datetime

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem
from flask import url_for

from app.articles.models import Article
from app.articles.views import article_url
from app.core.dates import as_utc, utcnow
from app.core.text import clean_line
from app.media.models import Media
from app.media.storage import get_storage

RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
GENERATOR = "Bản tin"
SUMMARY_FALLBACK_CHARS = 300
# Root-relative links and images in a stored body (sanitizer output: attributes are double-quoted).
_ROOT_RELATIVE = re.compile(r'\b(src|href)="/(?!/)')
# Characters XML 1.0 forbids; Word pastes bring vertical tabs (\x0b) into titles and leads, and one of
# them would make lxml refuse the whole feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """The text with characters XML cannot carry replaced by spaces."""
    return _NOT_XML.sub(" ", text or "")


class AtomEnclosure(BaseEntryExtension):
    """`<link rel="enclosure" type length>` in Atom entries: feedgen 1.0.0 drops an entry link's rel,
    type and length (its loop variable shadows the link), leaving two "alternate" links."""

    def __init__(self):
        self.enclosure: tuple[str, int, str] | None = None

    def extend_atom(self, entry):
        if self.enclosure:
            url, length, mime = self.enclosure
            xml_elem("link", entry, href=url, rel="enclosure", type=mime, length=str(length))
        return entry


@dataclass
class Channel:
    """What a feed is about: its title and description, its HTML page and its own two addresses."""

    title: str
    description: str
    page_url: str
    rss_url: str
    atom_url: str


def rss_document(channel: Channel, articles: list[Article], *, site_name: str, full_text: bool) -> bytes:
    feed = _generator(channel, articles, site_name=site_name, full_text=full_text, atom=False)
    return feed.rss_str(pretty=False)


def atom_document(channel: Channel, articles: list[Article], *, site_name: str, full_text: bool) -> bytes:
    feed = _generator(channel, articles, site_name=site_name, full_text=full_text, atom=True)
    return feed.atom_str(pretty=False)


def _generator(
    channel: Channel, articles: list[Article], *, site_name: str, full_text: bool, atom: bool
) -> FeedGenerator:
    self_url = channel.atom_url if atom else channel.rss_url
    feed = FeedGenerator()
    feed.load_extension("dc", atom=False, rss=True)  # RSS <author> needs an email; bylines are names
    feed.register_extension("cover", BaseExtension, AtomEnclosure, atom=True, rss=False)
    feed.id(self_url)  # Atom requires an id (STACK.md P7): the feed's own address is stable
    feed.title(xml_safe(channel.title))
    # The subtitle is also RSS's <description>, which is required.
    feed.subtitle(xml_safe(channel.description or channel.title))
    feed.link(href=self_url, rel="self")
    feed.link(href=channel.page_url, rel="alternate")  # last: feedgen makes the last link RSS's <link>
    feed.author(name=xml_safe(site_name))
    feed.language("vi")
    feed.generator(GENERATOR, uri=url_for("public.home", _external=True))
    # The newest edit among the items, not the time of the request: unchanged content, unchanged feed.
    feed.lastBuildDate(max((_when(a.updated_at) for a in articles), default=None) or _when(utcnow()))
    for article in articles:  # newest first, as listed
        _add_item(feed, article, site_name=site_name, full_text=full_text, atom=atom)
    return feed


def _add_item(feed: FeedGenerator, article: Article, *, site_name: str, full_text: bool, atom: bool) -> None:
    url = article_url(article, _external=True)
    entry = feed.add_entry(order="append")
    entry.id(url)
    entry.guid(url, permalink=True)
    entry.title(xml_safe(article.title))
    entry.link(href=url, rel="alternate")
    entry.published(_when(article.published_at))
    entry.updated(_when(article.updated_at))
    byline = xml_safe(article.byline or site_name)
    entry.author(name=byline)
    entry.dc.dc_creator(byline)
    entry.summary(xml_safe(summary_of(article)))
    if full_text and article.body:
        # RSS: <description> keeps the lead, <content:encoded> the body; Atom: <content type="html">.
        entry.content(xml_safe(absolute_links(article.body)), type="html")
    for keyword in article.keywords:
        entry.category(term=xml_safe(keyword.name))
    cover = cover_enclosure(article.cover)
    if cover and atom:
        entry.cover.enclosure = cover
    elif cover:
        entry.enclosure(*cover)


def _when(value: datetime) -> datetime:
    """Aware UTC to the second (SQLite drops the zone; RFC 822 has no fractions anyway)."""
    return as_utc(value).replace(microsecond=0)


def summary_of(article: Article) -> str:
    """The lead; when an editor left it empty, the start of the text so the item is never blank."""
    if article.lead.strip():
        return clean_line(article.lead)
    text = clean_line(article.body_text)
    if len(text) <= SUMMARY_FALLBACK_CHARS:
        return text or article.title
    return text[:SUMMARY_FALLBACK_CHARS].rsplit(" ", 1)[0] + "…"


def absolute_links(html: str) -> str:
    """Feed readers show the body away from the site: root-relative images and links get the host."""
    root = url_for("public.home", _external=True).rstrip("/")
    return _ROOT_RELATIVE.sub(lambda match: f'{match.group(1)}="{root}/', html)


def cover_enclosure(cover: Media | None) -> tuple[str, int, str] | None:
    """(url, bytes, type) of the cover's largest whole-picture JPEG; None when there is none on disk."""
    if cover is None or not cover.variants:
        return None
    jpegs = [v for v in cover.variants if v.get("format") == "jpg" and not v.get("crop")]
    if not jpegs:
        return None
    largest = max(jpegs, key=lambda v: v["width"])
    storage = get_storage()
    try:
        size = storage.path(largest["key"]).stat().st_size
    except (OSError, ValueError):
        return None  # a missing file would advertise a broken enclosure
    return url_for("media.serve", key=largest["key"], _external=True), size, "image/jpeg"
