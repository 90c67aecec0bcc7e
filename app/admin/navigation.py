"""The back-office menu: each entry shows when its endpoint exists and the user may use it."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.accounts.permissions import can

MENU = (
    (_l("Dashboard"), "admin.dashboard", "admin.access"),
    (_l("Articles"), "articles_admin.index", "admin.access"),
    (_l("Comments"), "comments_admin.index", "comment.moderate"),
    (_l("Home page"), "home_admin.index", "homepage.curate"),
    (_l("Pinned stories"), "pins_admin.index", "homepage.curate"),
    (_l("Story threads"), "threads_admin.index", "homepage.curate"),
    (_l("Media library"), "media_admin.index", "media.upload"),
    (_l("Sections"), "sections_admin.index", "section.manage"),
    (_l("Keywords"), "keywords_admin.index", "keyword.manage"),
    (_l("Campaigns"), "campaigns_admin.index", "campaign.manage"),
    (_l("Users"), "users_admin.index", "user.manage"),
    (_l("Site settings"), "settings_admin.edit", "settings.manage"),
    (_l("Comment policy"), "comment_policy_admin.edit", "settings.manage"),
    (_l("Personal data"), "privacy_admin.index", "personal_data.manage"),
    (_l("Audit log"), "audit_admin.index", "audit.view"),
)


def admin_menu() -> list[tuple[str, str]]:
    """(label, endpoint) pairs for the current user, in menu order."""
    return [
        (label, endpoint)
        for label, endpoint, action in MENU
        if endpoint in current_app.view_functions and can(current_user, action)
    ]
