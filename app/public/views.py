"""The home page."""

from flask import Blueprint, render_template

from app.articles import queries as articles
from app.sections.queries import home_block_sections

blueprint = Blueprint("public", __name__)

TOP_STORIES = 5
LATEST_SIZE = 8
BLOCK_SIZE = 4


@blueprint.get("/")
def home():
    top = articles.featured(TOP_STORIES)
    latest = articles.latest(LATEST_SIZE, exclude_ids=tuple(article.id for article in top))
    sections = home_block_sections()
    blocks = articles.latest_per_section(sections, BLOCK_SIZE)
    return render_template(
        "public/home.html",
        top=top,
        latest=latest,
        blocks=[(section, blocks[section.id]) for section in sections if blocks[section.id]],
    )
