"""The public article page; its URL is canonical by id, so old or wrong slugs redirect."""

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from app.articles import queries
from app.articles.view_counts import count_view
from app.caching.pages import cached_page
from app.comments.queries import public_thread
from app.curation.threads import thread_box
from app.media.library import responsive_body

blueprint = Blueprint("articles", __name__)

RELATED_SIZE = 5
MAX_ID = 2**31 - 1  # ids are 32-bit on PostgreSQL; larger numbers are not ids (SQLite overflowed to a 500)


@blueprint.get(f"/<section_slug>/<article_slug>-<int(max={MAX_ID}):article_id>.html")
@cached_page
def detail(section_slug: str, article_slug: str, article_id: int):
    article = queries.get_public_article_or_404(article_id)
    canonical = article_url(article)
    if request.path != canonical:
        return redirect(canonical, code=301)
    count_view(article.id)
    return render_template("articles/detail.html", **page_context(article))


def page_context(article) -> dict:
    """What the article page shows: the article, its story thread's other public articles, its related
    stories (hand-picked first), its neighbours.

    The back-office preview renders the same template with this same context.
    """
    newer, older = queries.neighbours(article)
    related = queries.related_for_page(article, RELATED_SIZE)
    newest_first = request.args.get("sort") == "newest"
    return {
        "article": article,
        "body_html": responsive_body(article.body),
        "story_thread": thread_box(article),
        "related": related,
        "newer": newer,
        "older": older,
        "thread": public_thread(
            article.id, newest_first=newest_first, per_page=current_app.config["COMMENTS_PER_PAGE"]
        ),
        "newest_first": newest_first,
    }


def article_url(article, **values) -> str:
    """The canonical URL of an article (or of an ArticleLink): /<section-slug>/<article-slug>-<id>.html."""
    section_slug = article.section_slug if isinstance(article, queries.ArticleLink) else article.section.slug
    return url_for(
        "articles.detail",
        section_slug=section_slug,
        article_slug=article.slug,
        article_id=article.id,
        **values,
    )
