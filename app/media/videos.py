"""Video clips: uploaded MP4/WebM files streamed to disk, allow-listed embeds, posters and subtitles."""

import hashlib
import re
import shutil
import subprocess
from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import parse_qs, quote, urlsplit

from flask_babel import gettext as _

from app.accounts.models import User
from app.articles.models import Article
from app.audit.services import record
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.extensions import db
from app.media.images import MARKUP, MARKUP_MAX_LENGTH
from app.media.models import Media, MediaKind, Video
from app.media.services import add_uploaded_image, clean_filename, prepare_upload
from app.media.storage import get_storage, media_key

CHUNK = 1024 * 1024
HEADER_BYTES = 4096  # enough for the ftyp box or the EBML header
MAX_SUBTITLE_BYTES = 1024 * 1024
FFMPEG_TIMEOUT_SECONDS = 30

MP4_BRANDS = frozenset(
    {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash", b"M4V "}
)
CONTAINERS = {"mp4": "video/mp4", "webm": "video/webm"}


def _vint(data: bytes, pos: int, keep_marker: bool) -> tuple[int, int]:
    """An EBML variable-length integer at `pos`: (value, next position); ValueError if malformed."""
    first = data[pos]
    length = 8 - first.bit_length() + 1
    if first == 0 or length > 8 or pos + length > len(data):
        raise ValueError("bad EBML integer")
    value = first if keep_marker else first & (0xFF >> length)
    for byte in data[pos + 1 : pos + length]:
        value = (value << 8) | byte
    return value, pos + length


def _is_webm(header: bytes) -> bool:
    """An EBML header whose DocType element (0x4282) says "webm"."""
    if not header.startswith(b"\x1a\x45\xdf\xa3"):
        return False
    try:
        size, pos = _vint(header, 4, keep_marker=False)
        end = min(pos + size, len(header))
        while pos < end:
            element, pos = _vint(header, pos, keep_marker=True)
            length, pos = _vint(header, pos, keep_marker=False)
            if element == 0x4282:
                return header[pos : pos + length].rstrip(b"\0") == b"webm"
            pos += length
    except (ValueError, IndexError):
        return False
    return False


def container_of(header: bytes) -> str | None:
    """ "mp4" or "webm" judged by the magic bytes only (never the name or the browser's type), else None."""
    if len(header) >= 12 and header[4:8] == b"ftyp" and header[8:12] in MP4_BRANDS:
        return "mp4"
    if _is_webm(header):
        return "webm"
    return None


def _read_header(stream: BinaryIO) -> bytes:
    header = b""
    while len(header) < HEADER_BYTES:
        chunk = stream.read(HEADER_BYTES - len(header))
        if not chunk:
            break
        header += chunk
    return header


def too_large(limit: int) -> InvalidInput:
    megabytes = limit // (1024 * 1024)
    return InvalidInput("file", _("The video is larger than %(megabytes)d MB.", megabytes=megabytes))


def not_a_video() -> InvalidInput:
    return InvalidInput("file", _("This file is not a video we can use. Please upload an MP4 or WebM video."))


def _chunks(header: bytes, stream: BinaryIO, limit: int) -> Iterator[bytes]:
    """The upload in chunks (never all of it at once), refused as soon as it passes `limit` bytes.

    The file is kept as uploaded, so a video carrying a page or a script (a polyglot that a
    sniffing browser or a misconfigured server could run) is refused; markers split across two
    chunks are found through the previous chunk's tail.
    """
    size, chunk, tail = 0, header, b""
    while chunk:
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        if MARKUP.search(tail + chunk):
            raise not_a_video()
        tail = chunk[-MARKUP_MAX_LENGTH:]
        yield chunk
        chunk = stream.read(CHUNK)


def _video_for(article: Article) -> Video:
    if article.video is None:
        article.video = Video(article_id=article.id)
    return article.video


def upload_video(article: Article, stream: BinaryIO, *, filename: str, limit: int, actor: User) -> Video:
    """Store an uploaded clip without holding it in memory, and make it the article's video.

    The same bytes uploaded twice are stored once. Replaces an embed; keeps the poster and subtitles.
    """
    header = _read_header(stream)
    container = container_of(header)
    if container is None:
        raise not_a_video()
    storage = get_storage()
    key, sha256, size = storage.write_stream(_chunks(header, stream, limit), container)
    with write_transaction():
        media = db.session.query(Media).filter_by(sha256=sha256).one_or_none()
        if media is None:
            media = Media(
                kind=MediaKind.VIDEO,
                sha256=sha256,
                original_key=key,
                mime=CONTAINERS[container],
                bytes=size,
                filename=clean_filename(filename),
                uploaded_by=actor,
            )
            db.session.add(media)
        video = _video_for(article)
        video.file = media
        video.embed_url = None
        if video.poster is None:
            video.poster = _first_frame(storage.path(media.original_key), actor)
        record("video.upload", article, actor=actor, summary=media.filename or media.original_key)
    return video


def ffmpeg_available() -> bool:
    return shutil.which("ffmpeg") is not None


def _first_frame(path, actor: User) -> Media | None:
    """A poster from the clip's first frame when ffmpeg is installed; None when it is not or fails."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        return None
    command = [
        ffmpeg,
        "-nostdin",
        "-v",
        "error",
        "-i",
        str(path),
        "-frames:v",
        "1",
        "-f",
        "image2",
        "-c:v",
        "png",
        "-",
    ]
    try:
        result = subprocess.run(command, capture_output=True, timeout=FFMPEG_TIMEOUT_SECONDS, check=True)
        return add_uploaded_image(result.stdout, field="poster", uploaded_by=actor)
    except (OSError, subprocess.SubprocessError, InvalidInput):
        return None


def set_poster(article: Article, data: bytes, *, actor: User) -> Video:
    poster = prepare_upload(data, field="poster")
    with write_transaction():
        video = _video_for(article)
        video.poster = add_uploaded_image(poster, field="poster", uploaded_by=actor)
        record("video.poster", article, actor=actor)
    return video


def set_subtitles(article: Article, data: bytes, *, actor: User) -> Video:
    """Keep a WebVTT file (UTF-8, starting with the WEBVTT signature) as the clip's Vietnamese subtitles."""
    if len(data) > MAX_SUBTITLE_BYTES:
        raise InvalidInput("subtitles", _("The subtitle file is larger than 1 MB."))
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        text = ""
    if not re.match(r"WEBVTT(?:[ \t\r\n]|$)", text):
        raise InvalidInput("subtitles", _("This is not a WebVTT subtitle file (it must start with WEBVTT)."))
    if MARKUP.search(data):
        # Cue text may hold <b>, <i>, <v Speaker>; a page or a script has no business there.
        raise InvalidInput(
            "subtitles", _("The subtitle file contains HTML or script code, which is not allowed.")
        )
    key = media_key(hashlib.sha256(data).hexdigest(), "", "vtt")
    get_storage().write(key, data)
    with write_transaction():
        video = _video_for(article)
        video.subtitles_key = key
        record("video.subtitles", article, actor=actor)
    return video


def set_embed(article: Article, url: str, *, actor: User) -> Video:
    """Use a clip hosted on YouTube or Facebook instead of an uploaded file."""
    src = embed_src(url)
    if src is None:
        raise InvalidInput("url", _("Only YouTube and Facebook video links can be embedded."))
    with write_transaction():
        video = _video_for(article)
        video.embed_url = src
        video.file = None
        record("video.embed", article, actor=actor, summary=src)
    return video


YOUTUBE_HOSTS = frozenset({"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com"})
YOUTUBE_HOSTS |= {"www.youtube-nocookie.com"}
FACEBOOK_HOSTS = frozenset({"facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com"})
YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
FACEBOOK_PAGE = re.compile(r"[A-Za-z0-9.]{1,80}")
DIGITS = re.compile(r"[0-9]{1,25}")
FB_WATCH_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")
FACEBOOK_PLUGIN = "https://www.facebook.com/plugins/video.php?href="


def _youtube_id(host: str, path: str, query: dict) -> str | None:
    if host == "youtu.be":
        candidate = path.strip("/")
    elif host in YOUTUBE_HOSTS and path.rstrip("/") == "/watch":
        candidate = (query.get("v") or [""])[0]
    elif host in YOUTUBE_HOSTS:
        parts = path.strip("/").split("/")
        candidate = parts[1] if len(parts) == 2 and parts[0] in ("shorts", "embed") else ""
    else:
        return None
    return candidate if YOUTUBE_ID.fullmatch(candidate) else None


def _facebook_video(host: str, path: str, query: dict, plugin_allowed: bool = True) -> str | None:
    """The canonical https address of a Facebook video, which the video plugin embeds."""
    if host == "fb.watch":
        video_id = path.strip("/")
        return f"https://fb.watch/{video_id}/" if FB_WATCH_ID.fullmatch(video_id) else None
    if host not in FACEBOOK_HOSTS:
        return None
    parts = path.strip("/").split("/")
    if parts == ["watch"]:
        video_id = (query.get("v") or [""])[0]
        return f"https://www.facebook.com/watch/?v={video_id}" if DIGITS.fullmatch(video_id) else None
    if (
        len(parts) == 3
        and parts[1] == "videos"
        and FACEBOOK_PAGE.fullmatch(parts[0])
        and DIGITS.fullmatch(parts[2])
    ):
        return f"https://www.facebook.com/{parts[0]}/videos/{parts[2]}/"
    if plugin_allowed and parts == ["plugins", "video.php"]:
        href = _split((query.get("href") or [""])[0])
        return _facebook_video(*href, plugin_allowed=False) if href else None
    return None


def _split(url: str) -> tuple[str, str, dict] | None:
    """(host, path, query) of an http(s) URL without credentials, port or odd characters; else None."""
    url = (url or "").strip()
    if not url or len(url) > 500 or any(ch.isspace() or ord(ch) < 32 or ch == "\\" for ch in url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or parts.username or parts.password or port is not None:
        return None
    return (parts.hostname or "").lower(), parts.path, parse_qs(parts.query)


def embed_src(url: str | None) -> str | None:
    """The iframe address for an allow-listed video link (YouTube via youtube-nocookie, Facebook), else None.

    Also accepts its own output, so stored embed addresses and pasted links go through the same check.
    """
    split = _split(url or "")
    if split is None:
        return None
    youtube_id = _youtube_id(*split)
    if youtube_id:
        return f"https://www.youtube-nocookie.com/embed/{youtube_id}"
    facebook = _facebook_video(*split)
    if facebook:
        return FACEBOOK_PLUGIN + quote(facebook, safe="") + "&show_text=false"
    return None
