"""The searchable copy of each published article, kept in step with the article in the same transaction.

The engines' own objects (SQLite's FTS5 tables and their triggers; PostgreSQL's generated tsvector
columns, word-pair function and GIN indexes) are created by the migration, not by the model: see
is_engine_object().
"""

from datetime import UTC, datetime, timedelta

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.dates import as_utc
from app.core.db import NFCString, NFCText, UTCDateTime
from app.extensions import db

# Tables, indexes and columns the migration creates for one engine only (their names start with the
# prefix, or are listed); schema comparisons and autogenerate leave them out.
ENGINE_PREFIX = "search_fts"
ENGINE_COLUMNS = {"search_documents": {"tsv", "title_tsv"}}

# A search key orders documents by publication time: the millisecond it was published at (the next
# free one when two share a millisecond). SQLite's FTS5 tables use it as their rowid, so their
# doclists are sorted by date and "the most recent matches" is a backward walk that stops early.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def search_key(published_at: datetime) -> int:
    """The preferred key of a document published then: whole milliseconds since 1970, floored."""
    return (as_utc(published_at) - _EPOCH) // timedelta(milliseconds=1)


def first_key_at(moment: datetime) -> int:
    """The lowest key a document published at `moment` or later can have."""
    return search_key(moment)


def last_key_at(moment: datetime) -> int:
    """The highest key of a document published at `moment` or earlier (but for the rare one moved
    to a later millisecond because another took its own: see indexing.insert_documents)."""
    return search_key(moment)


class SearchDocument(db.Model):
    """Title, lead, body text, keyword names and byline of a published (or scheduled) article.

    Scheduled stories are indexed ahead of time and filtered on `published_at` when searched, so
    they appear the moment they are due without any job running.
    """

    __tablename__ = "search_documents"
    __table_args__ = (
        Index("ix_search_documents_published_at", "published_at"),
        Index("ix_search_documents_section_published_at", "section_id", "published_at"),
        Index("ix_search_documents_search_key", "search_key", unique=True),
    )

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    title: Mapped[str] = mapped_column(NFCString(300))
    lead: Mapped[str] = mapped_column(NFCText, default="")
    keywords: Mapped[str] = mapped_column(NFCText, default="")
    byline: Mapped[str] = mapped_column(NFCString(200), default="")
    body: Mapped[str] = mapped_column(NFCText, default="")
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"))
    format: Mapped[str] = mapped_column(String(20))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    search_key: Mapped[int] = mapped_column(BigInteger)  # see search_key()


def is_engine_object(name: str | None, type_: str, parent_names: dict) -> bool:
    """Whether a reflected schema object belongs to one search engine (see Alembic's include_name)."""
    if type_ == "column":
        return name in ENGINE_COLUMNS.get(parent_names.get("table_name") or "", set())
    return bool(name and name.startswith(ENGINE_PREFIX))


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic's filter: compare and autogenerate everything but the engines' own objects."""
    return not is_engine_object(name, type_, parent_names)
