"""Back-office page for the site settings: name, logo, the legal footer, two-factor policy."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.core.errors import InvalidInput
from app.core.forms import add_error
from app.settings.forms import SettingsForm
from app.settings.queries import get_site_settings
from app.settings.services import save_site_settings

blueprint = admin_blueprint("settings_admin", __name__, url_prefix="/settings")


@blueprint.route("/", methods=["GET", "POST"])
@require("settings.manage")
def edit():
    settings = get_site_settings()
    form = SettingsForm.for_settings(settings)
    if form.validate_on_submit():
        try:
            save_site_settings(form.to_input(), actor=current_user._get_current_object())
        except InvalidInput as error:
            add_error(form, error)
        else:
            flash(_("The site settings have been saved."), "success")
            return redirect(url_for(".edit"))
    status = 400 if form.errors else 200
    return render_template("settings/admin/edit.html", form=form, settings=settings), status
