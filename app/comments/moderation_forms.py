"""Back-office comment forms: the queue's filters, bulk and single decisions, edits and official replies."""

from datetime import time, timedelta
from urllib.parse import parse_qsl

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, ValidationError

from app.comments.models import CommentStatus
from app.comments.moderation_queries import ALL_STATUSES, QueueFilters
from app.comments.text import BODY_MAX, NAME_MAX, plain_line
from app.core.dates import local_to_utc, parse_date

MAX_ID = 2**31 - 1
MAX_ID_DIGITS = 9
MAX_BULK = 500
CHOICE_MESSAGE = _l("Please choose a value from the list.")
TOO_LONG = _l("This field is too long.")
DATE_MESSAGE = _l("Please enter a date such as 24/11/2026.")
STATUS_LABELS = {
    CommentStatus.PENDING.value: _l("Waiting for moderation"),
    CommentStatus.APPROVED.value: _l("Approved"),
    CommentStatus.REJECTED.value: _l("Rejected"),
    CommentStatus.SPAM.value: _l("Spam"),
}
DECISIONS = {"approve": _l("Approve"), "reject": _l("Reject"), "spam": _l("Mark as spam")}
HELD_REASONS = {"links": _l("Many links")}
# The queue's query-string arguments, kept when a decision sends the moderator back to the list.
FILTER_ARGUMENTS = ("status", "article", "date_from", "date_to", "q")


class QueueFilterForm(FlaskForm):
    """The queue's filters, read from the query string (a GET form: no CSRF token)."""

    class Meta:
        csrf = False

    status = SelectField(
        _l("Status"),
        choices=[
            *(SelectChoice(value, label) for value, label in STATUS_LABELS.items()),
            SelectChoice(ALL_STATUSES, _l("All statuses")),
        ],
        default=CommentStatus.PENDING.value,
        invalid_choice_message=CHOICE_MESSAGE,
        invalid_value_message=CHOICE_MESSAGE,
    )
    article = StringField(
        _l("Article (number or title)"),
        validators=[Length(max=300, message=TOO_LONG)],
        render_kw={"type": "search"},
    )
    date_from = StringField(_l("From (date)"), render_kw={"type": "date"})
    date_to = StringField(_l("To (date)"), render_kw={"type": "date"})
    q = StringField(
        _l("Name, email or text contains"),
        validators=[Length(max=200, message=TOO_LONG)],
        render_kw={"type": "search"},
    )

    def validate_date_from(self, field) -> None:
        if field.data and parse_date(field.data) is None:
            raise ValidationError(DATE_MESSAGE)

    def validate_date_to(self, field) -> None:
        if field.data and parse_date(field.data) is None:
            raise ValidationError(DATE_MESSAGE)
        start, end = parse_date(self.date_from.data or ""), parse_date(field.data or "")
        if start and end and end < start:
            raise ValidationError(_l("The end date is before the start date."))

    def article_id(self) -> int | None:
        """The article number when one was typed (`123` or `#123`), else None: the text is a title."""
        value = plain_line(self.article.data).removeprefix("#")
        if value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS:
            return int(value)
        return None

    def filters(self) -> QueueFilters:
        """The query's filters; dates are Vietnamese calendar days, turned into UTC bounds."""
        start = parse_date(self.date_from.data or "")
        end = parse_date(self.date_to.data or "")
        article_id = self.article_id()
        return QueueFilters(
            status=self.status.data or CommentStatus.PENDING.value,
            article_id=article_id,
            article_title="" if article_id is not None else plain_line(self.article.data),
            since=local_to_utc(start, time.min) if start else None,
            before=local_to_utc(end + timedelta(days=1), time.min) if end else None,
            text=plain_line(self.q.data),
        )


class ReturnToQueue:
    """The queue's filters travel with a decision (hidden field `back`) to return to the same list."""

    back = HiddenField()

    def queue_arguments(self) -> dict[str, str]:
        """The known filter arguments of `back`; the page is dropped, decided rows may have left the list."""
        pairs = parse_qsl(self.back.data or "", max_num_fields=20)
        return {name: value[:300] for name, value in pairs if name in FILTER_ARGUMENTS}


class BulkForm(ReturnToQueue, FlaskForm):
    ids = SelectMultipleField(
        coerce=int,
        validate_choice=False,
        invalid_value_message=_l("Please select comments from the list."),
    )
    action = SelectField(
        _l("With the selected comments"),
        choices=[
            SelectChoice("", _l("Choose an action…")),
            *(SelectChoice(*item) for item in DECISIONS.items()),
        ],
        validators=[DataRequired(message=_l("Please choose what to do with the selected comments."))],
        invalid_choice_message=CHOICE_MESSAGE,
        invalid_value_message=CHOICE_MESSAGE,
    )

    def validate_ids(self, field) -> None:
        if field.process_errors:
            return
        if not field.data:
            raise ValidationError(_l("Please select at least one comment."))
        if len(field.data) > MAX_BULK or not all(1 <= value <= MAX_ID for value in field.data):
            raise ValidationError(_l("Please select comments from the list."))


class DecisionForm(ReturnToQueue, FlaskForm):
    """One comment's approve/reject/spam button, from a queue row or the comment's page."""

    decision = SelectField(
        choices=[SelectChoice(*item) for item in DECISIONS.items()],
        invalid_choice_message=CHOICE_MESSAGE,
        invalid_value_message=CHOICE_MESSAGE,
    )
    stay = HiddenField()


class EditForm(FlaskForm):
    """A moderator's correction; the second button also approves. An official reply has no name field."""

    author_name = StringField(
        _l("Name"),
        validators=[
            DataRequired(message=_l("Please enter a name.")),
            Length(max=NAME_MAX, message=_l("The name must be at most %(max)d characters.")),
        ],
        render_kw={"maxlength": NAME_MAX},
    )
    body = TextAreaField(
        _l("Comment"),
        validators=[
            DataRequired(message=_l("Please enter the text of the comment.")),
            Length(max=BODY_MAX, message=_l("A comment is at most %(max)d characters.")),
        ],
        render_kw={"rows": 6, "maxlength": BODY_MAX},
    )
    save = SubmitField(_l("Save"))
    save_and_approve = SubmitField(_l("Save and approve"))


class ReplyForm(FlaskForm):
    body = TextAreaField(
        _l("Reply of the editorial board"),
        validators=[
            DataRequired(message=_l("Please write the reply.")),
            Length(max=BODY_MAX, message=_l("A comment is at most %(max)d characters.")),
        ],
        render_kw={"rows": 5, "maxlength": BODY_MAX},
    )
