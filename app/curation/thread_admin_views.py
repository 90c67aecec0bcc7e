"""Back-office pages for story threads: the list, create, edit, delete, add and remove articles."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.articles.queries import get_admin_article_or_404
from app.core.errors import Conflict, InvalidInput
from app.core.forms import add_error
from app.core.pagination import paginate
from app.core.text import clean_line
from app.curation import threads
from app.curation.models import StoryThread
from app.curation.thread_forms import ThreadArticleForm, ThreadForm

blueprint = admin_blueprint("threads_admin", __name__, url_prefix="/threads")

MAX_ID = 2**31 - 1
SEARCH_MAX_LENGTH = 100


def render_form(
    form: ThreadForm, thread: StoryThread | None = None, status: int = 200, error: str | None = None
):
    """The new-thread page, or a thread's page with its articles and the title search to add more."""
    context = {"form": form, "thread": thread, "error": error}
    if thread is not None:
        search = clean_line(request.args.get("q", ""))[:SEARCH_MAX_LENGTH]
        context.update(
            entries=threads.entries_of(thread),
            search=search,
            candidates=threads.thread_candidates(thread, search),
        )
    if status == 200 and form.errors:
        status = 400
    return render_template("curation/admin/thread_edit.html", **context), status


@blueprint.get("/")
@require("homepage.curate")
def index():
    page = paginate(threads.threads_newest_first())
    counts = threads.entry_counts([thread.id for thread in page.items])
    return render_template("curation/admin/threads.html", page=page, counts=counts)


@blueprint.route("/new", methods=["GET", "POST"])
@require("homepage.curate")
def create():
    form = ThreadForm()
    if not form.validate_on_submit():
        return render_form(form)
    try:
        thread = threads.create_thread(
            title=form.title.data, description=form.description.data, actor=current_user._get_current_object()
        )
    except InvalidInput as error:
        add_error(form, error)
        return render_form(form)
    flash(_("The thread “%(title)s” was created. Now add its articles.", title=thread.title), "success")
    return redirect(url_for(".edit", thread_id=thread.id))


@blueprint.route(f"/<int(max={MAX_ID}):thread_id>", methods=["GET", "POST"])
@require("homepage.curate")
def edit(thread_id: int):
    thread = threads.get_thread_or_404(thread_id)
    form = ThreadForm(obj=thread)
    if not form.validate_on_submit():
        return render_form(form, thread)
    try:
        threads.update_thread(
            thread,
            title=form.title.data,
            description=form.description.data,
            actor=current_user._get_current_object(),
        )
    except InvalidInput as error:
        add_error(form, error)
        return render_form(form, thread)
    flash(_("The thread “%(title)s” was saved.", title=thread.title), "success")
    return redirect(url_for(".edit", thread_id=thread.id))


@blueprint.post(f"/<int(max={MAX_ID}):thread_id>/delete")
@require("homepage.curate")
def delete(thread_id: int):
    thread = threads.get_thread_or_404(thread_id)
    title = thread.title
    threads.delete_thread(thread, actor=current_user._get_current_object())
    flash(_("The thread “%(title)s” was deleted; its articles are unchanged.", title=title), "success")
    return redirect(url_for(".index"))


@blueprint.post(f"/<int(max={MAX_ID}):thread_id>/articles")
@require("homepage.curate")
def add(thread_id: int):
    thread = threads.get_thread_or_404(thread_id)
    form = ThreadArticleForm()
    if not form.validate_on_submit():
        return render_form(
            ThreadForm(formdata=None, obj=thread), thread, 400, " ".join(map(str, form.article_id.errors))
        )
    article = get_admin_article_or_404(int(form.article_id.data))
    try:
        previous = threads.add_to_thread(thread, article, actor=current_user._get_current_object())
    except InvalidInput as error:
        status = 409 if isinstance(error, Conflict) else 400
        return render_form(ThreadForm(formdata=None, obj=thread), thread, status, error.message)
    if previous is None:
        flash(_("“%(title)s” was added to the thread.", title=article.title), "success")
    else:
        flash(
            _(
                "“%(title)s” was moved here from the thread “%(previous)s” (an article follows one thread).",
                title=article.title,
                previous=previous.title,
            ),
            "warning",
        )
    return redirect(url_for(".edit", thread_id=thread.id))


@blueprint.post(f"/<int(max={MAX_ID}):thread_id>/articles/<int(max={MAX_ID}):entry_id>/remove")
@require("homepage.curate")
def remove(thread_id: int, entry_id: int):
    thread = threads.get_thread_or_404(thread_id)
    entry = threads.get_entry_or_404(thread, entry_id)
    title = entry.article.title
    threads.remove_from_thread(entry, actor=current_user._get_current_object())
    flash(_("“%(title)s” was removed from the thread.", title=title), "success")
    return redirect(url_for(".edit", thread_id=thread.id))
