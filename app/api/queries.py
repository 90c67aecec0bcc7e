"""The API's reads: public articles filtered as the query string asks, built on the features' own queries.

Every article statement starts from `public_articles()`; nothing else decides what is public.
"""

from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload
from werkzeug.exceptions import NotFound

from app.api.params import ArticleListArgs
from app.articles.models import Article, ArticleFormat
from app.articles.queries import in_campaign, is_public, public_articles
from app.campaigns.models import Campaign, ExemplaryProfile
from app.campaigns.queries import all_campaigns, get_campaign_by_slug_or_404
from app.core.dates import as_utc, utcnow
from app.extensions import db
from app.keywords.models import Keyword, article_keywords
from app.keywords.queries import current_keyword_for_slug_or_404, has_public_article
from app.search.engines import Filters, engine_for
from app.search.queries import MAX_RESULTS
from app.search.query import parse_query
from app.sections.queries import get_section_by_slug_or_404, ids_with_descendants


def found_or_none(lookup, slug: str | None):
    """A `*_or_404` lookup that answers None instead: an unknown filter value matches nothing."""
    if slug is None:
        return None
    try:
        return lookup(slug)
    except NotFound:
        return None


# Filtering by an unknown section, keyword or campaign matches nothing: these ids belong to no row.
NO_IDS = (-1,)


def section_ids(slug: str | None) -> tuple[int, ...] | None:
    """The section's id and its sub-sections' (NO_IDS for an unknown section); None when not filtering."""
    if slug is None:
        return None
    section = found_or_none(get_section_by_slug_or_404, slug)
    return tuple(ids_with_descendants(section)) if section else NO_IDS


def campaign_id(slug: str | None) -> int | None:
    """The campaign's id (NO_IDS[0] for an unknown campaign); None when not filtering."""
    if slug is None:
        return None
    campaign = found_or_none(get_campaign_by_slug_or_404, slug)
    return campaign.id if campaign else NO_IDS[0]


def filtered_articles(args: ArticleListArgs) -> Select:
    """Public articles, newest first, narrowed by every filter given; `q` asks the search engine."""
    statement = public_articles().options(selectinload(Article.keywords))
    sections = section_ids(args.section)
    if sections is not None:
        statement = statement.where(Article.section_id.in_(sections))
    if args.keyword is not None:
        keyword = found_or_none(current_keyword_for_slug_or_404, args.keyword)
        tagged = select(article_keywords.c.article_id).where(
            article_keywords.c.keyword_id == (keyword.id if keyword else NO_IDS[0])
        )
        statement = statement.where(Article.id.in_(tagged))
    if args.campaign is not None:
        statement = statement.where(Article.campaign_id == campaign_id(args.campaign))
    if args.format is not None:
        statement = statement.where(Article.format == ArticleFormat(args.format))
    if args.since is not None:
        statement = statement.where(Article.published_at >= args.since)
    if args.before is not None:
        statement = statement.where(Article.published_at < args.before)
    if args.q.strip():
        statement = statement.where(Article.id.in_(matching_ids(args, sections)))
    return statement


def matching_ids(args: ArticleListArgs, sections: tuple[int, ...] | None) -> list[int]:
    """The newest MAX_RESULTS articles the search engine finds for `q` within the filters it knows."""
    query = parse_query(args.q)
    if query.is_empty:
        return []
    filters = Filters(
        now=utcnow(), section_ids=sections or (), format=args.format, since=args.since, before=args.before
    )
    return engine_for(db.session).newest(query, filters, offset=0, limit=MAX_RESULTS)


def campaigns_by_id(articles: list[Article]) -> dict[int, Campaign]:
    ids = {article.campaign_id for article in articles if article.campaign_id is not None}
    if not ids:
        return {}
    return {
        campaign.id: campaign for campaign in db.session.scalars(select(Campaign).where(Campaign.id.in_(ids)))
    }


def profile_of(article: Article) -> ExemplaryProfile | None:
    if article.format is not ArticleFormat.EXEMPLARY:
        return None
    return db.session.scalar(select(ExemplaryProfile).where(ExemplaryProfile.article_id == article.id))


def public_keywords() -> Select:
    """Live keywords carrying at least one public article, alphabetically (accents aside)."""
    return (
        select(Keyword)
        .where(Keyword.merged_into_id.is_(None), has_public_article())
        .order_by(Keyword.folded, Keyword.id)
    )


def public_counts(keywords: list[Keyword]) -> dict[int, int]:
    """How many public articles carry each keyword (drafts and scheduled stories are not counted)."""
    if not keywords:
        return {}
    return dict(
        db.session.execute(
            select(article_keywords.c.keyword_id, func.count())
            .join(Article, Article.id == article_keywords.c.article_id)
            .where(article_keywords.c.keyword_id.in_([keyword.id for keyword in keywords]), is_public())
            .group_by(article_keywords.c.keyword_id)
        ).all()
    )


def campaigns() -> list[Campaign]:
    """Every campaign (all are public), the most recently started first."""
    return list(db.session.scalars(all_campaigns()))


def campaign_articles(campaign: Campaign, limit: int) -> tuple[list[Article], int]:
    """The newest public articles of a campaign, and how many it has in all."""
    statement = in_campaign(campaign.id)
    return list(db.session.scalars(statement.limit(limit)).unique()), count(statement)


def count(statement: Select) -> int:
    return db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery())) or 0


def last_changed(articles: list[Article]) -> datetime | None:
    """When the newest of these articles last changed or came out (a scheduled story appears later)."""
    moments = [
        as_utc(moment)
        for article in articles
        for moment in (article.updated_at, article.published_at)
        if moment
    ]
    return max(moments, default=None)
