"""Readers' comments (ý kiến bạn đọc), the editorial board's official replies and the comment policy."""

import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.dates import utcnow
from app.core.db import NFCString, NFCText, UTCDateTime, enum_column
from app.extensions import db


class CommentStatus(enum.Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SPAM = "spam"


class Comment(db.Model):
    """A reader's comment, or (is_official, with parent) the editorial board's reply to one.

    The email is kept only so the office can answer personal-data requests; it never reaches HTML.
    The IP is kept only as a salted hash, for duplicate and abuse checks.
    """

    __tablename__ = "comments"
    __table_args__ = (
        Index("ix_comments_article_status", "article_id", "status"),
        Index("ix_comments_status_created_at", "status", "created_at"),
        Index("ix_comments_author_email", "author_email"),
        Index("ix_comments_content_hash", "content_hash"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    author_name: Mapped[str] = mapped_column(NFCString(100))
    author_email: Mapped[str] = mapped_column(String(254))
    # The staff member who wrote an official reply (None for readers).
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(NFCText)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[CommentStatus] = mapped_column(enum_column(CommentStatus), default=CommentStatus.PENDING)
    # Why an automatic rule held the comment (e.g. "links"); empty when it simply awaits moderation.
    held_reason: Mapped[str] = mapped_column(String(40), default="")
    is_official: Mapped[bool] = mapped_column(Boolean, default=False)
    ip_hash: Mapped[str] = mapped_column(String(64), default="")
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    moderated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    moderated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set when the name, email and IP hash were removed (erasure request or retention).
    personal_data_removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    article = relationship("Article")
    parent: Mapped["Comment | None"] = relationship(remote_side=[id], back_populates="replies")
    replies: Mapped[list["Comment"]] = relationship(back_populates="parent", order_by="Comment.created_at")
    author = relationship("User", foreign_keys=[author_id])
    moderated_by = relationship("User", foreign_keys=[moderated_by_id])


class CommentPolicy(db.Model):
    """The moderation rules editors may change (a single row, id 1)."""

    __tablename__ = "comment_policy"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Publish comments that pass every rule without waiting; off: everything waits for moderation.
    auto_approve: Mapped[bool] = mapped_column(Boolean, default=False)
    # Refuse comments written without Vietnamese diacritics ("tiếng Việt có dấu").
    require_diacritics: Mapped[bool] = mapped_column(Boolean, default=False)
    # One word or phrase per line; matched case-insensitively on whole words, accents as written.
    banned_words: Mapped[str] = mapped_column(NFCText, default="")
    # Personal data (name, email, IP hash) of comments older than this is removed; 0 keeps it.
    retention_days: Mapped[int] = mapped_column(Integer, default=730)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
