"""The public search form (GET: it changes nothing, so no CSRF token). A bad filter is reported
beside its field and ignored; the search itself always runs."""

from datetime import time, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SearchField, SelectChoice, SelectField, StringField
from wtforms.validators import ValidationError

from app.articles.forms import FORMAT_LABELS
from app.core.dates import local_to_utc, parse_date
from app.search.queries import SearchParams
from app.sections.models import Section

SORTS = {"relevance": _l("Most relevant"), "newest": _l("Newest first")}
CHOICE_MESSAGE = _l("Please choose a value from the list.")


def valid_date(_form, field) -> None:
    if field.data and parse_date(field.data) is None:
        raise ValidationError(_l("Please enter a date like 24/11/2026."))


class SearchForm(FlaskForm):
    class Meta:
        csrf = False

    q = SearchField(_l("Search for"), render_kw={"maxlength": 200, "autocomplete": "off"})
    # Defaults: a search from the header box sends only q, and the filters it did not send are not errors.
    section = SelectField(
        _l("Section"), default="", invalid_choice_message=CHOICE_MESSAGE, invalid_value_message=CHOICE_MESSAGE
    )
    format = SelectField(
        _l("Format"),
        default="",
        choices=[SelectChoice("", _l("All formats"))]
        + [SelectChoice(kind.value, label) for kind, label in FORMAT_LABELS.items()],
        invalid_choice_message=CHOICE_MESSAGE,
        invalid_value_message=CHOICE_MESSAGE,
    )
    since = StringField(_l("From (date)"), validators=[valid_date], render_kw={"type": "date"})
    until = StringField(_l("To (date)"), validators=[valid_date], render_kw={"type": "date"})
    sort = SelectField(
        _l("Sort"),
        default="relevance",
        choices=[SelectChoice(value, label) for value, label in SORTS.items()],
        invalid_choice_message=CHOICE_MESSAGE,
        invalid_value_message=CHOICE_MESSAGE,
    )

    def __init__(self, formdata, tree: list[Section]):
        """`tree`: top-level sections with their sub-sections loaded, in menu order."""
        super().__init__(formdata=formdata)
        sections = [member for top in tree for member in (top, *top.children)]
        self.sections = {section.slug: section for section in sections}
        self.section.choices = [SelectChoice("", _l("All sections"))] + [
            SelectChoice(section.slug, ("— " if section.parent_id else "") + section.name)
            for section in sections
        ]

    def to_params(self, *, page: int, section_ids) -> SearchParams:
        """What the search runs with: fields that failed validation count as not given."""
        valid = lambda field: not field.errors and field.data  # noqa: E731
        section = self.sections.get(self.section.data) if valid(self.section) else None
        since = parse_date(self.since.data) if valid(self.since) else None
        until = parse_date(self.until.data) if valid(self.until) else None
        return SearchParams(
            q=self.q.data or "",
            section_ids=tuple(section_ids(section)) if section else (),
            format=self.format.data if valid(self.format) else None,
            since=local_to_utc(since, time()) if since else None,
            before=local_to_utc(until + timedelta(days=1), time()) if until else None,
            newest_first=self.sort.data == "newest" and not self.sort.errors,
            page=page,
        )
