"""The public keyword page: every public article tagged with a keyword."""

from flask import Blueprint, render_template

from app.articles.queries import with_keyword
from app.core.pagination import paginate
from app.keywords.queries import get_keyword_by_slug_or_404

blueprint = Blueprint("keywords", __name__)


@blueprint.get("/tu-khoa/<slug>")
def detail(slug: str):
    keyword = get_keyword_by_slug_or_404(slug)
    page = paginate(with_keyword(keyword))
    return render_template("keywords/detail.html", keyword=keyword, page=page)
