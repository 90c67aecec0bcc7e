"""Upload fuzzing: one hostile corpus thrown at every upload entry point of the back office.

Each entry point (media library, article cover, photo-story gallery, video poster, section banner,
site logo, campaign banner, video file, subtitles) gets every case of the table below over HTTP,
as a browser or curl would send it. Afterwards the whole temporary folder around MEDIA_ROOT is
audited: no server error, each refusal a 4xx with a Vietnamese message, every stored file a clean
re-encoding (or a magic-checked video / WebVTT file) without metadata or smuggled markup, nothing
written outside the media root, and every served file typed explicitly with nosniff.
The corpus is generated here (bombs are tiny files whose headers lie), so the run stays fast.
"""

import functools
import io
import os
import re
import struct
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from PIL import Image, ImageCms
from sqlalchemy import func, select

from app.extensions import db as _db
from app.media.models import Media, MediaKind
from app.media.services import clean_filename
from app.media.videos import HEADER_BYTES, container_of
from app.media.views import CONTENT_TYPES
from tests.factories import make_article, make_campaign, make_section
from tests.pages import csrf_token, parse

# --------------------------------------------------------------------------------------------------
# The corpus: byte generators


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def picture(seed: int, size=(48, 32), mode="RGB") -> Image.Image:
    """A small picture whose bytes differ per seed (deduplication must not hide a case)."""
    image = Image.new("RGB", size, (seed * 37 % 256, seed * 91 % 256, 120))
    image.paste((250, 250, 250), (0, 0, 1 + seed % (size[0] - 1), size[1] // 2))
    return image.convert(mode)


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_with_chunks(seed: int, *chunks: bytes) -> bytes:
    """A valid PNG with extra chunks inserted right after IHDR."""
    data = encoded(picture(seed), "PNG")
    end_of_ihdr = 8 + 8 + 13 + 4
    return data[:end_of_ihdr] + b"".join(chunks) + data[end_of_ihdr:]


def png_claiming(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def jpeg_claiming(width: int, height: int) -> bytes:
    data = bytearray(encoded(picture(3), "JPEG"))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def webp_claiming(width: int, height: int) -> bytes:
    """A lossless WebP whose VP8L header states 14-bit dimensions of our choosing."""
    data = bytearray(encoded(picture(4, (2, 2)), "WEBP", lossless=True))
    header = data.index(b"VP8L") + 9  # chunk id, size, then the 0x2f signature
    bits = struct.unpack("<I", data[header : header + 4])[0] & ~((1 << 28) - 1)
    data[header : header + 4] = struct.pack("<I", bits | (width - 1) | ((height - 1) << 14))
    return bytes(data)


def gif_frames(count: int, canvas: tuple[int, int] = (2, 2)) -> bytes:
    """An animated GIF of `count` 2×2 frames on a logical screen of `canvas`, built from repeated blocks."""
    tiny = encoded(Image.new("L", (2, 2), 0), "GIF")
    frame = tiny[tiny.index(b"\x2c") : -1]
    head = bytearray(tiny[: tiny.index(b"\x2c")])
    head[6:10] = struct.pack("<HH", *canvas)
    return bytes(head) + frame * count + b"\x3b"


def animated_webp() -> bytes:
    frames = [picture(seed, (4, 4)) for seed in range(302)]
    return encoded(frames[0], "WEBP", save_all=True, append_images=frames[1:], lossless=True)


def gif_js_polyglot() -> bytes:
    """`GIF89a/*…*/=alert(1)`: a GIF header that is also the start of a JavaScript comment."""
    data = bytearray(encoded(picture(5, (2, 2), "L"), "GIF"))
    data[6:8] = b"/*"
    return bytes(data) + b"*/=alert(1);"


def zip_of(name: str, text: bytes, method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr(name, text)
    return buffer.getvalue()


GPS = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 2.0)}
XMP_GPS = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="21,1.5N"'
    b' exif:GPSLongitude="105,51.0E" exif:UserComment="javascript:alert(1)"/></rdf:RDF></x:xmpmeta>'
)
XMP_SCRIPT = XMP_GPS.replace(b"/></rdf:RDF>", b"><script>alert(1)</script></rdf:Description></rdf:RDF>")


def exif_gps(description: str = "Phố cổ", comment: bytes = b"") -> Image.Exif:
    exif = Image.Exif()
    exif[0x010E] = description  # ImageDescription
    exif[0x8825] = GPS
    if comment:
        exif[0x8769] = {0x9286: b"ASCII\x00\x00\x00" + comment}  # UserComment
    return exif


def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200
PHP = b"<?php system($_GET['c']); ?>"
SCRIPT = b"<script>alert(1)</script>"

# --------------------------------------------------------------------------------------------------
# The case table


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[], bytes]
    filename: str = "anh.jpg"
    mime: str = "image/jpeg"
    stored: bool = False  # True: the pipeline keeps a clean re-encoding; False: refused, nothing kept

    @functools.cached_property
    def data(self) -> bytes:
        """Made once per run: every entry point gets the same bytes (and the bombs cost one compression)."""
        return self.make()


def valid(seed: int, filename: str, mime: str = "image/png", fmt: str = "PNG") -> Case:
    """A genuine small image under a hostile name or a wrong type: stored, under a server-made key."""
    label = f"valid {fmt} named {filename[:40]!r} as {mime or 'no type'}"
    return Case(label, lambda: encoded(picture(seed), fmt), filename, mime, True)


IMAGE_CASES = [
    # decompression bombs: tiny files, enormous claims
    Case("PNG claiming 100000×100000", lambda: png_claiming(100_000, 100_000), "bomb.png", "image/png"),
    Case("JPEG claiming 65500×65500", lambda: jpeg_claiming(65_500, 65_500)),
    Case("WebP claiming 16384×16384", lambda: webp_claiming(16_384, 16_384), "bomb.webp", "image/webp"),
    Case("GIF screen of 65535×65535", lambda: gif_frames(1, (65_535, 65_535)), "bomb.gif", "image/gif"),
    Case(
        "PNG with a 16 MB zTXt bomb",
        lambda: png_with_chunks(
            6, png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"A" * 16_000_000, 9))
        ),
        "text.png",
        "image/png",
    ),
    Case(
        "PNG with a 16 MB iTXt bomb",
        lambda: png_with_chunks(
            7, png_chunk(b"iTXt", b"Comment\x00\x01\x00\x00\x00" + zlib.compress(b"B" * 16_000_000, 9))
        ),
        "text.png",
        "image/png",
    ),
    Case(
        "GIF of 301 frames on a 49 MP screen", lambda: gif_frames(301, (7000, 7000)), "anim.gif", "image/gif"
    ),
    Case("GIF of 20,000 frames", lambda: gif_frames(20_000), "anim.gif", "image/gif"),
    Case("GIF of 50 frames on a 64 MP screen", lambda: gif_frames(50, (8000, 8000)), "anim.gif", "image/gif"),
    Case("animated WebP of 302 frames", animated_webp, "anim.webp", "image/webp"),
    # truncated files
    Case("truncated JPEG", lambda: encoded(Image.effect_noise((64, 64), 50), "JPEG")[:400]),
    Case("truncated PNG (IHDR only)", lambda: encoded(picture(8), "PNG")[:33], "cut.png", "image/png"),
    Case(
        "truncated PNG (half the data)",
        lambda: encoded(Image.effect_noise((64, 64), 50), "PNG")[:900],
        "cut.png",
    ),
    Case("truncated GIF", lambda: encoded(picture(9, mode="L"), "GIF")[:20], "cut.gif", "image/gif"),
    Case("truncated WebP", lambda: encoded(picture(10), "WEBP")[:30], "cut.webp", "image/webp"),
    # polyglots
    # A real 10799×2 GIF to the decoder: kept as a re-encoding in which the script does not survive.
    Case("GIF/JavaScript polyglot", gif_js_polyglot, "x.gif", "image/gif", stored=True),
    Case("JPEG with an HTML page appended", lambda: encoded(picture(11), "JPEG") + b"<html><body>" + SCRIPT),
    Case("JPEG with PHP in its comment", lambda: encoded(picture(12), "JPEG", comment=PHP)),
    Case(
        "PNG with PHP in a text chunk", lambda: png_with_chunks(13, png_chunk(b"tEXt", b"Comment\x00" + PHP))
    ),
    Case("PDF with a JPEG appended", lambda: b"%PDF-1.4\n1 0 obj<<>>endobj\n" + encoded(picture(14), "JPEG")),
    Case(
        "PNG with a ZIP of PHP appended (stored ZIP)",
        lambda: encoded(picture(15), "PNG") + zip_of("s.php", PHP, zipfile.ZIP_STORED),
        "z.png",
        "image/png",
    ),
    Case(
        "PNG with a deflated ZIP appended",
        lambda: encoded(picture(16), "PNG") + zip_of("s.txt", b"payload " * 50),
        "z.png",
        "image/png",
        stored=True,
    ),
    Case(
        "JPEG with a PDF JavaScript action appended",
        lambda: encoded(picture(17), "JPEG") + b"%PDF-1.4\n1 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj",
        stored=True,
    ),
    # SVG
    Case(
        "SVG with a script",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg">' + SCRIPT + b"</svg>",
        "a.svg",
        "image/svg+xml",
    ),
    Case(
        "SVG with an XXE entity",
        lambda: (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
        ),
        "x.svg",
        "image/svg+xml",
    ),
    Case(
        "SVG with an external href, named .png",
        lambda: (
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            b'<image xlink:href="https://evil.example/track.png" width="1" height="1"/></svg>'
        ),
        "x.png",
        "image/png",
    ),
    # disguised files
    Case("HTML named .jpg", lambda: b"<!DOCTYPE html><html><body>" + SCRIPT + b"</body></html>"),
    Case("PHP named .png", lambda: PHP, "shell.png", "image/png"),
    Case("PHP after a GIF signature", lambda: b"GIF89a" + PHP, "shell.gif", "image/gif"),
    Case("ELF executable named .jpg", lambda: ELF),
    Case("ZIP named .png", lambda: zip_of("a.txt", b"hello"), "a.png", "image/png"),
    Case("shell script named .jpg", lambda: b"#!/bin/sh\nrm -rf / --no-preserve-root\n"),
    Case(
        "Windows executable named .gif",
        lambda: b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00",
        "a.gif",
        "image/gif",
    ),
    Case("BMP named .jpg", lambda: encoded(picture(18), "BMP")),
    Case("TIFF named .png", lambda: encoded(picture(19), "TIFF"), "a.png", "image/png"),
    Case("empty file", lambda: b"", "empty.jpg"),
    Case("one space", lambda: b" ", "space.png", "image/png"),
    # metadata: kept pixels, dropped metadata
    Case("JPEG with EXIF GPS", lambda: encoded(picture(20), "JPEG", exif=exif_gps()), stored=True),
    Case(
        "JPEG with a script in ImageDescription",
        lambda: encoded(picture(21), "JPEG", exif=exif_gps(SCRIPT.decode())),
    ),
    Case(
        "JPEG with javascript: in UserComment",
        lambda: encoded(picture(22), "JPEG", exif=exif_gps(comment=b"javascript:alert(1)")),
        stored=True,
    ),
    Case("JPEG with GPS in XMP", lambda: encoded(picture(23), "JPEG", xmp=XMP_GPS), stored=True),
    Case("JPEG with a script in XMP", lambda: encoded(picture(24), "JPEG", xmp=XMP_SCRIPT)),
    Case(
        "JPEG with a comment",
        lambda: encoded(picture(25), "JPEG", comment=b"javascript:alert(1)"),
        stored=True,
    ),
    Case(
        "JPEG with an ICC profile",
        lambda: encoded(picture(26), "JPEG", icc_profile=srgb_profile()),
        stored=True,
    ),
    Case(
        "JPEG with a broken ICC profile",
        lambda: encoded(picture(27), "JPEG", icc_profile=b"garbage" * 40),
        stored=True,
    ),
    Case(
        "PNG with eXIf, text and XMP",
        lambda: png_with_chunks(
            28,
            png_chunk(b"eXIf", exif_gps().tobytes()),
            png_chunk(b"tEXt", b"Comment\x00javascript:alert(1)"),
            png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + XMP_GPS),
        ),
        "meta.png",
        "image/png",
        stored=True,
    ),
    Case(
        "WebP with EXIF and XMP",
        lambda: encoded(picture(29), "WEBP", exif=exif_gps(), xmp=XMP_GPS),
        "m.webp",
        "image/webp",
        stored=True,
    ),
    Case(
        "GIF with a comment, 5 frames",
        lambda: encoded(
            picture(30, mode="L"),
            "GIF",
            comment=b"javascript:alert(1)",
            save_all=True,
            append_images=[picture(31, mode="L")] * 4,
        ),
        "c.gif",
        "image/gif",
        stored=True,
    ),
    # hostile names and types on genuine images
    valid(40, "../../etc/passwd.jpg", "image/jpeg", "JPEG"),
    valid(41, "..\\..\\x.png"),
    valid(42, "/etc/cron.d/evil.png"),
    valid(43, "C:\\Windows\\System32\\evil.png"),
    valid(44, "a\x00.php.png"),
    valid(45, "x" * 5000 + ".png"),
    valid(46, "invoice\u202egnp.exe"),
    valid(47, '"><img src=x onerror=alert(1)>.jpg', "image/jpeg", "JPEG"),
    valid(48, "CON"),
    valid(49, "NUL.png"),
    valid(50, ".htaccess"),
    valid(51, "shell.php", "application/x-php"),
    valid(52, "page.html", "text/html"),
    valid(53, "photo.png", "image/svg+xml", "WEBP"),
    valid(54, "no-type.gif", "", "GIF"),
]

VIDEO_CASES = [
    Case("MP4 carrying an HTML page", lambda: mp4(b"<html><body>" + SCRIPT), "clip.mp4", "video/mp4"),
    Case("WebM carrying PHP", lambda: webm(PHP), "clip.webm", "video/webm"),
    Case(
        # The first 4096 bytes are read as the header: "<scr" ends that chunk, "ipt>" starts the next.
        "MP4 with a script split over two chunks",
        lambda: mp4(b"\x00" * (HEADER_BYTES - len(mp4(b"")) - 4) + SCRIPT + b"\x00" * 5000),
        "c.mp4",
        "video/mp4",
    ),
    Case(
        "MP4 named ../../etc/passwd.mp4",
        lambda: mp4(bytes(range(256)) * 40),
        "../../etc/passwd.mp4",
        "video/mp4",
        True,
    ),
    Case(
        "WebM named with a script",
        lambda: webm(bytes(range(255, -1, -1)) * 40),
        '"><img src=x onerror=alert(1)>.webm',
        "video/webm",
        True,
    ),
]

SUBTITLE_CASES = [
    Case(
        "WebVTT with a script tag",
        lambda: b"WEBVTT\n\n00:00.000 --> 00:01.000\n" + SCRIPT + b"\n",
        "s.vtt",
        "text/vtt",
    ),
    Case(
        "WebVTT with PHP", lambda: b"WEBVTT\n\n00:00.000 --> 00:01.000\n" + PHP + b"\n", "s.vtt", "text/vtt"
    ),
    Case("HTML named .vtt", lambda: b"<!DOCTYPE html><html>" + SCRIPT, "s.vtt", "text/vtt"),
    Case(
        "WebVTT with voice and bold cue tags",
        lambda: "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Bà Lan><b>Xin chào</b>\n".encode(),
        "../../s.vtt",
        "text/html",
        True,
    ),
]

EBML_WEBM = bytes.fromhex("1a45dfa39f4286810142f7810142f2810442f381084287810242858102428284") + b"webm"


def mp4(payload: bytes) -> bytes:
    return b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2\x00\x00\x00\x08free" + payload


def webm(payload: bytes) -> bytes:
    return EBML_WEBM + b"\x18\x53\x80\x67\x01" + payload


# --------------------------------------------------------------------------------------------------
# The entry points


@dataclass
class Target:
    url: str
    form_url: str  # the page whose CSRF token the form posts
    file_field: str
    fields: dict = field(default_factory=dict)
    json: bool = False


def library(client) -> Target:
    return Target("/admin/media/upload", "/admin/media/", "file", json=True)


def cover(client) -> Target:
    section = make_section()
    fields = {"title": "Bài thử", "lead": "Tóm tắt.", "body": "<p>Đoạn.</p>", "section_id": str(section.id)}
    return Target("/admin/articles/new", "/admin/articles/new", "cover", fields | {"format": "standard"})


def gallery(client) -> Target:
    article = make_article(section=make_section(kind="photo"), status="draft", format="photo")
    url = f"/admin/articles/{article.id}/gallery"
    return Target(url + "/add", url, "photos")


def video_article(client):
    return make_article(format="video", status="draft")


def poster(client) -> Target:
    url = f"/admin/articles/{video_article(client).id}/video"
    return Target(url + "/poster", url, "poster")


def video_file(client) -> Target:
    url = f"/admin/articles/{video_article(client).id}/video"
    return Target(url + "/file", url, "file")


def subtitles(client) -> Target:
    url = f"/admin/articles/{video_article(client).id}/video"
    return Target(url + "/subtitles", url, "subtitles")


def section_banner(client) -> Target:
    section = make_section("Chuyên mục", kind="column")
    url = f"/admin/sections/{section.id}"
    return Target(url, url, "banner", {"name": "Chuyên mục", "slug": section.slug, "kind": "column"})


def site_logo(client) -> Target:
    fields = {"site_name": "Cổng thông tin", "governing_agency": "UBND", "email": "a@b.vn"}
    return Target("/admin/settings/", "/admin/settings/", "logo", fields)


def campaign_banner(client) -> Target:
    campaign = make_campaign()
    url = f"/admin/campaigns/{campaign.id}"
    fields = {
        "title": campaign.title,
        "slug": campaign.slug,
        "description": "Mô tả.",
        "goals": "Một",
        "starts_on": "2026-03-01",
        "ends_on": "2026-06-30",
    }
    return Target(url, url, "banner", fields)


IMAGE_ENTRIES = {
    "media library": library,
    "article cover": cover,
    "photo-story gallery": gallery,
    "video poster": poster,
    "section banner": section_banner,
    "site logo": site_logo,
    "campaign banner": campaign_banner,
}
NO_IMAGES = [replace(case, stored=False) for case in IMAGE_CASES]  # where not even a genuine image belongs
ENTRIES = {
    **{name: (setup, IMAGE_CASES) for name, setup in IMAGE_ENTRIES.items()},
    "video file": (video_file, [*VIDEO_CASES, *NO_IMAGES]),
    "subtitles": (subtitles, [*SUBTITLE_CASES, *NO_IMAGES]),
}

# --------------------------------------------------------------------------------------------------
# Sending and judging


def multipart(fields: dict[str, str], files: list[tuple[str, str, str, bytes]]) -> tuple[bytes, str]:
    """A multipart body as curl sends it: raw UTF-8 names (quotes backslash-escaped), any part type."""
    boundary = "fuzzBoundary7MA4YWxkTrZu0gW"
    body = b""
    for name, value in fields.items():
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    for name, filename, mime, data in files:
        quoted = filename.replace("\\", "\\\\").replace('"', '\\"')
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{quoted}"\r\n'
        head += f"Content-Type: {mime}\r\n" if mime else ""
        body += head.encode() + b"\r\n" + data + b"\r\n"
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


def media_count() -> int:
    return _db.session.scalar(select(func.count()).select_from(Media))


def error_messages(response, target: Target) -> list[str]:
    if target.json:
        payload = response.get_json(silent=True) or {}
        return [r.get("error", "") for r in payload.get("results", []) if r.get("error")] + (
            [payload["error"]] if payload.get("error") else []
        )
    page = parse(response.get_data(as_text=True))
    return [e.text.strip() for e in page.select(".error, .form-errors p")]


def judge(client, target: Target, token: str, case: Case, root: Path) -> str:
    """Post one case; return its outcome ("refused", "stored", "ignored") or a problem description."""
    before, vtt_before, data = media_count(), len(list(root.rglob("*.vtt"))), case.data
    body, content_type = multipart(
        {**target.fields, "csrf_token": token}, [(target.file_field, case.filename, case.mime, data)]
    )
    headers = {"Accept": "application/json"} if target.json else {}
    response = client.post(target.url, data=body, content_type=content_type, headers=headers)
    status = response.status_code
    if status >= 500:
        return f"server error {status}"
    kept = media_count() > before or len(list(root.rglob("*.vtt"))) > vtt_before
    if case.stored:
        if not kept or status >= 400:
            return f"a genuine file was not stored ({status}: {error_messages(response, target)})"
        return "stored"
    if kept:
        return f"kept ({status})"
    if status < 400:
        # Single-file forms treat an empty part as "no new file": nothing is stored, nothing changes.
        return "ignored" if not data else f"not refused ({status})"
    messages = error_messages(response, target)
    if not any(VIETNAMESE.search(m) for m in messages):
        return f"refused ({status}) without a Vietnamese message: {messages}"
    return "refused"


# --------------------------------------------------------------------------------------------------
# Auditing what is on disk and how it is served

KEY = re.compile(
    r"^(private/)?[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}(-[0-9a-z-]{1,40})?\.(jpg|png|webp|gif|mp4|webm|vtt)$"
)
IMAGE_FORMATS = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}
# Raw bytes no clean re-encoding contains: metadata containers and everything the corpus smuggles.
METADATA_MARKERS = (
    b"Exif\x00\x00",
    b"GPSLatitude",
    b"<x:xmpmeta",
    b"ICC_PROFILE",
    b"iCCP",
    b"eXIf",
    b"tEXt",
    b"zTXt",
    b"iTXt",
)
PAYLOAD_MARKERS = (
    b"<script",
    b"<?php",
    b"<html",
    b"<svg",
    b"alert(",
    b"javascript:",
    b"PK\x03\x04",
    b"%PDF",
    b"\x7fELF",
    b"#!/bin/sh",
    b"<!ENTITY",
)
METADATA_INFO = {
    "exif",
    "icc_profile",
    "xmp",
    "XML:com.adobe.xmp",
    "comment",
    "Comment",
    "Description",
    "extension",
}


def audit_file(path: Path, key: str) -> list[str]:
    """What is wrong with one stored file (empty list when it is a clean image, video or WebVTT file)."""
    data = path.read_bytes()
    extension = key.rsplit(".", 1)[-1]
    problems = [f"payload {m!r}" for m in PAYLOAD_MARKERS if m in data]
    if extension == "vtt":
        return problems + ([] if data.startswith(b"WEBVTT") else ["not WebVTT"])
    if extension in ("mp4", "webm"):
        return problems + ([] if container_of(data[:4096]) == extension else ["not a video"])
    problems += [f"metadata {m!r}" for m in METADATA_MARKERS if m in data]
    try:
        with Image.open(path) as image:
            image.load()
            if image.format != IMAGE_FORMATS[extension]:
                problems.append(f"{image.format} stored as .{extension}")
            if image.getexif() or image.getexif().get_ifd(0x8825):
                problems.append("EXIF")
            problems += [f"info {k}" for k in METADATA_INFO & set(image.info)]
            problems += [f"text {k}" for k in getattr(image, "text", {}) or {}]
    except Exception as error:  # any failure to decode is the finding
        problems.append(f"not an image: {error}")
    return problems


def audit_disk(tmp_path: Path, root: Path) -> dict[str, list[str]]:
    """Every file under the test's temporary folder: where it is, its name, and its content."""
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in tmp_path.rglob("*") if p.is_file() or p.is_symlink()):
        if root not in path.parents:
            found[str(path.relative_to(tmp_path))] = ["outside the media root"]
            continue
        key = path.relative_to(root).as_posix()
        if path.is_symlink() or not KEY.fullmatch(key):
            found[key] = ["not a server-made name"]
            continue
        found[key] = audit_file(path, key)
    return found


def audit_serving(client, keys: list[str]) -> list[str]:
    problems = []
    for key in keys:
        response = client.get(f"/media/{key}")
        extension = key.rsplit(".", 1)[-1]
        if key.startswith("private/"):
            if response.status_code != 404:
                problems.append(f"{key}: private original served ({response.status_code})")
        elif response.status_code != 200:
            problems.append(f"{key}: {response.status_code}")
        elif response.mimetype != CONTENT_TYPES[extension]:
            problems.append(f"{key}: served as {response.mimetype}")
        elif response.headers.get("X-Content-Type-Options") != "nosniff":
            problems.append(f"{key}: no nosniff")
        response.close()
    return problems


def clean_label(name: str) -> bool:
    return not any(ch in name for ch in "/\\\x00\u202e") and len(name) <= 255 and not name.startswith(".")


XSS_NAME = '"><img src=x onerror=alert(1)>'


def echo_faults(client, urls: list[str]) -> list[str]:
    """Pages where an uploaded name came back as markup rather than text."""
    faults = []
    for url in urls:
        response = client.get(url, follow_redirects=True)
        text = response.get_data(as_text=True)
        if response.is_json:  # names inside JSON strings are data, never sniffed as a page
            markup = response.headers.get("X-Content-Type-Options") != "nosniff"
        else:
            markup = bool(parse(text).select("[onerror]")) or XSS_NAME in text
        if response.status_code >= 500 or markup:
            faults.append(f"{url} ({response.status_code})")
    return faults


@pytest.fixture
def sandbox(app, tmp_path, monkeypatch) -> Path:
    """A fresh MEDIA_ROOT inside tmp_path, and tmp_path/tmp as the process's temp folder for the test,
    so anything written anywhere by the upload code lands where the audit looks."""
    root = tmp_path / "media"
    monkeypatch.setitem(app.config, "MEDIA_ROOT", str(root))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    monkeypatch.setattr(os, "fsync", lambda fd: None)  # durability is tested elsewhere; ~1 s saved here
    return root


@pytest.mark.parametrize("entry", ENTRIES, ids=list(ENTRIES))
def test_every_hostile_upload_is_refused_or_stored_as_a_clean_re_encoding(
    entry, client, login_as, sandbox, tmp_path, figures
):
    setup, cases = ENTRIES[entry]
    login_as("admin")
    target = setup(client)
    token = csrf_token(client, target.form_url)

    outcomes = {case.name: judge(client, target, token, case, sandbox) for case in cases}

    disk = audit_disk(tmp_path, sandbox)
    dirty = {key: problems for key, problems in disk.items() if problems}
    served = audit_serving(client, [k for k in disk if k not in dirty])
    labels = [name for name in _db.session.scalars(select(Media.filename)) if not clean_label(name)]
    echoed = echo_faults(client, [target.form_url, "/admin/media/"])
    tally = Counter(o if o in ("refused", "stored", "ignored") else "problem" for o in outcomes.values())
    server_errors = sum(o.startswith("server error") for o in outcomes.values())
    line = (
        f"upload fuzz, {entry}: {len(cases)} files → {tally['refused']} refused with a Vietnamese message, "
        f"{tally['stored']} stored clean, {tally['ignored']} empty ignored, {tally['problem']} problems; "
        f"5xx={server_errors}; {len(disk)} files on disk, {len(dirty)} unclean or misplaced; "
        f"{len(served)} serving faults; {len(labels)} unclean names; {len(echoed)} pages echoing markup"
    )
    print(line)
    figures(line)
    assert {name: o for name, o in outcomes.items() if o not in ("refused", "stored", "ignored")} == {}
    assert dirty == {}
    assert served == []
    assert labels == []
    assert echoed == []
    if cases is IMAGE_CASES:
        assert tally["stored"] == sum(case.stored for case in cases)
        kinds = set(_db.session.scalars(select(Media.kind)))
        assert kinds <= {MediaKind.IMAGE}


# --------------------------------------------------------------------------------------------------
# Malformed and oversized requests

LIMIT = 64 * 1024


def malformed_requests(target: Target, token: str) -> dict[str, tuple[bytes, str]]:
    """Requests a browser never sends: (body, Content-Type) per case."""
    fields = {**target.fields, "csrf_token": token}
    good = encoded(picture(60), "PNG")
    body, content_type = multipart(fields, [(target.file_field, "a.png", "image/png", good)])
    text_body, text_type = multipart({**fields, target.file_field: "not a file"}, [])
    big, big_type = multipart(
        fields, [(target.file_field, "big.png", "image/png", b"\x89PNG" + b"\x00" * 2 * LIMIT)]
    )
    many, many_type = multipart(
        fields, [(target.file_field, f"{n}.png", "image/png", b"GIF89a" + bytes([n])) for n in range(30)]
    )
    return {
        "multipart without a boundary": (body, "multipart/form-data"),
        "multipart cut in the middle of the file": (body[: len(body) // 2], content_type),
        "multipart with a different boundary": (
            body.replace(b"fuzzBoundary", b"otherBoundary"),
            content_type,
        ),
        "the file field sent as text": (text_body, text_type),
        "a JSON body": (b'{"file": "iVBORw0KGgo="}', "application/json"),
        "thirty bad files in one field": (many, many_type),
        f"a body over the {LIMIT // 1024} kB request limit": (big, big_type),
    }


@pytest.mark.parametrize("entry", ENTRIES, ids=list(ENTRIES))
def test_malformed_and_oversized_requests_never_fail_the_server_and_store_nothing(
    entry, app, client, login_as, sandbox, tmp_path, monkeypatch, figures
):
    setup, _ = ENTRIES[entry]
    login_as("admin")
    target = setup(client)
    token = csrf_token(client, target.form_url)
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", LIMIT)
    monkeypatch.setitem(app.config, "MAX_VIDEO_BYTES", LIMIT)
    before = media_count()
    statuses = {}
    for name, (body, content_type) in malformed_requests(target, token).items():
        response = client.post(target.url, data=body, content_type=content_type)
        statuses[name] = response.status_code
        if name.startswith("a body over"):
            assert response.status_code == 413, entry
            assert VIETNAMESE.search(response.get_data(as_text=True))
    tally = sorted(Counter(statuses.values()).items())
    line = f"upload fuzz, {entry}: {len(statuses)} malformed requests → statuses {tally}"
    print(line)
    figures(line)
    # A 302 is the form's ordinary answer when no usable file came: the library flashes its message,
    # single-file forms save their other fields as if no file was chosen. Either way nothing is stored.
    assert {name: s for name, s in statuses.items() if not (400 <= s < 500 or s == 302)} == {}
    assert media_count() == before
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


NAMED = [case for case in IMAGE_CASES if case.name.startswith("valid")]


def test_a_batch_of_hostile_names_gets_one_result_each_and_every_name_is_echoed_as_text(
    client, login_as, sandbox, figures
):
    """Several files in one multipart request, as the library's drop zone sends them: each gets its
    own result under its cleaned name, and the names come back as text in JSON, flashes and pages."""
    login_as("contributor")
    svg = b'<svg xmlns="http://www.w3.org/2000/svg">' + SCRIPT + b"</svg>"
    sent = [(c.filename, c.mime, c.make()) for c in NAMED] + [(XSS_NAME + ".svg", "image/svg+xml", svg)]
    token = csrf_token(client, "/admin/media/")
    body, content_type = multipart({"csrf_token": token}, [("file", *file) for file in sent])
    response = client.post(
        "/admin/media/upload", data=body, content_type=content_type, headers={"Accept": "application/json"}
    )
    results = response.get_json()["results"]
    assert response.status_code == 200
    assert [r["filename"] for r in results] == [clean_filename(name) for name, _, _ in sent]
    assert [bool(r.get("error")) for r in results] == [False] * len(NAMED) + [True]
    assert XSS_NAME + ".jpg" in [r["filename"] for r in results]  # the quote reached the server intact

    body, content_type = multipart(
        {"csrf_token": token},
        [
            ("file", XSS_NAME + ".png", "image/png", svg),
            ("file", XSS_NAME + "2.png", "image/png", encoded(picture(61), "PNG")),
        ],
    )
    flashed = client.post("/admin/media/upload", data=body, content_type=content_type, follow_redirects=True)
    page = flashed.get_data(as_text=True)
    assert XSS_NAME + ".png" in parse(page).text  # shown, as text
    media = _db.session.scalar(select(Media).where(Media.filename == XSS_NAME + ".jpg"))
    pages = ["/admin/media/", f"/admin/media/{media.id}", "/admin/media/?q=onerror", "/admin/media/recent"]
    faults = echo_faults(client, pages) + (
        ["flash"] if XSS_NAME in page or parse(page).select("[onerror]") else []
    )
    line = (
        f"upload fuzz, one batch of {len(sent)} files: {sum(not r.get('error') for r in results)} stored "
        f"under server-made keys, {sum(bool(r.get('error')) for r in results)} refused; "
        f"{len(faults)} of {len(pages) + 1} pages echo a name as markup"
    )
    print(line)
    figures(line)
    assert faults == []
    assert audit_disk(sandbox.parent, sandbox) == {k: [] for k in audit_disk(sandbox.parent, sandbox)}


SMUGGLING = [case for case in IMAGE_CASES if case.stored and not case.name.startswith("valid")]


def test_the_disk_audit_sees_what_each_kept_case_smuggles_in_its_raw_upload(tmp_path, figures):
    """The audit is not blind: written as uploaded, every kept case with metadata or a payload is flagged,
    so "0 unclean files" above means the pipeline removed it."""
    extensions = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
    unflagged = []
    for number, case in enumerate(SMUGGLING):
        data = case.make()
        with Image.open(io.BytesIO(data)) as image:
            key = f"ab/cd/{number:064x}.{extensions[image.format]}"
        path = tmp_path / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if not audit_file(path, key):
            unflagged.append(case.name)
    line = (
        f"upload fuzz: the disk audit flags {len(SMUGGLING) - len(unflagged)} of {len(SMUGGLING)} raw uploads"
    )
    print(line)
    figures(line)
    assert unflagged == []
