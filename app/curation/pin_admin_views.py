"""Back-office pages for pinned stories: which sections have pins, and one section's pins in order."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.articles.queries import get_admin_article_or_404
from app.core.errors import Conflict, InvalidInput
from app.core.text import clean_line
from app.curation import pins
from app.curation.pin_forms import MovePinForm, PinForm
from app.sections.queries import get_section_or_404, section_tree

blueprint = admin_blueprint("pins_admin", __name__, url_prefix="/pins")

MAX_ID = 2**31 - 1
SEARCH_MAX_LENGTH = 100


def render_section(section, status: int = 200, error: str | None = None):
    """The section's pins with their buttons, and the title search for stories to pin."""
    search = clean_line(request.args.get("q", ""))[:SEARCH_MAX_LENGTH]
    return render_template(
        "curation/admin/pins.html",
        section=section,
        pins=pins.pins_of(section),
        search=search,
        candidates=pins.pin_candidates(section, search),
        error=error,
    ), status


@blueprint.get("/")
@require("homepage.curate")
def index():
    return render_template("curation/admin/pins_index.html", tree=section_tree(), counts=pins.pin_counts())


@blueprint.get(f"/<int(max={MAX_ID}):section_id>")
@require("homepage.curate")
def section(section_id: int):
    return render_section(get_section_or_404(section_id))


@blueprint.post(f"/<int(max={MAX_ID}):section_id>/add")
@require("homepage.curate")
def add(section_id: int):
    section = get_section_or_404(section_id)
    form = PinForm()
    if not form.validate_on_submit():
        return render_section(section, 400, " ".join(map(str, form.article_id.errors)))
    article = get_admin_article_or_404(int(form.article_id.data))
    try:
        pins.pin_story(section, article, actor=current_user._get_current_object())
    except InvalidInput as error:
        return render_section(section, 409 if isinstance(error, Conflict) else 400, error.message)
    flash(_("“%(title)s” is pinned.", title=article.title), "success")
    return redirect(url_for(".section", section_id=section.id))


@blueprint.post(f"/<int(max={MAX_ID}):section_id>/<int(max={MAX_ID}):pin_id>/move")
@require("homepage.curate")
def move(section_id: int, pin_id: int):
    section = get_section_or_404(section_id)
    pin = pins.get_pin_or_404(section, pin_id)
    form = MovePinForm()
    if not form.validate_on_submit():
        return render_section(section, 400, " ".join(map(str, form.direction.errors)))
    pins.move_pin(pin, form.direction.data, actor=current_user._get_current_object())
    return redirect(url_for(".section", section_id=section.id, _anchor=f"pin-{pin.id}"))


@blueprint.post(f"/<int(max={MAX_ID}):section_id>/<int(max={MAX_ID}):pin_id>/delete")
@require("homepage.curate")
def unpin(section_id: int, pin_id: int):
    section = get_section_or_404(section_id)
    pin = pins.get_pin_or_404(section, pin_id)
    title = pin.article.title
    pins.unpin_story(pin, actor=current_user._get_current_object())
    flash(_("“%(title)s” is no longer pinned.", title=title), "success")
    return redirect(url_for(".section", section_id=section.id))
