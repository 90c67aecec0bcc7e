"""Reading what feeds and sitemaps list. Every article list starts from the one visibility rule."""

from datetime import datetime

from sqlalchemy import Row, func, select
from sqlalchemy.orm import selectinload

from app.articles.models import Article
from app.articles.queries import in_sections, is_public, public_articles, with_keyword
from app.campaigns.models import Campaign
from app.extensions import db
from app.keywords.models import Keyword
from app.keywords.queries import has_public_article
from app.sections.models import Section
from app.sections.queries import ids_with_descendants

FEED_SIZE = 30
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per news sitemap


def _feed(statement) -> list[Article]:
    """The newest public articles with what an item shows (section, cover, keywords) in two statements."""
    return list(
        db.session.scalars(statement.options(selectinload(Article.keywords)).limit(FEED_SIZE)).unique()
    )


def site_feed_articles() -> list[Article]:
    return _feed(public_articles())


def section_feed_articles(section: Section) -> list[Article]:
    """A section's feed lists its sub-sections' articles too, like its page."""
    return _feed(in_sections(ids_with_descendants(section)))


def keyword_feed_articles(keyword: Keyword) -> list[Article]:
    return _feed(with_keyword(keyword))


# Sitemaps: bare columns, no ORM objects, so 100,000 rows stay cheap.


def count_public_articles() -> int:
    return db.session.scalar(select(func.count()).select_from(Article).where(is_public())) or 0


def article_rows(offset: int, limit: int) -> list[Row]:
    """(id, slug, section_slug, updated_at) of public articles in id order, one sitemap page's worth.

    The page's ids come from the visibility index first, then only those rows are read: sorting the
    joined rows instead read every public row (3× slower at 100,000 on SQLite). Core rows, not ORM
    ones: 50,000 rows skip the ORM's per-row bookkeeping.
    """
    page_ids = select(Article.id).where(is_public()).order_by(Article.id).offset(offset).limit(limit)
    statement = (
        select(Article.id, Article.slug, Section.slug.label("section_slug"), Article.updated_at)
        .join(Section, Section.id == Article.section_id)
        .where(Article.id.in_(page_ids.scalar_subquery()))
        .order_by(Article.id)
    )
    return list(db.session.connection().execute(statement))


def section_slugs() -> list[str]:
    return list(db.session.scalars(select(Section.slug).order_by(Section.position, Section.id)))


def campaign_slugs() -> list[str]:
    return list(db.session.scalars(select(Campaign.slug).order_by(Campaign.starts_on.desc(), Campaign.id)))


def public_keyword_slugs() -> list[str]:
    """Live keywords with at least one public article: a keyword page with nothing public stays unlisted."""
    return list(
        db.session.scalars(
            select(Keyword.slug)
            .where(Keyword.merged_into_id.is_(None), has_public_article())
            .order_by(Keyword.slug)
        )
    )


def news_rows(since: datetime) -> list[Row]:
    """(id, slug, section_slug, title, published_at) of public articles published since `since`."""
    return list(
        db.session.execute(
            select(
                Article.id,
                Article.slug,
                Section.slug.label("section_slug"),
                Article.title,
                Article.published_at,
            )
            .join(Section, Section.id == Article.section_id)
            .where(is_public(), Article.published_at >= since)
            .order_by(Article.published_at.desc(), Article.id.desc())
            .limit(NEWS_LIMIT)
        )
    )
