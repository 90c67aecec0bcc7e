"""Back-office moderation of readers' comments: the queue, bulk actions, edits and official replies."""

from urllib.parse import urlencode

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from app.accounts.permissions import can, require
from app.admin import admin_blueprint
from app.comments import moderation_queries as queries
from app.comments.models import Comment, CommentStatus
from app.comments.moderation import (
    approve_comments,
    delete_official_reply,
    edit_comment,
    mark_spam,
    reject_comments,
    reply_to_comment,
)
from app.comments.moderation_forms import (
    DECISIONS,
    FILTER_ARGUMENTS,
    HELD_REASONS,
    MAX_ID,
    STATUS_LABELS,
    BulkForm,
    DecisionForm,
    EditForm,
    QueueFilterForm,
    ReplyForm,
)
from app.core.errors import InvalidInput, render_error
from app.core.forms import add_error
from app.core.pagination import paginate

blueprint = admin_blueprint("comments_admin", __name__, url_prefix="/comments")

COMMENT_PATH = f"/<int(max={MAX_ID}):comment_id>"
SERVICES = {"approve": approve_comments, "reject": reject_comments, "spam": mark_spam}
OFFICIAL_PREFIX = "official"  # the reply's edit form shares the page with the comment's: distinct field ids


@blueprint.get("/")
@require("comment.moderate")
def index():
    return render_queue(request.args)


@blueprint.post("/bulk")
@require("comment.moderate")
def bulk():
    form = BulkForm()
    if not form.validate_on_submit():
        return render_queue(MultiDict(form.queue_arguments()), bulk_form=form, status=400)
    changed = SERVICES[form.action.data](form.ids.data, actor=current_user._get_current_object())
    flash(*outcome(form.action.data, changed))
    return redirect(url_for(".index", **form.queue_arguments()))


@blueprint.post(COMMENT_PATH + "/status")
@require("comment.moderate")
def decide(comment_id: int):
    comment = queries.get_comment_or_404(comment_id)
    form = DecisionForm()
    if not form.validate_on_submit():
        return render_error(400, " ".join(str(error) for errors in form.errors.values() for error in errors))
    changed = SERVICES[form.decision.data]([comment.id], actor=current_user._get_current_object())
    flash(*outcome(form.decision.data, changed))
    if form.stay.data:
        return redirect(url_for(".detail", comment_id=comment.id))
    return redirect(url_for(".index", **form.queue_arguments()))


@blueprint.get(COMMENT_PATH)
@require("comment.moderate")
def detail(comment_id: int):
    comment = queries.get_comment_or_404(comment_id)
    if comment.parent_id is not None:  # a reply is shown and edited on the page of the comment it answers
        return redirect(url_for(".detail", comment_id=comment.parent_id, _anchor="official-reply"))
    return render_detail(comment)


@blueprint.post(COMMENT_PATH + "/edit")
@require("comment.moderate")
def edit(comment_id: int):
    comment = queries.get_comment_or_404(comment_id)
    if comment.is_official and not can(current_user, "comment.reply"):
        abort(403)
    form = make_edit_form(comment)
    if form.validate_on_submit():
        approve = bool(form.save_and_approve.data)
        try:
            edit_comment(
                comment,
                author_name=comment.author_name if comment.is_official else form.author_name.data,
                body=form.body.data,
                actor=current_user._get_current_object(),
                approve=approve,
            )
        except InvalidInput as error:
            add_error(form, error)
        else:
            flash(
                _("The comment was saved and approved.") if approve else _("The comment was saved."),
                "success",
            )
            return redirect(url_for(".detail", comment_id=comment.parent_id or comment.id))
    if comment.is_official and comment.parent is not None:
        return render_detail(comment.parent, 400, reply_edit_form=form)
    return render_detail(comment, 400, edit_form=form)


@blueprint.post(COMMENT_PATH + "/reply")
@require("comment.reply")
def reply(comment_id: int):
    comment = queries.get_comment_or_404(comment_id)
    form = ReplyForm(prefix="reply")
    if form.validate_on_submit():
        was_pending = comment.status == CommentStatus.PENDING
        try:
            reply_to_comment(comment, body=form.body.data, actor=current_user._get_current_object())
        except InvalidInput as error:
            if error.field is None:  # this comment cannot be answered: no form to show the reason in
                return render_error(400, error.message)
            add_error(form, error)
        else:
            flash(
                _("The reply was published and the comment approved.")
                if was_pending
                else _("The reply was published."),
                "success",
            )
            return redirect(url_for(".detail", comment_id=comment.id, _anchor="official-reply"))
    if comment.is_official or comment.parent_id is not None:
        return render_error(400, _("Only a reader's comment can be answered, not a reply."))
    return render_detail(comment, 400, reply_form=form)


@blueprint.post(COMMENT_PATH + "/delete")
@require("comment.reply")
def delete_reply(comment_id: int):
    """Delete an official reply (a reader's comment is rejected or marked as spam, never deleted here)."""
    reply = queries.get_comment_or_404(comment_id)
    parent = delete_official_reply(reply, actor=current_user._get_current_object())
    flash(_("The official reply was deleted."), "success")
    return redirect(url_for(".detail", comment_id=parent.id))


def outcome(decision: str, changed: int) -> tuple[str, str]:
    """The flash message and its category after a decision on `changed` comments."""
    if not changed:
        return _("No comment changed: they were already in that state."), "warning"
    messages = {
        "approve": ngettext("%(num)d comment approved.", "%(num)d comments approved.", changed),
        "reject": ngettext("%(num)d comment rejected.", "%(num)d comments rejected.", changed),
        "spam": ngettext("%(num)d comment marked as spam.", "%(num)d comments marked as spam.", changed),
    }
    return messages[decision], "success"


def render_queue(arguments: MultiDict, *, bulk_form: BulkForm | None = None, status: int = 200):
    """The queue for these filters; a bulk form that failed comes back with its error and its ticks."""
    form = QueueFilterForm(arguments)
    context = {
        "form": form,
        "page": None,
        "bulk_form": bulk_form or BulkForm(formdata=None),
        "back": urlencode([(name, arguments[name]) for name in FILTER_ARGUMENTS if arguments.get(name)]),
        "labels": STATUS_LABELS,
        "decisions": DECISIONS,
        "held_reasons": HELD_REASONS,
    }
    if not form.validate():
        return render_template("comments/admin/index.html", **context), 400
    filters = form.filters()
    page = paginate(queries.moderation_queue(filters))
    article = queries.get_article(filters.article_id) if filters.article_id else None
    article_ids = {comment.article_id for comment in page.items} | ({article.id} if article else set())
    context |= {
        "page": page,
        "article": article,
        "public_ids": queries.public_article_ids(article_ids),
        "official_reply": queries.official_reply,
    }
    return render_template("comments/admin/index.html", **context), status


def make_edit_form(comment: Comment, **options) -> EditForm:
    """The comment's edit form; an official reply's has no name (it signs as the editorial board)."""
    if comment.is_official:
        form = EditForm(prefix=OFFICIAL_PREFIX, obj=comment, **options)
        del form.author_name
        form.body.label.text = _("Reply of the editorial board")
        return form
    return EditForm(obj=comment, **options)


def render_detail(
    comment: Comment,
    status: int = 200,
    *,
    edit_form: EditForm | None = None,
    reply_form: ReplyForm | None = None,
    reply_edit_form: EditForm | None = None,
):
    """A reader's comment with its article, its edit form, and the official reply or the form to write one."""
    official = queries.official_reply(comment)
    return render_template(
        "comments/admin/detail.html",
        comment=comment,
        official=official,
        edit_form=edit_form or make_edit_form(comment, formdata=None),
        reply_form=reply_form or ReplyForm(prefix="reply", formdata=None),
        reply_edit_form=reply_edit_form or (make_edit_form(official, formdata=None) if official else None),
        public=comment.article_id in queries.public_article_ids({comment.article_id}),
        labels=STATUS_LABELS,
        decisions=DECISIONS,
        held_reasons=HELD_REASONS,
    ), status
