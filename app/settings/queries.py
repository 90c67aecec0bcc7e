"""Reading the site settings (one row, with defaults before anyone has saved them)."""

from flask import current_app

from app.extensions import db
from app.settings.models import SiteSettings


def get_site_settings() -> SiteSettings:
    """The saved settings, or unsaved defaults so a fresh site still renders its footer."""
    settings = db.session.get(SiteSettings, 1)
    return settings or SiteSettings(id=1, site_name=current_app.config["SITE_NAME"])
