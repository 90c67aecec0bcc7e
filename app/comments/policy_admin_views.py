"""Back-office page for the comment policy: auto-approval, banned words, diacritics rule, retention."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.comments.policy import get_comment_policy, save_comment_policy
from app.comments.policy_forms import PolicyForm
from app.core.errors import InvalidInput
from app.core.forms import add_error

blueprint = admin_blueprint("comment_policy_admin", __name__, url_prefix="/comments/policy")


@blueprint.route("/", methods=["GET", "POST"])
@require("settings.manage")
def edit():
    policy = get_comment_policy()
    form = PolicyForm.for_policy(policy)
    if form.validate_on_submit():
        try:
            save_comment_policy(form.to_input(), actor=current_user._get_current_object())
        except InvalidInput as error:
            add_error(form, error)
        else:
            flash(_("The comment policy has been saved."), "success")
            return redirect(url_for(".edit"))
    status = 400 if form.errors else 200
    return render_template("comments/admin/policy.html", form=form, policy=policy), status
