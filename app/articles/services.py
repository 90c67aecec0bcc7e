"""Writing articles: create and save with a revision each time, refuse stale saves, count views."""

import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import delete, insert, select
from sqlalchemy.orm.exc import StaleDataError

from app.accounts.models import User
from app.articles import policy
from app.articles.models import Article, ArticleFormat, ArticleStatus, Autosave, Revision, related_articles
from app.audit.services import record
from app.campaigns.profiles import (
    ProfileInput,
    prepare_profile,
    prepared_snapshot,
    profile_from_snapshot,
    profile_snapshot,
    store_profile,
)
from app.core.db import write_transaction
from app.core.errors import DomainError, InvalidInput
from app.core.html import html_to_text, sanitize_html
from app.core.text import clean_line, keyword_key, nfc, slugify
from app.extensions import db
from app.keywords.services import keywords_for_names
from app.media.models import Media
from app.media.services import PreparedImage, prepare_upload, store_prepared
from app.sections.models import Section

SLUG_MAX_LENGTH = 120
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LIMITS = {"title": 300, "byline": 200, "source": 300, "meta_description": 300, "cover_alt": 300}
REVISION_FIELDS = (
    "title",
    "slug",
    "lead",
    "body",
    "byline",
    "source",
    "cover_caption",
    "meta_description",
    "format",
    "status",
    "section_id",
    "cover_id",
    "campaign_id",
    "published_at",
    "is_featured",
    "comments_enabled",
)
COMPARED_FIELDS = (
    "title",
    "slug",
    "lead",
    "body",
    "section_id",
    "cover_caption",
    "byline",
    "source",
    "meta_description",
    "is_featured",
    "comments_enabled",
    "related_ids",
)
EDITABLE_FIELDS = (
    "title",
    "slug",
    "lead",
    "body",
    "section_id",
    "keywords",
    "cover_id",
    "cover_caption",
    "cover_alt",
    "cover_credit",
    "byline",
    "source",
    "format",
    "is_featured",
    "comments_enabled",
    "meta_description",
    "related_ids",
    "profile",
)


@dataclass
class ArticleInput:
    """The editable fields of an article, as plain values (from a form, the CLI or a test).

    `status` and `published_at` are only read when creating; afterwards the workflow owns them.
    `cover_upload` (raw bytes) replaces `cover`; `cover_alt`/`cover_credit` of None leave the
    image's own text as it is; `slug` empty means "from the title".
    `profile` (exemplary stories): None leaves the stored profile as it is; an article of another
    format keeps no profile, so changing the format away from exemplary deletes it.
    """

    title: str
    section: Section
    lead: str = ""
    body: str = ""
    byline: str = ""
    source: str = ""
    keywords: list[str] = field(default_factory=list)
    format: ArticleFormat = ArticleFormat.STANDARD
    status: ArticleStatus = ArticleStatus.DRAFT
    published_at: datetime | None = None
    cover: Media | None = None
    cover_caption: str = ""
    meta_description: str = ""
    is_featured: bool = False
    comments_enabled: bool = True
    campaign_id: int | None = None
    slug: str = ""
    cover_upload: bytes | PreparedImage | None = None
    cover_alt: str | None = None
    cover_credit: str | None = None
    related_ids: list[int] = field(default_factory=list)
    profile: ProfileInput | None = None


class EditConflict(DomainError):
    """A save based on an old version: someone saved in between, so nothing was written.

    `current` is the snapshot of what is stored now, `version` its version (a form reloaded at it
    may save over it deliberately), `fields` the editable fields where the refused input differs.
    """

    def __init__(self, current: dict, version: int, fields: list[str], saved_by: str = ""):
        message = _(
            "Someone else saved this article while you were editing it, so your changes were not saved. "
            "Compare your version with the current one below; saving again will replace it with yours."
        )
        super().__init__(message)
        self.field = None
        self.message = message
        self.current = current
        self.version = version
        self.fields = fields
        self.saved_by = saved_by


def build_article(data: ArticleInput, *, actor: User | None) -> Article:
    """A new Article from validated input, added to the session (the caller's transaction commits)."""
    values = prepare(data)
    if data.status is ArticleStatus.PUBLISHED and data.published_at is None:
        raise InvalidInput("published_at", _("A published article needs a publication time."))
    article = Article(
        status=data.status,
        published_at=data.published_at,
        first_published_at=data.published_at if data.status is ArticleStatus.PUBLISHED else None,
        campaign_id=data.campaign_id,
        created_by=actor,
    )
    _apply(article, data, values, actor=actor)
    db.session.add(article)
    db.session.flush()
    _store_related(article, values["related_ids"])
    _add_revision(article, actor=actor, note=_("Created"))
    record("article.create", article, actor=actor, summary=article.title)
    return article


def create_article(data: ArticleInput, *, actor: User | None) -> Article:
    data = with_prepared_cover(data, actor=actor)
    with write_transaction():
        return build_article(data, actor=actor)


def save_article(
    article: Article, data: ArticleInput, *, actor: User, expected_version: int, note: str = ""
) -> Article:
    """Save an edit made on `expected_version`; a stale one raises EditConflict and writes nothing.

    The version is checked twice: here against the loaded row, and by the UPDATE itself (the
    mapper's version counter), so two saves racing past the first check cannot both win.
    """
    policy.ensure_can_edit(actor, article)
    if article.version != expected_version:
        raise _conflict(article, data)
    data = with_prepared_cover(data, article, actor=actor)
    try:
        with write_transaction():
            values = prepare(data, article)
            if values["is_featured"] != article.is_featured:
                policy.ensure_can(actor, "homepage.curate")
            changed = changed_fields(article, values)
            _apply(article, data, values, actor=actor)
            db.session.flush()
            _store_related(article, values["related_ids"])
            _add_revision(article, actor=actor, note=note or _("Saved"))
            _drop_autosave(article, actor)
            summary = f"{article.title} ({', '.join(changed)})" if changed else article.title
            record("article.save", article, actor=actor, summary=summary)
    except StaleDataError:
        db.session.rollback()
        db.session.refresh(article)
        raise _conflict(article, data) from None
    return article


def prepare(data: ArticleInput, article: Article | None = None) -> dict:
    """Validated, normalised column values of the input, without changing any article.

    "profile" is there only when the input decides it: a dict to store, or None to delete;
    `article` (when saving) lets its stored profile keep a field from before the fixed list.
    """
    title = clean_line(data.title)
    if not title:
        raise InvalidInput("title", _("Please enter a title."))
    for name, limit in LIMITS.items():
        value = title if name == "title" else clean_line(getattr(data, name) or "")
        if len(value) > limit:
            raise InvalidInput(name, _("This field must be at most %(n)d characters.", n=limit))
    slug = (data.slug or "").strip() or slugify(title, max_length=SLUG_MAX_LENGTH, fallback="bai-viet")
    if len(slug) > SLUG_MAX_LENGTH or not SLUG_PATTERN.fullmatch(slug):
        raise InvalidInput(
            "slug", _("Use only lowercase letters without accents, digits and single hyphens (a-z, 0-9, -).")
        )
    if data.section is None:
        raise InvalidInput("section_id", _("Please choose a section."))
    body = sanitize_html(data.body)
    values = {
        "title": title,
        "slug": slug,
        "lead": nfc(data.lead.strip()),
        "body": body,
        "body_text": html_to_text(body),
        "section_id": data.section.id,
        "format": data.format,
        "cover_caption": nfc(data.cover_caption.strip()),
        "byline": clean_line(data.byline),
        "source": clean_line(data.source),
        "meta_description": clean_line(data.meta_description),
        "is_featured": bool(data.is_featured),
        "comments_enabled": bool(data.comments_enabled),
        "keywords": [name for name in (clean_line(name) for name in data.keywords) if name],
        "related_ids": list(dict.fromkeys(data.related_ids)),
    }
    if data.format is not ArticleFormat.EXEMPLARY:
        values["profile"] = None
    elif data.profile is not None:
        stored = article.profile if article is not None else None
        values["profile"] = prepare_profile(data.profile, kept_field=stored.field if stored else "")
    return values


def changed_fields(article: Article, values: dict) -> list[str]:
    """The editable fields whose prepared input differs from what the article holds now."""
    current = snapshot(article)
    changed = [name for name in COMPARED_FIELDS if values[name] != current[name]]
    if values["format"].value != current["format"]:
        changed.append("format")
    if sorted({keyword_key(n) for n in values["keywords"]}) != sorted(map(keyword_key, current["keywords"])):
        changed.append("keywords")
    if "profile" in values and prepared_snapshot(values["profile"]) != current["profile"]:
        changed.append("profile")
    return changed


def _apply(article: Article, data: ArticleInput, values: dict, *, actor: User | None) -> None:
    for name in ("title", "slug", "lead", "body", "body_text", "format", "cover_caption", "byline", "source"):
        setattr(article, name, values[name])
    article.meta_description = values["meta_description"]
    article.is_featured = values["is_featured"]
    article.comments_enabled = values["comments_enabled"]
    article.section = data.section
    article.keywords = keywords_for_names(values["keywords"])
    cover = _stored_cover(data.cover_upload, actor) if data.cover_upload else data.cover
    if cover is not None:
        if data.cover_alt is not None:
            cover.alt = clean_line(data.cover_alt)
        if data.cover_credit is not None:
            cover.credit = clean_line(data.cover_credit)
    article.cover = cover
    if "profile" in values:
        store_profile(article, values["profile"])


def with_prepared_cover(
    data: ArticleInput,
    article: Article | None = None,
    *,
    actor: User | None,
    expected_version: int | None = None,
) -> ArticleInput:
    """Process an uploaded cover (decode, re-encode, write files): call it before the write transaction.

    On SQLite the write lock lasts the whole transaction and a big photo takes seconds. Nothing is
    processed for an edit the actor may not make or that is stale (the save refuses those), and the
    other fields are checked first, so an invalid form still gets its first error and stores nothing.
    """
    if not isinstance(data.cover_upload, bytes) or not data.cover_upload:
        return data
    if article is not None:
        policy.ensure_can_edit(actor, article)
        if expected_version is not None and article.version != expected_version:
            return data
    prepare(data, article)
    return replace(data, cover_upload=prepare_upload(data.cover_upload, field="cover"))


def _stored_cover(upload: bytes | PreparedImage, actor: User | None) -> Media:
    """The cover's row; bytes still unprocessed (build_article inside a caller's transaction) go in whole."""
    if isinstance(upload, bytes):
        upload = prepare_upload(upload, field="cover")
    return store_prepared(upload, uploaded_by=actor)


def _store_related(article: Article, related_ids: list[int]) -> None:
    """Hand-picked related articles in the given order (the link table keeps the position)."""
    wanted = [related_id for related_id in related_ids if related_id != article.id]
    if wanted:
        found = set(db.session.scalars(select(Article.id).where(Article.id.in_(wanted))))
        if len(found) != len(wanted):
            raise InvalidInput("related_ids", _("One of the related articles no longer exists."))
    db.session.execute(delete(related_articles).where(related_articles.c.article_id == article.id))
    if wanted:
        db.session.execute(
            insert(related_articles),
            [
                {"article_id": article.id, "related_id": related_id, "position": position}
                for position, related_id in enumerate(wanted)
            ],
        )
    db.session.expire(article, ["related"])


def _add_revision(article: Article, *, actor: User | None, note: str) -> Revision:
    revision = Revision(
        article_id=article.id,
        article_version=article.version,
        data=snapshot(article),
        note=note[:300],
        created_by=actor,
    )
    db.session.add(revision)
    return revision


def _drop_autosave(article: Article, actor: User) -> None:
    """A real save supersedes the saver's autosave of the article (other people's stay theirs)."""
    db.session.execute(
        delete(Autosave).where(Autosave.article_id == article.id, Autosave.user_id == actor.id)
    )


def _conflict(article: Article, data: ArticleInput) -> EditConflict:
    """The conflict for a refused save, described from the article as it is stored now."""
    try:
        fields = changed_fields(article, prepare(data, article))
    except InvalidInput:
        fields = list(EDITABLE_FIELDS)
    if data.cover_upload:
        fields.append("cover_id")
    last = db.session.scalar(
        select(Revision).where(Revision.article_id == article.id).order_by(Revision.id.desc()).limit(1)
    )
    saved_by = last.created_by.full_name if last is not None and last.created_by is not None else ""
    return EditConflict(snapshot(article), article.version, fields, saved_by)


def snapshot(article: Article) -> dict:
    """Every editable field as JSON-ready values: columns, keywords, section, cover, related ids, profile."""
    values = {}
    for name in REVISION_FIELDS:
        value = getattr(article, name)
        if hasattr(value, "value"):
            value = value.value
        elif isinstance(value, datetime):
            value = value.isoformat()
        values[name] = value
    values["keywords"] = sorted(keyword.name for keyword in article.keywords)
    values["section"] = article.section.name if article.section else ""
    values["cover_alt"] = article.cover.alt if article.cover else ""
    values["cover_credit"] = article.cover.credit if article.cover else ""
    values["related_ids"] = list(
        db.session.scalars(
            select(related_articles.c.related_id)
            .where(related_articles.c.article_id == article.id)
            .order_by(related_articles.c.position)
        )
    )
    values["profile"] = profile_snapshot(article.profile)
    return values


def input_from_snapshot(data: dict) -> ArticleInput:
    """The input that puts a revision's editable fields back (restore saves it as a new revision)."""
    section = db.session.get(Section, data.get("section_id") or 0)
    cover = db.session.get(Media, data["cover_id"]) if data.get("cover_id") else None
    return ArticleInput(
        title=data.get("title", ""),
        section=section,
        slug=data.get("slug", ""),
        lead=data.get("lead", ""),
        body=data.get("body", ""),
        byline=data.get("byline", ""),
        source=data.get("source", ""),
        keywords=list(data.get("keywords", [])),
        format=ArticleFormat(data.get("format", ArticleFormat.STANDARD.value)),
        cover=cover,
        cover_caption=data.get("cover_caption", ""),
        cover_alt=data.get("cover_alt") if cover else None,
        cover_credit=data.get("cover_credit") if cover else None,
        meta_description=data.get("meta_description", ""),
        is_featured=bool(data.get("is_featured", False)),
        comments_enabled=bool(data.get("comments_enabled", True)),
        related_ids=[int(value) for value in data.get("related_ids", [])],
        profile=profile_from_snapshot(data.get("profile")),
    )
