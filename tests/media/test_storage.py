"""Content-addressed storage and serving: atomic writes, immutable caching, Range, hostile keys."""

import io
from pathlib import Path

import pytest
from flask import url_for
from PIL import Image

from app.core.db import write_transaction
from app.media.services import add_uploaded_image
from app.media.storage import LocalStorage, media_key

SHA = "ab" * 32


@pytest.fixture(autouse=True)
def media_root(app, tmp_path, monkeypatch) -> Path:
    root = tmp_path / "media"
    monkeypatch.setitem(app.config, "MEDIA_ROOT", str(root))
    return root


@pytest.fixture
def media(db):
    image = Image.effect_noise((400, 300), 60).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    with write_transaction():
        return add_uploaded_image(buffer.getvalue(), field="file", alt="Ảnh")


def fetch(client, key: str, **kwargs):
    """GET a stored file and close the response (send_file keeps the file open until then)."""
    response = client.get(f"/media/{key}", **kwargs)
    response.get_data()
    response.close()
    return response


def variant_key(media, fmt: str) -> str:
    return next(v["key"] for v in media.variants if v["format"] == fmt and not v.get("crop"))


@pytest.mark.parametrize(("fmt", "content_type"), [("webp", "image/webp"), ("jpg", "image/jpeg")])
def test_variants_are_served_immutable_and_never_sniffed(client, media, media_root, fmt, content_type):
    key = variant_key(media, fmt)
    response = fetch(client, key)
    assert response.status_code == 200
    assert response.content_type == content_type
    assert response.data == (media_root / key).read_bytes()
    cache = response.headers["Cache-Control"]
    assert "public" in cache and "max-age=31536000" in cache and "immutable" in cache
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_range_request_gets_206_with_exactly_those_bytes(client, media, media_root):
    key = variant_key(media, "jpg")
    response = fetch(client, key, headers={"Range": "bytes=10-19"})
    assert response.status_code == 206
    assert response.data == (media_root / key).read_bytes()[10:20]
    assert response.headers["Content-Range"].startswith("bytes 10-19/")


def test_the_kept_original_is_never_served(client, media, media_root):
    assert (media_root / media.original_key).is_file()
    assert fetch(client, media.original_key).status_code == 404


@pytest.mark.parametrize(
    "key",
    [
        "../../etc/passwd",
        "..%2F..%2Fetc%2Fpasswd",
        "%2Fetc%2Fpasswd",
        f"ab/cd/{SHA}%00.jpg",
        f"ab/cd/{SHA}-{'a' * 5000}.jpg",
        f"ab/cd/{SHA}.jpg",  # well-formed but not stored
        "private/../ab/cd/x.jpg",
    ],
)
def test_hostile_or_unknown_keys_are_404(client, db, key):
    assert fetch(client, key, follow_redirects=True).status_code == 404


@pytest.mark.parametrize(
    "key",
    ["../x.jpg", "/etc/passwd", f"ab/cd/{SHA}\x00.jpg", f"ab/cd/{SHA}-{'a' * 300}.jpg", f"ab/cd/{SHA}.jpg/"],
)
def test_storage_refuses_keys_that_could_leave_its_folder(tmp_path, key):
    with pytest.raises(ValueError):
        LocalStorage(tmp_path).path(key)


def test_writes_are_content_addressed_and_leave_no_temp_file(tmp_path):
    storage = LocalStorage(tmp_path)
    key = media_key(SHA, "-320", "webp")
    assert storage.write(key, b"first") is True
    assert storage.write(key, b"first") is False
    assert storage.exists(key)
    with storage.open(key) as handle:
        assert handle.read() == b"first"
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [f"{SHA}-320.webp"]
    storage.delete(key)
    assert not storage.exists(key)


def test_a_stream_is_stored_under_its_hash_and_a_failure_leaves_nothing(tmp_path):
    storage = LocalStorage(tmp_path)
    key, sha256, size = storage.write_stream(iter([b"abc", b"def"]), "mp4")
    assert size == 6 and key == media_key(sha256, "", "mp4") and storage.exists(key)

    def broken():
        yield b"abc"
        raise OSError("connection lost")

    with pytest.raises(OSError):
        storage.write_stream(broken(), "mp4")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [storage.path(key)]


def test_a_body_over_the_limit_is_refused_with_413_before_it_is_read(app, client):
    with app.test_request_context():
        login_url = url_for("accounts.login")
    response = client.post(
        login_url,
        data=b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1),
        content_type="multipart/form-data; boundary=limit",
    )
    assert response.status_code == 413
