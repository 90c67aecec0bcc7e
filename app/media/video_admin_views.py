"""Back-office page of a video article's clip: upload a file or paste an embed link, poster, subtitles."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from app.accounts.permissions import require
from app.admin import admin_blueprint
from app.articles import policy
from app.articles.queries import get_admin_article_or_404
from app.core.errors import InvalidInput
from app.core.forms import add_error
from app.extensions import csrf
from app.media import videos
from app.media.video_forms import PosterForm, SubtitlesForm, VideoEmbedForm, VideoFileForm

blueprint = admin_blueprint("video_admin", __name__, url_prefix="/articles")


def editable_article_or_404(article_id: int):
    article = get_admin_article_or_404(article_id)
    if not policy.can_edit(current_user, article):
        abort(403)
    return article


def render_page(article, status: int = 200, **bound):
    forms = {
        "file_form": VideoFileForm(formdata=None),
        "embed_form": VideoEmbedForm(formdata=None, url=(article.video.embed_url if article.video else None)),
        "poster_form": PosterForm(formdata=None),
        "subtitles_form": SubtitlesForm(formdata=None),
    } | bound
    page = render_template(
        "media/admin/video.html",
        article=article,
        video=article.video,
        ffmpeg_available=videos.ffmpeg_available(),
        **forms,
    )
    return page, status


def done(article, message: str):
    flash(message, "success")
    return redirect(url_for(".edit", article_id=article.id))


@blueprint.get("/<int:article_id>/video")
@require("media.upload")
def edit(article_id: int):
    return render_page(editable_article_or_404(article_id))


@blueprint.post("/<int:article_id>/video/file")
@csrf.exempt  # checked in the view, once the body may be as large as a video
@require("media.upload")
def upload_file(article_id: int):
    article = editable_article_or_404(article_id)  # authorised before any of the body is read
    limit = request.max_content_length = current_app.config["MAX_VIDEO_BYTES"]
    try:
        csrf.protect()
    except RequestEntityTooLarge:
        form = VideoFileForm(formdata=None)
        add_error(form, videos.too_large(limit))
        return render_page(article, 413, file_form=form)
    form = VideoFileForm()
    if not form.validate_on_submit():
        return render_page(article, 400, file_form=form)
    upload = form.file.data
    try:
        videos.upload_video(
            article,
            upload.stream,
            filename=upload.filename or "",
            limit=limit,
            actor=current_user,
        )
    except InvalidInput as error:
        add_error(form, error)
        return render_page(article, 400, file_form=form)
    return done(article, _("The video has been uploaded."))


@blueprint.post("/<int:article_id>/video/embed")
@require("media.upload")
def set_embed(article_id: int):
    article = editable_article_or_404(article_id)
    form = VideoEmbedForm()
    try:
        if form.validate_on_submit():
            videos.set_embed(article, form.url.data, actor=current_user)
            return done(article, _("The video link has been saved."))
    except InvalidInput as error:
        add_error(form, error)
    return render_page(article, 400, embed_form=form)


@blueprint.post("/<int:article_id>/video/poster")
@require("media.upload")
def set_poster(article_id: int):
    article = editable_article_or_404(article_id)
    form = PosterForm()
    try:
        if form.validate_on_submit():
            videos.set_poster(article, form.poster.data.read(), actor=current_user)
            return done(article, _("The poster has been saved."))
    except InvalidInput as error:
        add_error(form, error)
    return render_page(article, 400, poster_form=form)


@blueprint.post("/<int:article_id>/video/subtitles")
@require("media.upload")
def set_subtitles(article_id: int):
    article = editable_article_or_404(article_id)
    form = SubtitlesForm()
    try:
        if form.validate_on_submit():
            data = form.subtitles.data.stream.read(videos.MAX_SUBTITLE_BYTES + 1)
            videos.set_subtitles(article, data, actor=current_user)
            return done(article, _("The subtitles have been saved."))
    except InvalidInput as error:
        add_error(form, error)
    return render_page(article, 400, subtitles_form=form)
