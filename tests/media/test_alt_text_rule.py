"""Publishing needs alt text: an article whose cover, gallery or body images (our media) lack it is
refused with the files listed, unless an image is marked decorative (then it is read with alt="")."""

import pytest

from app.articles import workflow
from app.articles.models import Article, ArticleStatus
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.extensions import db
from app.media.models import GalleryItem
from tests.factories import make_article, make_image, make_user
from tests.pages import csrf_token, parse


def undescribed(filename="khong-mo-ta.jpg", *, decorative=False):
    media = make_image()
    with write_transaction():
        media.filename = filename
        media.is_decorative = decorative
    return media


def body_with(media) -> str:
    return f'<p>Chữ.</p><p><img src="/media/{media.variants[0]["key"]}" alt="" width="320" height="180"></p>'


def in_gallery(article, media):
    with write_transaction():
        db.session.add(GalleryItem(article_id=article.id, media_id=media.id, position=1))


@pytest.mark.parametrize("place", ["cover", "body", "gallery"])
def test_publishing_with_an_image_without_alt_text_is_refused_naming_it(db, place):
    editor = make_user(role="editor")
    media = undescribed(f"anh-{place}.jpg")
    article = make_article(
        status="draft",
        cover=media if place == "cover" else None,
        body=body_with(media) if place == "body" else "<p>Chữ.</p>",
    )
    if place == "gallery":
        in_gallery(article, media)
    with pytest.raises(InvalidInput) as refused:
        workflow.publish(article, actor=editor)
    assert f"anh-{place}.jpg" in refused.value.message
    assert "văn bản thay thế" in refused.value.message
    db.session.expire_all()
    assert db.session.get(Article, article.id).status is ArticleStatus.DRAFT


@pytest.mark.parametrize("fix", ["alt", "decorative"])
def test_an_image_with_alt_text_or_marked_decorative_may_be_published(db, fix):
    editor = make_user(role="editor")
    media = undescribed(decorative=fix == "decorative")
    if fix == "alt":
        with write_transaction():
            media.alt = "Cây đa đầu làng"
    article = make_article(status="draft", cover=media, body=body_with(media))
    workflow.publish(article, actor=editor)
    assert article.status is ArticleStatus.PUBLISHED


def test_rescheduling_a_published_article_checks_its_images_too(db):
    editor = make_user(role="editor")
    media = undescribed("moi-them.jpg")
    article = make_article(status="published", body=body_with(media))
    with pytest.raises(InvalidInput, match=r"moi-them\.jpg"):
        workflow.reschedule(article, actor=editor, at=None)


def test_other_transitions_do_not_check_alt_text(db):
    author = make_user(role="contributor")
    article = make_article(status="draft", cover=undescribed())
    with write_transaction():
        article.created_by_id = author.id
    workflow.submit(article, actor=author)
    assert article.status is ArticleStatus.PENDING


def test_the_editor_shows_the_refusal_and_keeps_the_article_unpublished(client, login_as):
    login_as("editor")
    article = make_article(status="pending", cover=undescribed("bia.jpg"))
    response = client.post(
        f"/admin/articles/{article.id}/transition",
        data={"action": "publish", "csrf_token": csrf_token(client)},
    )
    assert response.status_code == 400
    assert "bia.jpg" in parse(response.data).text
    db.session.expire_all()
    assert db.session.get(Article, article.id).status is ArticleStatus.PENDING


def test_a_decorative_cover_is_announced_as_nothing_on_the_public_page(client):
    cover = make_image(alt="Ảnh trang trí")
    with write_transaction():
        cover.is_decorative = True
        db.session.add(cover)
    article = make_article("Bài có ảnh trang trí", cover=cover, cover_caption="Chú thích ảnh")
    page = parse(client.get(f"/{article.section.slug}/{article.slug}-{article.id}.html").data)
    assert page.one(".story__cover img")["alt"] == ""
