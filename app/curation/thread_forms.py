"""Back-office forms for story threads: the thread itself, adding an article to it."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp

from app.curation.pin_forms import ID_PATTERN
from app.curation.threads import MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH


class ThreadForm(FlaskForm):
    title = StringField(
        _l("Title"),
        validators=[
            DataRequired(message=_l("Please enter a title.")),
            Length(max=MAX_TITLE_LENGTH, message=_l("The title must be at most %(max)d characters.")),
        ],
    )
    description = TextAreaField(
        _l("Description"),
        validators=[
            Length(
                max=MAX_DESCRIPTION_LENGTH, message=_l("The description must be at most %(max)d characters.")
            )
        ],
    )


class ThreadArticleForm(FlaskForm):
    article_id = HiddenField(
        validators=[
            DataRequired(message=_l("Please choose an article.")),
            Regexp(ID_PATTERN, message=_l("Please choose an article.")),
        ]
    )
