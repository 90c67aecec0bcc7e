"""Back-office pages for keywords: search the list, rename, merge one keyword into another."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.core.errors import InvalidInput
from app.core.forms import add_error
from app.core.pagination import paginate
from app.core.text import clean_line
from app.keywords import queries
from app.keywords.forms import MergeForm, RenameForm
from app.keywords.models import Keyword
from app.keywords.services import KeywordNameTaken, merge_keywords, rename_keyword

blueprint = admin_blueprint("keywords_admin", __name__, url_prefix="/keywords")

MAX_ID = 2**31 - 1
SEARCH_MAX_LENGTH = 100


def render_edit(keyword: Keyword, status: int = 200, *, rename_form=None, merge_form=None):
    """The keyword's page with both forms; the one that failed comes back with its errors."""
    return render_template(
        "keywords/admin/edit.html",
        keyword=keyword,
        articles=queries.count_articles(keyword),
        former_slugs=queries.former_slugs(keyword),
        rename_form=rename_form or RenameForm(formdata=None, name=keyword.name),
        merge_form=merge_form or MergeForm(formdata=None, target=request.args.get("into", "")),
    ), status


@blueprint.get("/")
@require("keyword.manage")
def index():
    search = clean_line(request.args.get("q", ""))[:SEARCH_MAX_LENGTH]
    page = paginate(queries.live_keywords(search))
    counts = queries.article_counts([keyword.id for keyword in page.items])
    return render_template("keywords/admin/index.html", page=page, search=search, counts=counts)


@blueprint.route(f"/<int(max={MAX_ID}):keyword_id>", methods=["GET", "POST"])
@require("keyword.manage")
def edit(keyword_id: int):
    keyword = queries.get_live_keyword_or_404(keyword_id)
    form = RenameForm(name=keyword.name)
    if not form.validate_on_submit():
        return render_edit(keyword, 400 if form.errors else 200, rename_form=form)
    try:
        rename_keyword(
            keyword,
            name=form.name.data,
            update_slug=form.update_slug.data,
            actor=current_user._get_current_object(),
        )
    except KeywordNameTaken as taken:
        add_error(form, taken)
        offer = MergeForm(formdata=None, target=taken.existing.name)
        return render_edit(keyword, 409, rename_form=form, merge_form=offer)
    except InvalidInput as error:
        add_error(form, error)
        return render_edit(keyword, 400, rename_form=form)
    flash(_("The keyword is now called “%(name)s”.", name=keyword.name), "success")
    return redirect(url_for(".edit", keyword_id=keyword.id))


@blueprint.post(f"/<int(max={MAX_ID}):keyword_id>/merge")
@require("keyword.manage")
def merge(keyword_id: int):
    source = queries.get_live_keyword_or_404(keyword_id)
    form = MergeForm()
    if not form.validate_on_submit():
        return render_edit(source, 400, merge_form=form)
    try:
        target, moved = merge_keywords(
            source, into=form.target.data, actor=current_user._get_current_object()
        )
    except InvalidInput as error:
        add_error(form, error)
        return render_edit(source, 400, merge_form=form)
    flash(
        ngettext(
            "“%(source)s” was merged into “%(target)s”; %(num)d article moved.",
            "“%(source)s” was merged into “%(target)s”; %(num)d articles moved.",
            moved,
            source=source.name,
            target=target.name,
        ),
        "success",
    )
    return redirect(url_for(".edit", keyword_id=target.id))
