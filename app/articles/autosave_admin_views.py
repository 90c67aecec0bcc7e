"""Autosave endpoints for the editor's script (JSON), and discarding an autosave from the editor page."""

from flask import flash, jsonify, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.articles import autosave, policy, queries
from app.articles.models import Article, Autosave
from app.core.dates import format_vn
from app.core.errors import InvalidInput, NotAllowed, error_messages, render_error

blueprint = admin_blueprint("autosave_admin", __name__, url_prefix="/articles")

JSON_ENDPOINTS = ("autosave_admin.save", "autosave_admin.create")
TIME_PATTERN = "HH:mm"


@blueprint.post("/<int:article_id>/autosave")
@require("article.edit_own")
def save(article_id: int):
    article = queries.get_admin_article_or_404(article_id)
    policy.ensure_can_edit(current_user, article)
    stored = autosave.store_autosave(
        article,
        request.form.to_dict(flat=False),
        actor=current_user,
        base_version=request.form.get("version", type=int),
    )
    return jsonify(saved_payload(stored, article))


@blueprint.post("/new/autosave")
@require("article.create")
def create():
    article = autosave.create_draft(request.form.to_dict(flat=False), actor=current_user)
    chosen = request.form.get("section_id") == str(article.section_id)
    return jsonify(created_payload(article, section_chosen=chosen)), 201


@blueprint.post("/<int:article_id>/autosave/discard")
@require("article.edit_own")
def discard(article_id: int):
    article = queries.get_admin_article_or_404(article_id)
    if not policy.can_see(current_user, article):
        raise NotAllowed(_("You cannot change this article."))
    autosave.discard_autosave(article, actor=current_user)
    flash(_("The autosaved version was discarded."), "success")
    return redirect(url_for("articles_admin.edit", article_id=article.id))


def saved_payload(stored: Autosave, article: Article) -> dict:
    """What the script shows after an autosave; `stale` when someone saved a newer version meanwhile."""
    payload = {
        "ok": True,
        "saved_at": stored.saved_at.isoformat(),
        "message": _("Autosaved at %(time)s", time=format_vn(stored.saved_at, TIME_PATTERN)),
        "stale": autosave.is_stale(stored, article),
    }
    if payload["stale"]:
        payload["warning"] = _(
            "Someone else has saved a newer version of this article. Your text is kept; when you save, "
            "you will see both versions before anything is replaced."
        )
    return payload


def created_payload(article: Article, *, section_chosen: bool) -> dict:
    """Where the script moves the editor once the first autosave has created the draft."""
    time = format_vn(article.created_at, TIME_PATTERN)
    message = _("Draft created and autosaved at %(time)s", time=time)
    if not section_chosen:
        message = _(
            "Draft created and autosaved at %(time)s, for now in “%(section)s” (you can change the section).",
            time=time,
            section=article.section.name,
        )
    return {
        "ok": True,
        "article_id": article.id,
        "version": article.version,
        "section_id": str(article.section_id),
        "edit_url": url_for("articles_admin.edit", article_id=article.id),
        "autosave_url": url_for("autosave_admin.save", article_id=article.id),
        "message": message,
    }


def json_error(status: int, message: str, field: str | None = None):
    return jsonify({"ok": False, "error": message, "field": field}), status


@blueprint.errorhandler(InvalidInput)
def invalid_input(error: InvalidInput):
    if request.endpoint in JSON_ENDPOINTS:
        return json_error(400, error.message, error.field)
    return render_error(400, error.message)


@blueprint.errorhandler(NotAllowed)
def not_allowed(error: NotAllowed):
    if request.endpoint in JSON_ENDPOINTS:
        return json_error(403, str(error))
    return render_error(403, str(error))


@blueprint.errorhandler(CSRFError)
def csrf_failed(error: CSRFError):
    message = _("Your session has expired or the form is no longer valid. Reload the page and try again.")
    if request.endpoint in JSON_ENDPOINTS:
        return json_error(400, message)
    return render_error(400, message)


@blueprint.errorhandler(HTTPException)
def http_error(error: HTTPException):
    """The script reads a Vietnamese explanation from JSON; a 401 means the login has ended."""
    if request.endpoint not in JSON_ENDPOINTS:
        detail = error.description if getattr(error, "vietnamese", False) else None
        return render_error(error.code or 500, detail)
    if error.code == 401:
        return json_error(401, _("You have been logged out. Copy your text, then log in again in a new tab."))
    if error.code == 404:
        return json_error(404, _("This article no longer exists."))
    messages = error_messages()
    explanation = messages.get(error.code or 400, messages[400])[1]
    return json_error(error.code or 400, str(explanation))
