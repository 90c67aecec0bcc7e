"""Reading campaigns and the exemplary stories tied to them."""

from datetime import date

from flask import abort
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload

from app.articles.models import Article
from app.articles.queries import public_articles
from app.campaigns.models import Campaign, ExemplaryProfile
from app.extensions import db


def get_campaign_by_slug_or_404(slug: str) -> Campaign:
    """The campaign with its banner loaded in the same statement (the page shows it)."""
    campaign = db.session.scalar(
        select(Campaign).where(Campaign.slug == slug).options(joinedload(Campaign.banner))
    )
    if campaign is None:
        abort(404)
    return campaign


def get_campaign_or_404(campaign_id: int) -> Campaign:
    campaign = db.session.scalar(
        select(Campaign).where(Campaign.id == campaign_id).options(joinedload(Campaign.banner))
    )
    if campaign is None:
        abort(404)
    return campaign


def active_campaigns(today: date) -> list[Campaign]:
    """Campaigns running on `today` (started, not ended), the most recently started first."""
    return list(
        db.session.scalars(
            select(Campaign)
            .where(Campaign.starts_on <= today, or_(Campaign.ends_on.is_(None), Campaign.ends_on >= today))
            .order_by(Campaign.starts_on.desc(), Campaign.id.desc())
        )
    )


def all_campaigns() -> Select:
    """Every campaign for the back office, the most recently started first."""
    return select(Campaign).order_by(Campaign.starts_on.desc(), Campaign.id.desc())


def slug_taken(slug: str, *, excluding: Campaign | None = None) -> bool:
    statement = select(Campaign.id).where(Campaign.slug == slug)
    if excluding is not None and excluding.id is not None:
        statement = statement.where(Campaign.id != excluding.id)
    return db.session.scalar(statement.limit(1)) is not None


def linked_counts(campaign: Campaign) -> tuple[int, int]:
    """How many articles (any status) and exemplary profiles name the campaign: what deleting unlinks."""
    articles = db.session.scalar(select(func.count()).where(Article.campaign_id == campaign.id))
    profiles = db.session.scalar(select(func.count()).where(ExemplaryProfile.campaign_id == campaign.id))
    return articles or 0, profiles or 0


def exemplary_stories(campaign: Campaign, limit: int) -> list[tuple[Article, ExemplaryProfile]]:
    """Public exemplary stories of a campaign with their profiles, newest first, in one query."""
    statement = (
        public_articles()
        .add_columns(ExemplaryProfile)
        .join(ExemplaryProfile, ExemplaryProfile.article_id == Article.id)
        .where(ExemplaryProfile.campaign_id == campaign.id)
        .limit(limit)
    )
    return [(row[0], row[1]) for row in db.session.execute(statement).unique()]
