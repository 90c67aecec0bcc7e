"""Captcha challenges the server issued, kept server-side so a token works once."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.dates import utcnow
from app.core.db import UTCDateTime
from app.extensions import db


class CaptchaChallenge(db.Model):
    """A captcha the server issued: single use (deleted when checked), valid for ten minutes."""

    __tablename__ = "captcha_challenges"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    answer: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
