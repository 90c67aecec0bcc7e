"""Articles and their revisions: the stories the office publishes."""

import enum
from datetime import datetime

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Index, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.accounts.models import User
from app.core.dates import utcnow
from app.core.db import NFCString, NFCText, UTCDateTime, enum_column
from app.extensions import db
from app.keywords.models import Keyword, article_keywords
from app.media.models import GalleryItem, Media, Video
from app.sections.models import Section


class ArticleStatus(enum.Enum):
    DRAFT = "draft"
    PENDING = "pending"
    PUBLISHED = "published"
    REJECTED = "rejected"
    UNPUBLISHED = "unpublished"


class ArticleFormat(enum.Enum):
    STANDARD = "standard"
    PHOTO = "photo"
    VIDEO = "video"
    EXEMPLARY = "exemplary"


related_articles = Table(
    "related_articles",
    db.metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("related_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False, default=0),
)


class Article(db.Model):
    """A story. Public when status is published and published_at has passed (future = scheduled).

    `version` is SQLAlchemy's optimistic lock: saving a stale copy raises StaleDataError.
    """

    __tablename__ = "articles"
    __table_args__ = (
        # section_id rides along so a deep page of a section (and its sub-sections) is an index-only walk.
        Index("ix_articles_public", "status", "published_at", "section_id"),
        Index("ix_articles_section_public", "section_id", "status", "published_at"),
        Index("ix_articles_featured_public", "is_featured", "status", "published_at"),
        Index("ix_articles_format_public", "format", "status", "published_at"),
        Index("ix_articles_campaign_public", "campaign_id", "status", "published_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(NFCString(300))
    slug: Mapped[str] = mapped_column(String(200))
    lead: Mapped[str] = mapped_column(NFCText, default="")
    body: Mapped[str] = mapped_column(NFCText, default="")
    body_text: Mapped[str] = mapped_column(NFCText, default="")
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="RESTRICT"))
    format: Mapped[ArticleFormat] = mapped_column(enum_column(ArticleFormat), default=ArticleFormat.STANDARD)
    status: Mapped[ArticleStatus] = mapped_column(enum_column(ArticleStatus), default=ArticleStatus.DRAFT)
    cover_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    cover_caption: Mapped[str] = mapped_column(NFCText, default="")
    byline: Mapped[str] = mapped_column(NFCString(200), default="")
    source: Mapped[str] = mapped_column(NFCString(300), default="")
    meta_description: Mapped[str] = mapped_column(NFCString(300), default="")
    return_reason: Mapped[str] = mapped_column(NFCText, default="")
    is_featured: Mapped[bool] = mapped_column(Boolean, default=False)
    comments_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    view_count: Mapped[int] = mapped_column(Integer, default=0)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}

    section: Mapped[Section] = relationship()
    cover: Mapped[Media | None] = relationship()
    created_by: Mapped[User | None] = relationship()
    keywords: Mapped[list[Keyword]] = relationship(secondary=article_keywords, order_by=Keyword.name)
    gallery: Mapped[list[GalleryItem]] = relationship(
        order_by=GalleryItem.position, cascade="all, delete-orphan"
    )
    video: Mapped[Video | None] = relationship(cascade="all, delete-orphan")
    related: Mapped[list["Article"]] = relationship(
        secondary=related_articles,
        primaryjoin=id == related_articles.c.article_id,
        secondaryjoin=id == related_articles.c.related_id,
        order_by=related_articles.c.position,
    )

    def __repr__(self) -> str:
        return f"<Article {self.id} {self.status.value}>"


class Revision(db.Model):
    """A snapshot of an article's editable fields, taken at each save, for diffs and restore."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    article_version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(NFCString(300), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    created_by: Mapped[User | None] = relationship()


class Autosave(db.Model):
    """The latest unsaved state of an article in one person's editor, kept apart from revisions."""

    __tablename__ = "autosaves"
    __table_args__ = (UniqueConstraint("article_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    base_version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
