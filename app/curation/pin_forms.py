"""Back-office forms for pinned stories: pin an article, move a pin up or down."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.validators import AnyOf, DataRequired, Regexp

ID_PATTERN = r"^\d{1,9}$"


class PinForm(FlaskForm):
    article_id = HiddenField(
        validators=[
            DataRequired(message=_l("Please choose an article.")),
            Regexp(ID_PATTERN, message=_l("Please choose an article.")),
        ]
    )


class MovePinForm(FlaskForm):
    direction = HiddenField(
        validators=[
            DataRequired(message=_l("Unknown direction.")),
            AnyOf(("up", "down"), message=_l("Unknown direction.")),
        ]
    )
