"""Photo stories: building the gallery in the back office and reading it on the public site."""

import io

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.core.db import write_transaction
from app.extensions import db
from app.media.models import GalleryItem, Media
from tests.factories import make_article, make_image, make_section
from tests.pages import csrf_token, parse


def png(color=(200, 40, 40), size=(320, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def photo_story(status="published", author=None, **overrides):
    section = overrides.pop("section", None) or make_section(kind="photo")
    article = make_article(section=section, status=status, format="photo", **overrides)
    if author is not None:
        with write_transaction():
            article.created_by_id = author.id
    return article


def gallery_url(article, suffix=""):
    return f"/admin/articles/{article.id}/gallery{suffix}"


def post(client, article, suffix, data=None, **kwargs):
    token = csrf_token(client, gallery_url(article))
    return client.post(gallery_url(article, suffix), data={**(data or {}), "csrf_token": token}, **kwargs)


def upload(client, article, *files):
    data = {"photos": [(io.BytesIO(content), name) for name, content in files]}
    return post(client, article, "/add", data, content_type="multipart/form-data")


def add_gallery(article, captions):
    """Gallery items straight in the database (positions 1..n), for tests about reading and moving."""
    items = []
    with write_transaction():
        for position, caption in enumerate(captions, start=1):
            item = GalleryItem(article_id=article.id, media=make_image(), position=position, caption=caption)
            db.session.add(item)
            items.append(item)
    return items


def positions(article):
    rows = db.session.execute(
        select(GalleryItem.caption, GalleryItem.position)
        .where(GalleryItem.article_id == article.id)
        .order_by(GalleryItem.position)
    )
    return [tuple(row) for row in rows]


def article_page(client, article):
    with client.application.test_request_context():
        from app.public.context import article_url

        url = article_url(article)
    response = client.get(url)
    assert response.status_code == 200
    return parse(response.data)


def test_three_uploaded_photos_reordered_by_drag_show_in_the_new_order_on_the_public_page(client, login_as):
    login_as("editor")
    article = photo_story()
    response = upload(
        client, article, ("a.png", png((255, 0, 0))), ("b.png", png((0, 255, 0))), ("c.png", png((0, 0, 255)))
    )
    assert response.status_code == 302
    items = list(db.session.scalars(select(GalleryItem).where(GalleryItem.article_id == article.id)))
    assert sorted(item.position for item in items) == [1, 2, 3]
    texts = {f"caption-{item.id}": f"Ảnh {item.position}" for item in items}
    assert post(client, article, "/texts", texts).status_code == 302
    by_position = sorted(items, key=lambda item: item.position)
    new_order = [by_position[2].id, by_position[0].id, by_position[1].id]

    response = post(
        client,
        article,
        "/order",
        {"order": ",".join(map(str, new_order))},
        headers={"Accept": "application/json"},
    )

    assert response.status_code == 200
    assert response.json["message"] == "Đã lưu thứ tự mới."
    assert [text.strip() for text in article_page(client, article).texts(".gallery__caption")] == [
        "Ảnh 3",
        "Ảnh 1",
        "Ảnh 2",
    ]
    db.session.expire_all()
    assert positions(article) == [("Ảnh 3", 1), ("Ảnh 1", 2), ("Ảnh 2", 3)]


@pytest.mark.parametrize(
    ("caption", "direction", "expected"),
    [
        ("Hai", "up", ["Hai", "Một", "Ba"]),
        ("Hai", "down", ["Một", "Ba", "Hai"]),
        ("Một", "up", ["Một", "Hai", "Ba"]),
        ("Ba", "down", ["Một", "Hai", "Ba"]),
    ],
)
def test_move_buttons_work_as_plain_form_posts_and_renumber_one_to_n(
    client, login_as, caption, direction, expected
):
    login_as("editor")
    article = photo_story()
    items = {item.caption: item for item in add_gallery(article, ["Một", "Hai", "Ba"])}

    response = post(client, article, f"/{items[caption].id}/move", {"direction": direction})

    assert response.status_code == 302
    db.session.expire_all()
    assert positions(article) == [(text, number) for number, text in enumerate(expected, start=1)]


def test_the_admin_page_lists_photos_in_order_with_move_buttons_that_need_no_javascript(client, login_as):
    login_as("editor")
    article = photo_story()
    first, second = add_gallery(article, ["Đầu", "Sau"])
    page = parse(client.get(gallery_url(article)).data)

    assert [element["id"] for element in page.select("[data-item-id]")] == [
        f"item-{first.id}",
        f"item-{second.id}",
    ]
    up = page.one(f"#item-{second.id} button[value=up]")
    assert up["formaction"] == gallery_url(article, f"/{second.id}/move")
    assert up["aria-label"] == "Chuyển ảnh 2 lên trên"
    assert page.one(f"#item-{first.id} button[value=up]").has_attr("disabled")
    assert page.one(f"#caption-{first.id}").text == "Đầu"


def test_caption_and_credit_are_saved_audited_and_shown_with_each_photo(client, login_as):
    login_as("editor")
    article = photo_story()
    (item,) = add_gallery(article, [""])

    response = post(
        client,
        article,
        "/texts",
        {f"caption-{item.id}": "Lễ hội  đình làng", f"credit-{item.id}": "Minh Anh"},
    )

    assert response.status_code == 302
    figure = article_page(client, article).one(".gallery__item figcaption")
    assert figure.one(".gallery__caption").text == "Lễ hội đình làng"
    assert figure.one(".credit").text == "Ảnh: Minh Anh"
    actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.object_id == article.id))
    assert "gallery.edit" in list(actions)


def test_a_too_long_credit_is_refused_next_to_its_field(client, login_as):
    login_as("editor")
    article = photo_story()
    (item,) = add_gallery(article, ["Giữ nguyên"])

    response = post(client, article, "/texts", {f"caption-{item.id}": "Mới", f"credit-{item.id}": "x" * 201})

    assert response.status_code == 400
    page = parse(response.data)
    assert "200 ký tự" in page.one(f"#credit-{item.id}-error").text
    assert page.one(f"#caption-{item.id}").text == "Mới", "what was typed is kept"
    db.session.expire_all()
    assert db.session.get(GalleryItem, item.id).caption == "Giữ nguyên"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.jpg", b""),
        ("page.jpg", b"<html><script>alert(1)</script></html>"),
        ("cut.png", png()[:60]),
    ],
    ids=["zero bytes", "html named jpg", "truncated png"],
)
def test_bad_uploads_get_a_vietnamese_error_next_to_the_field_and_store_nothing(
    client, login_as, name, content
):
    login_as("editor")
    article = photo_story()
    media_before = db.session.scalar(select(func.count(Media.id)))

    response = upload(client, article, (name, content))

    assert response.status_code == 400
    error = parse(response.data).one("#photos-error").text
    assert "ảnh" in error.lower() or "tệp" in error.lower()
    assert db.session.scalar(select(func.count(Media.id))) == media_before
    assert positions(article) == []


def test_one_bad_file_in_a_batch_keeps_none_of_the_batch(client, login_as):
    login_as("editor")
    article = photo_story()

    response = upload(client, article, ("good.png", png()), ("bad.jpg", b"not an image"))

    assert response.status_code == 400
    assert positions(article) == []


def test_library_images_are_picked_by_id_and_unknown_ids_are_refused(client, login_as):
    login_as("editor")
    article = photo_story()
    image = make_image(credit="Thư viện")

    assert post(client, article, "/add", {"media_ids": [str(image.id)]}).status_code == 302
    (item,) = db.session.scalars(select(GalleryItem).where(GalleryItem.article_id == article.id))
    assert (item.media_id, item.position, item.credit) == (image.id, 1, "Thư viện")

    response = post(client, article, "/add", {"media_ids": ["999999"]})
    assert response.status_code == 400
    assert "999999" in parse(response.data).one(".gallery-admin__recent .error").text


def test_removing_a_photo_renumbers_the_rest_and_keeps_the_image_in_the_library(client, login_as):
    login_as("editor")
    article = photo_story()
    _first, middle, _last = add_gallery(article, ["A", "B", "C"])
    media_id = middle.media_id

    assert post(client, article, f"/{middle.id}/remove").status_code == 302

    db.session.expire_all()
    assert positions(article) == [("A", 1), ("C", 2)]
    assert db.session.get(Media, media_id) is not None


@pytest.mark.parametrize(
    ("order", "status"), [("1,2", 400), ("abc", 400)], ids=["not every photo", "not numbers"]
)
def test_a_wrong_drag_order_is_refused_and_changes_nothing(client, login_as, order, status):
    login_as("editor")
    article = photo_story()
    add_gallery(article, ["A", "B", "C"])

    assert post(client, article, "/order", {"order": order}).status_code == status
    db.session.expire_all()
    assert positions(article) == [("A", 1), ("B", 2), ("C", 3)]


def test_a_photo_of_another_story_cannot_be_moved_or_removed_through_this_one(client, login_as):
    login_as("editor")
    article, other = photo_story(), photo_story()
    add_gallery(article, ["A"])
    (foreign,) = add_gallery(other, ["X"])

    assert post(client, article, f"/{foreign.id}/remove").status_code == 400
    assert positions(other) == [("X", 1)]


@pytest.mark.parametrize(
    ("whose", "status", "expected"),
    [
        ("own", "draft", 200),
        ("own", "rejected", 200),
        ("own", "pending", 403),
        ("own", "published", 403),
        ("other", "draft", 403),
    ],
)
def test_contributors_manage_only_the_galleries_of_their_own_draft_or_returned_stories(
    client, login_as, whose, status, expected
):
    contributor = login_as("contributor")
    article = photo_story(status=status, author=contributor if whose == "own" else None)
    (item,) = add_gallery(article, ["A"])

    assert client.get(gallery_url(article)).status_code == expected
    token = csrf_token(client)
    moved = client.post(gallery_url(article, f"/{item.id}/remove"), data={"csrf_token": token})
    assert moved.status_code == (302 if expected == 200 else 403)


def test_gallery_changes_are_audited(client, login_as):
    login_as("editor")
    article = photo_story()
    first, _second = add_gallery(article, ["A", "B"])
    post(client, article, f"/{first.id}/move", {"direction": "down"})
    upload(client, article, ("new.png", png()))
    post(client, article, f"/{first.id}/remove")

    actions = list(db.session.scalars(select(AuditEvent.action).where(AuditEvent.object_id == article.id)))
    assert {"gallery.reorder", "gallery.add", "gallery.remove"} <= set(actions)


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    article = photo_story()
    response = client.get(gallery_url(article))
    assert response.status_code == 302
    assert "/login" in response.headers["Location"] or "dang-nhap" in response.headers["Location"]


def test_unknown_story_is_404(client, login_as):
    login_as("editor")
    assert client.get("/admin/articles/999999/gallery").status_code == 404


def test_the_editor_links_to_the_gallery_of_a_photo_story_only(client, login_as):
    login_as("editor")
    photo, standard = photo_story(status="draft"), make_article(status="draft")
    add_gallery(photo, ["A", "B"])

    assert gallery_url(photo) in parse(client.get(f"/admin/articles/{photo.id}/edit").data).links()
    assert not any(
        "/gallery" in link for link in parse(client.get(f"/admin/articles/{standard.id}/edit").data).links()
    )


def test_without_javascript_each_photo_links_to_its_largest_version_and_no_script_is_inline(client):
    article = photo_story()
    first, _second = add_gallery(article, ["A", "B"])
    page = article_page(client, article)

    links = page.select(".gallery [data-lightbox-item]")
    assert len(links) == 2
    largest = max(
        (
            v
            for v in db.session.get(Media, first.media_id).variants
            if v["format"] == "jpg" and not v.get("crop")
        ),
        key=lambda v: v["width"],
    )
    assert links[0]["href"].endswith(largest["key"])
    assert links[0].one("img")["alt"]
    gallery = page.one(".gallery[data-lightbox]")
    assert gallery["data-lightbox-counter"] == "Ảnh {n}/{total}"
    assert gallery["data-lightbox-close"] == "Đóng khung xem ảnh"
    scripts = page.select("script")
    assert any(script.get("src", "").split("?")[0].endswith("/js/lightbox.js") for script in scripts)
    executable = [script for script in scripts if script.get("type") != "application/ld+json"]
    assert all(script.get("src") for script in executable), "no inline JavaScript (JSON-LD is data)"


def test_the_photo_section_shows_each_story_with_its_first_photo_and_photo_count(client):
    section = make_section("Phóng sự ảnh", slug="phong-su-anh", kind="photo")
    covered = photo_story(section=section, hours_ago=1)
    uncovered = photo_story(section=section, hours_ago=2)
    add_gallery(covered, ["A", "B", "C"])
    (first, _) = add_gallery(uncovered, ["X", "Y"])

    page = parse(client.get("/phong-su-anh/").data)

    cards = {card.one(".teaser__title").text.strip(): card for card in page.select(".teaser")}
    assert cards[covered.title].one(".teaser__count").text == "3 ảnh"
    uncovered_card = cards[uncovered.title]
    assert uncovered_card.one(".teaser__count").text == "2 ảnh"
    assert db.session.get(Media, first.media_id).sha256 in uncovered_card.one("img")["src"]


def test_the_sidebar_box_shows_the_latest_photo_story(client):
    section = make_section("Phóng sự ảnh", slug="phong-su-anh", kind="photo", in_sidebar=True)
    photo_story(section=section, title="Phóng sự cũ hơn", hours_ago=5)
    photo_story(section=section, title="Phóng sự mới nhất", hours_ago=1)

    page = parse(client.get("/").data)

    box = page.one(".sidebar .box--photo")
    assert box.one(".teaser__title").text.strip() == "Phóng sự mới nhất"
    assert "Phóng sự cũ hơn" in box.text
