"""Captcha challenges: issuing one, checking it exactly once, and finding a live one to draw or speak."""

import hmac
import re
import secrets
import unicodedata
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, select

from app.captcha.models import CaptchaChallenge
from app.core.dates import as_utc, utcnow
from app.core.db import write_transaction
from app.extensions import db, limiter

# What secrets.token_urlsafe produces, within the column's length: anything else cannot be ours,
# and checking first keeps NUL bytes and megabyte strings away from the database.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_ANSWER_LENGTH = 256

# Put on every view that issues a challenge: one budget per IP across all of them, so a bot
# cannot mint fresh tokens (and fresh rows) faster than a person could read them.
issuance_limit = limiter.shared_limit(lambda: current_app.config["CAPTCHA_LIMITS"], scope="captcha")


def issue_challenge(*, now: datetime | None = None) -> str:
    """Store a new random answer under a new unguessable token and return the token.

    Expired challenges are swept in the same transaction, so abandoned forms cannot grow the table.
    """
    now = as_utc(now) if now else utcnow()
    alphabet = current_app.config["CAPTCHA_ALPHABET"]
    answer = "".join(secrets.choice(alphabet) for _ in range(current_app.config["CAPTCHA_LENGTH"]))
    token = secrets.token_urlsafe(32)
    with write_transaction():
        db.session.execute(
            delete(CaptchaChallenge).where(CaptchaChallenge.created_at <= now - time_to_live()),
            execution_options={"synchronize_session": False},
        )
        db.session.add(CaptchaChallenge(token=token, answer=answer, created_at=now))
    return token


def consume_challenge(token: str, answer: str, *, now: datetime | None = None) -> bool:
    """Whether `answer` solves the challenge `token`; the challenge is used up whatever the answer.

    Deleting before comparing means a wrong guess or a replayed form burns the token, so each
    token gives exactly one try. DELETE … RETURNING makes the take atomic: of two concurrent
    requests with the same token, only one gets the row. Nests inside a caller's write_transaction.
    """
    if not is_token(token):
        return False
    with write_transaction():
        row = db.session.execute(
            delete(CaptchaChallenge)
            .where(CaptchaChallenge.token == token)
            .returning(CaptchaChallenge.answer, CaptchaChallenge.created_at),
            execution_options={"synchronize_session": False},
        ).first()
    if row is None or not is_live(row.created_at, now):
        return False
    if not isinstance(answer, str) or len(answer) > MAX_ANSWER_LENGTH:
        return False
    return hmac.compare_digest(normalise(answer).encode(), normalise(row.answer).encode())


def find_live_answer(token: str, *, now: datetime | None = None) -> str | None:
    """The answer of an unexpired challenge, to draw or speak it; the challenge stays usable."""
    if not is_token(token):
        return None
    row = db.session.execute(
        select(CaptchaChallenge.answer, CaptchaChallenge.created_at).where(CaptchaChallenge.token == token)
    ).first()
    if row is None or not is_live(row.created_at, now):
        return None
    return row.answer


def normalise(answer: str) -> str:
    """Full-width digits become ASCII (NFKC), spaces anywhere are ignored, case does not matter."""
    return "".join(unicodedata.normalize("NFKC", answer).split()).casefold()


def is_token(token: object) -> bool:
    return isinstance(token, str) and TOKEN_PATTERN.fullmatch(token) is not None


def is_live(created_at: datetime, now: datetime | None) -> bool:
    return (as_utc(now) if now else utcnow()) - as_utc(created_at) < time_to_live()


def time_to_live() -> timedelta:
    return timedelta(seconds=current_app.config["CAPTCHA_TTL_SECONDS"])
