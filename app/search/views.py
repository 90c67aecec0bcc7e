"""The public search page `/tim-kiem?q=…` and its search-as-you-type suggestions."""

from flask import Blueprint, jsonify, render_template, request

from app.articles.views import article_url
from app.caching.pages import cached_page
from app.core.pagination import page_number
from app.keywords.suggestions import close_to_query
from app.search.forms import SearchForm
from app.search.queries import search, suggest
from app.sections.queries import ids_with_descendants, section_tree

blueprint = Blueprint("search", __name__)


@blueprint.get("/tim-kiem")
@cached_page
def results():
    form = SearchForm(request.args, section_tree())
    form.validate()
    results = search(form.to_params(page=page_number(), section_ids=ids_with_descendants))
    suggestions = (
        close_to_query(form.q.data or "") if results.total == 0 and not results.query.is_empty else None
    )
    return render_template("search/results.html", form=form, results=results, suggestions=suggestions)


@blueprint.get("/tim-kiem/goi-y")
@cached_page
def suggestions():
    """Titles for the search box while the reader types (the last word counts as a prefix)."""
    articles = suggest(request.args.get("q", ""))
    response = jsonify(
        {"articles": [{"title": article.title, "url": article_url(article)} for article in articles]}
    )
    response.headers["Cache-Control"] = "public, max-age=60"
    return response
