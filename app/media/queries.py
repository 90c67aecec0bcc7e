"""Reading the media library: search and filters, and where an image is used."""

import re

from flask import abort
from sqlalchemy import Select, select

from app.articles.models import Article
from app.campaigns.models import Campaign
from app.core.text import fold
from app.extensions import db
from app.media.models import GalleryItem, Media, MediaKind, Video
from app.sections.models import Section
from app.settings.models import SiteSettings

# Our stored keys carry the file's sha256; a body <img src="/media/ab/cd/<sha256>-1024.jpg"> names it.
MEDIA_SRC = re.compile(r"/media/[0-9a-f]{2}/[0-9a-f]{2}/([0-9a-f]{64})")


def get_media_or_404(media_id: int) -> Media:
    return db.session.get(Media, media_id) or abort(404)


def library(
    search: str = "", *, kind: str = "", uploaded_by_id: int | None = None, missing_alt=False
) -> Select:
    """The library's images and videos, newest first, narrowed by the page's search and filters."""
    query = select(Media).order_by(Media.created_at.desc(), Media.id.desc())
    if search:
        query = query.where(Media.id.in_(_matching_ids(search)))
    if kind in ("image", "video"):
        query = query.where(Media.kind == MediaKind(kind))
    if uploaded_by_id is not None:
        query = query.where(Media.uploaded_by_id == uploaded_by_id)
    if missing_alt:
        query = query.where(Media.kind == MediaKind.IMAGE, Media.alt == "", Media.is_decorative.is_(False))
    return query


def _matching_ids(search: str) -> list[int]:
    """Ids whose file name, alt text, caption or credit contain the words, accents optional.

    Folding happens in Python over four short columns: cheap for a district office's library,
    and it needs no folded column or database function.
    """
    needle = fold(search)
    rows = db.session.execute(select(Media.id, Media.filename, Media.alt, Media.caption, Media.credit))
    return [row.id for row in rows if needle in fold(" ".join(row[1:]))]


def recent_images(limit: int = 24) -> list[Media]:
    return list(
        db.session.scalars(
            select(Media).where(Media.kind == MediaKind.IMAGE).order_by(Media.id.desc()).limit(limit)
        )
    )


def body_media(html: str) -> list[Media]:
    """Our images named by <img src> in an article body, in order of first appearance."""
    hashes = list(dict.fromkeys(MEDIA_SRC.findall(html or "")))
    if not hashes:
        return []
    found = {m.sha256: m for m in db.session.scalars(select(Media).where(Media.sha256.in_(hashes)))}
    return [found[h] for h in hashes if h in found]


def usages(media: Media) -> list[tuple[str, object]]:
    """Where the file is used, as (kind, object) pairs: kind is cover, gallery, body, poster, video,
    section, campaign or logo. Deleting is refused while this is not empty."""
    used: list[tuple[str, object]] = []
    used += [("cover", a) for a in db.session.scalars(select(Article).where(Article.cover_id == media.id))]
    used += [
        ("gallery", a)
        for a in db.session.scalars(
            select(Article)
            .join(GalleryItem, GalleryItem.article_id == Article.id)
            .where(GalleryItem.media_id == media.id)
        ).unique()
    ]
    used += [
        ("body", a) for a in db.session.scalars(select(Article).where(Article.body.contains(media.sha256)))
    ]
    for kind, column in (("poster", Video.poster_id), ("video", Video.file_id)):
        used += [
            (kind, a)
            for a in db.session.scalars(
                select(Article).join(Video, Video.article_id == Article.id).where(column == media.id)
            )
        ]
    used += [("section", s) for s in db.session.scalars(select(Section).where(Section.banner_id == media.id))]
    used += [
        ("campaign", c) for c in db.session.scalars(select(Campaign).where(Campaign.banner_id == media.id))
    ]
    used += [
        ("logo", s) for s in db.session.scalars(select(SiteSettings).where(SiteSettings.logo_id == media.id))
    ]
    return used
