"""The back-office shell: blueprints under /admin that demand a staff login and are never cached."""

from flask import Blueprint, abort, redirect, request, url_for
from flask_login import current_user

from app.accounts.permissions import can


def admin_blueprint(name: str, import_name: str, url_prefix: str = "") -> Blueprint:
    """A blueprint mounted under /admin whose every view requires a logged-in staff member.

    Views still declare their own action with @require(...): the guard only keeps anonymous
    visitors out (redirected to the login page) and marks responses `no-store`.
    """
    blueprint = Blueprint(name, import_name, url_prefix="/admin" + url_prefix)
    blueprint.before_request(require_staff_login)
    blueprint.after_request(no_store)
    return blueprint


def require_staff_login():
    if not current_user.is_authenticated:
        if request.method == "GET":
            return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))
        abort(401)
    if not can(current_user, "admin.access"):
        abort(403)
    return None


def no_store(response):
    """Back-office pages hold unpublished work and personal data: no browser or proxy may keep them."""
    response.headers["Cache-Control"] = "no-store"
    return response
