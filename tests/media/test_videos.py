"""Video clips: uploads checked by magic bytes and streamed to disk, Range serving, posters,
subtitles, the embed allow-list, and the public player."""

import hashlib
import io
import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from app.core.errors import InvalidInput
from app.extensions import db
from app.media import videos
from app.media.models import Media, MediaKind, Video
from tests.factories import make_article, make_image, make_section, make_user
from tests.pages import csrf_token, parse

EBML_FIELDS = bytes.fromhex("4286810142f7810142f2810442f381084287810242858102")  # versions and lengths
EBML_HEADER_WEBM = bytes.fromhex("1a45dfa39f") + EBML_FIELDS + bytes.fromhex("428284") + b"webm"
EBML_HEADER_MATROSKA = bytes.fromhex("1a45dfa3a3") + EBML_FIELDS + bytes.fromhex("428288") + b"matroska"


def mp4(payload: bytes = b"", brand: bytes = b"isom") -> bytes:
    return b"\x00\x00\x00\x18ftyp" + brand + b"\x00\x00\x02\x00isomiso2" + b"\x00\x00\x00\x08free" + payload


def webm(payload: bytes = b"") -> bytes:
    return EBML_HEADER_WEBM + b"\x18\x53\x80\x67\x01" + payload


def png(size=(64, 36)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def unique(n: int = 3000) -> bytes:
    """Bytes no other test uploads, so deduplication does not hide what this test stored."""
    return os.urandom(32) * (n // 32)


def stored_files(app) -> set[str]:
    root = Path(app.config["MEDIA_ROOT"])
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def temp_files(app) -> list[Path]:
    return list(Path(app.config["MEDIA_ROOT"]).rglob(".upload-*"))


def video_article(**overrides):
    return make_article(format="video", status=overrides.pop("status", "draft"), **overrides)


def post(client, path: str, **data):
    """A multipart POST encoded in memory (the test client spools big bodies to files it never closes)."""
    fields = {"csrf_token": csrf_token(client)}
    for name, value in data.items():
        fields[name] = FileStorage(value[0], value[1]) if isinstance(value, tuple) else value
    boundary, body = encode_multipart(fields)
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def upload(client, article, data: bytes, filename: str = "clip.mp4"):
    return post(client, f"/admin/articles/{article.id}/video/file", file=(io.BytesIO(data), filename))


def video_of(article) -> Video:
    db.session.expire_all()
    return db.session.query(Video).filter_by(article_id=article.id).one()


def public_url(article) -> str:
    return f"/{article.section.slug}/{article.slug}-{article.id}.html"


@pytest.mark.parametrize(
    ("header", "container"),
    [
        (mp4(), "mp4"),
        (mp4(brand=b"mp42"), "mp4"),
        (mp4(brand=b"qt  "), None),  # QuickTime .mov
        (mp4(brand=b"heic"), None),  # a photo in an MP4-family box
        (webm(), "webm"),
        (EBML_HEADER_MATROSKA, None),  # Matroska that is not WebM
        (b"\x1a\x45\xdf\xa3\xff", None),  # truncated EBML header
        (b"", None),
        (b"<html><video src=x></video></html>", None),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, None),  # JPEG
        (b"ftypisom" + b"\x00" * 20, None),  # box type at the wrong offset
    ],
)
def test_containers_are_recognised_by_magic_bytes(header, container):
    assert videos.container_of(header) == container


@pytest.mark.parametrize(
    ("make", "filename", "mime"), [(mp4, "clip.mp4", "video/mp4"), (webm, "phim.webm", "video/webm")]
)
def test_uploaded_video_is_stored_and_linked_to_the_article(client, login_as, app, make, filename, mime):
    login_as("editor")
    article = video_article()
    data = make(unique())
    response = upload(client, article, data, filename)
    assert response.status_code == 302
    video = video_of(article)
    media = video.file
    assert (media.kind, media.mime, media.bytes) == (MediaKind.VIDEO, mime, len(data))
    assert media.sha256 == hashlib.sha256(data).hexdigest()
    assert media.original_key.endswith(f"{media.sha256}.{filename.rsplit('.', 1)[1]}")
    assert (Path(app.config["MEDIA_ROOT"]) / media.original_key).read_bytes() == data
    assert temp_files(app) == []


def test_the_same_video_uploaded_twice_is_stored_once(client, login_as):
    login_as("editor")
    data = mp4(unique(5000))
    first, second = video_article(), video_article()
    upload(client, first, data)
    upload(client, second, data)
    assert video_of(first).file_id == video_of(second).file_id
    assert db.session.query(Media).filter_by(sha256=hashlib.sha256(data).hexdigest()).count() == 1


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"", "empty.mp4"),
        (b"<script>alert(1)</script>" * 50, "clip.mp4"),
        (png(), "photo.webm"),
        (mp4(b"x" * 500, brand=b"qt  "), "clip.mov"),
        (EBML_HEADER_MATROSKA + b"x" * 500, "clip.mkv"),
        (b"%PDF-1.7\n" + b"x" * 500, "../../etc/passwd.mp4"),
    ],
)
def test_files_that_are_not_mp4_or_webm_are_refused_and_nothing_is_stored(
    client, login_as, app, data, filename
):
    login_as("editor")
    article = video_article()
    before = stored_files(app)
    response = upload(client, article, data, filename)
    assert response.status_code == 400
    assert "Vui lòng tải lên video MP4 hoặc WebM" in response.get_data(as_text=True)
    assert stored_files(app) == before
    assert temp_files(app) == []
    assert db.session.query(Video).filter_by(article_id=article.id).count() == 0


def test_video_route_accepts_more_than_the_global_request_limit(client, login_as, app, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 2000)
    login_as("editor")
    article = video_article()
    response = upload(client, article, mp4(unique(6000)))
    assert response.status_code == 302
    assert video_of(article).file.bytes > 6000


def test_video_larger_than_the_video_limit_is_refused_with_413(client, login_as, app, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_VIDEO_BYTES", 2 * 1024 * 1024)
    login_as("editor")
    article = video_article()
    before = stored_files(app)
    response = upload(client, article, mp4(unique(3 * 1024 * 1024)))
    assert response.status_code == 413
    assert "Video lớn hơn 2 MB" in response.get_data(as_text=True)
    assert stored_files(app) == before
    assert temp_files(app) == []


class RecordingStream(io.BytesIO):
    def __init__(self, data: bytes):
        super().__init__(data)
        self.reads: list[int] = []

    def read(self, size=-1):
        self.reads.append(size)
        return super().read(size)


def test_upload_is_copied_in_chunks_never_read_whole(app, db):
    article = video_article()
    stream = RecordingStream(mp4(b"z" * (3 * videos.CHUNK)))
    with app.test_request_context():
        videos.upload_video(article, stream, filename="big.mp4", limit=10 * videos.CHUNK, actor=make_user())
    assert stream.reads and all(0 < size <= videos.CHUNK for size in stream.reads)


def test_stream_over_the_limit_stops_mid_copy_and_leaves_no_temp_file(app, db):
    article = video_article()
    before = stored_files(app)
    with app.test_request_context(), pytest.raises(InvalidInput) as refused:
        videos.upload_video(article, io.BytesIO(mp4(unique(9000))), filename="x.mp4", limit=5000, actor=None)
    assert refused.value.field == "file"
    assert stored_files(app) == before
    assert temp_files(app) == []


def test_stored_video_is_served_with_range_requests(client, login_as):
    login_as("editor")
    article = video_article()
    data = mp4(unique(4000))
    upload(client, article, data)
    url = f"/media/{video_of(article).file.original_key}"

    with client.get(url) as whole:
        whole.get_data()
    assert whole.status_code == 200
    assert whole.headers["Accept-Ranges"] == "bytes"
    assert whole.headers["Content-Type"] == "video/mp4"

    with client.get(url, headers={"Range": "bytes=0-99"}) as part:
        part.get_data()
    assert part.status_code == 206
    assert part.data == data[:100]
    assert part.headers["Content-Range"] == f"bytes 0-99/{len(data)}"

    with client.get(url, headers={"Range": "bytes=1000-"}) as tail:
        tail.get_data()
    assert tail.status_code == 206 and tail.data == data[1000:]


def test_without_ffmpeg_no_poster_is_generated_and_the_page_says_so(client, login_as, monkeypatch):
    monkeypatch.setattr(videos.shutil, "which", lambda name: None)
    login_as("editor")
    article = video_article()
    upload(client, article, mp4(unique(3500)))
    assert video_of(article).poster is None
    page = parse(client.get(f"/admin/articles/{article.id}/video").get_data(as_text=True))
    assert "chưa cài ffmpeg" in page.one("[data-no-poster]").text


def test_with_ffmpeg_the_first_frame_becomes_the_poster(client, login_as, monkeypatch):
    calls = []

    def fake_run(command, **options):
        calls.append((command, options))
        return subprocess.CompletedProcess(command, 0, stdout=png((96, 54)), stderr=b"")

    monkeypatch.setattr(videos.shutil, "which", lambda name: "/usr/bin/ffmpeg")
    monkeypatch.setattr(videos.subprocess, "run", fake_run)
    login_as("editor")
    article = video_article()
    upload(client, article, mp4(unique(3700)))
    assert video_of(article).poster.width == 96
    command, options = calls[0]
    assert isinstance(command, list) and command[0] == "/usr/bin/ffmpeg" and "-frames:v" in command
    assert options["timeout"] == videos.FFMPEG_TIMEOUT_SECONDS


def test_a_failing_ffmpeg_leaves_the_video_without_poster(client, login_as, monkeypatch):
    def failing_run(command, **options):
        raise subprocess.TimeoutExpired(command, options["timeout"])

    monkeypatch.setattr(videos.shutil, "which", lambda name: "/usr/bin/ffmpeg")
    monkeypatch.setattr(videos.subprocess, "run", failing_run)
    login_as("editor")
    article = video_article()
    assert upload(client, article, mp4(unique(3800))).status_code == 302
    assert video_of(article).poster is None


def test_uploaded_poster_is_kept_and_a_bad_one_refused(client, login_as):
    login_as("editor")
    article = video_article()
    path = f"/admin/articles/{article.id}/video/poster"
    refused = post(client, path, poster=(io.BytesIO(b"<svg onload=alert(1)>"), "poster.svg"))
    assert refused.status_code == 400
    assert parse(refused.data).select(".field--invalid")
    assert post(client, path, poster=(io.BytesIO(png()), "poster.png")).status_code == 302
    assert video_of(article).poster.kind is MediaKind.IMAGE


def test_webvtt_subtitles_are_stored_and_served_as_text_vtt(client, login_as):
    login_as("editor")
    article = video_article()
    vtt = f"WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào bà con {id(article)}\n".encode()
    response = post(
        client, f"/admin/articles/{article.id}/video/subtitles", subtitles=(io.BytesIO(vtt), "vi.vtt")
    )
    assert response.status_code == 302
    key = video_of(article).subtitles_key
    assert key.endswith(".vtt")
    with client.get(f"/media/{key}") as served:
        served.get_data()
    assert served.mimetype == "text/vtt" and served.data == vtt


@pytest.mark.parametrize(
    "data",
    [
        b"1\n00:00:00,000 --> 00:00:02,000\nSRT, not WebVTT\n",
        b"WEBVTTX\n",
        "WEBVTT\n\nTi\u1ebfng Vi\u1ec7t".encode("utf-16"),
        b"WEBVTT\n\n\xff\xfe broken utf-8",
        b"WEBVTT\n" + b"x" * (videos.MAX_SUBTITLE_BYTES + 1),
    ],
)
def test_bad_subtitle_files_are_refused(client, login_as, app, data):
    login_as("editor")
    article = video_article()
    before = stored_files(app)
    response = post(
        client, f"/admin/articles/{article.id}/video/subtitles", subtitles=(io.BytesIO(data), "x.vtt")
    )
    assert response.status_code == 400
    assert "WebVTT" in response.get_data(as_text=True) or "1 MB" in response.get_data(as_text=True)
    assert stored_files(app) == before


NOCOOKIE = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
FB_PLUGIN = "https://www.facebook.com/plugins/video.php?href="


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", NOCOOKIE),
        ("http://youtube.com/watch?v=dQw4w9WgXcQ&t=42s", NOCOOKIE),
        ("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", NOCOOKIE),
        ("https://youtu.be/dQw4w9WgXcQ", NOCOOKIE),
        ("https://youtu.be/dQw4w9WgXcQ?si=abc", NOCOOKIE),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", NOCOOKIE),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", NOCOOKIE),
        ("  HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ  ", NOCOOKIE),
        (NOCOOKIE, NOCOOKIE),
        (
            "https://www.facebook.com/ubndquan/videos/123456789012345/",
            FB_PLUGIN
            + "https%3A%2F%2Fwww.facebook.com%2Fubndquan%2Fvideos%2F123456789012345%2F&show_text=false",
        ),
        (
            "http://facebook.com/watch/?v=987654321",
            FB_PLUGIN + "https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D987654321&show_text=false",
        ),
        ("https://fb.watch/abC-12_x/", FB_PLUGIN + "https%3A%2F%2Ffb.watch%2FabC-12_x%2F&show_text=false"),
        (
            FB_PLUGIN + "https%3A%2F%2Fwww.facebook.com%2Fubndquan%2Fvideos%2F1%2F&show_text=false",
            FB_PLUGIN + "https%3A%2F%2Fwww.facebook.com%2Fubndquan%2Fvideos%2F1%2F&show_text=false",
        ),
        # refused
        ("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", None),
        ("https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://notyoutube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ", None),
        ("https://user@youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ", None),
        ("https://evil.example\\@youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//www.youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("ftp://youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://www.youtube.com/watch?v=short", None),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload%3D", None),
        ('https://www.youtube.com/watch?v=dQw4w9WgXc"><script>', None),
        ("https://youtu.be/dQw4w9WgXcQ/extra", None),
        ("https://www.youtube.com/playlist?list=PL123", None),
        ("https://vimeo.com/123456", None),
        ("https://www.facebook.com/ubndquan/posts/123", None),
        ("https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fevil.example%2Fv%2F1", None),
        ("https://facebook.com.evil.example/watch/?v=1", None),
        ("", None),
        (None, None),
    ],
)
def test_embed_links_are_normalised_from_an_allow_list(url, expected):
    assert videos.embed_src(url) == expected


def test_pasted_youtube_link_is_saved_as_a_nocookie_embed(client, login_as):
    login_as("editor")
    article = video_article()
    response = post(client, f"/admin/articles/{article.id}/video/embed", url="https://youtu.be/dQw4w9WgXcQ")
    assert response.status_code == 302
    assert video_of(article).embed_url == NOCOOKIE
    page = client.get(f"/admin/articles/{article.id}/video").get_data(as_text=True)
    assert NOCOOKIE in page


@pytest.mark.parametrize(
    "url", ["https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "javascript:alert(1)"]
)
def test_links_outside_the_allow_list_are_refused_with_a_message(client, login_as, url):
    login_as("editor")
    article = video_article()
    response = post(client, f"/admin/articles/{article.id}/video/embed", url=url)
    assert response.status_code == 400
    assert "Chỉ có thể nhúng liên kết video từ YouTube và Facebook" in response.get_data(as_text=True)
    assert db.session.query(Video).filter_by(article_id=article.id).count() == 0


def test_contributor_cannot_change_someone_elses_video(client, login_as):
    login_as("contributor")
    article = video_article()
    assert client.get(f"/admin/articles/{article.id}/video").status_code == 403
    response = post(client, f"/admin/articles/{article.id}/video/embed", url="https://youtu.be/dQw4w9WgXcQ")
    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    article = video_article()
    response = client.get(f"/admin/articles/{article.id}/video")
    assert response.status_code == 302
    assert "next=" in response.headers["Location"]


def test_unknown_article_is_404(client, login_as):
    login_as("editor")
    assert client.get("/admin/articles/999999/video").status_code == 404


def test_editor_of_a_video_article_links_to_the_video_page(client, login_as):
    login_as("editor")
    article = video_article()
    page = parse(client.get(f"/admin/articles/{article.id}/edit").get_data(as_text=True))
    assert f"/admin/articles/{article.id}/video" in page.links()


def test_public_page_plays_the_uploaded_video_with_poster_subtitles_and_download(client, login_as):
    login_as("editor")
    article = video_article(status="published")
    upload(client, article, mp4(unique(3300)))
    post(client, f"/admin/articles/{article.id}/video/poster", poster=(io.BytesIO(png()), "p.png"))
    vtt = b"WEBVTT\n\n00:00.000 --> 00:01.000\nChao\n"
    post(client, f"/admin/articles/{article.id}/video/subtitles", subtitles=(io.BytesIO(vtt), "vi.vtt"))
    video = video_of(article)
    file_key, subtitles_key = video.file.original_key, video.subtitles_key

    page = parse(client.get(public_url(article)).get_data(as_text=True))
    player = page.one("video[controls]")
    assert player["preload"] == "metadata"
    assert player["poster"].startswith("/media/")
    source = page.one("video source")
    assert (source["src"], source["type"]) == (f"/media/{file_key}", "video/mp4")
    track = page.one("video track")
    assert (track["kind"], track["srclang"], track["label"]) == ("subtitles", "vi", "Tiếng Việt")
    assert track["src"] == f"/media/{subtitles_key}"
    assert f"/media/{file_key}" in page.links("a[download]")


@pytest.mark.parametrize(
    "stored",
    ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", NOCOOKIE],  # seeded demo data keeps the watch URL
)
def test_public_page_embeds_allow_listed_videos_in_a_lazy_iframe(client, stored):
    article = video_article(status="published")
    with db.session.begin_nested():
        db.session.add(Video(article_id=article.id, embed_url=stored))
    db.session.commit()
    page = parse(client.get(public_url(article)).get_data(as_text=True))
    frame = page.one("iframe")
    assert frame["src"] == NOCOOKIE
    assert frame["loading"] == "lazy" and frame["title"] and frame["allow"] and frame["referrerpolicy"]


def test_public_page_never_outputs_a_stored_link_outside_the_allow_list(client):
    article = video_article(status="published")
    db.session.add(Video(article_id=article.id, embed_url="javascript:alert('x')//youtube.com"))
    db.session.commit()
    html = client.get(public_url(article)).get_data(as_text=True)
    assert "javascript:alert" not in html
    assert not parse(html).select("iframe")


def test_video_section_lists_clips_with_their_covers(client):
    from app.sections.models import SectionKind

    section = make_section(kind=SectionKind.VIDEO)
    first, second = (
        make_article(section=section, format="video", cover=make_image((200, 30, 30)), hours_ago=hours)
        for hours in (1, 2)
    )
    for article in (first, second):
        db.session.add(Video(article_id=article.id, embed_url=NOCOOKIE, poster_id=article.cover.id))
    db.session.commit()
    page = parse(client.get(f"/{section.slug}/").get_data(as_text=True))
    teasers = {t.one(".teaser__title").text.strip(): t for t in page.select(".layout__main article.teaser")}
    assert set(teasers) == {first.title, second.title}
    assert all(t.one("img")["src"].startswith("/media/") for t in teasers.values())


def test_sidebar_video_box_shows_the_latest_clip_with_its_cover(client):
    from app.sections.models import SectionKind

    section = make_section(kind=SectionKind.VIDEO, in_sidebar=True)
    article = make_article(section=section, format="video", cover=make_image((30, 200, 30)))
    db.session.add(Video(article_id=article.id, embed_url=NOCOOKIE, poster_id=article.cover.id))
    db.session.commit()
    page = parse(client.get(public_url(article)).get_data(as_text=True))
    box = page.one(f"section.box--video[aria-labelledby='box-{section.slug}']")
    assert article.title in box.text
    assert box.one("img")["src"].startswith("/media/")


def test_a_video_upload_without_the_form_token_is_refused_and_stores_nothing(client, login_as, app):
    login_as("editor")
    article = video_article()
    before = stored_files(app)
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(mp4(unique())), "clip.mp4")})
    response = client.post(
        f"/admin/articles/{article.id}/video/file",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code == 400
    assert "Phiên làm việc đã hết hạn" in response.get_data(as_text=True)
    assert stored_files(app) == before
    assert db.session.query(Video).filter_by(article_id=article.id).count() == 0
