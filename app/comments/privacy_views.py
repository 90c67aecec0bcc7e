"""The public privacy notice (personal data of readers who comment)."""

from flask import Blueprint, render_template

from app.caching.pages import cached_page
from app.comments.policy import get_comment_policy

blueprint = Blueprint("privacy", __name__)


@blueprint.get("/bao-ve-du-lieu-ca-nhan")
@cached_page
def notice():
    """What readers who comment should know: what is kept, why, for how long, and their rights."""
    return render_template("comments/privacy.html", policy=get_comment_policy())
