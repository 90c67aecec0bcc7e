"""Reading campaigns and the exemplary stories tied to them."""

from datetime import date

from flask import abort
from sqlalchemy import or_, select

from app.articles.models import Article
from app.articles.queries import public_articles
from app.campaigns.models import Campaign, ExemplaryProfile
from app.extensions import db


def get_campaign_by_slug_or_404(slug: str) -> Campaign:
    campaign = db.session.scalar(select(Campaign).where(Campaign.slug == slug))
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
