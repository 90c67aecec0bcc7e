"""Photo story galleries: adding, captioning, ordering and removing the photos of one article.

Positions are always 1..n after a change. SQLite checks the unique (article_id, position) constraint
row by row, so renumbering goes through temporary negative positions in a first flush.
"""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from app.accounts.models import User
from app.articles import policy
from app.articles.models import Article
from app.audit.services import record
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.core.text import clean_line
from app.extensions import db
from app.media.models import GalleryItem, Media, MediaKind
from app.media.services import prepare_upload, store_prepared

MAX_PHOTOS_PER_ADD = 30
CAPTION_MAX = 1000
CREDIT_MAX = 200


@dataclass(frozen=True)
class ItemText:
    caption: str
    credit: str


def recent_images(limit: int = 24) -> list[Media]:
    """The newest library images, offered for picking into a gallery."""
    return list(
        db.session.scalars(
            select(Media).where(Media.kind == MediaKind.IMAGE).order_by(Media.id.desc()).limit(limit)
        )
    )


def gallery_items(article: Article) -> list[GalleryItem]:
    return list(
        db.session.scalars(
            select(GalleryItem).where(GalleryItem.article_id == article.id).order_by(GalleryItem.position)
        )
    )


def _renumber(items: list[GalleryItem]) -> None:
    """Give `items` positions 1..n in list order without ever holding a duplicate position."""
    for index, item in enumerate(items, start=1):
        item.position = -index
    db.session.flush()
    for index, item in enumerate(items, start=1):
        item.position = index
    db.session.flush()


def _item_of(article: Article, item_id: int) -> GalleryItem:
    item = db.session.get(GalleryItem, item_id)
    if item is None or item.article_id != article.id:
        raise InvalidInput(None, _("This photo is not in the gallery."))
    return item


def add_photos(
    article: Article, *, actor: User, uploads: list[tuple[str, bytes]] = (), media_ids: list[int] = ()
) -> list[GalleryItem]:
    """Append uploaded files and/or library images to the end of the gallery.

    `uploads` are (filename, bytes) pairs. One bad file refuses the whole batch: nothing is kept.
    The photos are processed before the write transaction, which must stay short on SQLite.
    """
    policy.ensure_can_edit(actor, article)
    uploads = [(name, data) for name, data in uploads if data]
    if not uploads and not media_ids:
        raise InvalidInput("photos", _("Choose at least one photo to add."))
    if len(uploads) + len(media_ids) > MAX_PHOTOS_PER_ADD:
        raise InvalidInput("photos", _("Add at most %(count)d photos at a time.", count=MAX_PHOTOS_PER_ADD))
    prepared = [(filename, prepare_upload(data, field="photos")) for filename, data in uploads]
    with write_transaction():
        chosen = []
        for media_id in media_ids:
            media = db.session.get(Media, media_id)
            if media is None or media.kind is not MediaKind.IMAGE:
                raise InvalidInput(
                    "media_ids", _("Image no. %(id)d does not exist in the library.", id=media_id)
                )
            chosen.append(media)
        for filename, upload in prepared:
            chosen.append(store_prepared(upload, uploaded_by=actor, filename=filename))
        db.session.flush()
        last = db.session.scalar(
            select(func.max(GalleryItem.position)).where(GalleryItem.article_id == article.id)
        )
        start = (last or 0) + 1
        items = [
            GalleryItem(
                article_id=article.id, media=media, position=start + offset, caption="", credit=media.credit
            )
            for offset, media in enumerate(chosen)
        ]
        db.session.add_all(items)
        db.session.flush()
        record("gallery.add", article, actor=actor, summary=f"+{len(items)} photo(s)")
    db.session.expire(article, ["gallery"])
    return items


def save_texts(article: Article, texts: dict[int, ItemText], *, actor: User) -> None:
    """Save caption and credit of each listed item; errors name the field of the offending item."""
    policy.ensure_can_edit(actor, article)
    with write_transaction():
        changed = 0
        for item_id, text in texts.items():
            item = _item_of(article, item_id)
            caption, credit = clean_line(text.caption), clean_line(text.credit)
            if len(caption) > CAPTION_MAX:
                raise InvalidInput(
                    f"caption-{item_id}", _("Keep the caption under %(count)d characters.", count=CAPTION_MAX)
                )
            if len(credit) > CREDIT_MAX:
                raise InvalidInput(
                    f"credit-{item_id}", _("Keep the credit under %(count)d characters.", count=CREDIT_MAX)
                )
            if (item.caption, item.credit) != (caption, credit):
                item.caption, item.credit = caption, credit
                changed += 1
        if changed:
            record("gallery.edit", article, actor=actor, summary=f"{changed} caption(s)/credit(s)")


def reorder(article: Article, item_ids: list[int], *, actor: User) -> None:
    """Put the gallery in the given order; the list must name every item exactly once."""
    policy.ensure_can_edit(actor, article)
    with write_transaction():
        items = {item.id: item for item in gallery_items(article)}
        if sorted(item_ids) != sorted(items):
            raise InvalidInput("order", _("The new order must list every photo of the gallery once."))
        _renumber([items[item_id] for item_id in item_ids])
        record("gallery.reorder", article, actor=actor, summary=",".join(map(str, item_ids)))
    db.session.expire(article, ["gallery"])


def move(article: Article, item_id: int, offset: int, *, actor: User) -> None:
    """Move one photo up (-1) or down (+1); at either end nothing changes."""
    policy.ensure_can_edit(actor, article)
    with write_transaction():
        items = gallery_items(article)
        item = _item_of(article, item_id)
        index = items.index(item)
        target = index + offset
        if 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
            _renumber(items)
            record("gallery.reorder", article, actor=actor, summary=f"photo {item_id} {offset:+d}")
    db.session.expire(article, ["gallery"])


def remove(article: Article, item_id: int, *, actor: User) -> None:
    """Take a photo out of the gallery; the image stays in the library."""
    policy.ensure_can_edit(actor, article)
    with write_transaction():
        item = _item_of(article, item_id)
        db.session.delete(item)
        db.session.flush()
        _renumber([other for other in gallery_items(article) if other.id != item_id])
        record("gallery.remove", article, actor=actor, summary=f"photo {item_id} (media {item.media_id})")
    db.session.expire(article, ["gallery"])


@dataclass(frozen=True)
class PhotoSummary:
    count: int
    first: Media


def photo_summaries(articles: list[Article]) -> dict[int, PhotoSummary]:
    """Photo count and first photo of each article's gallery, in one statement (for teaser cards)."""
    ids = [article.id for article in articles]
    if not ids:
        return {}
    rows = db.session.scalars(
        select(GalleryItem)
        .where(GalleryItem.article_id.in_(ids))
        .options(joinedload(GalleryItem.media))
        .order_by(GalleryItem.article_id, GalleryItem.position)
    )
    grouped: dict[int, list[GalleryItem]] = {}
    for item in rows:
        grouped.setdefault(item.article_id, []).append(item)
    return {article_id: PhotoSummary(len(items), items[0].media) for article_id, items in grouped.items()}
