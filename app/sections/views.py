"""The public section page: pinned stories first, then its articles (sub-sections' included), paginated."""

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from app.caching.pages import cached_page
from app.campaigns.exemplary import exemplary_page
from app.core.pagination import page_number
from app.curation.pins import section_page
from app.sections.models import SectionKind
from app.sections.queries import get_section_by_slug_or_404

blueprint = Blueprint("sections", __name__)


@blueprint.get("/<section_slug>/")
@cached_page
def detail(section_slug: str):
    """A section's page; a featured column's adds its banner, and the exemplary section has its own index."""
    section = get_section_by_slug_or_404(section_slug)
    if section.kind is SectionKind.EXEMPLARY:
        return render_template("campaigns/exemplary_index.html", **exemplary_page(section, request.args))
    page = section_page(section, page=page_number(), per_page=current_app.config["PAGE_SIZE"])
    return render_template("sections/detail.html", section=section, page=page)


@blueprint.get("/<section_slug>")
def without_slash(section_slug: str):
    """`/chinh-tri` → 301 `/chinh-tri/` for real sections; anything else is a plain 404."""
    section = get_section_by_slug_or_404(section_slug)
    return redirect(url_for("sections.detail", section_slug=section.slug), code=301)
