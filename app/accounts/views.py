"""Signing in and out of the back office."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.forms import LoginForm
from app.accounts.services import authenticate
from app.accounts.sessions import end_session, start_session
from app.admin import no_store

blueprint = Blueprint("accounts", __name__, url_prefix="/admin")
blueprint.after_request(no_store)


def safe_next(default: str) -> str:
    """Only a local path may be the target after login (no open redirect)."""
    target = request.args.get("next", "")
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default


@blueprint.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("admin.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is not None:
            start_session(user)
            return redirect(safe_next(url_for("admin.dashboard")))
        form.form_errors.append(_("Wrong email or password."))
    return render_template("accounts/login.html", form=form), 400 if form.errors else 200


@blueprint.post("/logout")
def logout():
    if current_user.is_authenticated:
        end_session()
    flash(_("You have logged out."), "success")
    return redirect(url_for("accounts.login"))
