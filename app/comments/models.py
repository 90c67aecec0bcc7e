"""Readers' comments (ý kiến bạn đọc) and the editorial board's official replies."""

import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String
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
    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_article_status", "article_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    author_name: Mapped[str] = mapped_column(NFCString(100))
    author_email: Mapped[str] = mapped_column(String(254))
    body: Mapped[str] = mapped_column(NFCText)
    status: Mapped[CommentStatus] = mapped_column(enum_column(CommentStatus), default=CommentStatus.PENDING)
    is_official: Mapped[bool] = mapped_column(Boolean, default=False)
    ip_hash: Mapped[str] = mapped_column(String(64), default="")
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    moderated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    moderated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    parent: Mapped["Comment | None"] = relationship(remote_side=[id])
    moderated_by = relationship("User")
