"""Sections (chuyên mục): the site's tree of news sections and featured columns."""

import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.dates import utcnow
from app.core.db import NFCString, NFCText, UTCDateTime, enum_column
from app.extensions import db


class SectionKind(enum.Enum):
    NEWS = "news"
    COLUMN = "column"
    EXEMPLARY = "exemplary"
    PHOTO = "photo"
    VIDEO = "video"


class Section(db.Model):
    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NFCString(120))
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(NFCText, default="")
    kind: Mapped[SectionKind] = mapped_column(enum_column(SectionKind), default=SectionKind.NEWS)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("sections.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    in_menu: Mapped[bool] = mapped_column(Boolean, default=True)
    on_home: Mapped[bool] = mapped_column(Boolean, default=False)
    in_sidebar: Mapped[bool] = mapped_column(Boolean, default=False)
    # Editors' order of the home-page blocks and of the sidebar boxes (then by `position`).
    home_position: Mapped[int] = mapped_column(Integer, default=0)
    sidebar_position: Mapped[int] = mapped_column(Integer, default=0)
    banner_id: Mapped[int | None] = mapped_column(ForeignKey("media.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    parent: Mapped["Section | None"] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list["Section"]] = relationship(back_populates="parent", order_by="Section.position")
    banner = relationship("Media", foreign_keys=[banner_id])

    def __repr__(self) -> str:
        return f"<Section {self.slug}>"
