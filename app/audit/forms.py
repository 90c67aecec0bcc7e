"""The audit log's filter form (a GET form: it changes nothing, so it carries no CSRF token)."""

from datetime import time, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import Length, ValidationError

from app.accounts.models import User
from app.core.dates import local_to_utc, parse_date

OBJECT_LABELS = {
    "articles": _l("Article"),
    "sections": _l("Section"),
    "keywords": _l("Keyword"),
    "users": _l("User"),
    "site_settings": _l("Site settings"),
    "campaigns": _l("Campaign"),
    "comments": _l("Comment"),
    "comment_policy": _l("Comment policy"),
    "story_threads": _l("Story thread"),
    "media": _l("Media"),
}
MAX_ID_DIGITS = 9


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False

    actor = SelectField(_l("Who"), validate_choice=False)
    action = StringField(
        _l("Action starts with"),
        validators=[Length(max=60, message=_l("This is at most %(max)d characters."))],
    )
    object_type = SelectField(_l("Object"), validate_choice=False)
    date_from = StringField(_l("From (date)"), render_kw={"type": "date"})
    date_to = StringField(_l("To (date)"), render_kw={"type": "date"})

    def __init__(self, *args, staff: list[User] = (), object_types: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.actor.choices = [SelectChoice("", _l("Anyone"))] + [
            SelectChoice(str(user.id), user.full_name) for user in staff
        ]
        self.object_type.choices = [SelectChoice("", _l("Anything"))] + [
            SelectChoice(name, OBJECT_LABELS.get(name, name)) for name in object_types
        ]

    def validate_actor(self, field) -> None:
        value = field.data or ""
        if value and not (value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS):
            raise ValidationError(_l("Please choose a person from the list."))

    def validate_object_type(self, field) -> None:
        if field.data and field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(_l("Please choose an object from the list."))

    def validate_date_from(self, field) -> None:
        if field.data and parse_date(field.data) is None:
            raise ValidationError(_l("Please enter a date such as 24/11/2026."))

    def validate_date_to(self, field) -> None:
        if field.data and parse_date(field.data) is None:
            raise ValidationError(_l("Please enter a date such as 24/11/2026."))
        start = parse_date(self.date_from.data or "")
        end = parse_date(field.data or "")
        if start and end and end < start:
            raise ValidationError(_l("The end date is before the start date."))

    def filters(self) -> dict:
        """The query's filters; days are Vietnamese calendar days (00:00 in Vietnam), turned into UTC."""
        start = parse_date(self.date_from.data or "")
        end = parse_date(self.date_to.data or "")
        return {
            "actor_id": int(self.actor.data) if self.actor.data else None,
            "action_prefix": (self.action.data or "").strip(),
            "object_type": self.object_type.data or "",
            "since": local_to_utc(start, time.min) if start else None,
            "before": local_to_utc(end + timedelta(days=1), time.min) if end else None,
        }
