"""The public keyword page (every public article tagged with a keyword) and the keyword autocomplete."""

from flask import Blueprint, jsonify, redirect, render_template, request, url_for

from app.articles.queries import paginate_listing, with_keyword
from app.caching.pages import cached_page
from app.keywords.queries import current_keyword_for_slug_or_404, suggest_keywords

blueprint = Blueprint("keywords", __name__)

SUGGESTIONS = 10
SUGGESTIONS_MAX_AGE = 300


@blueprint.get("/tu-khoa/goi-y")
@cached_page
def suggestions():
    """Keywords readers can open, for the search box: only those with a public article, so drafts never leak.

    The same answer suits everyone, so shared caches may keep it for a few minutes.
    """
    keywords = suggest_keywords(request.args.get("q", ""), SUGGESTIONS, public_only=True)
    response = jsonify(
        keywords=[
            {
                "name": keyword.name,
                "slug": keyword.slug,
                "url": url_for("keywords.detail", slug=keyword.slug),
            }
            for keyword in keywords
        ]
    )
    response.cache_control.public = True
    response.cache_control.max_age = SUGGESTIONS_MAX_AGE
    return response


@blueprint.get("/tu-khoa/<slug>")
@cached_page
def detail(slug: str):
    """A renamed or merged keyword's old address answers 301 with the page it lives on now."""
    keyword = current_keyword_for_slug_or_404(slug)
    if keyword.slug != slug:
        return redirect(url_for("keywords.detail", slug=keyword.slug), code=301)
    page = paginate_listing(with_keyword(keyword), listing_key=("keyword", keyword.id))
    return render_template("keywords/detail.html", keyword=keyword, page=page)
