"""The public comment form and posting: GET/POST /bai-viet/<id>/binh-luan.

The article page carries no per-visitor token, so it stays cacheable: its comment box links to the
form page (which works without JavaScript), and with JavaScript the same form is fetched as a
fragment (`?khung=1`), shown and sent in place. Only a reader who opens the form gets a captcha.
"""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request
from flask_babel import gettext as _

from app.articles.queries import get_public_article_or_404
from app.articles.views import MAX_ID, article_url
from app.captcha.services import issuance_limit, issue_challenge
from app.comments.forms import CommentForm
from app.comments.models import CommentStatus
from app.comments.services import comments_open, post_comment
from app.core.errors import InvalidInput, NotAllowed
from app.core.forms import add_error
from app.extensions import limiter

blueprint = Blueprint("comments", __name__)

COMMENT_PATH = f"/bai-viet/<int(max={MAX_ID}):article_id>/binh-luan"


def comment_limits() -> str:
    return current_app.config["COMMENT_LIMITS"]


def stored(response) -> bool:
    """Only comments actually stored count against the posting limits, not a mistyped captcha."""
    return response.status_code in (201, 302)


def fragment_requested() -> bool:
    """The article page's script asks for the form alone (`?khung=1`) to show it in place."""
    return request.args.get("khung") == "1"


@blueprint.after_request
def private(response):
    """The form carries a per-visitor CSRF token and captcha: no shared cache may keep it."""
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.get(COMMENT_PATH)
@issuance_limit
def form(article_id: int):
    article = open_article_or_404(article_id)
    comment_form = CommentForm(formdata=None)
    return render_form(article, comment_form)


@blueprint.post(COMMENT_PATH)
@limiter.limit(comment_limits, methods=["POST"], deduct_when=stored)
@issuance_limit
def post(article_id: int):
    article = open_article_or_404(article_id)
    comment_form = CommentForm()
    if comment_form.validate():
        try:
            comment = post_comment(article, comment_form.to_submission(), ip=request.remote_addr or "")
        except InvalidInput as error:
            add_error(comment_form, error)
        except NotAllowed:
            abort(404)
        else:
            if fragment_requested():
                return render_template("comments/_posted.html", message=posted_message(comment)), 201
            flash(posted_message(comment), "comment")
            return redirect(article_url(article, _anchor="y-kien"))
    return render_form(article, comment_form, status=400)


@blueprint.post(COMMENT_PATH + "/doi-ma")
@issuance_limit
def refresh_captcha(article_id: int):
    """A new captcha for the form as typed so far (a button, so it works without JavaScript)."""
    article = open_article_or_404(article_id)
    comment_form = CommentForm()
    return render_form(article, comment_form)


def posted_message(comment) -> str:
    if comment.status is CommentStatus.APPROVED:
        return _("Thank you. Your comment has been published.")
    return _("Your comment is awaiting moderation.")


def open_article_or_404(article_id: int):
    article = get_public_article_or_404(article_id)
    if not comments_open(article):
        abort(404)
    return article


def render_form(article, comment_form: CommentForm, *, status: int = 200):
    """The form page, or only the form (`?khung=1`, fetched by the article page's script)."""
    comment_form.start(issue_challenge())
    template = "comments/_form.html" if fragment_requested() else "comments/form.html"
    return render_template(template, article=article, form=comment_form), status
