"""The comment policy (a single row, id 1): reading it with defaults, and saving it from the back office."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from app.accounts.models import User
from app.audit.services import record
from app.comments.models import CommentPolicy
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.core.text import clean_line, nfc
from app.extensions import db

POLICY_ID = 1
DEFAULT_RETENTION_DAYS = 730
MAX_RETENTION_DAYS = 3650
MAX_BANNED_WORDS_LENGTH = 5000


@dataclass
class PolicyInput:
    """The policy as plain values, as the form (or a test) gives them."""

    auto_approve: bool = False
    require_diacritics: bool = False
    banned_words: str = ""
    retention_days: int = DEFAULT_RETENTION_DAYS


def get_comment_policy() -> CommentPolicy:
    """The policy row, created with its defaults the first time anyone asks (posting, the notice, the form).

    Two first requests at once may both try to create it: the loser's insert fails inside a
    savepoint and it reads the winner's row instead.
    """
    policy = db.session.get(CommentPolicy, POLICY_ID)
    if policy is not None:
        return policy
    with write_transaction():
        try:
            with db.session.begin_nested():
                policy = CommentPolicy(
                    id=POLICY_ID,
                    auto_approve=False,
                    require_diacritics=False,
                    banned_words="",
                    retention_days=DEFAULT_RETENTION_DAYS,
                )
                db.session.add(policy)
        except IntegrityError:
            policy = db.session.get(CommentPolicy, POLICY_ID)
    return policy


def banned_word_list(text: str) -> list[str]:
    """One word or phrase per line: NFC, spaces collapsed, blank lines dropped, repeats (any case) dropped."""
    words: dict[str, str] = {}
    for line in nfc(text or "").splitlines():
        word = clean_line(line)
        if word:
            words.setdefault(word.casefold(), word)
    return list(words.values())


def save_comment_policy(values: PolicyInput, *, actor: User | None) -> CommentPolicy:
    """Check and save the policy; the audit event lists what changed."""
    words = banned_word_list(values.banned_words)
    banned_words = "\n".join(words)
    if len(banned_words) > MAX_BANNED_WORDS_LENGTH:
        raise InvalidInput(
            "banned_words", _("This is at most %(max)d characters.", max=MAX_BANNED_WORDS_LENGTH)
        )
    retention_days = _retention_days(values.retention_days)
    policy = get_comment_policy()
    with write_transaction():
        changes = []
        for name in ("auto_approve", "require_diacritics"):
            new = bool(getattr(values, name))
            if getattr(policy, name) != new:
                changes.append(f"{name}: {'on' if new else 'off'}")
                setattr(policy, name, new)
        if policy.banned_words != banned_words:
            changes.append(f"banned_words: {len(words)}")
            policy.banned_words = banned_words
        if policy.retention_days != retention_days:
            changes.append(f"retention_days: {policy.retention_days} → {retention_days}")
            policy.retention_days = retention_days
        record("comment_policy.update", policy, actor=actor, summary=", ".join(changes) or "-")
    return policy


def _retention_days(value) -> int:
    """A whole number of days in 0..3650 (0 keeps personal data for good)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput("retention_days", _("Please enter a whole number of days."))
    if not 0 <= value <= MAX_RETENTION_DAYS:
        raise InvalidInput(
            "retention_days",
            _("Please enter a number of days from 0 to %(max)d.", max=MAX_RETENTION_DAYS),
        )
    return value
