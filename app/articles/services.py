"""Writing articles: create with a first revision, count views."""

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import update

from app.accounts.models import User
from app.articles.models import Article, ArticleFormat, ArticleStatus, Revision
from app.audit.services import record
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.core.html import html_to_text, sanitize_html
from app.core.text import clean_line, nfc, slugify
from app.extensions import db
from app.keywords.services import keywords_for_names
from app.media.models import Media
from app.sections.models import Section

SLUG_MAX_LENGTH = 120
REVISION_FIELDS = (
    "title",
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
    "published_at",
    "is_featured",
    "comments_enabled",
)


@dataclass
class ArticleInput:
    """The editable fields of an article, as plain values (from a form, the CLI or a test)."""

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


def build_article(data: ArticleInput, *, actor: User | None) -> Article:
    """A new Article from validated input, added to the session (the caller's transaction commits)."""
    title = clean_line(data.title)
    if not title:
        raise InvalidInput("title", _("Please enter a title."))
    if len(title) > 300:
        raise InvalidInput("title", _("The title must be at most 300 characters."))
    if data.status is ArticleStatus.PUBLISHED and data.published_at is None:
        raise InvalidInput("published_at", _("A published article needs a publication time."))
    body = sanitize_html(data.body)
    article = Article(
        title=title,
        slug=slugify(title, max_length=SLUG_MAX_LENGTH, fallback="bai-viet"),
        lead=nfc(data.lead.strip()),
        body=body,
        body_text=html_to_text(body),
        section=data.section,
        format=data.format,
        status=data.status,
        published_at=data.published_at,
        first_published_at=data.published_at if data.status is ArticleStatus.PUBLISHED else None,
        cover=data.cover,
        cover_caption=nfc(data.cover_caption.strip()),
        byline=clean_line(data.byline),
        source=clean_line(data.source),
        meta_description=clean_line(data.meta_description),
        is_featured=data.is_featured,
        comments_enabled=data.comments_enabled,
        campaign_id=data.campaign_id,
        created_by=actor,
        keywords=keywords_for_names(data.keywords),
    )
    db.session.add(article)
    db.session.flush()
    db.session.add(
        Revision(
            article_id=article.id,
            article_version=article.version,
            data=snapshot(article),
            note=_("Created"),
            created_by=actor,
        )
    )
    record("article.create", article, actor=actor, summary=title)
    return article


def create_article(data: ArticleInput, *, actor: User | None) -> Article:
    with write_transaction():
        return build_article(data, actor=actor)


def snapshot(article: Article) -> dict:
    """The editable fields as JSON-ready values, plus keyword names."""
    values = {}
    for name in REVISION_FIELDS:
        value = getattr(article, name)
        if hasattr(value, "value"):
            value = value.value
        elif isinstance(value, datetime):
            value = value.isoformat()
        values[name] = value
    values["keywords"] = [keyword.name for keyword in article.keywords]
    return values


def record_view(article_id: int) -> None:
    """Count one reading as a single UPDATE: no read-modify-write race, no new version, no edit time."""
    with write_transaction():
        db.session.execute(
            update(Article)
            .where(Article.id == article_id)
            .values(view_count=Article.view_count + 1, updated_at=Article.updated_at)
            .execution_options(synchronize_session=False)
        )
