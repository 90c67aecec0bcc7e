"""Query-string parsing for the API: each parameter checked exactly as openapi.py documents it.

A value the document allows is never refused, and one it forbids is always a 400 naming the parameter
(the contract test holds both ways). Empty slugs and texts mean "not given", as from a form.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask import current_app
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from app.api.errors import invalid
from app.core.dates import MAX_YEAR, MIN_YEAR, local_to_utc

SLUG_PATTERN = r"^[a-z0-9-]*$"
SLUG_MAX_LENGTH = 200
# No control characters: PostgreSQL refuses NUL in text, and nobody types the others.
TEXT_PATTERN = r"^[^\u0000-\u001f\u007f]*$"
TEXT_MAX_LENGTH = 200
# A plausible date (year 0000 and month 13 are refused here; 30 February by date.fromisoformat).
DAY_PATTERN = r"^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
PER_PAGE_DEFAULT = 20
PER_PAGE_MAX = 100
ARTICLE_FIELDS = (
    "id",
    "title",
    "slug",
    "url",
    "lead",
    "format",
    "section",
    "keywords",
    "campaign",
    "cover",
    "byline",
    "published_at",
    "updated_at",
)
FORMATS = ("standard", "photo", "video", "exemplary")
SUBJECT_KINDS = ("individual", "collective")
CAMPAIGN_STATUSES = ("upcoming", "active", "ended")
SEARCH_SORTS = ("relevance", "newest")


def is_slug(value: str) -> bool:
    return 0 < len(value) <= SLUG_MAX_LENGTH and re.fullmatch(SLUG_PATTERN, value) is not None


class QueryArgs:
    """Typed access to request.args; every failure is an ApiError(400) naming the parameter."""

    def __init__(self, args: MultiDict):
        self.args = args

    def integer(self, name: str, *, default: int, minimum: int, maximum: int) -> int:
        raw = self.args.get(name)
        if raw is None:
            return default
        # ASCII digits only, length checked before int(): `²` passes isdigit(), huge strings overflow.
        if not (raw.isascii() and raw.isdigit() and len(raw) <= len(str(maximum))) or not (
            minimum <= int(raw) <= maximum
        ):
            raise invalid(
                name,
                _(
                    "Must be a whole number from %(minimum)s to %(maximum)s.",
                    minimum=minimum,
                    maximum=maximum,
                ),
            )
        return int(raw)

    def page(self) -> int:
        return self.integer("page", default=1, minimum=1, maximum=current_app.config["MAX_PAGE"])

    def per_page(self) -> int:
        return self.integer("per_page", default=PER_PAGE_DEFAULT, minimum=1, maximum=PER_PAGE_MAX)

    def choice(self, name: str, choices: tuple[str, ...], default: str | None = None) -> str | None:
        raw = self.args.get(name)
        if raw is None:
            return default
        if raw not in choices:
            raise invalid(name, _("Must be one of: %(choices)s.", choices=", ".join(choices)))
        return raw

    def slug(self, name: str) -> str | None:
        raw = self.args.get(name, "")
        if len(raw) > SLUG_MAX_LENGTH or not re.fullmatch(SLUG_PATTERN, raw):
            raise invalid(
                name,
                _(
                    "Must be lower-case letters, digits and dashes, at most %(length)s long.",
                    length=SLUG_MAX_LENGTH,
                ),
            )
        return raw or None

    def text(self, name: str, *, required: bool = False, max_length: int = TEXT_MAX_LENGTH) -> str:
        raw = self.args.get(name)
        if raw is None or (required and not raw):
            if required:
                raise invalid(name, _("This parameter is required."))
            return ""
        if len(raw) > max_length:
            raise invalid(name, _("Must be at most %(length)s characters long.", length=max_length))
        if not re.fullmatch(TEXT_PATTERN, raw):
            raise invalid(name, _("Must not contain control characters."))
        return raw

    def day(self, name: str) -> date | None:
        raw = self.args.get(name)
        if raw is None:
            return None
        try:
            if not re.fullmatch(DAY_PATTERN, raw):
                raise ValueError(raw)
            return date.fromisoformat(raw)
        except ValueError:
            raise invalid(name, _("Must be a date written YYYY-MM-DD, like 2026-11-24.")) from None

    def fields(self, name: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        """A comma-separated selection from `allowed`; all of them when absent."""
        raw = self.args.get(name)
        if raw is None:
            return allowed
        chosen = raw.split(",")
        if not raw or any(field not in allowed for field in chosen):
            raise invalid(
                name, _("Must be a comma-separated list of: %(fields)s.", fields=", ".join(allowed))
            )
        return tuple(field for field in allowed if field in chosen or field == "id")


def day_range(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    """Local days as a UTC range [since, before); days outside 1970–2999 leave that end open."""
    since = local_to_utc(start, time()) if start and start.year >= MIN_YEAR else None
    before = local_to_utc(end + timedelta(days=1), time()) if end and end.year < MAX_YEAR else None
    return since, before


@dataclass(frozen=True)
class ArticleListArgs:
    section: str | None
    keyword: str | None
    format: str | None
    campaign: str | None
    since: datetime | None
    before: datetime | None
    q: str
    page: int
    per_page: int
    fields: tuple[str, ...]


def article_list_args(args: MultiDict) -> ArticleListArgs:
    read = QueryArgs(args)
    since, before = day_range(read.day("from"), read.day("to"))
    return ArticleListArgs(
        section=read.slug("section"),
        keyword=read.slug("keyword"),
        format=read.choice("format", FORMATS),
        campaign=read.slug("campaign"),
        since=since,
        before=before,
        q=read.text("q"),
        page=read.page(),
        per_page=read.per_page(),
        fields=read.fields("fields", ARTICLE_FIELDS),
    )


@dataclass(frozen=True)
class SearchArgs:
    q: str
    section: str | None
    format: str | None
    since: datetime | None
    before: datetime | None
    newest_first: bool
    page: int


def search_args(args: MultiDict) -> SearchArgs:
    read = QueryArgs(args)
    since, before = day_range(read.day("from"), read.day("to"))
    return SearchArgs(
        q=read.text("q", required=True),
        section=read.slug("section"),
        format=read.choice("format", FORMATS),
        since=since,
        before=before,
        newest_first=read.choice("sort", SEARCH_SORTS, default="relevance") == "newest",
        page=read.page(),
    )


@dataclass(frozen=True)
class ProfileArgs:
    campaign: str | None
    ward: str
    field: str
    kind: str | None
    page: int
    per_page: int


def profile_args(args: MultiDict) -> ProfileArgs:
    read = QueryArgs(args)
    return ProfileArgs(
        campaign=read.slug("campaign"),
        ward=read.text("ward", max_length=100),
        field=read.text("field", max_length=100),
        kind=read.choice("kind", SUBJECT_KINDS),
        page=read.page(),
        per_page=read.per_page(),
    )
