"""Back-office forms for keywords: rename, merge."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, Length

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
