"""The media library: the grid with search and filters, uploads one by one or in a batch, each
file's details page, the "used in" list and the refusal to delete a file that is in use."""

import io

import pytest
from PIL import Image
from sqlalchemy import select

from app.articles.views import article_url
from app.audit.models import AuditEvent
from app.core.db import write_transaction
from app.extensions import db as _db
from app.media.models import GalleryItem, Media
from tests.factories import make_article, make_image
from tests.pages import csrf_token, parse


def png_bytes(color=(200, 30, 30), size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def post(client, url, data, **kwargs):
    return client.post(url, data={"csrf_token": csrf_token(client), **data}, **kwargs)


def audit_actions(media_id: int) -> list[str]:
    return list(
        _db.session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.object_id == media_id, AuditEvent.action.in_(("media.edit", "media.delete")))
            .order_by(AuditEvent.id)
        )
    )


def grid_ids(client, query="") -> set[str]:
    response = client.get(f"/admin/media/{query}")
    assert response.status_code == 200
    return {item["id"] for item in parse(response.data).select(".media-grid__item")}


def test_library_grid_searches_alt_caption_and_filename_without_accents(client, login_as):
    login_as("contributor")
    temple = make_image(alt="Đình làng Phú Xuân")
    river = make_image(caption="Sông Hương mùa lũ")
    named = make_image()
    with write_transaction():
        named.filename = "le-hoi.jpg"
    assert grid_ids(client, "?q=dinh lang") == {f"media-{temple.id}"}
    assert grid_ids(client, "?q=Sông Hương") == {f"media-{river.id}"}
    assert grid_ids(client, "?q=le-hoi") == {f"media-{named.id}"}


@pytest.mark.parametrize("query", ["?missing_alt=1", "?mine=1"])
def test_library_filters_keep_only_matching_files(client, login_as, query):
    user = login_as("contributor")
    described = make_image(alt="Có mô tả")
    decorative = make_image()
    with write_transaction():
        decorative.is_decorative = True
    mine = make_image(uploaded_by=user)
    shown = grid_ids(client, query)
    if query == "?missing_alt=1":
        assert f"media-{mine.id}" in shown
        assert {f"media-{described.id}", f"media-{decorative.id}"}.isdisjoint(shown)
    else:
        assert shown == {f"media-{mine.id}"}


def test_upload_stores_good_files_and_reports_each_bad_one_in_vietnamese(client, login_as):
    login_as("contributor")
    response = post(
        client,
        "/admin/media/upload",
        {
            "file": [
                (io.BytesIO(png_bytes()), "ảnh đẹp.png"),
                (io.BytesIO(b"<svg onload=alert(1)></svg>"), "xấu.svg"),
                (io.BytesIO(png_bytes((1, 2, 3))), "hai.png"),
            ]
        },
        headers={"Accept": "application/json"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["filename"] for r in results] == ["ảnh đẹp.png", "xấu.svg", "hai.png"]
    assert "error" not in results[0] and "error" not in results[2]
    assert "JPEG" in results[1]["error"] and "ảnh" in results[1]["error"]
    assert results[0]["url"].startswith("/media/") and results[0]["width"] == 64
    stored = _db.session.scalars(select(Media.filename).order_by(Media.id)).all()
    assert stored == ["ảnh đẹp.png", "hai.png"]


def test_upload_without_javascript_redirects_with_a_flash_per_result(client, login_as):
    login_as("contributor")
    response = post(
        client,
        "/admin/media/upload",
        {"file": [(io.BytesIO(b""), "rong.jpg"), (io.BytesIO(png_bytes()), "tot.png")]},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    page = parse(response.data)
    assert response.status_code == 200
    assert "1 tệp" in page.text or "tot.png" in page.text
    assert "rong.jpg" in page.text


def test_upload_with_no_file_is_refused(client, login_as):
    login_as("contributor")
    response = post(client, "/admin/media/upload", {}, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert response.get_json()["error"]


def test_details_are_saved_separately_and_audited(client, login_as):
    login_as("editor")
    media = make_image()
    response = post(
        client,
        f"/admin/media/{media.id}",
        {
            "alt": " Chợ quê ",
            "caption": "Phiên chợ sáng",
            "credit": "Ảnh: Lan",
            "focal_x": "0.2",
            "focal_y": "0.9",
        },
    )
    assert response.status_code == 302
    _db.session.expire_all()
    media = _db.session.get(Media, media.id)
    assert (media.alt, media.caption, media.credit) == ("Chợ quê", "Phiên chợ sáng", "Ảnh: Lan")
    assert (media.focal_x, media.focal_y) == (0.2, 0.9)
    assert media.is_decorative is False
    assert audit_actions(media.id) == ["media.edit"]


@pytest.mark.parametrize("value", ["1.5", "-0.1", "abc"])
def test_focal_point_outside_zero_to_one_is_refused_next_to_the_field(client, login_as, value):
    login_as("editor")
    media = make_image()
    response = post(client, f"/admin/media/{media.id}", {"alt": "x", "focal_x": value, "focal_y": "0.5"})
    assert response.status_code == 400
    assert "0 đến 1" in parse(response.data).text or "0 và 1" in parse(response.data).text


def test_used_in_lists_cover_gallery_and_body(client, login_as):
    login_as("editor")
    media = make_image(alt="Ảnh")
    key = media.variants[0]["key"]
    as_cover = make_article("Bài có ảnh bìa", cover=media)
    in_body = make_article("Bài có ảnh trong bài", body=f'<p><img src="/media/{key}" alt="Ảnh"></p>')
    in_gallery = make_article("Phóng sự ảnh")
    with write_transaction():
        _db.session.add(GalleryItem(article_id=in_gallery.id, media_id=media.id, position=1))
    page = parse(client.get(f"/admin/media/{media.id}").data)
    assert set(page.texts(".usage-list a")) == {as_cover.title, in_body.title, in_gallery.title}


def test_deleting_a_file_in_use_is_refused_with_409(client, login_as):
    login_as("editor")
    media = make_image(alt="Ảnh")
    make_article(cover=media)
    response = post(client, f"/admin/media/{media.id}/delete", {})
    assert response.status_code == 409
    assert "đang được dùng" in parse(response.data).text
    assert _db.session.get(Media, media.id) is not None


def test_deleting_an_unused_file_removes_it_and_is_audited(client, login_as):
    login_as("editor")
    media = make_image()
    media_id = media.id
    response = post(client, f"/admin/media/{media_id}/delete", {})
    assert response.status_code == 302
    _db.session.expire_all()
    assert _db.session.get(Media, media_id) is None
    assert audit_actions(media_id) == ["media.delete"]


def test_contributors_cannot_delete_files(client, login_as):
    login_as("contributor")
    media = make_image()
    assert post(client, f"/admin/media/{media.id}/delete", {}).status_code == 403


def test_recent_images_give_the_editor_the_largest_jpeg_up_to_1024_with_size_and_alt(app, client, login_as):
    login_as("contributor")
    media = make_image(alt="Cầu tre", size=(1600, 900))
    width = max(w for w in app.config["IMAGE_WIDTHS"] if w <= 1024)
    newest = client.get("/admin/media/recent").get_json()[0]
    assert newest["id"] == media.id and newest["alt"] == "Cầu tre"
    assert newest["url"].endswith(f"-{width}.jpg")
    assert (newest["width"], newest["height"]) == (width, round(900 * width / 1600))


@pytest.mark.parametrize("decorative", [False, True])
def test_public_page_serves_body_images_responsively(client, decorative):
    media = make_image(alt="Lễ hội đua ghe", size=(1600, 900))
    with write_transaction():
        media.is_decorative = decorative
    jpegs = [v for v in media.variants if v["format"] == "jpg" and not v.get("crop")]
    article = make_article(body=f'<p><img src="/media/{jpegs[0]["key"]}" alt="Lễ hội đua ghe"></p>')
    with client.application.test_request_context():
        url = article_url(article)
    image = parse(client.get(url).data).one(".story__body img")
    assert image["srcset"] == ", ".join(f"/media/{v['key']} {v['width']}w" for v in jpegs)
    assert image["loading"] == "lazy" and image["sizes"]
    assert (image["width"], image["height"]) == (str(jpegs[0]["width"]), str(jpegs[0]["height"]))
    assert image["alt"] == ("" if decorative else "Lễ hội đua ghe")


def test_foreign_images_in_the_body_are_left_alone(client):
    article = make_article(body='<p><img src="https://example.org/a.jpg" alt="Ngoài"></p>')
    with client.application.test_request_context():
        url = article_url(article)
    image = parse(client.get(url).data).one(".story__body img")
    assert image.attrs == {"src": "https://example.org/a.jpg", "alt": "Ngoài"}
