"""Storing images: decode, normalise, re-encode into variants, deduplicate by sha256."""

import hashlib
import unicodedata
from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext as _
from PIL import Image
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.accounts.models import User
from app.accounts.permissions import can
from app.audit.services import record
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.core.text import clean_line
from app.extensions import db
from app.media.images import Decoded, decode_upload, encode, flatten
from app.media.models import Media, MediaKind
from app.media.storage import LocalStorage, get_storage, media_key

CARD_RATIO = (16, 9)
CARD_WIDTHS = (320, 640)
WEBP_OPTIONS = {"quality": 80, "method": 4}
JPEG_OPTIONS = {"quality": 82, "optimize": True, "progressive": True}
# The kept original (private, for regenerating variants and crops): the normalised pixels at full
# size as a high-quality JPEG, or a lossless PNG when transparency must survive. Not the raw upload:
# it would keep GPS and any smuggled payload. Not lossless for photos: a PNG (or a quality-95 4:4:4
# JPEG) of a camera photo is 2-5× the upload for no visible gain in variants of at most 1600 px.
# `mime` is the kept original's type.
ORIGINAL_JPEG_OPTIONS = {"quality": 92}


def variant_widths(original: int, wanted: tuple[int, ...]) -> list[int]:
    """The configured widths below the original's, plus the original's (capped) so none is upscaled."""
    return sorted({w for w in wanted if w < original} | {min(original, max(wanted))})


def clean_filename(name: str | None) -> str:
    """The upload's name as a label only: NFC, no folders, no control or bidi characters, ≤255 chars."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    name = " ".join(name.split()).strip(" .")
    return name[:255]


def add_uploaded_image(
    data: "bytes | PreparedImage",
    *,
    field: str,
    alt: str = "",
    uploaded_by: User | None = None,
    filename: str = "",
) -> Media:
    """Store an upload only if it decodes as an allowed image within our limits; else a field error.

    Decoder failures of every kind (truncated files, polyglots, oversized chunks, bombs, endless
    animations) end as a Vietnamese message next to `field`, never a 500. The caller commits.
    Callers holding a write transaction pass what prepare_upload returned before it (see there).
    """
    prepared = data if isinstance(data, PreparedImage) else prepare_upload(data, field=field)
    return store_prepared(prepared, alt=alt, uploaded_by=uploaded_by, filename=filename)


def add_image(
    data: bytes, *, alt: str = "", caption: str = "", credit: str = "", uploaded_by: User | None = None
) -> Media:
    """Store an image from trusted code (seeds, fixtures) through the same pipeline; the caller commits."""
    prepared = prepare_upload(data, field="file")
    return store_prepared(prepared, alt=alt, caption=caption, credit=credit, uploaded_by=uploaded_by)


@dataclass(frozen=True)
class PreparedImage:
    """An upload checked and with its files stored, waiting for its row.

    `columns` is None when the same bytes were already in the library: nothing was processed.
    """

    data: bytes
    sha256: str
    field: str
    columns: dict | None = None


def prepare_upload(data: bytes, *, field: str) -> PreparedImage:
    """The slow half of an upload (decode, re-encode, write files): run it before the write transaction.

    On SQLite the write lock is held for the whole transaction; a 27 MP photo takes seconds to
    process, long enough for other writers to time out with "database is locked".
    """
    sha256 = hashlib.sha256(data).hexdigest()
    if _by_sha256(sha256) is not None:
        return PreparedImage(data, sha256, field)
    return PreparedImage(data, sha256, field, _process(data, sha256, _decoded(data, field)))


def prepared_image(data: bytes | None, *, field: str) -> "PreparedImage | None":
    """prepare_upload for an optional file field (a banner, a logo): nothing when none was sent."""
    return prepare_upload(data, field=field) if data else None


def store_prepared(
    prepared: PreparedImage,
    *,
    alt: str = "",
    caption: str = "",
    credit: str = "",
    uploaded_by: User | None = None,
    filename: str = "",
) -> Media:
    """The row for a prepared upload, in the caller's transaction.

    The same bytes stored meanwhile (a double click, another worker) give back that row: checked
    first, and on PostgreSQL caught as the unique sha256 violation inside a savepoint, so the
    caller's transaction goes on.
    """
    existing = _by_sha256(prepared.sha256)
    if existing is not None:
        return existing
    columns = prepared.columns
    if columns is None:  # deleted since it was found; its files stay (content-addressed), rebuild the list
        columns = _process(prepared.data, prepared.sha256, _decoded(prepared.data, prepared.field))
    media = Media(
        **columns,
        alt=clean_line(alt),
        caption=caption,
        credit=clean_line(credit),
        filename=clean_filename(filename),
        uploaded_by=uploaded_by,
    )
    db.session.flush()  # the caller's pending changes stay outside the savepoint
    try:
        with db.session.begin_nested():
            db.session.add(media)
    except IntegrityError:
        existing = _by_sha256(prepared.sha256)
        if existing is None:
            raise
        return existing
    return media


def _decoded(data: bytes, field: str):
    """Decode and check `data` against the configured byte, pixel and frame limits."""
    config = current_app.config
    return decode_upload(
        data,
        field=field,
        max_bytes=config["MAX_IMAGE_BYTES"],
        max_pixels=config["MAX_IMAGE_PIXELS"],
        max_frames=config["MAX_IMAGE_FRAMES"],
    )


def set_focal_point(media: Media, x: float, y: float, *, actor: User | None) -> Media:
    """Move the point teaser crops keep in view (0..1 from the left/top) and regenerate those crops.

    The new crops get new keys (served immutable). The old files stay: cached pages may still
    name them, and the caller's transaction may yet roll back to them.
    """
    crops = focal_crops(media, x, y)
    with write_transaction():
        apply_focal_point(media, x, y, crops, actor=actor)
    return media


def focal_crops(media: Media, x: float, y: float) -> list[dict]:
    """Check the point and write the crops around it: the slow half, to run before a write transaction."""
    try:
        x, y = float(x), float(y)
    except (TypeError, ValueError):
        raise InvalidInput("focal_point", _("The focal point must be inside the image.")) from None
    if not (0 <= x <= 1 and 0 <= y <= 1):
        raise InvalidInput("focal_point", _("The focal point must be inside the image."))
    if media.kind != MediaKind.IMAGE:
        raise InvalidInput("focal_point", _("Only images have a focal point."))
    storage = get_storage()
    with storage.open(media.original_key) as handle, Image.open(handle) as opened:
        opened.load()
        original = opened.copy()
    with _cleanup_on_error(storage, media.sha256) as written:
        return _card_crops(storage, written, media.sha256, original, x, y)


def apply_focal_point(media: Media, x: float, y: float, crops: list[dict], *, actor: User | None) -> None:
    """Name the crops from focal_crops on the row, in the caller's write transaction."""
    media.focal_x, media.focal_y = float(x), float(y)
    media.variants = [v for v in media.variants if not v.get("crop")] + crops
    record("media.focal_point", media, actor=actor, summary=f"{media.focal_x:.3f}, {media.focal_y:.3f}")


def _by_sha256(sha256: str) -> Media | None:
    return db.session.scalar(select(Media).where(Media.sha256 == sha256))


class _cleanup_on_error:
    """Collect the keys written while storing one content's files; delete them if writing fails.

    Never a key the stored row of that content names: keys are content-addressed, so a row committed
    by a concurrent upload of the same bytes (or focal point) may use the very same files. Database
    errors happen after this block and delete nothing; files no row names are reused by a retry.
    """

    def __init__(self, storage: LocalStorage, sha256: str):
        self.storage = storage
        self.sha256 = sha256
        self.written: list[str] = []

    def __enter__(self) -> list[str]:
        return self.written

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None or not self.written:
            return
        row = db.session.execute(
            select(Media.original_key, Media.variants).where(Media.sha256 == self.sha256)
        ).first()
        in_use = {row.original_key, *(v["key"] for v in row.variants)} if row else set()
        for key in self.written:
            if key not in in_use:
                self.storage.delete(key)


def _write(storage: LocalStorage, written: list[str], key: str, data: bytes) -> None:
    if storage.write(key, data):
        written.append(key)


def _process(data: bytes, sha256: str, decoded: Decoded) -> dict:
    """Write the kept original and every variant; the Media columns that describe them."""
    storage = get_storage()
    image = decoded.image
    with _cleanup_on_error(storage, sha256) as written:
        if image.mode == "RGBA":
            original_key, mime = media_key(sha256, "", "png", private=True), "image/png"
            _write(storage, written, original_key, encode(image, "PNG", compress_level=6))
        else:
            original_key, mime = media_key(sha256, "", "jpg", private=True), "image/jpeg"
            _write(storage, written, original_key, encode(image, "JPEG", **ORIGINAL_JPEG_OPTIONS))
        variants = _width_variants(storage, written, sha256, image)
        variants += _card_crops(storage, written, sha256, image, 0.5, 0.5)
    return {
        "kind": MediaKind.IMAGE,
        "sha256": sha256,
        "original_key": original_key,
        "mime": mime,
        "width": image.width,
        "height": image.height,
        "bytes": len(data),
        "variants": variants,
    }


def _width_variants(storage: LocalStorage, written: list[str], sha256: str, image: Image.Image) -> list[dict]:
    variants = []
    for width in variant_widths(image.width, current_app.config["IMAGE_WIDTHS"]):
        # At least one row: a 10,000×2 strip (the GIF/JavaScript polyglot) would otherwise scale to 0.
        scaled = _resize(image, width, max(1, round(image.height * width / image.width)))
        variants += _encode_pair(storage, written, scaled, sha256, f"-{width}")
    return variants


def _card_crops(
    storage: LocalStorage, written: list[str], sha256: str, image: Image.Image, x: float, y: float
) -> list[dict]:
    """16:9 crops for teaser cards, centred on the focal point as far as the image's edges allow."""
    box = _crop_box(image.width, image.height, x, y)
    cropped = image.crop(box)
    tag = f"-card{round(x * 1000):04d}{round(y * 1000):04d}"
    variants = []
    for width in sorted({min(w, cropped.width) for w in CARD_WIDTHS}):
        height = max(1, round(width * CARD_RATIO[1] / CARD_RATIO[0]))
        scaled = _resize(cropped, width, height)
        variants += [
            dict(v, crop="16:9") for v in _encode_pair(storage, written, scaled, sha256, f"{tag}-{width}")
        ]
    return variants


def _crop_box(width: int, height: int, x: float, y: float) -> tuple[int, int, int, int]:
    rw, rh = CARD_RATIO
    crop_w, crop_h = (
        (width, round(width * rh / rw)) if width * rh <= height * rw else (round(height * rw / rh), height)
    )
    crop_w, crop_h = max(1, min(crop_w, width)), max(1, min(crop_h, height))
    left = min(max(round(x * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(y * height - crop_h / 2), 0), height - crop_h)
    return left, top, left + crop_w, top + crop_h


def _resize(image: Image.Image, width: int, height: int) -> Image.Image:
    if (width, height) == image.size:
        return image
    # reducing_gap: a fast box pre-shrink first, then Lanczos; near-identical output, far less time.
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _encode_pair(
    storage: LocalStorage, written: list[str], image: Image.Image, sha256: str, suffix: str
) -> list[dict]:
    """WebP keeps transparency; the JPEG fallback is flattened onto white."""
    variants = []
    for extension, data in (
        ("webp", encode(image, "WEBP", **WEBP_OPTIONS)),
        ("jpg", encode(flatten(image), "JPEG", **JPEG_OPTIONS)),
    ):
        key = media_key(sha256, suffix, extension)
        _write(storage, written, key, data)
        variants.append({"width": image.width, "height": image.height, "format": extension, "key": key})
    return variants


def can_describe(user, media: Media) -> bool:
    """Editors change any file's details; a contributor only the files they uploaded (the file's page
    also lists the articles using it, which may be someone else's unpublished drafts)."""
    if can(user, "media.manage"):
        return True
    return can(user, "media.upload") and media.uploaded_by_id is not None and media.uploaded_by_id == user.id
