"""Public objects as JSON-ready dicts, shaped exactly as openapi.py documents them.

Only fields a reader of the site can see: no status, author account, view counts or editors' notes.
Times are ISO 8601 in Vietnam's offset; URLs are absolute.
"""

from datetime import date

from flask import url_for

from app.articles.models import Article
from app.articles.views import article_url
from app.campaigns.models import Campaign, ExemplaryProfile
from app.core.dates import iso_local
from app.keywords.models import Keyword
from app.media.models import Media
from app.search.queries import Hit
from app.sections.models import Section


def absolute(endpoint: str, **values) -> str:
    return url_for(endpoint, _external=True, **values)


def image(media: Media | None) -> dict | None:
    """An image with every generated variant (widths × formats, whole and card crops)."""
    if media is None:
        return None
    return {
        "id": media.id,
        "alt": media.alt,
        "credit": media.credit,
        "width": media.width,
        "height": media.height,
        "variants": [
            {
                "url": absolute("media.serve", key=variant["key"]),
                "width": variant["width"],
                "height": variant["height"],
                "format": variant["format"],
                "crop": variant.get("crop"),
            }
            for variant in media.variants or []
        ],
    }


def section_ref(section: Section) -> dict:
    return {
        "id": section.id,
        "name": section.name,
        "slug": section.slug,
        "url": absolute("sections.detail", section_slug=section.slug),
    }


def section(section: Section) -> dict:
    return section_ref(section) | {
        "description": section.description,
        "kind": section.kind.value,
        "parent_id": section.parent_id,
    }


def keyword_ref(keyword: Keyword) -> dict:
    return {
        "id": keyword.id,
        "name": keyword.name,
        "slug": keyword.slug,
        "url": absolute("keywords.detail", slug=keyword.slug),
    }


def keyword(keyword: Keyword, article_count: int) -> dict:
    return keyword_ref(keyword) | {"article_count": article_count}


def campaign_ref(campaign: Campaign | None) -> dict | None:
    if campaign is None:
        return None
    return {
        "id": campaign.id,
        "title": campaign.title,
        "slug": campaign.slug,
        "url": absolute("campaigns.detail", slug=campaign.slug),
    }


def campaign(campaign: Campaign, today: date) -> dict:
    return campaign_ref(campaign) | {
        "description": campaign.description,
        "goals": campaign.goal_list(),
        "starts_on": campaign.starts_on.isoformat(),
        "ends_on": campaign.ends_on.isoformat() if campaign.ends_on else None,
        "status": campaign.status_on(today).value,
        "banner": image(campaign.banner),
    }


def article_summary(article: Article, campaigns: dict[int, Campaign], fields: tuple[str, ...]) -> dict:
    """A list item: only the `fields` asked for (id always), computed only when asked for."""
    values = {
        "id": lambda: article.id,
        "title": lambda: article.title,
        "slug": lambda: article.slug,
        "url": lambda: article_url(article, _external=True),
        "lead": lambda: article.lead,
        "format": lambda: article.format.value,
        "section": lambda: section_ref(article.section),
        "keywords": lambda: [keyword_ref(keyword) for keyword in article.keywords],
        "campaign": lambda: campaign_ref(campaigns.get(article.campaign_id)),
        "cover": lambda: image(article.cover),
        "byline": lambda: article.byline,
        "published_at": lambda: iso_local(article.published_at),
        "updated_at": lambda: iso_local(article.updated_at),
    }
    return {name: values[name]() for name in fields}


def article_teaser(article: Article) -> dict:
    """What a search hit or a profile points to: enough to show and link the story."""
    return {
        "id": article.id,
        "title": article.title,
        "url": article_url(article, _external=True),
        "lead": article.lead,
        "format": article.format.value,
        "section": section_ref(article.section),
        "cover": image(article.cover),
        "published_at": iso_local(article.published_at),
    }


def profile(profile: ExemplaryProfile) -> dict:
    return {
        "id": profile.id,
        "subject_name": profile.subject_name,
        "subject_kind": profile.subject_kind.value,
        "unit": profile.unit,
        "ward": profile.ward,
        "field": profile.field,
        "achievement": profile.achievement,
        "campaign": campaign_ref(profile.campaign),
    }


def profile_with_article(item: ExemplaryProfile, article: Article) -> dict:
    return profile(item) | {"article": article_teaser(article)}


def article_detail(article: Article, campaign: Campaign | None, exemplary: ExemplaryProfile | None) -> dict:
    """One article: the stored (sanitized) HTML body, its plain text, cover, keywords, campaign, profile."""
    return {
        "id": article.id,
        "title": article.title,
        "slug": article.slug,
        "url": article_url(article, _external=True),
        "lead": article.lead,
        "body_html": article.body,
        "body_text": article.body_text,
        "format": article.format.value,
        "section": section_ref(article.section),
        "keywords": [keyword_ref(keyword) for keyword in article.keywords],
        "campaign": campaign_ref(campaign),
        "profile": profile(exemplary) if exemplary else None,
        "cover": image(article.cover),
        "cover_caption": article.cover_caption,
        "byline": article.byline,
        "source": article.source,
        "published_at": iso_local(article.published_at),
        "updated_at": iso_local(article.updated_at),
    }


def hit(found: Hit) -> dict:
    """A search result: the title and a snippet as HTML with the matched words in <mark>."""
    return {
        "article": article_teaser(found.article),
        "title_html": str(found.title),
        "snippet_html": str(found.snippet),
    }
