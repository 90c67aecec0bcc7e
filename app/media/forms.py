"""Back-office forms of the media library."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, FloatField, MultipleFileField, StringField, TextAreaField
from wtforms.validators import Length, NumberRange, Optional

FOCAL_MESSAGE = _l("The focal point must be between 0 and 1.")
TOO_LONG = _l("This is too long.")


class FocalField(FloatField):
    """A number from 0 to 1 whose parse error is our message (WTForms has no Vietnamese catalogue)."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(FOCAL_MESSAGE) from None


class MediaDetailsForm(FlaskForm):
    alt = StringField(
        _l("Alt text"),
        validators=[Length(max=300, message=TOO_LONG)],
    )
    caption = TextAreaField(_l("Caption"))
    credit = StringField(
        _l("Credit"),
        validators=[Length(max=200, message=TOO_LONG)],
    )
    is_decorative = BooleanField(_l("Decorative image (read with empty alt text)"))
    focal_x = FocalField(
        _l("Focal point, horizontal (0–1)"),
        validators=[Optional(), NumberRange(0, 1, message=FOCAL_MESSAGE)],
    )
    focal_y = FocalField(
        _l("Focal point, vertical (0–1)"),
        validators=[Optional(), NumberRange(0, 1, message=FOCAL_MESSAGE)],
    )


class UploadForm(FlaskForm):
    file = MultipleFileField(_l("Files"))


class DeleteForm(FlaskForm):
    """CSRF only: the delete button."""
