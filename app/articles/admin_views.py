"""The articles back office: the list, the editor, workflow actions, keyword suggestions and the preview."""

from flask import abort, flash, jsonify, make_response, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from app.accounts.permissions import can, require
from app.admin import admin_blueprint
from app.articles import policy, queries, workflow
from app.articles.autosave import form_values, pending_autosave
from app.articles.forms import ArticleFilterForm, ArticleForm, TransitionForm
from app.articles.models import Article, Autosave
from app.articles.services import EditConflict
from app.articles.views import page_context
from app.articles.workflow import STATE_LABELS, TRANSITIONS, IllegalTransition
from app.core.dates import utcnow
from app.core.errors import Conflict, InvalidInput, NotAllowed, render_error
from app.core.forms import add_error
from app.core.pagination import paginate
from app.keywords.queries import suggest_keywords

blueprint = admin_blueprint("articles_admin", __name__, url_prefix="/articles")

RELATED_CHOICES = 50
SUGGESTIONS = 10
SAVE_ACTIONS = ("submit", "publish", "reschedule")  # buttons that save the form, then apply the transition
OTHER_ACTIONS = ("return", "unpublish", "to_draft")  # small forms of their own under the editor


@blueprint.get("/")
@require("article.edit_own")
def index():
    form = ArticleFilterForm(
        request.args,
        user=current_user,
        sections=queries.section_choices(),
        authors=queries.authors() if can(current_user, "article.edit_any") else [],
    )
    if not form.validate():
        return render_list(form, None), 400
    return render_list(form, paginate(queries.admin_articles(form.filters(current_user))))


@blueprint.route("/new", methods=["GET", "POST"])
@require("article.create")
def new():
    form = editor_form(None)
    status = None
    if form.validate_on_submit():
        try:
            article = workflow.create_and_apply(
                form.to_input(), form.chosen_action, actor=current_user, at=form.publication_time()
            )
        except InvalidInput as error:
            status = attach_error(form, error)
        else:
            flash(workflow.outcome(article, form.chosen_action), "success")
            return redirect(after_save_url(article))
    return render_editor(form, None), status or (400 if form.errors else 200)


@blueprint.route("/<int:article_id>/edit", methods=["GET", "POST"])
@require("article.edit_own")
def edit(article_id: int):
    article = queries.get_admin_article_or_404(article_id)
    policy.ensure_can_edit(current_user, article)
    offered = pending_autosave(article, current_user) if request.method == "GET" else None
    restored = offered if offered and request.args.get("restore") == "autosave" else None
    form = editor_form(article, restored=restored)
    status, conflict = None, None
    if form.validate_on_submit():
        try:
            workflow.save_and_apply(
                article,
                form.to_input(),
                form.chosen_action,
                actor=current_user,
                expected_version=form.expected_version,
                at=form.publication_time(),
            )
        except EditConflict as error:
            status, conflict = 409, error
            form.version.data = str(error.version)
        except InvalidInput as error:
            status = attach_error(form, error)
        else:
            flash(workflow.outcome(article, form.chosen_action), "success")
            return redirect(after_save_url(article))
    page = render_editor(form, article, conflict=conflict, autosave=offered, autosave_restored=bool(restored))
    return page, status or (400 if form.errors else 200)


@blueprint.post("/<int:article_id>/transition")
@require("article.edit_own")
def transition(article_id: int):
    article = queries.get_admin_article_or_404(article_id)
    form = TransitionForm()
    status = 400
    if form.validate():
        try:
            workflow.apply(article, form.action.data, actor=current_user, reason=form.reason.data or "")
        except InvalidInput as error:
            status = attach_error(form, error)
        else:
            flash(workflow.outcome(article, form.action.data), "success")
            return redirect(after_save_url(article))
    if not policy.can_edit(current_user, article):
        messages = " ".join(str(message) for messages in form.errors.values() for message in messages)
        return render_error(status, messages)
    return render_editor(editor_form(article, submitted=False), article, transition_form=form), status


@blueprint.get("/keyword-suggestions")
@require("keyword.suggest")
def keyword_suggestions():
    keywords = suggest_keywords(request.args.get("q", "")[:100], SUGGESTIONS)
    return jsonify([{"name": keyword.name, "slug": keyword.slug} for keyword in keywords])


@blueprint.get("/<int:article_id>/preview")
@require("article.preview")
def preview(article_id: int):
    article = queries.get_admin_article_or_404(article_id)
    if not policy.can_preview(current_user, article):
        abort(403)
    context = page_context(PreviewArticle(article))
    html = render_template("articles/admin/preview.html", state=workflow.state_of(article), **context)
    response = make_response(html)
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


@blueprint.errorhandler(NotAllowed)
def not_allowed(error: NotAllowed):
    return render_error(403, str(error))


@blueprint.errorhandler(IllegalTransition)
def illegal_transition(error: IllegalTransition):
    return render_error(409, error.message)


@blueprint.app_template_global()
def article_state(article: Article) -> str:
    return workflow.state_of(article)


@blueprint.app_template_global()
def state_label(state: str) -> str:
    return str(STATE_LABELS[state])


@blueprint.app_template_global()
def article_can(verb: str, article: Article) -> bool:
    """For templates: may the current user "edit", "preview" or apply transition `verb` to the article now?"""
    if verb == "edit":
        return policy.can_edit(current_user, article)
    if verb == "preview":
        return policy.can_preview(current_user, article)
    move = TRANSITIONS.get(verb)
    return (
        move is not None
        and article.status in move.sources
        and policy.can_move(current_user, article, move.permission)
    )


class PreviewArticle:
    """The article as its public page would show it if published now (a draft has no time yet)."""

    def __init__(self, article: Article):
        self._article = article
        self.published_at = article.published_at or utcnow()

    def __getattr__(self, name: str):
        return getattr(self._article, name)


def editor_form(article: Article | None, *, submitted: bool = True, restored: Autosave | None = None):
    """The editor form with its choices; `submitted=False` ignores the request's form data.

    `restored`: an autosave whose values (and base version) fill the form instead of the article's.
    """
    options = {} if submitted else {"formdata": None}
    if restored is not None:
        options = {"formdata": MultiDict(form_values(restored))}
    return ArticleForm(
        obj=article,
        user=current_user,
        sections=queries.section_choices(),
        related=queries.related_candidates(article, RELATED_CHOICES),
        **options,
    )


def render_editor(
    form, article, *, conflict=None, transition_form=None, autosave=None, autosave_restored=False
) -> str:
    """The editor page: the form, the buttons that save and move the article, the other workflow actions.

    `autosave`: the person's unsaved autosave to offer (or, `autosave_restored`, now shown in the form).
    """
    names = [t.name for t in workflow.available(article, current_user)]
    return render_template(
        "articles/admin/edit.html",
        form=form,
        article=article,
        conflict=conflict,
        conflict_rows=form.conflict_rows(conflict) if conflict else [],
        save_actions=[name for name in SAVE_ACTIONS if name in names],
        other_actions=[name for name in OTHER_ACTIONS if name in names] if article else [],
        transition_form=transition_form or TransitionForm(formdata=None),
        autosave=autosave,
        autosave_restored=autosave_restored,
    )


def render_list(form, page) -> str:
    return render_template(
        "articles/admin/index.html",
        form=form,
        page=page,
        waiting=queries.count_waiting_for(current_user),
    )


def attach_error(form, error: InvalidInput) -> int:
    """Show a service's refusal next to its field (or above the form); the status to answer with."""
    add_error(form, error)
    return 409 if isinstance(error, Conflict) else 400


def after_save_url(article: Article) -> str:
    """Back to the editor while one may still edit the article, else to the list."""
    if policy.can_edit(current_user, article):
        return url_for(".edit", article_id=article.id)
    return url_for(".index")
