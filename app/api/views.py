"""The /api/v1 endpoints: GET only, public data only, cacheable (ETag, Last-Modified, 304), any origin."""

from datetime import datetime

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from flask_babel import gettext as _
from flask_sqlalchemy.pagination import Pagination
from werkzeug.exceptions import NotFound

from app.api import errors, params, queries, serializers
from app.api.errors import ApiError
from app.api.openapi import document
from app.articles.queries import get_public_article_or_404, section_choices
from app.articles.views import MAX_ID
from app.caching.pages import cache_blueprint
from app.campaigns.exemplary import ExemplaryFilters, exemplary_stories
from app.campaigns.queries import exemplary_stories as campaign_stories
from app.campaigns.queries import get_campaign_by_slug_or_404
from app.core.dates import today_local
from app.core.pagination import PageOfItems, paginate
from app.extensions import limiter
from app.keywords.queries import suggest_keywords
from app.search.queries import PER_PAGE as SEARCH_PER_PAGE
from app.search.queries import SearchParams, search

blueprint = cache_blueprint(Blueprint("api", __name__, url_prefix="/api/v1"))
limiter.shared_limit(lambda: current_app.config["API_LIMITS"], scope="api")(blueprint)
errors.register(blueprint)

CAMPAIGN_STORIES = 12
CAMPAIGN_ARTICLES = 20
MAX_AGE = 60


@blueprint.after_request
def allow_any_origin(response: Response) -> Response:
    """CORS for a public, credential-free API: any site may read it; preflights learn what is allowed."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = (
        "ETag, Last-Modified, Retry-After, X-Incident-Id, "
        "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"
    )
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response


def respond(body: dict, last_modified: datetime | None = None) -> Response:
    """The JSON body with a strong ETag (its hash) and Last-Modified; 304 when the client's copy is fresh."""
    response = jsonify(body)
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    if last_modified is not None:
        response.last_modified = last_modified
    response.add_etag()
    return response.make_conditional(request)


def page_links(page: Pagination) -> dict:
    def link(number: int) -> str:
        return url_for(request.endpoint, **{**request.args.to_dict(), "page": number}, _external=True)

    return {
        "self": link(page.page),
        "first": link(1),
        "last": link(max(page.pages, 1)),
        "prev": link(page.page - 1) if page.has_prev else None,
        "next": link(page.page + 1) if page.has_next else None,
    }


def page_meta(page: Pagination) -> dict:
    return {"page": page.page, "per_page": page.per_page, "total": page.total, "pages": page.pages}


@blueprint.get("/openapi.json")
def openapi():
    return respond(document())


@blueprint.get("/articles")
def articles():
    args = params.article_list_args(request.args)
    page = paginate(queries.filtered_articles(args), per_page=args.per_page)
    campaigns = queries.campaigns_by_id(page.items) if "campaign" in args.fields else {}
    return respond(
        {
            "data": [serializers.article_summary(article, campaigns, args.fields) for article in page.items],
            "links": page_links(page),
            "meta": page_meta(page),
        },
        queries.last_changed(page.items),
    )


@blueprint.get(f"/articles/<int(min=1, max={MAX_ID}):article_id>")
def article(article_id: int):
    try:
        found = get_public_article_or_404(article_id)
    except NotFound:
        raise ApiError(404, _("No public article has this id."), field="id") from None
    campaign = queries.campaigns_by_id([found]).get(found.campaign_id)
    body = {"data": serializers.article_detail(found, campaign, queries.profile_of(found))}
    return respond(body, queries.last_changed([found]))


@blueprint.get("/sections")
def sections():
    return respond({"data": [serializers.section(section) for section in section_choices()]})


@blueprint.get("/keywords")
def keywords():
    read = params.QueryArgs(request.args)
    q, page_number, per_page = read.text("q"), read.page(), read.per_page()
    if q.strip():
        # Autocomplete: the best `per_page` matches on one page.
        found = suggest_keywords(q, per_page, public_only=True) if page_number == 1 else []
        page = PageOfItems(
            page=page_number, per_page=per_page, items=found, total=len(found), error_out=False
        )
    else:
        page = paginate(queries.public_keywords(), per_page=per_page)
    counts = queries.public_counts(page.items)
    return respond(
        {
            "data": [serializers.keyword(keyword, counts.get(keyword.id, 0)) for keyword in page.items],
            "links": page_links(page),
            "meta": page_meta(page),
        }
    )


@blueprint.get("/campaigns")
def campaigns():
    status = params.QueryArgs(request.args).choice("status", params.CAMPAIGN_STATUSES)
    today = today_local()
    listed = [
        campaign for campaign in queries.campaigns() if status in (None, campaign.status_on(today).value)
    ]
    return respond({"data": [serializers.campaign(campaign, today) for campaign in listed]})


@blueprint.get("/campaigns/<slug>")
def campaign(slug: str):
    found = queries.found_or_none(get_campaign_by_slug_or_404, slug if params.is_slug(slug) else None)
    if found is None:
        raise ApiError(404, _("No campaign has this address."), field="slug")
    stories = campaign_stories(found, CAMPAIGN_STORIES)
    articles, article_count = queries.campaign_articles(found, CAMPAIGN_ARTICLES)
    body = serializers.campaign(found, today_local()) | {
        "stories": [serializers.profile_with_article(profile, article) for article, profile in stories],
        "articles": [serializers.article_teaser(article) for article in articles],
        "article_count": article_count,
    }
    # No Last-Modified: a campaign keeps no edit time, so only the ETag can tell that it changed.
    return respond({"data": body})


@blueprint.get("/exemplary-profiles")
def exemplary_profiles():
    args = params.profile_args(request.args)
    filters = ExemplaryFilters(
        ward=args.ward.strip(),
        field=args.field.strip(),
        kind=args.kind or "",
        campaign_id=queries.campaign_id(args.campaign),
    )
    page = paginate(exemplary_stories(filters), per_page=args.per_page)
    return respond(
        {
            "data": [serializers.profile_with_article(article.profile, article) for article in page.items],
            "links": page_links(page),
            "meta": page_meta(page),
        },
        queries.last_changed(page.items),
    )


@blueprint.get("/search")
def search_articles():
    args = params.search_args(request.args)
    results = search(
        SearchParams(
            q=args.q,
            section_ids=queries.section_ids(args.section) or (),
            format=args.format,
            since=args.since,
            before=args.before,
            newest_first=args.newest_first,
            page=args.page,
        )
    )
    page = results.page or PageOfItems(
        page=args.page, per_page=SEARCH_PER_PAGE, items=[], total=0, error_out=False
    )
    return respond(
        {
            "data": [serializers.hit(found) for found in page.items],
            "links": page_links(page),
            "meta": page_meta(page) | {"more_than_max": results.more_than_max},
            "similar": [serializers.article_teaser(article) for article in results.similar],
        },
        queries.last_changed([found.article for found in page.items] + results.similar),
    )
