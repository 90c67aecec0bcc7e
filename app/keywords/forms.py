"""Back-office forms for keywords: rename, merge."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, Length

from app.core.errors import InvalidInput
from app.keywords.services import MAX_KEYWORD_LENGTH


class RenameForm(FlaskForm):
    name = StringField(
        _l("Name"),
        validators=[
            DataRequired(message=_l("Please enter a name.")),
            Length(max=MAX_KEYWORD_LENGTH, message=_l("The name must be at most %(max)d characters.")),
        ],
    )
    update_slug = BooleanField(_l("Also change the address to match the new name"))


class MergeForm(FlaskForm):
    target = StringField(
        _l("Merge into"),
        validators=[
            DataRequired(message=_l("Please enter the name of the keyword to merge into.")),
            Length(max=MAX_KEYWORD_LENGTH, message=_l("The name must be at most %(max)d characters.")),
        ],
    )


def add_error(form: FlaskForm, error: InvalidInput) -> None:
    """Put a service's message next to its field, or above the form when no field matches."""
    field = form[error.field] if error.field and error.field in form else None
    if field is None:
        form.form_errors.append(error.message)
    else:
        field.errors = [*field.errors, error.message]
