"""Storing images: decode, normalise, re-encode into variants, deduplicate by sha256."""

import hashlib
import io

from flask import current_app
from flask_babel import gettext as _
from PIL import Image, ImageOps
from sqlalchemy import select

from app.accounts.models import User
from app.core.errors import InvalidInput
from app.core.text import clean_line
from app.extensions import db
from app.media.models import Media, MediaKind
from app.media.storage import get_storage, media_key

VARIANT_FORMATS = (
    ("webp", "WEBP", {"quality": 80, "method": 4}),
    ("jpg", "JPEG", {"quality": 82, "optimize": True, "progressive": True}),
)


def _normalised(image: Image.Image) -> Image.Image:
    """Apply EXIF orientation and flatten to 8-bit RGB (transparency onto white); no metadata survives."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def variant_widths(original: int, wanted: tuple[int, ...]) -> list[int]:
    """The configured widths below the original's, plus the original's (capped) so none is upscaled."""
    return sorted({w for w in wanted if w < original} | {min(original, max(wanted))})


def _encode(image: Image.Image, pil_format: str, options: dict) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, pil_format, **options)
    return buffer.getvalue()


UPLOAD_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")


def add_uploaded_image(data: bytes, *, field: str, alt: str = "", uploaded_by: User | None = None) -> Media:
    """Store an upload only if it decodes as an allowed image format; anything else is a field error.

    Decoder failures of every kind (truncated files, polyglots, oversized chunks, bombs) end as a
    Vietnamese message next to `field`, never a 500. The caller commits.
    """
    try:
        with Image.open(io.BytesIO(data), formats=UPLOAD_FORMATS) as image:
            image.load()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise InvalidInput(
            field, _("This file is not an image we can use. Please upload a JPEG, PNG, WebP or GIF photo.")
        ) from None
    return add_image(data, alt=alt, uploaded_by=uploaded_by)


def add_image(
    data: bytes, *, alt: str = "", caption: str = "", credit: str = "", uploaded_by: User | None = None
) -> Media:
    """Store an image (or return the existing one with the same bytes); the caller commits."""
    sha256 = hashlib.sha256(data).hexdigest()
    existing = db.session.scalar(select(Media).where(Media.sha256 == sha256))
    if existing:
        return existing
    storage = get_storage()
    with Image.open(io.BytesIO(data)) as opened:
        opened.load()
        image = _normalised(opened)
    original_key = media_key(sha256, "", "jpg")
    storage.write(original_key, _encode(image, "JPEG", {"quality": 92}))
    variants = []
    for width in variant_widths(image.width, current_app.config["IMAGE_WIDTHS"]):
        scaled = (
            image
            if width == image.width
            else image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
        )
        for extension, pil_format, options in VARIANT_FORMATS:
            key = media_key(sha256, f"-{width}", extension)
            storage.write(key, _encode(scaled, pil_format, options))
            variants.append({"width": width, "height": scaled.height, "format": extension, "key": key})
    media = Media(
        kind=MediaKind.IMAGE,
        sha256=sha256,
        original_key=original_key,
        mime="image/jpeg",
        width=image.width,
        height=image.height,
        bytes=len(data),
        variants=variants,
        alt=clean_line(alt),
        caption=caption,
        credit=clean_line(credit),
        uploaded_by=uploaded_by,
    )
    db.session.add(media)
    return media
