"""The users admin: admins create accounts, change roles, disable, reset passwords and two-factor."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts import services
from app.accounts.forms import ROLE_LABELS, ButtonForm, ResetPasswordForm, RoleForm, UserCreateForm
from app.accounts.models import User
from app.accounts.permissions import require
from app.accounts.queries import all_users, get_user_or_404, unused_recovery_codes
from app.accounts.sessions import start_session
from app.accounts.two_factor import reset_two_factor
from app.admin import admin_blueprint
from app.core.errors import InvalidInput, NotAllowed
from app.core.forms import add_error

blueprint = admin_blueprint("users_admin", __name__, url_prefix="/users")


def render_user(user: User, status: int = 200, *, role_form=None, password_form=None, refusal=None):
    """The user's page with its forms; a failed form comes back with its errors."""
    return render_template(
        "accounts/admin/edit.html",
        user=user,
        role_form=role_form or RoleForm(role=user.role.value, formdata=None),
        password_form=password_form or ResetPasswordForm(formdata=None),
        refusal=refusal,
        unused_codes=unused_recovery_codes(user) if user.has_two_factor else 0,
    ), status


def done(user: User, message: str):
    flash(message, "success")
    return redirect(url_for("users_admin.edit", user_id=user.id))


@blueprint.get("/")
@require("user.manage")
def index():
    return render_template("accounts/admin/index.html", users=all_users(), role_labels=ROLE_LABELS)


@blueprint.route("/new", methods=["GET", "POST"])
@require("user.manage")
def create():
    form = UserCreateForm()
    if form.validate_on_submit():
        try:
            user = services.create_user(
                email=form.email.data,
                full_name=form.full_name.data,
                role=form.role.data,
                password=form.password.data,
                actor=current_user._get_current_object(),
            )
        except InvalidInput as error:
            add_error(form, error)
            return render_template("accounts/admin/new.html", form=form), 400
        return done(user, _("The account %(email)s has been created.", email=user.email))
    return render_template("accounts/admin/new.html", form=form), 400 if form.errors else 200


@blueprint.get("/<int:user_id>")
@require("user.manage")
def edit(user_id: int):
    return render_user(get_user_or_404(user_id))


@blueprint.post("/<int:user_id>/role")
@require("user.manage")
def change_role(user_id: int):
    user = get_user_or_404(user_id)
    form = RoleForm()
    if not form.validate_on_submit():
        return render_user(user, 400, role_form=form)
    try:
        services.change_role(user, role=form.role.data or "", actor=current_user._get_current_object())
    except InvalidInput as error:
        add_error(form, error)
        return render_user(user, 400, role_form=form)
    except NotAllowed as refusal:
        return render_user(user, 409, refusal=str(refusal))
    return done(user, _("The role has been changed."))


@blueprint.post("/<int:user_id>/disable")
@require("user.manage")
def disable(user_id: int):
    return set_active(get_user_or_404(user_id), active=False)


@blueprint.post("/<int:user_id>/enable")
@require("user.manage")
def enable(user_id: int):
    return set_active(get_user_or_404(user_id), active=True)


def set_active(user: User, *, active: bool):
    if not ButtonForm().validate_on_submit():
        return render_user(user, 400, refusal=_("The form has expired. Please try again."))
    try:
        services.set_user_active(user, active=active, actor=current_user._get_current_object())
    except NotAllowed as refusal:
        return render_user(user, 409, refusal=str(refusal))
    if active:
        return done(user, _("The account has been enabled."))
    return done(user, _("The account has been disabled and its sessions have ended."))


@blueprint.post("/<int:user_id>/password")
@require("user.manage")
def reset_password(user_id: int):
    user = get_user_or_404(user_id)
    form = ResetPasswordForm()
    if not form.validate_on_submit():
        return render_user(user, 400, password_form=form)
    actor = current_user._get_current_object()
    try:
        services.reset_password(user, password=form.password.data, actor=actor)
    except InvalidInput as error:
        add_error(form, error)
        return render_user(user, 400, password_form=form)
    if user.id == actor.id:
        start_session(user)  # the admin's own other sessions end, this one goes on
    return done(user, _("The password has been reset. The user's sessions have ended."))


@blueprint.post("/<int:user_id>/two-factor/reset")
@require("user.manage")
def turn_off_two_factor(user_id: int):
    user = get_user_or_404(user_id)
    if not ButtonForm().validate_on_submit():
        return render_user(user, 400, refusal=_("The form has expired. Please try again."))
    reset_two_factor(user, actor=current_user._get_current_object())
    return done(user, _("Two-factor sign-in has been turned off for this account."))
