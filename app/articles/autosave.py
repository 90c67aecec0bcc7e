"""Autosaves: the editor's unsaved state, one private copy per article and person, apart from revisions."""

from collections.abc import Mapping

from flask_babel import gettext as _
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from app.accounts.models import User
from app.accounts.permissions import can
from app.articles import policy
from app.articles.forms import split_keywords
from app.articles.models import Article, ArticleFormat, Autosave
from app.articles.queries import section_choices
from app.articles.services import SLUG_PATTERN, ArticleInput
from app.articles.workflow import create_and_apply
from app.campaigns.models import Campaign, SubjectKind
from app.campaigns.profiles import FIELDS, LIMITS, ProfileInput
from app.core.dates import as_utc, utcnow
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.core.html import sanitize_html
from app.extensions import db
from app.sections.models import Section

# The editor's fields worth keeping (the file input, the CSRF token and the pressed button are not).
TEXT_FIELDS = (
    "title",
    "slug",
    "lead",
    "body",
    "section_id",
    "keywords",
    "format",
    "publish_at",
    "is_featured",
    "comments_enabled",
    "remove_cover",
    "cover_caption",
    "cover_alt",
    "cover_credit",
    "byline",
    "source",
    "meta_description",
    "profile_subject_name",
    "profile_subject_kind",
    "profile_unit",
    "profile_ward",
    "profile_field",
    "profile_achievement",
    "profile_campaign_id",
)
LIST_FIELDS = ("related_ids",)
MAX_BODY_CHARS = 1_000_000
MAX_FIELD_CHARS = 10_000
MAX_RELATED = 200


def store_autosave(
    article: Article, fields: Mapping[str, list[str]], *, actor: User, base_version: int | None
) -> Autosave:
    """Keep `actor`'s editor values for the article: one row per article and person, never a revision.

    `base_version` is the version the editor was loaded at; when the article has moved on since,
    the values are stored all the same (nothing typed is lost) and `is_stale()` says so.
    """
    policy.ensure_can_edit(actor, article)
    if base_version is None:
        raise InvalidInput("version", _("This page is out of date. Copy your text, then reload the page."))
    values = autosaved_values(fields)
    try:
        return _upsert(article, actor, base_version, values)
    except IntegrityError:
        # Another request of the same person inserted the row first: update it instead.
        return _upsert(article, actor, base_version, values)


def create_draft(fields: Mapping[str, list[str]], *, actor: User) -> Article:
    """A new article's first autosave: create the draft (through the create service) from the editor's values.

    Only a title is needed; without a chosen section the draft goes to the first one for now
    (the editor shows which, and saving asks for a real choice as usual).
    """
    return create_and_apply(draft_input(fields, actor=actor), None, actor=actor)


def discard_autosave(article: Article, *, actor: User) -> bool:
    """Forget `actor`'s autosave of the article; whether there was one."""
    with write_transaction():
        result = db.session.execute(
            delete(Autosave).where(Autosave.article_id == article.id, Autosave.user_id == actor.id)
        )
    return bool(result.rowcount)


def pending_autosave(article: Article, user: User) -> Autosave | None:
    """The person's autosave to offer back: newer than the article's last save, or based on an older version.

    A save by someone else after the autosave makes it older than the article, but what it holds
    was never saved (the person's own saves delete it), so it is still offered, as stale.
    """
    autosave = db.session.scalar(
        select(Autosave).where(Autosave.article_id == article.id, Autosave.user_id == user.id)
    )
    if autosave is None:
        return None
    if as_utc(autosave.saved_at) <= as_utc(article.updated_at) and not is_stale(autosave, article):
        return None
    return autosave


def is_stale(autosave: Autosave, article: Article) -> bool:
    """Whether someone saved the article after the autosaved editor was loaded."""
    return autosave.base_version != article.version


def form_values(autosave: Autosave) -> dict:
    """The editor's fields as autosaved, at the version the editor was loaded at (so locking still holds)."""
    return {**autosave.data, "version": str(autosave.base_version)}


def autosaved_values(fields: Mapping[str, list[str]]) -> dict:
    """The editor fields to keep, as JSON-ready values; the body goes through the sanitizer as on save."""
    values: dict = {}
    for name in TEXT_FIELDS:
        given = fields.get(name) or []
        if given:
            limit = MAX_BODY_CHARS if name == "body" else MAX_FIELD_CHARS
            if len(given[0]) > limit:
                raise InvalidInput(name, _("This field is too long."))
            values[name] = given[0]
    related = [value for value in fields.get("related_ids") or [] if _is_id(value)]
    values["related_ids"] = related[:MAX_RELATED]
    if "body" in values:
        values["body"] = sanitize_html(values["body"])
    return values


def draft_input(fields: Mapping[str, list[str]], *, actor: User) -> ArticleInput:
    """Lenient ArticleInput for a draft: half-typed values that a save would refuse fall back to defaults."""
    values = autosaved_values(fields)
    slug = values.get("slug", "").strip()
    formats = {item.value: item for item in ArticleFormat}
    article_format = formats.get(values.get("format", ""), ArticleFormat.STANDARD)
    return ArticleInput(
        title=values.get("title", ""),
        section=_chosen_section(values.get("section_id", "")),
        slug=slug if SLUG_PATTERN.fullmatch(slug) else "",
        lead=values.get("lead", ""),
        body=values.get("body", ""),
        keywords=split_keywords(values.get("keywords", "")),
        format=article_format,
        cover_caption=values.get("cover_caption", ""),
        byline=values.get("byline", ""),
        source=values.get("source", ""),
        meta_description=values.get("meta_description", ""),
        is_featured="is_featured" in values and can(actor, "homepage.curate"),
        comments_enabled="comments_enabled" in values,
        related_ids=[int(value) for value in values["related_ids"]],
        profile=_draft_profile(values) if article_format is ArticleFormat.EXEMPLARY else None,
    )


def _draft_profile(values: dict) -> ProfileInput | None:
    """The typed profile once it names someone, cut to the limits; a value a save would refuse is left out."""

    def text(name: str) -> str:
        return values.get(f"profile_{name}", "").strip()[: LIMITS[name]]

    if not text("subject_name"):
        return None
    kinds = {kind.value: kind for kind in SubjectKind}
    return ProfileInput(
        subject_name=text("subject_name"),
        subject_kind=kinds.get(values.get("profile_subject_kind", ""), SubjectKind.INDIVIDUAL),
        unit=text("unit"),
        ward=text("ward"),
        field=text("field") if text("field") in FIELDS else "",
        achievement=text("achievement"),
        campaign_id=_existing_campaign(values.get("profile_campaign_id", "")),
    )


def _existing_campaign(value: str) -> int | None:
    return int(value) if _is_id(value) and db.session.get(Campaign, int(value)) is not None else None


def _chosen_section(value: str) -> Section | None:
    section = db.session.get(Section, int(value)) if _is_id(value) else None
    if section is None:
        sections = section_choices()
        section = sections[0] if sections else None
    return section


def _is_id(value: str) -> bool:
    """A database id as typed in a form: ASCII digits, short enough for any integer column."""
    return value.isascii() and value.isdigit() and len(value) <= 9


def _upsert(article: Article, actor: User, base_version: int, values: dict) -> Autosave:
    with write_transaction():
        autosave = db.session.scalar(
            select(Autosave).where(Autosave.article_id == article.id, Autosave.user_id == actor.id)
        )
        if autosave is None:
            autosave = Autosave(article_id=article.id, user_id=actor.id)
            db.session.add(autosave)
        autosave.base_version = base_version
        autosave.data = values
        autosave.saved_at = utcnow()
    return autosave
