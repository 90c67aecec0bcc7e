"""Library services: describe an image, delete an unused one, store a batch of uploads, the alt-text rule."""

import re
from dataclasses import dataclass
from html import escape

from flask import url_for
from flask_babel import gettext as _

from app.accounts.models import User
from app.audit.services import record
from app.core.db import write_transaction
from app.core.errors import Conflict, InvalidInput
from app.core.text import clean_line, nfc
from app.extensions import db
from app.media import queries
from app.media import services as media_services
from app.media.models import Media, MediaKind

ALT_MAX_LENGTH = 300
CREDIT_MAX_LENGTH = 200


@dataclass(frozen=True)
class UploadResult:
    """One file of a batch: the stored media, or the Vietnamese message that refused it."""

    filename: str
    media: Media | None = None
    error: str = ""


def update_media_details(
    media: Media,
    *,
    actor: User,
    alt: str,
    caption: str,
    credit: str,
    is_decorative: bool,
    focal_x: float | None = None,
    focal_y: float | None = None,
) -> Media:
    """Save what readers and screen readers are told about the image, and where its subject is."""
    alt, credit, caption = clean_line(alt), clean_line(credit), nfc((caption or "").strip())
    if len(alt) > ALT_MAX_LENGTH:
        raise InvalidInput("alt", _("This field must be at most %(n)d characters.", n=ALT_MAX_LENGTH))
    if len(credit) > CREDIT_MAX_LENGTH:
        raise InvalidInput("credit", _("This field must be at most %(n)d characters.", n=CREDIT_MAX_LENGTH))
    for name, value in (("focal_x", focal_x), ("focal_y", focal_y)):
        if value is not None and not 0 <= value <= 1:
            raise InvalidInput(name, _("The focal point must be between 0 and 1."))
    moved = (
        focal_x is not None and focal_y is not None and (focal_x, focal_y) != (media.focal_x, media.focal_y)
    )
    # The crops are encoded before the write transaction: SQLite's write lock lasts all of it.
    crops = media_services.focal_crops(media, focal_x, focal_y) if moved else None
    with write_transaction():
        media.alt, media.caption, media.credit = alt, caption, credit
        media.is_decorative = bool(is_decorative)
        if crops is not None:
            media_services.apply_focal_point(media, focal_x, focal_y, crops, actor=actor)
        record("media.edit", media, actor=actor, summary=media.filename or media.sha256[:12])
    return media


def delete_media(media: Media, *, actor: User) -> None:
    """Remove a file from the library; refused while any page uses it.

    The stored files stay: they are content-addressed and the same bytes may come back.
    """
    with write_transaction():
        if queries.usages(media):
            raise Conflict(
                None, _("This file is in use and cannot be deleted. Remove it from the pages listed first.")
            )
        record("media.delete", media, actor=actor, summary=media.filename or media.sha256[:12])
        db.session.delete(media)


def upload_images(files: list[tuple[str, bytes]], *, actor: User) -> list[UploadResult]:
    """Store each (filename, bytes) on its own: a bad file gets its message, the good ones are kept.

    Each file is decoded, re-encoded and written before its (short) write transaction, which only
    inserts the row: SQLite's write lock is never held while a big photo is processed.
    """
    results = []
    for filename, data in files:
        name = media_services.clean_filename(filename)
        try:
            prepared = media_services.prepare_upload(data, field="file")
            with write_transaction():
                media = media_services.store_prepared(prepared, uploaded_by=actor, filename=name)
                record("media.upload", media, actor=actor, summary=name)
        except InvalidInput as error:
            results.append(UploadResult(name, error=str(error.message)))
        else:
            results.append(UploadResult(name, media=media))
    return results


def images_missing_alt(article) -> list[Media]:
    """The article's images (cover, gallery, body) that have no alt text and are not decorative."""
    cover = db.session.get(Media, article.cover_id) if article.cover_id else None
    candidates = [cover] if cover else []
    candidates += [item.media for item in article.gallery]
    candidates += queries.body_media(article.body)
    missing = []
    for media in candidates:
        if (
            media.kind is MediaKind.IMAGE
            and not media.alt
            and not media.is_decorative
            and media not in missing
        ):
            missing.append(media)
    return missing


def ensure_images_described(article) -> None:
    """The publish rule: refuse, listing the files, while an image lacks alt text (decorative ones pass)."""
    missing = images_missing_alt(article)
    if missing:
        names = ", ".join(m.filename or f"#{m.id}" for m in missing)
        raise InvalidInput(
            None,
            _(
                "These images need alt text before publishing "
                "(or mark them decorative in the media library): %(names)s",
                names=names,
            ),
        )


IMG_TAG = re.compile(r"<img\b([^>]*?)\s*/?>")
ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
BODY_IMAGE_SIZES = "(min-width: 64em) 720px, 100vw"


def responsive_body(html: str) -> str:
    """The stored body with our images made responsive: srcset of their variants, sizes, lazy loading,
    width/height, and alt="" for decorative ones. The body is sanitizer output (double-quoted attributes)."""
    found = {media.sha256: media for media in queries.body_media(html)}
    if not found:
        return html or ""

    def rewrite(match: re.Match) -> str:
        attributes = dict(ATTRIBUTE.findall(match.group(1)))
        named = queries.MEDIA_SRC.search(attributes.get("src", ""))
        media = found.get(named.group(1)) if named else None
        if media is None:
            return match.group(0)
        extension = attributes["src"].rsplit(".", 1)[-1]
        variants = [v for v in media.variants if v["format"] == extension and not v.get("crop")]
        current = next((v for v in variants if attributes["src"].endswith(v["key"])), None)
        added = {
            "srcset": ", ".join(f"{url_for('media.serve', key=v['key'])} {v['width']}w" for v in variants),
            "sizes": BODY_IMAGE_SIZES,
            "loading": "lazy",
            "decoding": "async",
        }
        if current:
            added |= {"width": str(current["width"]), "height": str(current["height"])}
        if media.is_decorative:
            attributes["alt"] = ""
        elif not attributes.get("alt"):
            attributes["alt"] = escape(media.alt)
        parts = [f'{name}="{value}"' for name, value in attributes.items() if name not in added]
        parts += [f'{name}="{escape(value)}"' for name, value in added.items()]
        return "<img " + " ".join(parts) + ">"

    return IMG_TAG.sub(rewrite, html)
