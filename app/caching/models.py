"""The content generation: one row whose number changes whenever anything public changes."""

from datetime import datetime

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import UTCDateTime
from app.extensions import db

STATE_ID = 1


class ContentState(db.Model):
    """A single row (id 1). `generation` is part of every page-cache key; `changed_at` is the pages'
    Last-Modified; `next_due_at` is the next moment the public site changes by itself (a scheduled
    article going live, a new local day for the masthead and campaign statuses)."""

    __tablename__ = "content_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=1)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    next_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
