"""Back-office forms for personal-data requests: look up, export, erase, correct."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, RadioField, SelectChoice, StringField
from wtforms.validators import AnyOf, DataRequired, Length, ValidationError

from app.comments.personal_data import EXPORT_FORMATS
from app.comments.text import EMAIL_MAX, NAME_MAX, is_valid_email, normalise_email


def valid_email(_form, field) -> None:
    field.data = normalise_email(field.data)
    if not is_valid_email(field.data):
        raise ValidationError(_l("Please enter a valid email address."))


EMAIL_VALIDATORS = [
    DataRequired(message=_l("Please enter the reader's email address.")),
    Length(max=EMAIL_MAX, message=_l("This is at most %(max)d characters.")),
    valid_email,
]


class LookupForm(FlaskForm):
    """The search box (GET, so no CSRF token: it changes nothing)."""

    class Meta:
        csrf = False

    email = EmailField(_l("Reader's email address"), validators=EMAIL_VALIDATORS)


class ExportForm(FlaskForm):
    email = HiddenField(validators=EMAIL_VALIDATORS)
    format = RadioField(
        _l("File format"),
        choices=[SelectChoice("json", "JSON"), SelectChoice("csv", _l("CSV (opens in Excel)"))],
        default="json",
        validate_choice=False,  # WTForms' own message is English: AnyOf says it in Vietnamese
        validators=[AnyOf(EXPORT_FORMATS, message=_l("Please choose JSON or CSV."))],
    )


class EraseForm(FlaskForm):
    email = HiddenField(validators=EMAIL_VALIDATORS)
    delete_approved = BooleanField(
        _l("Delete the published comments too (with the editorial board's replies)")
    )
    confirm = BooleanField(
        _l("I have checked that the request comes from the owner of this email address"),
        validators=[DataRequired(message=_l("Tick the box to confirm the erasure."))],
    )


class CorrectForm(FlaskForm):
    author_name = StringField(
        _l("Name"),
        validators=[
            DataRequired(message=_l("Please enter a name.")),
            Length(max=NAME_MAX, message=_l("The name must be at most %(max)d characters.")),
        ],
    )
    author_email = EmailField(_l("Email"), validators=EMAIL_VALIDATORS)
