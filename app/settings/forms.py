"""The site settings form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, EmailField, StringField
from wtforms.validators import DataRequired, Length

from app.settings.models import SiteSettings
from app.settings.services import TEXT_LIMITS, SettingsInput

TOO_LONG = _l("This is at most %(max)d characters.")


def limit(name: str) -> Length:
    return Length(max=TEXT_LIMITS[name], message=TOO_LONG)


class SettingsForm(FlaskForm):
    site_name = StringField(
        _l("Site name"),
        validators=[DataRequired(message=_l("Please enter the site's name.")), limit("site_name")],
    )
    tagline = StringField(_l("Tagline"), validators=[limit("tagline")])
    logo = FileField(_l("Logo"))
    remove_logo = BooleanField(_l("Remove the current logo"))
    governing_agency = StringField(_l("Governing agency"), validators=[limit("governing_agency")])
    licence = StringField(_l("Licence"), validators=[limit("licence")])
    responsible_person = StringField(_l("Responsible for content"), validators=[limit("responsible_person")])
    address = StringField(_l("Address"), validators=[limit("address")])
    phone = StringField(_l("Phone"), validators=[limit("phone")])
    email = EmailField(_l("Email"), validators=[limit("email")])
    require_two_factor = BooleanField(_l("Require two-factor sign-in for editors and admins"))
    feed_full_text = BooleanField(_l("Publish articles' full text in the news feeds (RSS)"))

    @classmethod
    def for_settings(cls, settings: SiteSettings) -> "SettingsForm":
        """The form filled with the stored settings (the posted values win on submit)."""
        return cls(
            data={name: getattr(settings, name) or "" for name in TEXT_LIMITS}
            | {"require_two_factor": bool(settings.require_two_factor)}
            | {"feed_full_text": bool(settings.feed_full_text)}
        )

    def to_input(self) -> SettingsInput:
        upload = self.logo.data
        return SettingsInput(
            **{name: self[name].data or "" for name in TEXT_LIMITS},
            require_two_factor=self.require_two_factor.data,
            feed_full_text=self.feed_full_text.data,
            logo=upload.read() if upload else None,
            remove_logo=self.remove_logo.data,
        )
