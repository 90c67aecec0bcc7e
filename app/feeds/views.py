"""Feeds, sitemaps and robots.txt: built on each request from public articles only, so publishing or
unpublishing shows on the next fetch. Conditional GETs (ETag) spare readers that poll."""

from flask import Blueprint, Response, abort, redirect, request, url_for

from app.caching.pages import cache_blueprint
from app.feeds import feeds, queries, sitemaps
from app.feeds.feeds import Channel
from app.keywords.queries import current_keyword_for_slug_or_404
from app.sections.queries import get_section_by_slug_or_404
from app.settings.queries import get_site_settings

blueprint = cache_blueprint(Blueprint("feeds", __name__))


@blueprint.get("/rss.xml")
def rss():
    return _feed("rss", _site_channel(), queries.site_feed_articles())


@blueprint.get("/atom.xml")
def atom():
    return _feed("atom", _site_channel(), queries.site_feed_articles())


@blueprint.get("/<section_slug>/rss.xml")
def section_rss(section_slug: str):
    section = get_section_by_slug_or_404(section_slug)
    return _feed("rss", _section_channel(section), queries.section_feed_articles(section))


@blueprint.get("/<section_slug>/atom.xml")
def section_atom(section_slug: str):
    section = get_section_by_slug_or_404(section_slug)
    return _feed("atom", _section_channel(section), queries.section_feed_articles(section))


@blueprint.get("/tu-khoa/<slug>/rss.xml")
def keyword_rss(slug: str):
    return _keyword_feed("rss", slug)


@blueprint.get("/tu-khoa/<slug>/atom.xml")
def keyword_atom(slug: str):
    return _keyword_feed("atom", slug)


@blueprint.get("/sitemap.xml")
def sitemap():
    return _xml(sitemaps.sitemap_document(sitemaps.plan()), sitemaps.XML_TYPE)


@blueprint.get("/sitemap-<int(min=1):number>.xml")
def sitemap_page(number: int):
    """A child of the sitemap index; only exists while the site needs paging."""
    plan = sitemaps.plan()
    if plan.total <= sitemaps.MAX_URLS or number > plan.page_count:
        abort(404)
    return _xml(sitemaps.urlset(plan, number), sitemaps.XML_TYPE)


@blueprint.get("/sitemap-news.xml")
def news_sitemap():
    return _xml(sitemaps.news_document(get_site_settings().site_name), sitemaps.XML_TYPE)


@blueprint.get("/robots.txt")
def robots():
    return Response(sitemaps.robots_text(), content_type="text/plain; charset=utf-8")


def _keyword_feed(kind: str, slug: str):
    """A renamed or merged keyword's old feed address answers 301 with the current one."""
    keyword = current_keyword_for_slug_or_404(slug)
    if keyword.slug != slug:
        return redirect(url_for(request.endpoint, slug=keyword.slug), code=301)
    settings = get_site_settings()
    channel = Channel(
        title=f"{keyword.name} | {settings.site_name}",
        description=settings.tagline or settings.site_name,
        page_url=url_for("keywords.detail", slug=keyword.slug, _external=True),
        rss_url=url_for("feeds.keyword_rss", slug=keyword.slug, _external=True),
        atom_url=url_for("feeds.keyword_atom", slug=keyword.slug, _external=True),
    )
    return _feed(kind, channel, queries.keyword_feed_articles(keyword), settings)


def _site_channel() -> Channel:
    settings = get_site_settings()
    return Channel(
        title=settings.site_name,
        description=settings.tagline or settings.site_name,
        page_url=url_for("public.home", _external=True),
        rss_url=url_for("feeds.rss", _external=True),
        atom_url=url_for("feeds.atom", _external=True),
    )


def _section_channel(section) -> Channel:
    settings = get_site_settings()
    return Channel(
        title=f"{section.name} | {settings.site_name}",
        description=section.description or settings.tagline or settings.site_name,
        page_url=url_for("sections.detail", section_slug=section.slug, _external=True),
        rss_url=url_for("feeds.section_rss", section_slug=section.slug, _external=True),
        atom_url=url_for("feeds.section_atom", section_slug=section.slug, _external=True),
    )


def _feed(kind: str, channel: Channel, articles, settings=None):
    settings = settings or get_site_settings()
    build = feeds.rss_document if kind == "rss" else feeds.atom_document
    document = build(channel, articles, site_name=settings.site_name, full_text=settings.feed_full_text)
    return _xml(document, feeds.RSS_TYPE if kind == "rss" else feeds.ATOM_TYPE)


def _xml(document: bytes, content_type: str) -> Response:
    response = Response(document, content_type=content_type)
    response.add_etag()
    return response.make_conditional(request)
