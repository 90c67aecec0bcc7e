"""Keywords (từ khoá): identity is the NFC case-folded name, so Đường and Dương stay two keywords."""

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from app.core.dates import utcnow
from app.core.db import NFCString, UTCDateTime
from app.extensions import db

article_keywords = Table(
    "article_keywords",
    db.metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("keyword_id", ForeignKey("keywords.id", ondelete="CASCADE"), primary_key=True),
    # A keyword's articles, newest ids first, read from the index alone (keyword pages, related lists).
    Index("ix_article_keywords_keyword_article", "keyword_id", "article_id"),
)


class Keyword(db.Model):
    __tablename__ = "keywords"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NFCString(100))
    name_key: Mapped[str] = mapped_column(NFCString(100), unique=True)
    folded: Mapped[str] = mapped_column(String(100), index=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("keywords.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<Keyword {self.name}>"


class KeywordRedirect(db.Model):
    """A keyword's former address: `/tu-khoa/<slug>` answers 301 with the keyword's current page."""

    __tablename__ = "keyword_redirects"

    slug: Mapped[str] = mapped_column(String(120), primary_key=True)
    keyword_id: Mapped[int] = mapped_column(ForeignKey("keywords.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
