"""Forms of the home-page curation page: search a story for a slot, pick it, reorder blocks and boxes."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, StringField
from wtforms.validators import InputRequired, Length, ValidationError

MAX_ID_DIGITS = 9
SEARCH_MAX_LENGTH = 100


def parse_id(value: str) -> int | None:
    """A database id typed or posted as text, or None when it is not one (WTForms' own message is English)."""
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS and int(value) > 0:
        return int(value)
    return None


class SearchForm(FlaskForm):
    """The per-slot story search (GET, so no token)."""

    class Meta:
        csrf = False

    q = StringField(
        _l("Find a story"),
        validators=[Length(max=SEARCH_MAX_LENGTH, message=_l("This is at most %(max)d characters."))],
    )
    slot = StringField()

    def chosen_slot(self) -> int | None:
        value = (self.slot.data or "").strip()
        return int(value) if value.isascii() and value.isdigit() and len(value) < 3 else None


class PickForm(FlaskForm):
    article_id = StringField(
        _l("Story"), validators=[InputRequired(message=_l("Choose a story from the search results."))]
    )

    def validate_article_id(self, field) -> None:
        if parse_id(field.data) is None:
            raise ValidationError(_l("Choose a story from the search results."))

    @property
    def chosen_id(self) -> int:
        return parse_id(self.article_id.data)


class UnpickForm(FlaskForm):
    """Only the token: the slot is in the address."""


class IdListField(Field):
    """Every value posted under the field's name, as ids, in the order they came."""

    def process_formdata(self, valuelist):
        self.data = [parse_id(value) for value in valuelist]
        if any(value is None for value in self.data):
            self.data = []
            raise ValueError(_l("The order sent is not valid. Please reload the page."))


class OrderForm(FlaskForm):
    """The whole new order of the blocks (or boxes); each up/down button sends the order it asks for."""

    section_ids = IdListField()

    def validate_section_ids(self, field) -> None:
        if not field.data:
            raise ValidationError(_l("The order sent is not valid. Please reload the page."))
