"""Sharing metadata: canonical URLs, Open Graph, Twitter card and schema.org JSON-LD, as plain data.

Templates render what these functions return (templates/macros/metadata.html); nothing here writes HTML
except the JSON-LD, which must be escaped so that no value can close its <script> element.
"""

import json
from urllib.parse import quote

from flask import request, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from app.core.dates import iso_local
from app.media.models import Media
from app.settings.models import SiteSettings

SHARE_IMAGE_WIDTH = 1200  # what Facebook and Zalo ask for in a large link preview
HEADLINE_LIMIT = 110  # Google's limit for a NewsArticle headline
DESCRIPTION_LIMIT = 300
# Query arguments that are part of what a listing page is (its page number, the search words);
# filters and sort orders are not, so they stay out of the canonical URL.
CANONICAL_ARGS = ("page", "q")
FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php?u="
# Zalo documents only its SDK button (sp.zalo.me/plugins/sdk.js); this is the page that button opens,
# linked to directly so that no third-party script runs on the site.
ZALO_SHARE = "https://sp.zalo.me/share_to_zalo?url="


def article_metadata(article, settings: SiteSettings) -> dict:
    """Everything an article page tells link previews and search engines.

    Returns {"canonical", "tags": [attributes of each <meta>], "json_ld": [Markup], "share": {network: url}}.
    Uses only what the article page has already loaded (section and parent, cover, keywords, logo).
    """
    canonical = url_for(
        "articles.detail",
        section_slug=article.section.slug,
        article_slug=article.slug,
        article_id=article.id,
        _external=True,
    )
    description = shorten(article.meta_description or article.lead or article.body_text, DESCRIPTION_LIMIT)
    image = share_image(article.cover) or share_image(settings.logo)
    image_alt = (article.cover.alt or article.cover_caption) if article.cover else ""
    published = iso_local(article.published_at)
    modified = iso_local(max(article.updated_at or article.published_at, article.published_at))
    section = article.section

    tags = _open_graph("article", settings.site_name, article.title, description, canonical)
    tags += _image_tags(image, image_alt or article.title)
    tags += [
        {"property": "article:published_time", "content": published},
        {"property": "article:modified_time", "content": modified},
        {"property": "article:section", "content": section.name},
    ]
    tags += [{"property": "article:tag", "content": keyword.name} for keyword in article.keywords]
    tags += _twitter_tags(article.title, description, image, image_alt or article.title)
    tags += _itemprop_tags(article.title, description, image)

    publisher = _organization(settings)
    byline = (article.byline or "").strip()
    news_article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": shorten(article.title, HEADLINE_LIMIT),
        "description": description,
        "datePublished": published,
        "dateModified": modified,
        "author": {"@type": "Person", "name": byline} if byline else publisher,
        "publisher": publisher,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "url": canonical,
        "articleSection": section.name,
        "inLanguage": "vi",
    }
    if image:
        news_article["image"] = [image["url"]]
    if article.keywords:
        news_article["keywords"] = [keyword.name for keyword in article.keywords]

    trail = [(_("Home"), url_for("public.home", _external=True))]
    trail += [
        (ancestor.name, url_for("sections.detail", section_slug=ancestor.slug, _external=True))
        for ancestor in (section.parent, section)
        if ancestor is not None
    ]
    trail.append((article.title, canonical))
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }
    return {
        "canonical": canonical,
        "tags": tags,
        "json_ld": [json_ld(news_article), json_ld(breadcrumbs)],
        "share": share_links(canonical),
    }


def page_metadata(settings: SiteSettings, title: str, description: str) -> dict:
    """The default link preview of a listing page (home, section, keyword, campaign, search): the site's."""
    canonical = canonical_url()
    image = share_image(settings.logo)
    description = shorten(description, DESCRIPTION_LIMIT)
    tags = _open_graph("website", settings.site_name, title or settings.site_name, description, canonical)
    tags += _image_tags(image, settings.site_name)
    tags += [{"name": "twitter:card", "content": "summary"}]
    tags += _itemprop_tags(title or settings.site_name, description, image)
    return {"canonical": canonical, "tags": tags, "json_ld": [], "share": {}}


def canonical_url() -> str | None:
    """This page's absolute URL as its <link rel="canonical"> gives it: path, page past 1, search words."""
    if request.endpoint is None:
        return None
    values = dict(request.view_args or {})
    for name in CANONICAL_ARGS:
        value = request.args.get(name, "").strip()
        if value and not (name == "page" and value == "1"):
            values[name] = value
    return url_for(request.endpoint, **values, _external=True)


def share_image(media: Media | None) -> dict | None:
    """The picture's whole-frame JPEG nearest 1200 px wide: 1200 itself, the next wider, else the widest.

    Link previews want about 1200 px; JPEG because not every network reads WebP.
    """
    if media is None:
        return None
    jpegs = [v for v in media.variants or [] if v.get("format") == "jpg" and not v.get("crop")]
    if not jpegs:
        return None
    wide = [v for v in jpegs if v["width"] >= SHARE_IMAGE_WIDTH]
    chosen = min(wide, key=lambda v: v["width"]) if wide else max(jpegs, key=lambda v: v["width"])
    return {
        "url": url_for("media.serve", key=chosen["key"], _external=True),
        "width": chosen["width"],
        "height": chosen["height"],
    }


def share_links(url: str) -> dict:
    """Plain links to the networks' own share pages: no SDK, no script from another host."""
    encoded = quote(url, safe="")
    return {"facebook": FACEBOOK_SHARE + encoded, "zalo": ZALO_SHARE + encoded}


def json_ld(data: dict) -> Markup:
    """Structured data as a <script> element; <, > and & are \\u-escaped so no value can end the element."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup('<script type="application/ld+json">') + Markup(text) + Markup("</script>")


def shorten(text: str, limit: int) -> str:
    """The text on one line, cut at a word boundary with an ellipsis when longer than `limit`."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–") + "…"


def _open_graph(kind: str, site_name: str, title: str, description: str, url: str | None) -> list[dict]:
    tags = [
        {"property": "og:site_name", "content": site_name},
        {"property": "og:locale", "content": "vi_VN"},
        {"property": "og:type", "content": kind},
        {"property": "og:title", "content": title},
    ]
    if description:
        tags.append({"property": "og:description", "content": description})
    if url:
        tags.append({"property": "og:url", "content": url})
    return tags


def _image_tags(image: dict | None, alt: str) -> list[dict]:
    if not image:
        return []
    return [
        {"property": "og:image", "content": image["url"]},
        {"property": "og:image:type", "content": "image/jpeg"},
        {"property": "og:image:width", "content": str(image["width"])},
        {"property": "og:image:height", "content": str(image["height"])},
        {"property": "og:image:alt", "content": alt},
    ]


def _twitter_tags(title: str, description: str, image: dict | None, alt: str) -> list[dict]:
    tags = [
        {"name": "twitter:card", "content": "summary_large_image" if image else "summary"},
        {"name": "twitter:title", "content": title},
    ]
    if description:
        tags.append({"name": "twitter:description", "content": description})
    if image:
        tags += [
            {"name": "twitter:image", "content": image["url"]},
            {"name": "twitter:image:alt", "content": alt},
        ]
    return tags


def _itemprop_tags(title: str, description: str, image: dict | None) -> list[dict]:
    """schema.org microdata in <meta itemprop>: what Zalo's and older link previews fall back on."""
    tags = [{"itemprop": "name", "content": title}]
    if description:
        tags.append({"itemprop": "description", "content": description})
    if image:
        tags.append({"itemprop": "image", "content": image["url"]})
    return tags


def _organization(settings: SiteSettings) -> dict:
    organization = {
        "@type": "Organization",
        "name": settings.site_name,
        "url": url_for("public.home", _external=True),
    }
    logo = share_image(settings.logo)
    if logo:
        organization["logo"] = {"@type": "ImageObject", **logo}
    return organization
