"""The preview: exactly the public article page, for any status, to staff who may see the article only."""

import pytest

from app.articles.models import Article
from app.core.db import write_transaction
from app.extensions import db
from tests.factories import make_article, make_section, make_user
from tests.pages import parse


def authored(user, status: str = "draft", **overrides) -> Article:
    article = make_article(status=status, **overrides)
    with write_transaction():
        article.created_by_id = user.id
    return article


@pytest.mark.parametrize("status", ["draft", "pending", "scheduled", "rejected", "unpublished", "published"])
def test_staff_preview_an_article_in_any_status_on_the_public_template(client, login_as, status):
    login_as("editor")
    article = make_article(
        "Ngày hội đọc sách",
        status=status,
        section=make_section("Văn hoá", slug="van-hoa"),
        lead="Sapo ngày hội.",
        body="<h2>Chương trình</h2><p>Đọc sách cùng con.</p>",
        keywords=["Văn hoá đọc"],
        byline="LÊ THỊ E",
    )
    response = client.get(f"/admin/articles/{article.id}/preview")

    assert response.status_code == 200
    page = parse(response.data)
    assert page.one("body")["class"] == ["page-article"]
    assert page.one("h1.story__title").text == "Ngày hội đọc sách"
    assert page.one(".story__lead").text == "Sapo ngày hội."
    assert page.one(".story__body h2").text == "Chương trình"
    assert page.one(".story__byline").text == "LÊ THỊ E"
    assert page.one(".story__keywords a").text == "Văn hoá đọc"
    assert page.one(".breadcrumb").texts("a")[-1] == "Văn hoá"
    assert "Bản xem trước" in page.one(".preview-banner").text
    assert page.one('meta[name="robots"]')["content"] == "noindex, nofollow"
    assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert response.headers["Cache-Control"] == "no-store"


def test_the_preview_matches_the_public_page_apart_from_the_banner_and_robots(client, login_as):
    article = make_article(
        "Tin đã đăng", keywords=["Giao thông"], body="<p>Nội dung <strong>đậm</strong>.</p>"
    )
    make_article("Tin liên quan", keywords=["Giao thông"])
    public = parse(client.get(f"/{article.section.slug}/{article.slug}-{article.id}.html").data)
    login_as("editor")
    preview = parse(client.get(f"/admin/articles/{article.id}/preview").data)
    preview.one(".preview-banner").decompose()
    assert " ".join(preview.one("main").decode().split()) == " ".join(public.one("main").decode().split())


def test_previewing_does_not_count_as_a_reading(client, login_as):
    login_as("editor")
    article = make_article()
    client.get(f"/admin/articles/{article.id}/preview")
    assert db.session.get(Article, article.id).view_count == 0


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    article = make_article(status="draft")
    response = client.get(f"/admin/articles/{article.id}/preview")
    assert response.status_code == 302
    assert "/admin/login" in response.location


def test_contributors_preview_their_own_articles_but_not_others(client, login_as):
    author = login_as("contributor")
    own = authored(author, "pending")
    other = authored(make_user(role="contributor"), "draft")
    assert client.get(f"/admin/articles/{own.id}/preview").status_code == 200
    assert client.get(f"/admin/articles/{other.id}/preview").status_code == 403
