"""What a comment's fields may hold, as stored: one set of rules for readers, moderators and admins."""

import hashlib
import re
import unicodedata

from flask_babel import gettext as _

from app.core.errors import InvalidInput
from app.core.text import clean_line, fold, nfc

NAME_MAX = 100
EMAIL_MAX = 254
BODY_MAX = 2000
BODY_MIN = 2

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_WORD = re.compile(r"\w+")
_CONTROL = {cp: None for cp in range(32) if chr(cp) not in "\n\t"} | {0x7F: None}
_BLANK_LINES = re.compile(r"\n{3,}")


def plain_line(value: str | None) -> str:
    """One line as we store it: NFC, single spaces, no control characters (PostgreSQL refuses NUL)."""
    return clean_line((value or "").translate(_CONTROL))


def clean_body(text: str | None) -> str:
    """Plain text in NFC: control characters dropped, line ends unified, at most one blank line in a row."""
    text = nfc(text or "").replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL)
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def normalise_email(raw: str | None) -> str:
    """An email as comments store it: trimmed and lower-cased."""
    return plain_line(raw).lower()


def is_valid_email(email: str) -> bool:
    return len(email) <= EMAIL_MAX and bool(_EMAIL.match(email))


def checked_name(raw: str | None) -> str:
    name = plain_line(raw)
    if not name:
        raise InvalidInput("author_name", _("Please enter a name."))
    if len(name) > NAME_MAX:
        raise InvalidInput("author_name", _("The name must be at most %(max)d characters.", max=NAME_MAX))
    return name


def checked_email(raw: str | None) -> str:
    email = normalise_email(raw)
    if not email:
        raise InvalidInput("author_email", _("Please enter your email."))
    if not is_valid_email(email):
        raise InvalidInput("author_email", _("Please enter a valid email address."))
    return email


def checked_body(raw: str | None) -> str:
    body = clean_body(raw)
    if len(body) < BODY_MIN:
        raise InvalidInput("body", _("Please enter the text of the comment."))
    if len(body) > BODY_MAX:
        raise InvalidInput(
            "body",
            _(
                "A comment is at most %(max)d characters (this one has %(count)d).",
                max=BODY_MAX,
                count=len(body),
            ),
        )
    return body


def hash_content(body: str) -> str:
    """The identity of a comment's text: case, accents, punctuation and spacing do not matter."""
    words = _WORD.findall(fold(unicodedata.normalize("NFKC", body)))
    return hashlib.sha256(" ".join(words).encode()).hexdigest()
