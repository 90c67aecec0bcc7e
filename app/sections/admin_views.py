"""Back-office pages for sections and featured columns: the tree, create, edit, reorder, delete."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.core.errors import Conflict, InvalidInput
from app.core.forms import add_error
from app.sections import queries, services
from app.sections.forms import KIND_LABELS, MoveForm, SectionForm

blueprint = admin_blueprint("sections_admin", __name__, url_prefix="/sections")

MAX_ID = 2**31 - 1


def render_index(status: int = 200, error: str | None = None):
    return render_template(
        "sections/admin/index.html",
        tree=queries.section_tree(),
        counts=queries.article_counts(),
        kinds=KIND_LABELS,
        error=error,
    ), status


def render_form(form: SectionForm, section=None, error: InvalidInput | None = None):
    if error is not None:
        add_error(form, error)
    status = 409 if isinstance(error, Conflict) else 400 if form.errors else 200
    return render_template("sections/admin/edit.html", form=form, section=section), status


@blueprint.get("/")
@require("section.manage")
def index():
    return render_index()


@blueprint.route("/new", methods=["GET", "POST"])
@require("section.manage")
def create():
    form = SectionForm(parents=queries.top_level_sections())
    if not form.validate_on_submit():
        return render_form(form)
    try:
        section = services.create_section(form.to_input(), actor=current_user._get_current_object())
    except InvalidInput as error:
        return render_form(form, error=error)
    flash(_("Section “%(name)s” was created.", name=section.name), "success")
    return redirect(url_for(".index"))


@blueprint.route(f"/<int(max={MAX_ID}):section_id>", methods=["GET", "POST"])
@require("section.manage")
def edit(section_id: int):
    section = queries.get_section_or_404(section_id)
    form = SectionForm.for_section(section, parents=queries.top_level_sections(excluding=section))
    if not form.validate_on_submit():
        return render_form(form, section)
    try:
        services.update_section(section, form.to_input(), actor=current_user._get_current_object())
    except InvalidInput as error:
        return render_form(form, section, error)
    flash(_("Section “%(name)s” was saved.", name=section.name), "success")
    return redirect(url_for(".index"))


@blueprint.post(f"/<int(max={MAX_ID}):section_id>/move")
@require("section.manage")
def move(section_id: int):
    section = queries.get_section_or_404(section_id)
    form = MoveForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        services.move_section(
            section, direction=form.direction.data, actor=current_user._get_current_object()
        )
    except InvalidInput as error:
        return render_index(400, error.message)
    return redirect(url_for(".index", _anchor=f"section-{section.id}"))


@blueprint.post(f"/<int(max={MAX_ID}):section_id>/delete")
@require("section.manage")
def delete(section_id: int):
    section = queries.get_section_or_404(section_id)
    name = section.name
    try:
        services.delete_section(section, actor=current_user._get_current_object())
    except InvalidInput as error:
        return render_index(409, error.message)
    flash(_("Section “%(name)s” was deleted.", name=name), "success")
    return redirect(url_for(".index"))
