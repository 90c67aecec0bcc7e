"""Saving the site settings: the single row (id 1) holding the site's name, logo and legal footer."""

import re
from dataclasses import dataclass

from flask_babel import gettext as _

from app.accounts.models import User
from app.audit.services import record
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.core.text import clean_line
from app.extensions import db
from app.media.services import add_uploaded_image, prepared_image
from app.settings.models import SiteSettings

SETTINGS_ID = 1
TEXT_LIMITS = {
    "site_name": 200,
    "tagline": 300,
    "governing_agency": 300,
    "licence": 300,
    "responsible_person": 200,
    "address": 300,
    "phone": 60,
    "email": 254,
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^(?=.*[0-9])[0-9+ .()-]+$")


@dataclass
class SettingsInput:
    """The settings as plain values; `logo` holds the bytes of a new upload."""

    site_name: str
    tagline: str = ""
    governing_agency: str = ""
    licence: str = ""
    responsible_person: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    require_two_factor: bool = False
    feed_full_text: bool = False
    logo: bytes | None = None
    remove_logo: bool = False


def save_site_settings(data: SettingsInput, *, actor: User | None) -> SiteSettings:
    """Check and save the settings, creating the row on the first save; the audit lists what changed."""
    values = _validated(data)
    logo = prepared_image(data.logo, field="logo")
    with write_transaction():
        settings = db.session.get(SiteSettings, SETTINGS_ID)
        if settings is None:
            settings = SiteSettings(id=SETTINGS_ID)
            db.session.add(settings)
        changed = [name for name, value in values.items() if getattr(settings, name) != value]
        for name, value in values.items():
            setattr(settings, name, value)
        if logo:
            settings.logo = add_uploaded_image(logo, field="logo", alt=values["site_name"], uploaded_by=actor)
            changed.append("logo")
        elif data.remove_logo and settings.logo_id is not None:
            settings.logo = None
            changed.append("logo")
        db.session.flush()
        record("settings.update", settings, actor=actor, summary=", ".join(changed))
    return settings


def _validated(data: SettingsInput) -> dict:
    values = {name: clean_line(getattr(data, name)) for name in TEXT_LIMITS}
    values["email"] = values["email"].lower()
    if not values["site_name"]:
        raise InvalidInput("site_name", _("Please enter the site's name."))
    for name, limit in TEXT_LIMITS.items():
        if len(values[name]) > limit:
            raise InvalidInput(name, _("This is at most %(max)d characters.", max=limit))
    if values["email"] and not _EMAIL.match(values["email"]):
        raise InvalidInput("email", _("Please enter a valid email address."))
    if values["phone"] and not _PHONE.match(values["phone"]):
        raise InvalidInput("phone", _("Please enter a phone number: digits, spaces and + . ( ) - only."))
    values["require_two_factor"] = bool(data.require_two_factor)
    values["feed_full_text"] = bool(data.feed_full_text)
    return values
