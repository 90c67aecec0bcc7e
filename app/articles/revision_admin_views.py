"""An article's revision history in the back office: the list, the diff of two revisions, restore."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.articles import policy, queries, revisions
from app.articles.models import Article
from app.articles.services import EditConflict
from app.core.errors import InvalidInput, NotAllowed, bad_request, render_error
from app.core.pagination import paginate

blueprint = admin_blueprint("revisions_admin", __name__, url_prefix="/articles")


@blueprint.get("/<int:article_id>/revisions")
@require("article.edit_own")
def index(article_id: int):
    article = editable_article_or_404(article_id)
    page = paginate(revisions.history(article))
    return render_template(
        "articles/admin/revisions.html",
        article=article,
        page=page,
    )


@blueprint.get("/<int:article_id>/revisions/compare")
@require("article.edit_own")
def compare(article_id: int):
    """Two revisions side by side; by default the newest (or `new`) against the one just before it."""
    article = editable_article_or_404(article_id)
    new_id, old_id = revision_arg("new"), revision_arg("old")
    new = revisions.get_revision_or_404(article, new_id) if new_id else revisions.latest_revision(article)
    if new is None:
        return redirect(url_for(".index", article_id=article.id))
    old = revisions.get_revision_or_404(article, old_id) if old_id else revisions.neighbour(new, newer=False)
    if old is not None and old.id > new.id:
        old, new = new, old
    return render_template(
        "articles/admin/revisions_diff.html",
        article=article,
        old=old,
        new=new,
        numbers={r.id: revisions.revision_number(r) for r in (old, new) if r is not None},
        latest=revisions.latest_revision(article),
        older=revisions.neighbour(old, newer=False) if old else None,
        newer=revisions.neighbour(new, newer=True),
        changes=revisions.compare(old.data if old else None, new.data),
    )


@blueprint.post("/<int:article_id>/revisions/<int:revision_id>/restore")
@require("article.edit_own")
def restore(article_id: int, revision_id: int):
    article = editable_article_or_404(article_id)
    revision = revisions.get_revision_or_404(article, revision_id)
    number = revisions.revision_number(revision)
    try:
        revisions.restore_revision(article, revision, actor=current_user)
    except EditConflict as error:
        return render_error(409, error.message)
    except InvalidInput as error:
        return render_error(400, error.message)
    flash(_("Version %(number)d was restored as a new version.", number=number), "success")
    return redirect(url_for("articles_admin.edit", article_id=article.id))


@blueprint.errorhandler(NotAllowed)
def not_allowed(error: NotAllowed):
    return render_error(403, str(error))


def editable_article_or_404(article_id: int) -> Article:
    """The article, if the current user may edit it: its history is part of editing it."""
    article = queries.get_admin_article_or_404(article_id)
    if not policy.can_edit(current_user, article):
        raise NotAllowed(_("You cannot see the history of this article."))
    return article


def revision_arg(name: str) -> int | None:
    """A revision id from the query string (absent: None); anything but a plain id is a 400."""
    raw = request.args.get(name, "")
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 9):
        bad_request(_("Please choose two versions to compare."))
    return int(raw)
