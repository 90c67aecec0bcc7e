"""The public section page: its articles (sub-sections' included), paginated."""

from flask import Blueprint, redirect, render_template, url_for

from app.articles.queries import in_sections
from app.core.pagination import paginate
from app.sections.queries import get_section_by_slug_or_404, ids_with_descendants

blueprint = Blueprint("sections", __name__)


@blueprint.get("/<section_slug>/")
def detail(section_slug: str):
    section = get_section_by_slug_or_404(section_slug)
    page = paginate(in_sections(ids_with_descendants(section)))
    return render_template("sections/detail.html", section=section, page=page)


@blueprint.get("/<section_slug>")
def without_slash(section_slug: str):
    """`/chinh-tri` → 301 `/chinh-tri/` for real sections; anything else is a plain 404."""
    section = get_section_by_slug_or_404(section_slug)
    return redirect(url_for("sections.detail", section_slug=section.slug), code=301)
