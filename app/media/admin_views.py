"""Back-office media library: the grid with search and filters, uploads, and each file's page."""

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.core.errors import Conflict, InvalidInput
from app.core.forms import add_error
from app.core.pagination import paginate
from app.core.text import clean_line
from app.media import queries
from app.media.forms import DeleteForm, MediaDetailsForm, UploadForm
from app.media.library import delete_media, update_media_details, upload_images
from app.media.models import Media
from app.media.services import can_describe

blueprint = admin_blueprint("media_admin", __name__, url_prefix="/media")

MAX_ID = 2**31 - 1
SEARCH_MAX_LENGTH = 100


def wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"


def render_edit(media: Media, form: MediaDetailsForm, status: int = 200):
    return render_template(
        "media/admin/edit.html",
        media=media,
        form=form,
        delete_form=DeleteForm(),
        usages=queries.usages(media),
    ), status


@blueprint.get("/")
@require("media.upload")
def index():
    search = clean_line(request.args.get("q", ""))[:SEARCH_MAX_LENGTH]
    filters = {
        "kind": request.args.get("kind", ""),
        "uploaded_by_id": current_user.id if request.args.get("mine") else None,
        "missing_alt": bool(request.args.get("missing_alt")),
    }
    page = paginate(queries.library(search, **filters))
    return render_template(
        "media/admin/index.html",
        page=page,
        search=search,
        upload_form=UploadForm(),
        can_describe=can_describe,
    )


@blueprint.get("/recent")
@require("media.upload")
def recent():
    """The latest images for the article editor's insert dialog."""
    return jsonify([image_json(media) for media in queries.recent_images()])


@blueprint.post("/upload")
@require("media.upload")
def upload():
    form = UploadForm()
    files = [(f.filename or "", f.read()) for f in request.files.getlist("file") if f.filename]
    message = ""
    if not form.validate_on_submit():
        message = _("The form has expired. Please try again.")
    elif not files:
        message = _("Choose at least one image to upload.")
    if message:
        if wants_json():
            return jsonify(results=[], error=message), 400
        flash(message, "error")
        return redirect(url_for(".index"))
    results = upload_images(files, actor=current_user._get_current_object())
    stored = [r for r in results if r.media]
    if wants_json():
        body = [
            {"filename": r.filename, "error": r.error}
            if r.error
            else {"filename": r.filename, **image_json(r.media)}
            for r in results
        ]
        return jsonify(results=body), 200 if stored else 400
    if stored:
        flash(ngettext("%(num)d file was uploaded.", "%(num)d files were uploaded.", len(stored)), "success")
    for result in results:
        if result.error:
            flash(f"{result.filename}: {result.error}", "error")
    return redirect(url_for(".index"))


@blueprint.route(f"/<int(max={MAX_ID}):media_id>", methods=["GET", "POST"])
@require("media.upload")
def edit(media_id: int):
    media = queries.get_media_or_404(media_id)
    if not can_describe(current_user, media):
        abort(403)
    form = MediaDetailsForm(obj=media)
    if not form.validate_on_submit():
        return render_edit(media, form, 400 if form.errors else 200)
    try:
        update_media_details(
            media,
            actor=current_user._get_current_object(),
            alt=form.alt.data or "",
            caption=form.caption.data or "",
            credit=form.credit.data or "",
            is_decorative=form.is_decorative.data,
            focal_x=form.focal_x.data,
            focal_y=form.focal_y.data,
        )
    except InvalidInput as error:
        add_error(form, error)
        return render_edit(media, form, 400)
    flash(_("The file's details were saved."), "success")
    return redirect(url_for(".edit", media_id=media.id))


@blueprint.post(f"/<int(max={MAX_ID}):media_id>/delete")
@require("media.manage")
def delete(media_id: int):
    media = queries.get_media_or_404(media_id)
    form = MediaDetailsForm(formdata=None, obj=media)
    if not DeleteForm().validate_on_submit():
        form.form_errors.append(_("The form has expired. Please try again."))
        return render_edit(media, form, 400)
    try:
        delete_media(media, actor=current_user._get_current_object())
    except Conflict as error:
        form.form_errors.append(error.message)
        return render_edit(media, form, 409)
    flash(_("The file was deleted from the library."), "success")
    return redirect(url_for(".index"))


def image_json(media: Media) -> dict:
    """What the editor needs to insert the image: the 1024-px JPEG (or the largest below it), size, alt."""
    whole = [v for v in media.variants if not v.get("crop")]
    jpegs = [v for v in whole if v["format"] == "jpg"] or whole
    fitting = [v for v in jpegs if v["width"] <= 1024] or jpegs
    chosen = max(fitting, key=lambda v: v["width"]) if fitting else None
    return {
        "id": media.id,
        "alt": media.alt,
        "is_decorative": media.is_decorative,
        "filename": media.filename,
        "url": url_for("media.serve", key=chosen["key"]) if chosen else "",
        "width": chosen["width"] if chosen else media.width,
        "height": chosen["height"] if chosen else media.height,
        "edit_url": url_for(".edit", media_id=media.id) if can_describe(current_user, media) else None,
    }
