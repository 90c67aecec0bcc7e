"""The image pipeline: hostile files refused with a message and nothing stored; good files cleaned."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from flask import current_app
from PIL import Image, ImageCms, PngImagePlugin
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.extensions import db as _db
from app.media import services
from app.media.models import Media
from app.media.services import add_uploaded_image, clean_filename, set_focal_point
from app.public.context import image_sources
from tests.factories import make_user


@pytest.fixture(autouse=True)
def media_root(app, tmp_path, monkeypatch) -> Path:
    """A fresh MEDIA_ROOT per test, so "nothing stored" means an empty folder."""
    root = tmp_path / "media"
    monkeypatch.setitem(app.config, "MEDIA_ROOT", str(root))
    return root


def stored_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def media_count() -> int:
    return _db.session.scalar(select(func.count()).select_from(Media))


def upload(data: bytes, filename: str = "") -> Media:
    with write_transaction():
        return add_uploaded_image(data, field="file", alt="Ảnh", filename=filename)


def noisy(size=(120, 80), seed=1) -> Image.Image:
    """Photo-like content (not one flat colour) so each test's bytes differ."""
    image = Image.effect_noise(size, 40 + seed).convert("RGB")
    return Image.merge(
        "RGB", (image.getchannel(0), Image.new("L", size, seed * 7 % 256), image.getchannel(2))
    )


def smooth(size, seed) -> Image.Image:
    """A large but cheap-to-encode picture (flat areas), distinct per seed."""
    image = Image.new("RGB", size, (seed * 11 % 256, 120, 60))
    image.paste((250, 250, 250), (0, 0, size[0] // 3, size[1] // 3))
    return image


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims enormous dimensions."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")
    )


def png_bomb() -> bytes:
    """81 megapixels of zeros in a few kilobytes: above our 50 MP but below Pillow's own 2× error."""
    return encoded(Image.new("1", (9000, 9000)), "PNG")


def png_with_huge_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("comment", "a" * (PngImagePlugin.MAX_TEXT_CHUNK + 10), zip=True)
    return encoded(noisy(), "PNG", pnginfo=info)


def gif_with_frames(count: int, canvas=(2, 2)) -> bytes:
    """An animated GIF of `count` frames, built by repeating one tiny frame's blocks (fast to generate)."""
    first = encoded(Image.new("L", canvas, 0), "GIF")
    tiny = encoded(Image.new("L", (2, 2), 0), "GIF")
    return first[:-1] + tiny[tiny.index(b"\x2c") : -1] * (count - 1) + b"\x3b"


def jpeg() -> bytes:
    return encoded(noisy(seed=3), "JPEG")


BAD_FILES = {
    "zero bytes": lambda: b"",
    "truncated JPEG": lambda: jpeg()[:300],
    "SVG with script": lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "HTML": lambda: b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
    "PDF": lambda: b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF",
    "HTML appended to a JPEG": lambda: jpeg() + b"<html><script>alert(document.cookie)</script></html>",
    "HTML prepended to a JPEG": lambda: b"<html><script>alert(1)</script>" + jpeg(),
    "huge dimensions": lambda: png_header_claiming(100_000, 100_000),
    "PNG decompression bomb": png_bomb,
    "oversized PNG text chunk": png_with_huge_text,
    "10,000-frame GIF": lambda: gif_with_frames(10_000),
    # Decoding 300 frames of this canvas takes seconds: the count must come from headers alone.
    "301 frames on a 9-megapixel canvas": lambda: gif_with_frames(301, canvas=(3000, 3000)),
    "BMP (not an allowed format)": lambda: encoded(noisy(), "BMP"),
    "TIFF (not an allowed format)": lambda: encoded(noisy(), "TIFF"),
}


@pytest.mark.parametrize("make", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_files_are_refused_with_a_message_and_nothing_is_stored(db, media_root, make):
    with pytest.raises(InvalidInput) as refused:
        upload(make(), filename="photo.jpg")
    assert refused.value.field == "file"
    assert refused.value.message
    assert media_count() == 0
    assert stored_files(media_root) == []


def test_messages_are_in_vietnamese(app, db):
    with app.test_request_context(headers={"Accept-Language": "vi"}), pytest.raises(InvalidInput) as refused:
        upload(b"%PDF-1.4")
    assert "Tệp này không phải là ảnh" in refused.value.message


def test_the_byte_limit_is_enforced_by_the_pipeline_too(app, db, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_IMAGE_BYTES", 1000)
    with pytest.raises(InvalidInput, match="MB"):
        upload(encoded(noisy((200, 200)), "PNG"))


def test_the_pixel_limit_is_configurable(app, db, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_IMAGE_PIXELS", 100 * 80 - 1)
    with pytest.raises(InvalidInput, match="megapixel"):
        upload(encoded(noisy((100, 80)), "PNG"))


def test_a_gif_with_a_few_frames_is_kept_as_its_first_frame(db):
    frames = [Image.new("RGB", (40, 30), color) for color in ("red", "lime", "blue")]
    media = upload(encoded(frames[0], "GIF", save_all=True, append_images=frames[1:]))
    assert (media.width, media.height) == (40, 30)
    with Image.open(media_path(media, "jpg")) as stored:
        assert getattr(stored, "n_frames", 1) == 1
        red, green, _blue = stored.convert("RGB").getpixel((20, 15))
        assert red > 200 and green < 60


def test_the_name_and_claimed_type_are_never_trusted(db):
    """A PNG called .gif is a PNG; the decoder decides, not the extension."""
    media = upload(encoded(noisy(seed=5), "PNG"), filename="holiday.gif")
    assert media.filename == "holiday.gif"
    assert media.variants


def media_path(media: Media, fmt: str, crop: str | None = None) -> Path:

    variant = max(
        (v for v in media.variants if v["format"] == fmt and v.get("crop") == crop), key=lambda v: v["width"]
    )
    return Path(current_app.config["MEDIA_ROOT"]) / variant["key"]


def jpeg_with_gps_and_orientation_6() -> bytes:
    image = noisy((64, 32), seed=9)
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x010F] = "Camera maker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (10.0, 45.0, 30.0), "E", (106.0, 40.0, 12.0)
    return encoded(image, "JPEG", exif=exif.tobytes(), icc_profile=b"\x00" * 128)


def test_a_photo_is_turned_upright_and_no_stored_file_keeps_its_metadata(db, media_root):
    media = upload(jpeg_with_gps_and_orientation_6())
    assert (media.width, media.height) == (32, 64)
    files = stored_files(media_root)
    assert len(files) == 1 + len(media.variants)
    for path in files:
        data = path.read_bytes()
        assert b"Camera maker" not in data
        with Image.open(path) as stored:
            assert not stored.getexif()
            assert "exif" not in stored.info and "icc_profile" not in stored.info and "xmp" not in stored.info
            if "card" not in path.name:
                assert stored.height > stored.width


def test_a_cmyk_jpeg_becomes_rgb(db):
    media = upload(encoded(Image.new("CMYK", (50, 40), (0, 255, 255, 0)), "JPEG"))
    with Image.open(media_path(media, "jpg")) as stored:
        assert stored.mode == "RGB"
        red, green, blue = stored.getpixel((25, 20))
        assert red > 200 and green < 80 and blue < 80


def test_a_16_bit_png_is_scaled_to_8_bits_rather_than_clipped_to_white(db):
    media = upload(encoded(Image.new("I;16", (50, 40), 40_000), "PNG"))
    with Image.open(media_path(media, "webp")) as stored:
        assert stored.mode == "RGB"
        assert abs(stored.getpixel((25, 20))[0] - 40_000 // 256) <= 3


def test_transparency_stays_in_webp_and_is_flattened_onto_white_in_jpeg(db):
    image = Image.new("RGBA", (60, 40), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (0, 0, 30, 40))
    media = upload(encoded(image, "PNG"))
    with Image.open(media_path(media, "webp")) as webp:
        assert webp.mode == "RGBA" and webp.getpixel((50, 20))[3] == 0
    with Image.open(media_path(media, "jpg")) as jpg:
        assert jpg.mode == "RGB" and min(jpg.getpixel((50, 20))) > 240
    assert media.mime == "image/png" and media.original_key.endswith(".png")


def test_variants_are_made_at_each_width_in_both_formats_without_upscaling(app, db):
    big = upload(encoded(smooth((1000, 500), 11), "PNG"))
    whole = [(v["width"], v["height"], v["format"]) for v in big.variants if not v.get("crop")]
    assert sorted(whole) == [(320, 160, "jpg"), (320, 160, "webp"), (640, 320, "jpg"), (640, 320, "webp")]
    small = upload(encoded(noisy((200, 100), seed=12), "PNG"))
    assert {v["width"] for v in small.variants if not v.get("crop")} == {200}


def test_teaser_cards_get_16_9_crops(db):
    media = upload(encoded(smooth((700, 700), 13), "PNG"))
    crops = sorted((v["width"], v["height"], v["format"]) for v in media.variants if v.get("crop") == "16:9")
    assert crops == [(320, 180, "jpg"), (320, 180, "webp"), (640, 360, "jpg"), (640, 360, "webp")]


def test_image_sources_give_the_whole_picture_by_default_and_the_card_crop_on_request(app, db):
    media = upload(encoded(smooth((700, 700), 14), "PNG"))
    with app.test_request_context():
        whole, card = image_sources(media), image_sources(media, crop="16:9")
    assert "card" not in whole["webp"] and (whole["width"], whole["height"]) == (640, 640)
    assert "card" in card["webp"] and (card["width"], card["height"]) == (640, 360)


def test_moving_the_focal_point_recrops_the_cards_and_is_audited(app, db, media_root):
    media = upload(encoded(smooth((700, 700), 15), "PNG"))
    old_keys = {v["key"] for v in media.variants if v.get("crop")}
    editor = make_user()
    set_focal_point(media, 0.5, 0.0, actor=editor)
    new_keys = {v["key"] for v in media.variants if v.get("crop")}
    assert (media.focal_x, media.focal_y) == (0.5, 0.0)
    assert new_keys and not new_keys & old_keys
    assert all((media_root / key).is_file() for key in new_keys)
    actions = _db.session.scalars(select(AuditEvent.action).where(AuditEvent.object_id == media.id)).all()
    assert "media.focal_point" in actions


def test_the_focal_point_keeps_the_top_of_the_picture_in_the_card(db):
    image = Image.new("RGB", (400, 800), "blue")
    image.paste("red", (0, 0, 400, 100))
    media = upload(encoded(image, "PNG"))
    set_focal_point(media, 0.5, 0.0, actor=None)
    with Image.open(media_path(media, "jpg", crop="16:9")) as card:
        red, _green, blue = card.getpixel((card.width // 2, 2))
        assert red > 200 and blue < 60


@pytest.mark.parametrize("point", [(-0.1, 0.5), (0.5, 1.5), ("x", 0.5)])
def test_a_focal_point_outside_the_image_is_refused(db, point):
    media = upload(encoded(noisy(seed=16), "PNG"))
    with pytest.raises(InvalidInput):
        set_focal_point(media, *point, actor=None)


def test_the_same_bytes_uploaded_twice_are_stored_once(db, media_root):
    data = encoded(noisy(seed=17), "JPEG")
    first = upload(data)
    files = stored_files(media_root)
    second = upload(data)
    assert second.id == first.id
    assert media_count() == 1
    assert stored_files(media_root) == files


def test_the_original_is_kept_privately_without_metadata(db, media_root):
    media = upload(jpeg_with_gps_and_orientation_6())
    assert media.original_key.startswith("private/")
    with Image.open(media_root / media.original_key) as original:
        assert original.size == (32, 64) and not original.getexif()


def failing_after(calls: int, real):
    count = {"n": 0}

    def fail(*args, **kwargs):
        count["n"] += 1
        if count["n"] > calls:
            raise OSError("disk full")
        return real(*args, **kwargs)

    return fail


@pytest.mark.parametrize("calls", [0, 1, 4])
def test_a_failing_encoder_leaves_no_files_and_no_row(db, media_root, monkeypatch, calls):
    monkeypatch.setattr(services, "encode", failing_after(calls, services.encode))
    with pytest.raises(OSError):
        upload(encoded(noisy(seed=18), "PNG"))
    assert stored_files(media_root) == []
    assert media_count() == 0


@pytest.mark.parametrize("calls", [0, 3])
def test_a_failing_rename_leaves_no_temp_files_and_no_row(db, media_root, monkeypatch, calls):
    import app.media.storage as storage

    monkeypatch.setattr(storage.os, "replace", failing_after(calls, storage.os.replace))
    with pytest.raises(OSError):
        upload(encoded(noisy(seed=19), "PNG"))
    assert stored_files(media_root) == []  # rglob("*") includes hidden .upload-* temp files
    assert media_count() == 0


HOSTILE_NAMES = {
    "../../etc/passwd": "passwd",
    "C:\\Windows\\evil.jpg": "evil.jpg",
    "<script>.jpg": "<script>.jpg",
    "a\x00b.jpg": "ab.jpg",
    "photo\u202egpj.exe": "photogpj.exe",
    "Ho\u0302\u0300i an.jpg": "Hồi an.jpg",
    "  ...  ": "",
}


@pytest.mark.parametrize(("name", "cleaned"), HOSTILE_NAMES.items(), ids=range(len(HOSTILE_NAMES)))
def test_hostile_filenames_are_cleaned_to_a_plain_label(name, cleaned):
    assert clean_filename(name) == cleaned


def test_a_very_long_filename_is_cut_to_255_characters_and_stored(db):
    media = upload(encoded(noisy(seed=20), "PNG"), filename="/tmp/" + "ả" * 1000 + "\n.jpg")
    assert media.filename == "ả" * 255
    assert "/" not in media.filename


def test_an_embedded_colour_profile_is_applied_then_dropped(db):
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    media = upload(encoded(Image.new("RGB", (50, 40), (30, 120, 200)), "JPEG", icc_profile=srgb))
    with Image.open(media_path(media, "jpg")) as stored:
        assert "icc_profile" not in stored.info
        assert all(abs(a - b) <= 6 for a, b in zip(stored.getpixel((25, 20)), (30, 120, 200), strict=True))


def test_card_sources_fall_back_to_the_whole_picture_for_images_without_crops(app, db):
    media = upload(encoded(noisy(seed=21), "PNG"))
    media.variants = [v for v in media.variants if not v.get("crop")]
    with app.test_request_context():
        assert image_sources(media, crop="16:9") == image_sources(media)


def test_a_failed_recrop_keeps_the_old_focal_point_and_leaves_no_new_files(db, media_root, monkeypatch):
    media = upload(encoded(smooth((700, 700), 22), "PNG"))
    files = stored_files(media_root)
    monkeypatch.setattr(services, "encode", failing_after(2, services.encode))
    with pytest.raises(OSError):
        set_focal_point(media, 0.1, 0.9, actor=None)
    _db.session.refresh(media)
    assert (media.focal_x, media.focal_y) == (0.5, 0.5)
    assert stored_files(media_root) == files
