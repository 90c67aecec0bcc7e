"""The back-office home: what is waiting for the person who just logged in."""

from flask import render_template

from app.accounts.permissions import require
from app.admin import admin_blueprint

blueprint = admin_blueprint("admin", __name__)


@blueprint.get("/")
@require("admin.access")
def dashboard():
    return render_template("admin/dashboard.html")
