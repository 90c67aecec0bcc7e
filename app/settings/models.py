"""Site settings: the site's name and the legal footer a state-agency portal must show."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.dates import utcnow
from app.core.db import NFCString, UTCDateTime
from app.extensions import db


class SiteSettings(db.Model):
    """A single row (id 1): typed columns so forms and templates can rely on each field."""

    __tablename__ = "site_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_name: Mapped[str] = mapped_column(NFCString(200))
    tagline: Mapped[str] = mapped_column(NFCString(300), default="")
    logo_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    governing_agency: Mapped[str] = mapped_column(NFCString(300), default="")
    licence: Mapped[str] = mapped_column(NFCString(300), default="")
    responsible_person: Mapped[str] = mapped_column(NFCString(200), default="")
    address: Mapped[str] = mapped_column(NFCString(300), default="")
    phone: Mapped[str] = mapped_column(NFCString(60), default="")
    email: Mapped[str] = mapped_column(NFCString(254), default="")
    require_two_factor: Mapped[bool] = mapped_column(Boolean, default=False)
    # Feeds carry each article's full text (True) or its lead only.
    feed_full_text: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    logo = relationship("Media", foreign_keys=[logo_id])
