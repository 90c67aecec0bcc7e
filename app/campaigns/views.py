"""The public campaign page: description, goals, exemplary stories, all its articles and its figures."""

from flask import Blueprint, render_template

from app.articles.queries import in_campaign
from app.caching.pages import cached_page
from app.campaigns.queries import exemplary_stories, get_campaign_by_slug_or_404
from app.campaigns.report import bar_chart, campaign_figures
from app.core.pagination import paginate

blueprint = Blueprint("campaigns", __name__)

STORIES_SHOWN = 12


@blueprint.get("/phong-trao/<slug>")
@cached_page
def detail(slug: str):
    campaign = get_campaign_by_slug_or_404(slug)
    figures = campaign_figures(campaign)
    return render_template(
        "campaigns/detail.html",
        campaign=campaign,
        stories=exemplary_stories(campaign, STORIES_SHOWN),
        page=paginate(in_campaign(campaign.id)),
        figures=figures,
        months_chart=bar_chart(figures.months),
    )
