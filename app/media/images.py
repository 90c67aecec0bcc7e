"""Decoding untrusted image bytes safely and normalising them into clean 8-bit sRGB pictures.

Nothing of an upload reaches a reader: we decode it, check it against our limits, and keep only
the pixels (orientation applied, colour converted, every metadata block dropped) for re-encoding.
"""

import io
import re
import struct
import warnings
from dataclasses import dataclass

from flask_babel import gettext as _
from PIL import Image, ImageCms, ImageOps

from app.core.errors import InvalidInput

UPLOAD_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")

# Markup a browser would sniff or run if the bytes ever reached it unprocessed: a polyglot JPEG/HTML
# decodes as a photo yet carries a page. Compressed pixel data matching these by chance is vanishingly rare.
# Videos and subtitles, which are stored as uploaded, are refused on the same markers.
MARKUP = re.compile(rb"<(?:script|html|svg|body|iframe|object|embed|!doctype|\?php)\b", re.IGNORECASE)
MARKUP_MAX_LENGTH = len(b"<!doctype") + 1  # the longest marker and its word boundary

# Decoders raise all of these on hostile input (oversized text chunks give ValueError, broken
# headers struct.error or SyntaxError); DecompressionBombWarning is turned into an error below.
DECODER_ERRORS = (
    OSError,
    ValueError,
    SyntaxError,
    EOFError,
    struct.error,
    IndexError,
    TypeError,
    MemoryError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)

_SRGB = ImageCms.createProfile("sRGB")


@dataclass
class Decoded:
    image: Image.Image  # normalised: mode RGB or RGBA, no metadata
    format: str  # the decoder that recognised the bytes: JPEG, PNG, WEBP or GIF


def not_an_image(field: str) -> InvalidInput:
    return InvalidInput(
        field, _("This file is not an image we can use. Please upload a JPEG, PNG, WebP or GIF photo.")
    )


def too_many_pixels(field: str, max_pixels: int) -> InvalidInput:
    return InvalidInput(
        field,
        _("The image has too many pixels (at most %(mp)s megapixels).", mp=f"{max_pixels / 1_000_000:g}"),
    )


def decode_upload(data: bytes, *, field: str, max_bytes: int, max_pixels: int, max_frames: int) -> Decoded:
    """Verify `data` is one of our four formats within our limits and return its normalised pixels.

    The name and the claimed type of the upload are never consulted: only the bytes decide.
    """
    if not data:
        raise InvalidInput(field, _("The file is empty."))
    if len(data) > max_bytes:
        raise InvalidInput(
            field, _("The file is too large (maximum %(mb)s MB).", mb=round(max_bytes / 1024 / 1024))
        )
    if MARKUP.search(data):
        raise not_an_image(field)
    # Pillow only raises above twice its limit and merely warns below; we refuse at the limit itself.
    pillow_limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=UPLOAD_FORMATS) as opened:
                if opened.format not in UPLOAD_FORMATS:
                    raise not_an_image(field)
                width, height = opened.size
                if width < 1 or height < 1:
                    raise not_an_image(field)
                if width * height > max_pixels:
                    raise too_many_pixels(field, max_pixels)
                if _has_more_frames_than(opened, max_frames):
                    raise InvalidInput(
                        field, _("The animation has too many frames (at most %(count)s).", count=max_frames)
                    )
                # Animated GIF/WebP: the first frame becomes a still; articles show photos, not clips.
                opened.load()
                return Decoded(normalise(opened), opened.format)
    except InvalidInput:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels(field, max_pixels) from None
    except DECODER_ERRORS:
        raise not_an_image(field) from None
    finally:
        Image.MAX_IMAGE_PIXELS = pillow_limit


def _has_more_frames_than(image: Image.Image, limit: int) -> bool:
    """Whether an animation has more than `limit` frames, found without decoding them.

    WebP states its frame count in its header. GIF does not: we walk its block headers with the
    decoder-free step Pillow's own `n_frames` uses (public `seek()` would decode every frame, and
    300 frames of a 50-megapixel canvas is a CPU bomb), stopping at `limit`.
    """
    if not getattr(image, "is_animated", False):
        return False
    if image.format != "GIF":
        return image.n_frames > limit
    try:
        for frame in range(1, limit + 1):
            image._seek(frame, False)
    except EOFError:
        return False
    finally:
        image.seek(0)
    return True


def normalise(image: Image.Image) -> Image.Image:
    """Orientation applied, colours in 8-bit sRGB (RGBA only where transparency matters), no metadata."""
    icc = image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image)
    if image.mode in ("I", "F") or image.mode.startswith("I;16"):
        # 16-bit greyscale: scale to 8 bits rather than let convert() clip everything above 255 to white.
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
    if has_alpha:
        image = image.convert("RGBA")
        if image.getchannel("A").getextrema() == (255, 255):
            image = image.convert("RGB")
    elif image.mode in ("CMYK", "RGB") and icc:
        image = _to_srgb(image, icc)
    else:
        image = image.convert("RGB")
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGB")
    image.info = {}
    return image


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    """Convert through the embedded profile (CMYK print, wide-gamut phones); plain convert() if broken."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image.convert("RGB")


def flatten(image: Image.Image) -> Image.Image:
    """RGB for JPEG: transparency onto white."""
    if image.mode != "RGBA":
        return image
    flat = Image.new("RGB", image.size, "white")
    flat.paste(image, mask=image.getchannel("A"))
    return flat


def encode(image: Image.Image, pil_format: str, **options) -> bytes:
    """Re-encode pixels only: an empty exif/icc is passed so no encoder copies metadata from anywhere."""
    buffer = io.BytesIO()
    image.save(buffer, pil_format, exif=b"", **options)
    return buffer.getvalue()
