"""Uploaded media: images with their generated variants, videos, and photo-story galleries."""

import enum
from datetime import datetime

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.dates import utcnow
from app.core.db import NFCString, NFCText, UTCDateTime, enum_column
from app.extensions import db


class MediaKind(enum.Enum):
    IMAGE = "image"
    VIDEO = "video"


class Media(db.Model):
    """One uploaded file, identified by the sha256 of its bytes (uploading it twice stores it once).

    `variants` lists the files generated from it: [{"width", "height", "format", "key"}, ...].
    """

    __tablename__ = "media"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[MediaKind] = mapped_column(enum_column(MediaKind), default=MediaKind.IMAGE)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    original_key: Mapped[str] = mapped_column(String(200))
    mime: Mapped[str] = mapped_column(String(60))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    bytes: Mapped[int] = mapped_column(Integer)
    variants: Mapped[list] = mapped_column(JSON, default=list)
    alt: Mapped[str] = mapped_column(NFCString(300), default="")
    caption: Mapped[str] = mapped_column(NFCText, default="")
    credit: Mapped[str] = mapped_column(NFCString(200), default="")
    filename: Mapped[str] = mapped_column(NFCString(255), default="")
    is_decorative: Mapped[bool] = mapped_column(Boolean, default=False)
    focal_x: Mapped[float] = mapped_column(Float, default=0.5)
    focal_y: Mapped[float] = mapped_column(Float, default=0.5)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    uploaded_by = relationship("User")


class GalleryItem(db.Model):
    """A photo in a photo story (phóng sự ảnh), in order, with its own caption."""

    __tablename__ = "gallery_items"
    __table_args__ = (UniqueConstraint("article_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    media_id: Mapped[int] = mapped_column(ForeignKey("media.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(NFCText, default="")
    credit: Mapped[str] = mapped_column(NFCString(200), default="")

    media: Mapped[Media] = relationship()


class Video(db.Model):
    """The clip of a video article: an uploaded file or an embed from an allowed host, with a poster."""

    __tablename__ = "videos"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), unique=True)
    file_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="RESTRICT"))
    embed_url: Mapped[str | None] = mapped_column(String(500))
    poster_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    subtitles_key: Mapped[str | None] = mapped_column(String(200))

    file: Mapped[Media | None] = relationship(foreign_keys=[file_id])
    poster: Mapped[Media | None] = relationship(foreign_keys=[poster_id])
