"""The audit log page: read-only, newest first, filterable. No route here changes an event."""

from flask import render_template, request

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.audit import queries
from app.audit.forms import OBJECT_LABELS, AuditFilterForm
from app.core.pagination import paginate

blueprint = admin_blueprint("audit_admin", __name__, url_prefix="/audit")


@blueprint.get("/")
@require("audit.view")
def index():
    form = AuditFilterForm(
        request.args, staff=queries.staff_for_filter(), object_types=queries.object_types()
    )
    if not form.validate():
        return render_template("audit/admin/index.html", form=form, page=None, labels=OBJECT_LABELS), 400
    page = paginate(queries.audit_events(**form.filters()))
    return render_template("audit/admin/index.html", form=form, page=page, labels=OBJECT_LABELS)
