"""Back-office page for the home page: the top story and Tiêu điểm slots, the order of blocks and boxes."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.core.errors import Conflict, InvalidInput
from app.curation import home
from app.curation.home_forms import OrderForm, PickForm, SearchForm, UnpickForm
from app.sections.queries import home_block_sections, sidebar_sections

blueprint = admin_blueprint("home_admin", __name__, url_prefix="/home")

MAX_SLOT = 2**31 - 1


def orders(sections) -> list[tuple]:
    """Each section with the whole order its up and down buttons send (None where it cannot move)."""
    ids = [section.id for section in sections]
    return [
        (
            section,
            home.reordered(ids, index, "up") if index > 0 else None,
            home.reordered(ids, index, "down") if index < len(ids) - 1 else None,
        )
        for index, section in enumerate(sections)
    ]


def render_index(search: SearchForm | None = None, *, status: int = 200, error: str = ""):
    search = search or SearchForm(formdata=None)
    searched_slot = search.chosen_slot() if search.q.data else None
    results = home.pick_candidates(search.q.data) if searched_slot in home.SLOTS else []
    return render_template(
        "curation/admin/home.html",
        slots=home.slot_overview(),
        search=search,
        searched_slot=searched_slot,
        results=results,
        blocks=orders(home_block_sections()),
        boxes=orders(sidebar_sections()),
        error=error,
    ), status


def slot_or_404(slot: int) -> int:
    if slot not in home.SLOTS:
        abort(404)
    return slot


def first_error(form) -> str:
    for errors in form.errors.values():
        return errors[0]
    return _("The request contains invalid data. Please check and try again.")


@blueprint.get("/")
@require("homepage.curate")
def index():
    search = SearchForm(request.args)
    if request.args and not search.validate():
        return render_index(SearchForm(formdata=None), status=400, error=first_error(search))
    return render_index(search)


@blueprint.post(f"/slots/<int(max={MAX_SLOT}):slot>/pick")
@require("homepage.curate")
def pick(slot: int):
    slot = slot_or_404(slot)
    form = PickForm()
    if not form.validate_on_submit():
        return render_index(status=400, error=first_error(form))
    article = home.get_article(form.chosen_id)
    if article is None:
        return render_index(status=400, error=_("Choose a story from the search results."))
    try:
        home.pick_for_home(article, slot, actor=current_user._get_current_object())
    except InvalidInput as error:
        return render_index(status=409 if isinstance(error, Conflict) else 400, error=error.message)
    flash(
        _(
            "“%(title)s” is now in the place “%(slot)s” on the home page.",
            title=article.title,
            slot=home.SLOT_LABELS[slot],
        ),
        "success",
    )
    return redirect(url_for(".index", _anchor=f"slot-{slot}"))


@blueprint.post(f"/slots/<int(max={MAX_SLOT}):slot>/unpick")
@require("homepage.curate")
def unpick(slot: int):
    slot = slot_or_404(slot)
    if not UnpickForm().validate_on_submit():
        abort(400)
    article = home.unpick(slot, actor=current_user._get_current_object())
    if article is None:
        flash(_("This place was already automatic."), "warning")
    else:
        flash(
            _("“%(title)s” was taken off; the place now shows the latest stories.", title=article.title),
            "success",
        )
    return redirect(url_for(".index", _anchor=f"slot-{slot}"))


@blueprint.post("/blocks")
@require("homepage.curate")
def order_blocks():
    return reorder(home.order_home_blocks, _("The order of the home-page blocks was saved."), "blocks")


@blueprint.post("/boxes")
@require("homepage.curate")
def order_boxes():
    return reorder(home.order_sidebar_boxes, _("The order of the sidebar boxes was saved."), "boxes")


def reorder(service, message: str, anchor: str):
    form = OrderForm()
    if not form.validate_on_submit():
        return render_index(status=400, error=first_error(form))
    try:
        service(form.section_ids.data, actor=current_user._get_current_object())
    except InvalidInput as error:
        return render_index(status=409 if isinstance(error, Conflict) else 400, error=error.message)
    flash(message, "success")
    return redirect(url_for(".index", _anchor=anchor))
