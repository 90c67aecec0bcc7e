"""What editors choose by hand: the home page's slots, stories pinned in a section, story threads.

Picks only point at articles; the public queries still apply the one visibility rule, so a pick
whose article is unpublished or not yet due simply falls back to the latest stories.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.dates import utcnow
from app.core.db import NFCString, NFCText, UTCDateTime
from app.extensions import db

TOP_STORY_SLOT = 0
FOCUS_SLOTS = (1, 2, 3, 4)  # "Tiêu điểm": the four stories after the top one


class HomePick(db.Model):
    """The article an editor put in one home-page slot (0: the top story; 1–4: Tiêu điểm)."""

    __tablename__ = "home_picks"

    slot: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), unique=True)
    picked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    picked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    article = relationship("Article")


class SectionPin(db.Model):
    """A story pinned at the top of a section's (or featured column's) page, in editors' order."""

    __tablename__ = "section_pins"
    __table_args__ = (UniqueConstraint("section_id", "article_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    pinned_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    pinned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    article = relationship("Article")


class StoryThread(db.Model):
    """A running story ("Theo dòng sự kiện"): articles an editor grouped; each lists the others."""

    __tablename__ = "story_threads"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(NFCString(200))
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(NFCText, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    entries: Mapped[list["ThreadEntry"]] = relationship(
        back_populates="thread", cascade="all, delete-orphan", order_by="ThreadEntry.id"
    )


class ThreadEntry(db.Model):
    """An article's place in a thread (an article follows at most one thread)."""

    __tablename__ = "thread_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("story_threads.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), unique=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    thread: Mapped[StoryThread] = relationship(back_populates="entries")
    article = relationship("Article")
