"""The gallery page of a photo story: add, caption, reorder (buttons or drag) and remove photos."""

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.articles import policy, queries
from app.core.errors import InvalidInput, NotAllowed, render_error
from app.core.forms import add_error
from app.media import galleries
from app.media.gallery_forms import GalleryActionForm, GalleryAddForm

blueprint = admin_blueprint("gallery_admin", __name__, url_prefix="/articles")


@blueprint.errorhandler(NotAllowed)
def not_allowed(error: NotAllowed):
    return render_error(403, str(error))


def editable_article(article_id: int):
    article = queries.get_admin_article_or_404(article_id)
    policy.ensure_can_edit(current_user, article)
    return article


def render_gallery(article, add_form=None, action_form=None, text_errors=None, status=200):
    return (
        render_template(
            "media/admin/gallery.html",
            article=article,
            items=galleries.gallery_items(article),
            recent=galleries.recent_images(),
            add_form=add_form or GalleryAddForm(),
            action_form=action_form or GalleryActionForm(),
            text_errors=text_errors or {},
            submitted=request.form if text_errors else {},
        ),
        status,
    )


def back(article):
    return redirect(url_for("gallery_admin.show", article_id=article.id))


@blueprint.get("/<int:article_id>/gallery")
@require("article.edit_own")
def show(article_id: int):
    return render_gallery(editable_article(article_id))


@blueprint.post("/<int:article_id>/gallery/add")
@require("media.upload")
def add(article_id: int):
    article = editable_article(article_id)
    form = GalleryAddForm()
    if not form.validate_on_submit():
        return render_gallery(article, add_form=form, status=400)
    try:
        items = galleries.add_photos(
            article, actor=current_user, uploads=form.uploads(), media_ids=form.media_ids.data
        )
    except InvalidInput as error:
        add_error(form, error)
        return render_gallery(article, add_form=form, status=400)
    flash(_("%(count)d photo(s) added to the gallery.", count=len(items)), "success")
    return back(article)


@blueprint.post("/<int:article_id>/gallery/texts")
@require("article.edit_own")
def save_texts(article_id: int):
    article = editable_article(article_id)
    form = GalleryActionForm()
    if not form.validate_on_submit():
        abort(400)
    texts = {
        item.id: galleries.ItemText(
            request.form.get(f"caption-{item.id}", item.caption),
            request.form.get(f"credit-{item.id}", item.credit),
        )
        for item in galleries.gallery_items(article)
    }
    try:
        galleries.save_texts(article, texts, actor=current_user)
    except InvalidInput as error:
        return render_gallery(article, text_errors={error.field: error.message}, status=400)
    flash(_("Captions and credits saved."), "success")
    return back(article)


@blueprint.post("/<int:article_id>/gallery/<int:item_id>/move")
@require("article.edit_own")
def move(article_id: int, item_id: int):
    article = editable_article(article_id)
    offset = {"up": -1, "down": 1}.get(request.form.get("direction", ""))
    if not GalleryActionForm().validate_on_submit() or offset is None:
        abort(400)
    galleries.move(article, item_id, offset, actor=current_user)
    flash(_("Photo moved."), "success")
    return redirect(url_for("gallery_admin.show", article_id=article.id, _anchor=f"item-{item_id}"))


@blueprint.post("/<int:article_id>/gallery/order")
@require("article.edit_own")
def order(article_id: int):
    """The drag-and-drop order from gallery.js (JSON answer), or a plain form post (redirect)."""
    article = editable_article(article_id)
    if not GalleryActionForm().validate_on_submit():
        abort(400)
    try:
        item_ids = [int(part) for part in request.form.get("order", "").split(",") if part.strip()]
    except ValueError:
        abort(400)
    galleries.reorder(article, item_ids, actor=current_user)
    if request.accept_mimetypes.best == "application/json":
        return jsonify(order=item_ids, message=_("New order saved."))
    flash(_("New order saved."), "success")
    return back(article)


@blueprint.post("/<int:article_id>/gallery/<int:item_id>/remove")
@require("article.edit_own")
def remove(article_id: int, item_id: int):
    article = editable_article(article_id)
    if not GalleryActionForm().validate_on_submit():
        abort(400)
    galleries.remove(article, item_id, actor=current_user)
    flash(_("Photo removed from the gallery; it stays in the library."), "success")
    return back(article)
