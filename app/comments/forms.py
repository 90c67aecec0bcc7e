"""The public comment form: what a reader types, plus the captcha, honeypot and signed start time."""

import time

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from itsdangerous import BadData, URLSafeSerializer
from wtforms import BooleanField, EmailField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired

from app.comments.services import CommentSubmission
from app.comments.text import BODY_MAX, NAME_MAX

STARTED_SALT = "comment-form-started"


class CommentForm(FlaskForm):
    author_name = StringField(
        _l("Your name"),
        validators=[DataRequired(message=_l("Please enter your name."))],
        render_kw={"maxlength": NAME_MAX, "autocomplete": "name"},
    )
    author_email = EmailField(
        _l("Email (not shown)"),
        validators=[DataRequired(message=_l("Please enter your email."))],
        render_kw={"maxlength": 254, "autocomplete": "email"},
    )
    body = TextAreaField(
        _l("Your comment"),
        validators=[DataRequired(message=_l("Please write your comment."))],
        render_kw={"maxlength": BODY_MAX, "rows": 5},
    )
    consent = BooleanField(
        _l(
            "I agree that the office processes my name, email, comment and a hash of my IP address to "
            "moderate and answer it and to prevent abuse."
        ),
        validators=[
            DataRequired(message=_l("Please agree to the processing of your personal data to comment."))
        ],
    )
    captcha_token = HiddenField()
    captcha_answer = StringField(
        _l("Type the confirmation code"),
        validators=[DataRequired(message=_l("Please type the confirmation code."))],
        render_kw={
            "autocomplete": "off",
            "inputmode": "numeric",
            "autocapitalize": "off",
            "spellcheck": "false",
        },
    )
    # The honeypot: hidden from people (and from assistive technology), filled in by naive bots.
    website = StringField(_l("Leave this field empty"), render_kw={"autocomplete": "off", "tabindex": "-1"})
    started = HiddenField()

    def start(self, captcha_token: str) -> None:
        """Prepare the form for display with a fresh captcha; the start time survives re-displays."""
        self.captcha_token.data = captcha_token
        self.captcha_answer.data = ""
        if read_started(self.started.data) is None:
            self.started.data = sign_started(time.time())

    def to_submission(self) -> CommentSubmission:
        return CommentSubmission(
            author_name=self.author_name.data or "",
            author_email=self.author_email.data or "",
            body=self.body.data or "",
            consent=bool(self.consent.data),
            captcha_token=self.captcha_token.data or "",
            captcha_answer=self.captcha_answer.data or "",
            honeypot=self.website.data or "",
            started_at=read_started(self.started.data),
        )


def started_serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=STARTED_SALT)


def sign_started(timestamp: float) -> str:
    return started_serializer().dumps(int(timestamp))


def read_started(value: str | None) -> float | None:
    """The signed start time, or None when it is missing or was tampered with."""
    if not value:
        return None
    try:
        timestamp = started_serializer().loads(value)
    except BadData:
        return None
    return float(timestamp) if isinstance(timestamp, int) else None
