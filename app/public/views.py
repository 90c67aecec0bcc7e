"""The home page."""

from flask import Blueprint, render_template

from app.articles import queries as articles
from app.caching.pages import cached_page
from app.campaigns.queries import active_campaigns
from app.core.dates import today_local
from app.curation.home import home_stories
from app.sections.queries import home_block_sections

blueprint = Blueprint("public", __name__)

LATEST_SIZE = 8
BLOCK_SIZE = 4


@blueprint.get("/")
@cached_page
def home():
    stories = home_stories()
    latest = articles.latest(LATEST_SIZE, exclude_ids=stories.shown_ids)
    sections = home_block_sections()
    blocks = articles.latest_per_section(sections, BLOCK_SIZE)
    return render_template(
        "public/home.html",
        top=stories.top,
        focus=stories.focus,
        latest=latest,
        blocks=[(section, blocks[section.id]) for section in sections if blocks[section.id]],
        campaigns=active_campaigns(today_local()),
    )
