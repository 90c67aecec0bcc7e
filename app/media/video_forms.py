"""Back-office forms of the video page: the clip file, an embed link, the poster and the subtitles."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import URLField
from wtforms.validators import DataRequired, Length


class VideoFileForm(FlaskForm):
    file = FileField(
        _l("Video file"),
        render_kw={"accept": "video/mp4,video/webm"},
        validators=[FileRequired(message=_l("Choose a video file."))],
    )


class VideoEmbedForm(FlaskForm):
    url = URLField(
        _l("Video link"),
        validators=[
            DataRequired(message=_l("Paste the address of the video.")),
            Length(max=500, message=_l("The address is too long.")),
        ],
    )


class PosterForm(FlaskForm):
    poster = FileField(
        _l("Poster image"),
        render_kw={"accept": "image/*"},
        validators=[FileRequired(message=_l("Choose an image."))],
    )


class SubtitlesForm(FlaskForm):
    subtitles = FileField(
        _l("Subtitles (WebVTT)"),
        render_kw={"accept": ".vtt,text/vtt"},
        validators=[FileRequired(message=_l("Choose a .vtt file."))],
    )
