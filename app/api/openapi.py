"""The OpenAPI 3.1 document of /api/v1, built once per app from the same constants params.py enforces.

The contract test (tests/api/test_contract.py) generates requests from it and checks every answer
against it, so a change here without one in params/serializers (or the reverse) fails the suite.
"""

from flask import current_app

from app.api import params
from app.articles.views import MAX_ID

DESCRIPTION = (
    "Read-only JSON API of the district news site: public articles, sections, keywords, campaigns, "
    "exemplary profiles and search. Only published articles whose time has come are ever included. "
    "Every answer carries an ETag (and Last-Modified for article data): send If-None-Match or "
    "If-Modified-Since to get 304. Errors share one shape. Rate limited per IP."
)


def obj(properties: dict, *, required: list[str] | None = None) -> dict:
    """A closed object; every property is required unless told otherwise."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
    }


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


def array(items: dict) -> dict:
    return {"type": "array", "items": items}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
URL = {"type": "string", "format": "uri"}
TIMESTAMP = {"type": "string", "format": "date-time"}
DAY = {"type": "string", "format": "date"}
SLUG = {"type": "string", "pattern": "^[a-z0-9-]+$", "maxLength": params.SLUG_MAX_LENGTH}
FORMAT = {"type": "string", "enum": list(params.FORMATS)}


def schemas() -> dict:
    ref_fields = {"id": INTEGER, "slug": SLUG, "url": URL}
    article_summary = {
        "id": INTEGER,
        "title": STRING,
        "slug": STRING,
        "url": URL,
        "lead": STRING,
        "format": FORMAT,
        "section": ref("SectionRef"),
        "keywords": array(ref("KeywordRef")),
        "campaign": nullable(ref("CampaignRef")),
        "cover": nullable(ref("Image")),
        "byline": STRING,
        "published_at": TIMESTAMP,
        "updated_at": TIMESTAMP,
    }
    teaser = {
        name: article_summary[name]
        for name in ("id", "title", "url", "lead", "format", "section", "cover", "published_at")
    }
    profile = {
        "id": INTEGER,
        "subject_name": STRING,
        "subject_kind": {"type": "string", "enum": list(params.SUBJECT_KINDS)},
        "unit": STRING,
        "ward": STRING,
        "field": STRING,
        "achievement": STRING,
        "campaign": nullable(ref("CampaignRef")),
    }
    campaign = {
        "id": INTEGER,
        "title": STRING,
        "slug": SLUG,
        "url": URL,
        "description": STRING,
        "goals": array(STRING),
        "starts_on": DAY,
        "ends_on": nullable(DAY),
        "status": {"type": "string", "enum": list(params.CAMPAIGN_STATUSES)},
        "banner": nullable(ref("Image")),
    }
    links = dict.fromkeys(("self", "first", "last"), URL) | {"prev": nullable(URL), "next": nullable(URL)}
    meta = {
        "page": {"type": "integer", "minimum": 1},
        "per_page": {"type": "integer", "minimum": 1, "maximum": params.PER_PAGE_MAX},
        "total": {"type": "integer", "minimum": 0},
        "pages": {"type": "integer", "minimum": 0},
    }

    def page_of(item: str, meta_schema: str = "Meta") -> dict:
        return obj({"data": array(ref(item)), "links": ref("Links"), "meta": ref(meta_schema)})

    return {
        "Error": obj(
            {
                "error": obj(
                    {
                        "status": {"type": "integer", "minimum": 400, "maximum": 599},
                        "code": STRING,
                        "message": STRING,
                        "field": nullable(STRING),
                        "incident_id": {"type": "string", "pattern": "^[0-9a-f]{12}$"},
                    }
                )
            }
        ),
        "Variant": obj(
            {
                "url": URL,
                "width": INTEGER,
                "height": INTEGER,
                "format": STRING,
                "crop": nullable(STRING),
            }
        ),
        "Image": obj(
            {
                "id": INTEGER,
                "alt": STRING,
                "credit": STRING,
                "width": nullable(INTEGER),
                "height": nullable(INTEGER),
                "variants": array(ref("Variant")),
            }
        ),
        "SectionRef": obj(ref_fields | {"name": STRING}),
        "Section": obj(
            ref_fields
            | {
                "name": STRING,
                "description": STRING,
                "kind": {"type": "string", "enum": ["news", "column", "exemplary", "photo", "video"]},
                "parent_id": nullable(INTEGER),
            }
        ),
        "KeywordRef": obj(ref_fields | {"name": STRING}),
        "Keyword": obj(ref_fields | {"name": STRING, "article_count": {"type": "integer", "minimum": 1}}),
        "CampaignRef": obj(ref_fields | {"title": STRING}),
        "Campaign": obj(campaign),
        "CampaignDetail": obj(
            campaign
            | {
                "stories": array(ref("ProfileWithArticle")),
                "articles": array(ref("ArticleTeaser")),
                "article_count": {"type": "integer", "minimum": 0},
            }
        ),
        "ArticleSummary": obj(article_summary, required=["id"]),
        "ArticleTeaser": obj(teaser),
        "Article": obj(
            article_summary
            | {
                "body_html": STRING,
                "body_text": STRING,
                "profile": nullable(ref("Profile")),
                "cover_caption": STRING,
                "source": STRING,
            }
        ),
        "Profile": obj(profile),
        "ProfileWithArticle": obj(profile | {"article": ref("ArticleTeaser")}),
        "Hit": obj(
            {
                "article": ref("ArticleTeaser"),
                "title_html": {
                    "type": "string",
                    "description": "The title, HTML-escaped, matches in <mark>.",
                },
                "snippet_html": {
                    "type": "string",
                    "description": "A passage, HTML-escaped, matches in <mark>.",
                },
            }
        ),
        "Links": obj(links),
        "Meta": obj(meta),
        "SearchMeta": obj(
            meta | {"per_page": {"type": "integer", "const": 20}, "more_than_max": {"type": "boolean"}}
        ),
        "ArticlePage": page_of("ArticleSummary"),
        "KeywordPage": page_of("Keyword"),
        "ProfilePage": page_of("ProfileWithArticle"),
        "SearchResults": obj(
            {
                "data": array(ref("Hit")),
                "links": ref("Links"),
                "meta": ref("SearchMeta"),
                "similar": array(ref("ArticleTeaser")),
            }
        ),
        "ArticleBody": obj({"data": ref("Article")}),
        "CampaignBody": obj({"data": ref("CampaignDetail")}),
        "SectionList": obj({"data": array(ref("Section"))}),
        "CampaignList": obj({"data": array(ref("Campaign"))}),
        "OpenApiDocument": {
            "type": "object",
            "required": ["openapi", "info", "paths"],
            "properties": {"openapi": {"type": "string", "pattern": r"^3\.1\."}},
        },
    }


def query(name: str, schema: dict, description: str, *, required: bool = False, **extra) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema,
    } | extra


TEXT = {"type": "string", "maxLength": params.TEXT_MAX_LENGTH, "pattern": params.TEXT_PATTERN}


def parameters(max_page: int) -> dict:
    day = DAY | {"pattern": params.DAY_PATTERN}
    return {
        "page": query(
            "page", {"type": "integer", "minimum": 1, "maximum": max_page, "default": 1}, "Page number."
        ),
        "per_page": query(
            "per_page",
            {
                "type": "integer",
                "minimum": 1,
                "maximum": params.PER_PAGE_MAX,
                "default": params.PER_PAGE_DEFAULT,
            },
            "Items per page.",
        ),
        "section": query(
            "section",
            SLUG | {"pattern": params.SLUG_PATTERN},
            "Section slug; its sub-sections' articles are included. Unknown: no results.",
        ),
        "format": query("format", FORMAT, "Article format."),
        "from": query("from", day, "First day (Vietnam time) of publication, YYYY-MM-DD."),
        "to": query("to", day, "Last day (Vietnam time) of publication, YYYY-MM-DD."),
    }


def responses(body: str, *, last_modified: bool = True, not_found: bool = False) -> dict:
    headers = {
        "ETag": {
            "required": True,
            "schema": STRING,
            "description": "Hash of the body; send as If-None-Match.",
        },
        "Cache-Control": {"required": True, "schema": STRING},
        "Access-Control-Allow-Origin": {"required": True, "schema": {"type": "string", "const": "*"}},
    }
    if last_modified:
        headers["Last-Modified"] = {"schema": STRING, "description": "The newest change among the articles."}
    error = {"description": "Error", "content": {"application/json": {"schema": ref("Error")}}}
    answers = {
        "200": {
            "description": "OK",
            "headers": headers,
            "content": {"application/json": {"schema": ref(body)}},
        },
        "304": {"description": "Not modified since the ETag or date the client sent."},
        "400": error | {"description": "A query parameter is invalid (`field` names it)."},
        "429": error | {"description": "Too many requests; see Retry-After."},
        "default": error,
    }
    if not_found:
        answers["404"] = error | {"description": "Not found (or not public), or a page past the last."}
    return answers


def operation(operation_id: str, summary: str, body: str, parameters: list[dict], **options) -> dict:
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": parameters,
            "responses": responses(body, **options),
        }
    }


def build(max_page: int) -> dict:
    shared = parameters(max_page)
    page = [shared["page"], shared["per_page"]]
    fields_description = "Comma-separated fields to return (id always comes): " + ", ".join(
        params.ARTICLE_FIELDS
    )
    return {
        "openapi": "3.1.0",
        "info": {"title": "Bản tin API", "version": "1.0.0", "description": DESCRIPTION},
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/articles": operation(
                "listArticles",
                "Public articles, newest first",
                "ArticlePage",
                [
                    shared["section"],
                    query("keyword", SLUG | {"pattern": params.SLUG_PATTERN}, "Keyword slug."),
                    shared["format"],
                    query("campaign", SLUG | {"pattern": params.SLUG_PATTERN}, "Campaign slug."),
                    shared["from"],
                    shared["to"],
                    query("q", TEXT, "Words to search for (among the 1,000 newest matches)."),
                    *page,
                    query(
                        "fields",
                        {
                            "type": "array",
                            "minItems": 1,
                            "items": {"type": "string", "enum": list(params.ARTICLE_FIELDS)},
                        },
                        fields_description,
                        style="form",
                        explode=False,
                    ),
                ],
                not_found=True,
            ),
            "/articles/{id}": operation(
                "getArticle",
                "One public article with its sanitized HTML body and plain text",
                "ArticleBody",
                [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
                    }
                ],
                not_found=True,
            ),
            "/sections": operation(
                "listSections", "Every section, in menu order", "SectionList", [], last_modified=False
            ),
            "/keywords": operation(
                "listKeywords",
                "Keywords with public articles and how many they have",
                "KeywordPage",
                [query("q", TEXT, "Autocomplete: the best matches for these letters (one page)."), *page],
                last_modified=False,
                not_found=True,
            ),
            "/campaigns": operation(
                "listCampaigns",
                "Emulation campaigns, the most recently started first",
                "CampaignList",
                [
                    query(
                        "status",
                        {"type": "string", "enum": list(params.CAMPAIGN_STATUSES)},
                        "Status today (Vietnam time).",
                    )
                ],
                last_modified=False,
            ),
            "/campaigns/{slug}": operation(
                "getCampaign",
                "One campaign with its exemplary stories and newest articles",
                "CampaignBody",
                [{"name": "slug", "in": "path", "required": True, "schema": SLUG}],
                last_modified=False,
                not_found=True,
            ),
            "/exemplary-profiles": operation(
                "listExemplaryProfiles",
                "Exemplary-practice profiles of public stories, newest first",
                "ProfilePage",
                [
                    query("campaign", SLUG | {"pattern": params.SLUG_PATTERN}, "Campaign slug."),
                    query("ward", TEXT | {"maxLength": 100}, "Ward, exactly."),
                    query("field", TEXT | {"maxLength": 100}, "Field of work, exactly."),
                    query(
                        "kind",
                        {"type": "string", "enum": list(params.SUBJECT_KINDS)},
                        "Person or collective.",
                    ),
                    *page,
                ],
                not_found=True,
            ),
            "/search": operation(
                "search",
                "Full-text search with highlighted snippets (20 per page, at most 1,000 results)",
                "SearchResults",
                [
                    query("q", TEXT | {"minLength": 1}, "What to search for.", required=True),
                    shared["section"],
                    shared["format"],
                    shared["from"],
                    shared["to"],
                    query("sort", {"type": "string", "enum": list(params.SEARCH_SORTS)}, "Order of results."),
                    shared["page"],
                ],
                not_found=True,
            ),
            "/openapi.json": operation(
                "openapi", "This document", "OpenApiDocument", [], last_modified=False
            ),
        },
        "components": {"schemas": schemas()},
    }


def document() -> dict:
    """The document for the current app, built on first use."""
    built = current_app.extensions.get("api_openapi")
    if built is None:
        built = current_app.extensions["api_openapi"] = build(current_app.config["MAX_PAGE"])
    return built
