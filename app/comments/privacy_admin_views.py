"""Back-office personal-data requests: find a reader's comments by email, export or erase them."""

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.articles.views import article_url
from app.comments import personal_data
from app.comments.moderation_forms import STATUS_LABELS
from app.comments.privacy_forms import CorrectForm, EraseForm, ExportForm, LookupForm
from app.comments.text import is_valid_email, normalise_email
from app.core.errors import InvalidInput, bad_request
from app.core.forms import add_error
from app.core.pagination import paginate

blueprint = admin_blueprint("privacy_admin", __name__, url_prefix="/personal-data")

MAX_ID = 2**31 - 1


def render_index(
    email: str = "",
    status: int = 200,
    *,
    lookup=None,
    export_form=None,
    erase_form=None,
    failed_correction=None,
):
    """The lookup page; with a valid `email`, its comments and the export, erase and correction forms."""
    lookup = lookup or LookupForm(formdata=None, email=email)
    page = paginate(personal_data.comments_by_email(email)) if email else None
    corrections = {}
    if page is not None:
        corrections = {
            comment.id: CorrectForm(
                formdata=None,
                prefix=f"c{comment.id}",
                author_name=comment.author_name,
                author_email=comment.author_email,
            )
            for comment in page.items
        }
        if failed_correction is not None:
            corrections[failed_correction[0]] = failed_correction[1]
    return render_template(
        "comments/admin/privacy_index.html",
        email=email,
        status_labels=STATUS_LABELS,
        lookup=lookup,
        page=page,
        corrections=corrections,
        preview=personal_data.erasure_preview(email) if email else None,
        export_form=export_form or ExportForm(formdata=None, prefix="export", email=email),
        erase_form=erase_form or EraseForm(formdata=None, prefix="erase", email=email),
    ), status


def posted_email(form) -> str:
    """The email a POST was about, when it is valid (to show its comments again next to the errors)."""
    email = normalise_email(form.email.data)
    return email if is_valid_email(email) else ""


@blueprint.get("/")
@require("personal_data.manage")
def index():
    if not request.args.get("email", "").strip():
        return render_index()
    lookup = LookupForm(formdata=request.args)
    if not lookup.validate():
        return render_index(lookup=lookup, status=400)
    return render_index(lookup.email.data, lookup=lookup)


@blueprint.post("/export")
@require("personal_data.manage")
def export():
    form = ExportForm(prefix="export")
    if not form.validate_on_submit():
        return render_index(posted_email(form), 400, export_form=form)
    try:
        download = personal_data.export_personal_data(
            form.email.data,
            fmt=form.format.data,
            actor=current_user._get_current_object(),
            article_link=lambda article: article_url(article, _external=True),
        )
    except InvalidInput as error:
        add_error(form, error)
        return render_index(posted_email(form), 400, export_form=form)
    return Response(
        download.content,
        mimetype=download.mimetype,
        headers={"Content-Disposition": f'attachment; filename="{download.filename}"'},
    )


@blueprint.post("/erase")
@require("personal_data.manage")
def erase():
    form = EraseForm(prefix="erase")
    if not form.validate_on_submit():
        return render_index(posted_email(form), 400, erase_form=form)
    try:
        result = personal_data.erase_personal_data(
            form.email.data,
            delete_approved=form.delete_approved.data,
            actor=current_user._get_current_object(),
        )
    except InvalidInput as error:
        add_error(form, error)
        return render_index(posted_email(form), 400, erase_form=form)
    flash(
        _(
            "Deleted %(deleted)d and anonymised %(anonymised)d comments.",
            deleted=result.deleted,
            anonymised=result.anonymised,
        ),
        "success",
    )
    return redirect(url_for(".index"))


@blueprint.post(f"/comments/<int(max={MAX_ID}):comment_id>/correct")
@require("personal_data.manage")
def correct(comment_id: int):
    comment = personal_data.get_reader_comment_or_404(comment_id)
    email = comment.author_email
    form = CorrectForm(prefix=f"c{comment.id}")
    if form.validate_on_submit():
        try:
            personal_data.correct_personal_data(
                comment,
                name=form.author_name.data,
                email=form.author_email.data,
                actor=current_user._get_current_object(),
            )
        except InvalidInput as error:
            if error.field is None:  # its data was erased meanwhile: there is no form to show it next to
                bad_request(error.message)
            add_error(form, error)
        else:
            flash(_("The name and email of comment #%(id)d have been corrected.", id=comment.id), "success")
            return redirect(url_for(".index", email=comment.author_email))
    return render_index(email, 400, failed_correction=(comment.id, form))
