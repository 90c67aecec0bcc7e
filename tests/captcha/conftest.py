"""Helpers for the captcha tests: the stored answer of a challenge (the limiter's `throttling` is shared)."""

from sqlalchemy import select

from app.captcha.models import CaptchaChallenge
from app.extensions import db as _db


def stored_answer(token: str) -> str:
    """What the reader would read off the image (straight from the table, so nothing is consumed)."""
    return _db.session.scalar(select(CaptchaChallenge.answer).where(CaptchaChallenge.token == token))
