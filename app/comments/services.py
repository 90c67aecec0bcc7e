"""Posting a reader's comment: every anti-abuse and consent rule, then one insert.

The rules run cheapest first; the captcha is checked (and burned) only once the fields are valid, so
a reader who forgot the consent box does not lose a solved captcha, and the content rules (banned
words, duplicates) run only behind a solved captcha, so a bot cannot probe them for free.
"""

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import exists, or_, select

from app.articles.models import Article
from app.articles.queries import is_public
from app.captcha.services import consume_challenge
from app.comments.models import Comment, CommentStatus
from app.comments.policy import get_comment_policy
from app.comments.text import checked_body, checked_email, checked_name, hash_content
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.core.errors import InvalidInput, NotAllowed
from app.core.text import fold, nfc
from app.extensions import db

DUPLICATE_WINDOW = timedelta(days=1)
# Diacritics rule: judged only on comments with at least this many words, so "OK" or "Cam on" alone
# are not refused, and refused when fewer than this share of the words carry a Vietnamese mark.
DIACRITICS_MIN_WORDS = 4
DIACRITICS_MIN_SHARE = 0.2

_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class CommentSubmission:
    """What a reader sent, as plain values (the form's or a test's)."""

    author_name: str
    author_email: str
    body: str
    consent: bool
    captcha_token: str = ""
    captcha_answer: str = ""
    honeypot: str = ""
    # When the form was first shown to this reader (seconds since the epoch, from a signed field);
    # None when the signature was missing or forged.
    started_at: float | None = None


def post_comment(article: Article, submission: CommentSubmission, *, ip: str, now: datetime | None = None):
    """Store a reader's comment (pending unless the policy auto-approves it) or raise InvalidInput."""
    now = now or utcnow()
    if not comments_open(article, now=now):
        raise NotAllowed(_("Comments are closed for this article."))
    check_human(submission, now=now)
    name, email, body = clean_submission(submission)
    if not consume_challenge(submission.captcha_token, submission.captcha_answer, now=now):
        raise InvalidInput(
            "captcha_answer", _("The confirmation code is wrong or has expired. Please type the new code.")
        )
    policy = get_comment_policy()
    check_content(body, banned_words=policy.banned_words, require_diacritics=policy.require_diacritics)
    held_reason = "links" if count_links(body) > current_app.config["COMMENT_MAX_LINKS"] else ""
    ip_hash = hash_ip(ip)
    content_hash = hash_content(body)
    with write_transaction():
        if is_duplicate(article.id, content_hash, ip_hash, now=now):
            raise InvalidInput("body", _("This comment has already been sent."))
        comment = Comment(
            article_id=article.id,
            author_name=name,
            author_email=email,
            body=body,
            content_hash=content_hash,
            ip_hash=ip_hash,
            status=CommentStatus.APPROVED
            if policy.auto_approve and not held_reason
            else CommentStatus.PENDING,
            held_reason=held_reason,
            consent_at=now,
            created_at=now,
        )
        db.session.add(comment)
    return comment


def comments_open(article: Article, *, now: datetime | None = None) -> bool:
    """Readers may comment on a public article whose comments are on."""
    if not article.comments_enabled:
        return False
    return bool(db.session.scalar(select(exists().where(Article.id == article.id, is_public(now)))))


def check_human(submission: CommentSubmission, *, now: datetime) -> None:
    """The honeypot stays empty and the form took a human's time to fill."""
    if submission.honeypot.strip():
        raise InvalidInput(None, _("Your comment could not be sent. Please try again."))
    minimum = current_app.config["COMMENT_MIN_FILL_SECONDS"]
    started = submission.started_at
    if started is None or now.timestamp() - started < minimum:
        raise InvalidInput(
            None, _("The form was sent too quickly. Please check your comment and send it again.")
        )


def clean_submission(submission: CommentSubmission) -> tuple[str, str, str]:
    """Name, email and body normalised and checked; the first problem found is raised on its field."""
    name = checked_name(submission.author_name)
    email = checked_email(submission.author_email)
    body = checked_body(submission.body)
    if not submission.consent:
        raise InvalidInput("consent", _("Please agree to the processing of your personal data to comment."))
    return name, email, body


def check_content(body: str, *, banned_words: str, require_diacritics: bool) -> None:
    if find_banned_word(body, banned_words):
        raise InvalidInput(
            "body", _("Your comment contains words that are not allowed here. Please rephrase it.")
        )
    if require_diacritics and lacks_diacritics(body):
        raise InvalidInput("body", _("Please write in Vietnamese with diacritics (tiếng Việt có dấu)."))


def find_banned_word(body: str, banned_words: str) -> str | None:
    """The first banned word or phrase found as whole words, case-insensitively, accents as written."""
    text = " " + " ".join(_WORD.findall(body.casefold())) + " "
    for line in banned_words.splitlines():
        phrase = " ".join(_WORD.findall(nfc(line).casefold()))
        if phrase and f" {phrase} " in text:
            return phrase
    return None


def lacks_diacritics(body: str) -> bool:
    """Whether a long enough comment reads as Vietnamese typed without its marks ("tieng Viet khong dau")."""
    words = [word for word in _WORD.findall(body) if not word.isdigit()]
    if len(words) < DIACRITICS_MIN_WORDS:
        return False
    marked = sum(1 for word in words if fold(word) != word.casefold())
    return marked / len(words) < DIACRITICS_MIN_SHARE


def count_links(body: str) -> int:
    return len(_LINK.findall(body))


def hash_ip(ip: str) -> str:
    """A salted hash of the client's address: enough to spot repeats, useless to identify anyone."""
    key = hashlib.sha256(("comment-ip:" + current_app.config["SECRET_KEY"]).encode()).digest()
    return hmac.new(key, ip.encode(), hashlib.sha256).hexdigest()


def is_duplicate(article_id: int, content_hash: str, ip_hash: str, *, now: datetime) -> bool:
    """The same text already sent under this article, or by this address anywhere in the last day."""
    return bool(
        db.session.scalar(
            select(
                exists().where(
                    Comment.content_hash == content_hash,
                    Comment.is_official.is_(False),
                    or_(
                        Comment.article_id == article_id,
                        (Comment.ip_hash == ip_hash) & (Comment.created_at >= now - DUPLICATE_WINDOW),
                    ),
                )
            )
        )
    )
