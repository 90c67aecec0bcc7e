"""Forms of the gallery page: adding photos, and the CSRF-only form shared by its buttons."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import SelectMultipleField, widgets


class GalleryAddForm(FlaskForm):
    photos = MultipleFileField(_l("Upload photo files"))
    media_ids = SelectMultipleField(
        _l("Or pick recent library images"),
        coerce=int,
        validate_choice=False,  # the service refuses unknown ids with a Vietnamese message
        widget=widgets.ListWidget(prefix_label=False),
        option_widget=widgets.CheckboxInput(),
    )

    def uploads(self) -> list[tuple[str, bytes]]:
        return [
            (upload.filename, upload.read())
            for upload in self.photos.data or []
            if getattr(upload, "filename", "")
        ]


class GalleryActionForm(FlaskForm):
    """Captions, moves, removals and the drag order post through this: CSRF only, fields read by hand."""
