"""Back-office forms for campaigns: the campaign itself and the review report's period."""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from app.campaigns.models import Campaign
from app.campaigns.services import (
    DESCRIPTION_MAX_LENGTH,
    GOALS_MAX_LENGTH,
    SLUG_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    CampaignInput,
)
from app.core.dates import parse_date

TOO_LONG = _l("This is at most %(max)d characters.")
DATE_FORMAT_MESSAGE = _l("Please enter a date such as 24/11/2026.")
END_BEFORE_START = _l("The end date is before the start date.")
DATE_INPUT = {"type": "date"}


def check_date(field) -> None:
    if field.data and parse_date(field.data) is None:
        raise ValidationError(DATE_FORMAT_MESSAGE)


def check_not_before(start_field, end_field) -> None:
    start, end = parse_date(start_field.data or ""), parse_date(end_field.data or "")
    if start and end and end < start:
        raise ValidationError(END_BEFORE_START)


class CampaignForm(FlaskForm):
    title = StringField(
        _l("Title"),
        validators=[
            DataRequired(message=_l("Please enter a title.")),
            Length(max=TITLE_MAX_LENGTH, message=TOO_LONG),
        ],
    )
    slug = StringField(_l("Address (slug)"), validators=[Length(max=SLUG_MAX_LENGTH, message=TOO_LONG)])
    description = TextAreaField(
        _l("Description"),
        validators=[Length(max=DESCRIPTION_MAX_LENGTH, message=TOO_LONG)],
        render_kw={"rows": 6},
    )
    goals = TextAreaField(
        _l("Goals"), validators=[Length(max=GOALS_MAX_LENGTH, message=TOO_LONG)], render_kw={"rows": 5}
    )
    starts_on = StringField(
        _l("Start date"),
        validators=[DataRequired(message=_l("Please enter the start date."))],
        render_kw=DATE_INPUT,
    )
    ends_on = StringField(_l("End date"), render_kw=DATE_INPUT)
    banner = FileField(_l("Banner image"))
    remove_banner = BooleanField(_l("Remove the current banner"))

    @classmethod
    def for_campaign(cls, campaign: Campaign) -> "CampaignForm":
        """The form filled with a stored campaign (the posted values win on submit)."""
        return cls(
            data={
                "title": campaign.title,
                "slug": campaign.slug,
                "description": campaign.description,
                "goals": campaign.goals,
                "starts_on": campaign.starts_on.isoformat(),
                "ends_on": campaign.ends_on.isoformat() if campaign.ends_on else "",
            }
        )

    def validate_starts_on(self, field) -> None:
        check_date(field)

    def validate_ends_on(self, field) -> None:
        check_date(field)
        check_not_before(self.starts_on, field)

    def to_input(self) -> CampaignInput:
        upload = self.banner.data
        return CampaignInput(
            title=self.title.data or "",
            slug=self.slug.data or "",
            description=self.description.data or "",
            goals=self.goals.data or "",
            starts_on=parse_date(self.starts_on.data),
            ends_on=parse_date(self.ends_on.data),
            banner=upload.read() if upload else None,
            remove_banner=self.remove_banner.data,
        )


class ReportPeriodForm(FlaskForm):
    """The report's period, `?from=…&to=…` (a GET form: it changes nothing, so it carries no CSRF token)."""

    class Meta:
        csrf = False

    date_from = StringField(_l("From (date)"), name="from", render_kw=DATE_INPUT)
    date_to = StringField(_l("To (date)"), name="to", render_kw=DATE_INPUT)

    def validate_date_from(self, field) -> None:
        check_date(field)

    def validate_date_to(self, field) -> None:
        check_date(field)
        check_not_before(self.date_from, field)

    def period(self, default: tuple[date, date]) -> tuple[date, date]:
        """The typed days, the campaign's own where left empty (never an end before the start).

        The fields are filled with the days used, so the page shows the period it counts.
        """
        start, end = parse_date(self.date_from.data or ""), parse_date(self.date_to.data or "")
        if start is None:
            start = default[0] if end is None else min(default[0], end)
        if end is None:
            end = max(default[1], start)
        self.date_from.data, self.date_to.data = start.isoformat(), end.isoformat()
        return start, end
