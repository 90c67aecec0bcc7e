"""Emulation campaigns (phong trào thi đua) and the exemplary-practice profiles tied to them."""

import enum
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from app.core.dates import utcnow
from app.core.db import NFCString, NFCText, UTCDateTime, enum_column
from app.extensions import db


class CampaignStatus(enum.Enum):
    UPCOMING = "upcoming"
    ACTIVE = "active"
    ENDED = "ended"


class Campaign(db.Model):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(NFCString(300))
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(NFCText, default="")
    goals: Mapped[str] = mapped_column(NFCText, default="")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    banner_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    banner = relationship("Media")

    def status_on(self, today: date) -> CampaignStatus:
        """Upcoming, active or ended: the status follows the dates, nobody sets it."""
        if today < self.starts_on:
            return CampaignStatus.UPCOMING
        if self.ends_on and today > self.ends_on:
            return CampaignStatus.ENDED
        return CampaignStatus.ACTIVE

    def goal_list(self) -> list[str]:
        return [line.strip() for line in self.goals.splitlines() if line.strip()]


class SubjectKind(enum.Enum):
    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"


class ExemplaryProfile(db.Model):
    """Who an exemplary-practice story is about, edited with the article."""

    __tablename__ = "exemplary_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), unique=True)
    subject_name: Mapped[str] = mapped_column(NFCString(200))
    subject_kind: Mapped[SubjectKind] = mapped_column(enum_column(SubjectKind))
    unit: Mapped[str] = mapped_column(NFCString(200), default="")
    ward: Mapped[str] = mapped_column(NFCString(100), default="", index=True)
    field: Mapped[str] = mapped_column(NFCString(100), default="", index=True)
    achievement: Mapped[str] = mapped_column(NFCText, default="")
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"), index=True
    )

    article = relationship("Article", backref=backref("profile", uselist=False))
    campaign: Mapped[Campaign | None] = relationship()
