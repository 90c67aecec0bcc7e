"""Reading keywords."""

from flask import abort
from sqlalchemy import select

from app.extensions import db
from app.keywords.models import Keyword


def get_keyword_by_slug_or_404(slug: str) -> Keyword:
    keyword = db.session.scalar(select(Keyword).where(Keyword.slug == slug))
    if keyword is None:
        abort(404)
    return keyword
