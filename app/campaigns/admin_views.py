"""Back-office pages for campaigns: the list, create, edit, delete, and the review report with its CSV."""

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.campaigns import queries
from app.campaigns import report as reporting
from app.campaigns.forms import CampaignForm, ReportPeriodForm
from app.campaigns.services import create_campaign, delete_campaign, update_campaign
from app.core.dates import today_local
from app.core.errors import Conflict, InvalidInput
from app.core.forms import add_error
from app.core.pagination import paginate

blueprint = admin_blueprint("campaigns_admin", __name__, url_prefix="/campaigns")

MAX_ID = 2**31 - 1


def render_form(form: CampaignForm, campaign=None, error: InvalidInput | None = None):
    if error is not None:
        add_error(form, error)
    status = 409 if isinstance(error, Conflict) else 400 if form.errors else 200
    return render_template("campaigns/admin/edit.html", form=form, campaign=campaign), status


def period_report(campaign):
    """The report for the period asked in `?from=…&to=…`, or the form with its errors (None)."""
    form = ReportPeriodForm(request.args)
    if not form.validate():
        return form, None
    start, end = form.period(reporting.default_period(campaign, today_local()))
    return form, reporting.campaign_report(campaign, start, end)


def render_report(campaign, form: ReportPeriodForm, result):
    """The report page; a period that does not parse comes back with its errors and a 400."""
    chart = reporting.section_chart(result) if result is not None else None
    return render_template(
        "campaigns/admin/report.html", campaign=campaign, form=form, report=result, chart=chart
    ), (200 if result is not None else 400)


@blueprint.get("/")
@require("campaign.manage")
def index():
    return render_template(
        "campaigns/admin/index.html", page=paginate(queries.all_campaigns()), today=today_local()
    )


@blueprint.route("/new", methods=["GET", "POST"])
@require("campaign.manage")
def create():
    form = CampaignForm()
    if not form.validate_on_submit():
        return render_form(form)
    try:
        campaign = create_campaign(form.to_input(), actor=current_user._get_current_object())
    except InvalidInput as error:
        return render_form(form, error=error)
    flash(_("Campaign “%(title)s” was created.", title=campaign.title), "success")
    return redirect(url_for(".index"))


@blueprint.route(f"/<int(max={MAX_ID}):campaign_id>", methods=["GET", "POST"])
@require("campaign.manage")
def edit(campaign_id: int):
    campaign = queries.get_campaign_or_404(campaign_id)
    form = CampaignForm.for_campaign(campaign)
    if not form.validate_on_submit():
        return render_form(form, campaign)
    try:
        update_campaign(campaign, form.to_input(), actor=current_user._get_current_object())
    except InvalidInput as error:
        return render_form(form, campaign, error)
    flash(_("Campaign “%(title)s” was saved.", title=campaign.title), "success")
    return redirect(url_for(".index"))


@blueprint.get(f"/<int(max={MAX_ID}):campaign_id>/delete")
@require("campaign.manage")
def confirm_delete(campaign_id: int):
    campaign = queries.get_campaign_or_404(campaign_id)
    articles, profiles = queries.linked_counts(campaign)
    return render_template(
        "campaigns/admin/delete.html", campaign=campaign, articles=articles, profiles=profiles
    )


@blueprint.post(f"/<int(max={MAX_ID}):campaign_id>/delete")
@require("campaign.manage")
def delete(campaign_id: int):
    campaign = queries.get_campaign_or_404(campaign_id)
    title = campaign.title
    delete_campaign(campaign, actor=current_user._get_current_object())
    flash(_("Campaign “%(title)s” was deleted; its articles were kept.", title=title), "success")
    return redirect(url_for(".index"))


@blueprint.get(f"/<int(max={MAX_ID}):campaign_id>/report")
@require("campaign.manage")
def report(campaign_id: int):
    campaign = queries.get_campaign_or_404(campaign_id)
    return render_report(campaign, *period_report(campaign))


@blueprint.get(f"/<int(max={MAX_ID}):campaign_id>/report.csv")
@require("campaign.manage")
def report_csv(campaign_id: int):
    campaign = queries.get_campaign_or_404(campaign_id)
    form, result = period_report(campaign)
    if result is None:
        return render_report(campaign, form, result)
    return Response(
        reporting.report_csv(result),
        content_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{reporting.report_filename(result)}"',
            "Cache-Control": "no-store",
        },
    )
