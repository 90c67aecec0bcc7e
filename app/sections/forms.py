"""Back-office forms for sections and featured columns."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from app.sections.models import Section, SectionKind
from app.sections.services import DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, SLUG_MAX_LENGTH, SectionInput

KIND_LABELS = {
    SectionKind.NEWS: _l("News"),
    SectionKind.COLUMN: _l("Featured column"),
    SectionKind.EXEMPLARY: _l("Exemplary practice"),
    SectionKind.PHOTO: _l("Photo reportage"),
    SectionKind.VIDEO: _l("Video clips"),
}
MAX_ID_DIGITS = 9


class SectionForm(FlaskForm):
    name = StringField(
        _l("Name"),
        validators=[
            DataRequired(message=_l("Please enter a name.")),
            Length(max=NAME_MAX_LENGTH, message=_l("The name must be at most %(max)d characters.")),
        ],
    )
    slug = StringField(
        _l("Address (slug)"),
        validators=[
            Length(max=SLUG_MAX_LENGTH, message=_l("The address must be at most %(max)d characters."))
        ],
    )
    description = TextAreaField(
        _l("Description"),
        validators=[
            Length(
                max=DESCRIPTION_MAX_LENGTH, message=_l("The description must be at most %(max)d characters.")
            )
        ],
    )
    kind = SelectField(
        _l("Kind"),
        choices=[SelectChoice(kind.value, label) for kind, label in KIND_LABELS.items()],
        validate_choice=False,
    )
    parent_id = SelectField(_l("Parent section"), validate_choice=False)
    in_menu = BooleanField(_l("Show in the main menu"), default=True)
    on_home = BooleanField(_l("Show a block on the home page"))
    in_sidebar = BooleanField(_l("Show a box in the sidebar"))
    banner = FileField(_l("Banner image"))
    remove_banner = BooleanField(_l("Remove the current banner"))

    def __init__(self, *args, parents: list[Section] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.parent_id.choices = [SelectChoice("", _l("None (top level)"))] + [
            SelectChoice(str(parent.id), parent.name) for parent in parents
        ]

    @classmethod
    def for_section(cls, section: Section, *, parents: list[Section]) -> "SectionForm":
        """The form filled with a stored section (the posted values win on submit)."""
        return cls(
            parents=parents,
            data={
                "name": section.name,
                "slug": section.slug,
                "description": section.description,
                "kind": section.kind.value,
                "parent_id": str(section.parent_id or ""),
                "in_menu": section.in_menu,
                "on_home": section.on_home,
                "in_sidebar": section.in_sidebar,
            },
        )

    def validate_parent_id(self, field) -> None:
        value = field.data or ""
        if value and not (value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS):
            raise ValidationError(_l("Please choose a parent section from the list."))

    def to_input(self) -> SectionInput:
        upload = self.banner.data
        return SectionInput(
            name=self.name.data or "",
            slug=self.slug.data or "",
            description=self.description.data or "",
            kind=self.kind.data or "",
            parent_id=int(self.parent_id.data) if self.parent_id.data else None,
            in_menu=self.in_menu.data,
            on_home=self.on_home.data,
            in_sidebar=self.in_sidebar.data,
            banner=upload.read() if upload else None,
            remove_banner=self.remove_banner.data,
        )


class MoveForm(FlaskForm):
    direction = HiddenField(validators=[DataRequired(message=_l("Unknown direction."))])
