"""The public keyword page: every public article tagged with a keyword."""

from flask import Blueprint, redirect, render_template, url_for

from app.articles.queries import with_keyword
from app.core.pagination import paginate
from app.keywords.queries import current_keyword_for_slug_or_404

blueprint = Blueprint("keywords", __name__)


@blueprint.get("/tu-khoa/<slug>")
def detail(slug: str):
    """A renamed or merged keyword's old address answers 301 with the page it lives on now."""
    keyword = current_keyword_for_slug_or_404(slug)
    if keyword.slug != slug:
        return redirect(url_for("keywords.detail", slug=keyword.slug), code=301)
    page = paginate(with_keyword(keyword))
    return render_template("keywords/detail.html", keyword=keyword, page=page)
