"""sitemap.xml (paged past the protocol's limit), the 48-hour news sitemap and robots.txt."""

from datetime import timedelta

import pytest

from app.articles import workflow
from app.articles.services import input_from_snapshot, save_article, snapshot
from app.articles.views import article_url
from app.core.dates import as_utc, utcnow
from app.core.db import write_transaction
from app.demo.bulk import seed_bulk
from app.extensions import cache
from app.extensions import db as _db
from app.feeds import sitemaps
from app.sections.services import SectionInput, create_section
from app.settings.queries import get_site_settings
from tests.factories import NON_PUBLIC, make_article, make_campaign, make_section, make_user
from tests.feeds.documents import NS, rfc3339, sitemap_locs, valid, xml

ROOT = "http://bantin.test"


def reloaded(instance):
    return _db.session.get(type(instance), instance.id)


@pytest.fixture
def politics(db):
    return make_section("Chính trị", slug="chinh-tri")


def lastmods(response) -> dict[str, str]:
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in xml(response).iterfind("sm:url", NS)
    }


def test_the_sitemap_lists_home_sections_campaigns_keywords_and_public_articles(client, politics):
    party = make_section("Xây dựng Đảng", slug="xay-dung-dang", parent=politics)
    make_campaign(slug="chung-tay-vi-nguoi-ngheo")
    article = make_article("Đại hội", section=party, keywords=["Chuyển đổi số"])
    make_article("Bản nháp", section=party, keywords=["Chỉ trong bản nháp"], status="draft")

    response = client.get("/sitemap.xml")

    assert response.content_type == "application/xml; charset=utf-8"
    root = valid(response, "sitemap")
    assert root.tag == f"{{{NS['sm']}}}urlset"
    assert sorted(sitemap_locs(response)) == sorted(
        [
            f"{ROOT}/",
            f"{ROOT}/chinh-tri/",
            f"{ROOT}/xay-dung-dang/",
            f"{ROOT}/phong-trao/chung-tay-vi-nguoi-ngheo",
            f"{ROOT}/tu-khoa/chuyen-doi-so",  # the draft's keyword has nothing public: not listed
            article_url(article, _external=True),
        ]
    )
    assert rfc3339(lastmods(response)[article_url(article, _external=True)]) == as_utc(
        article.updated_at
    ).replace(microsecond=0)


def test_an_edit_moves_the_articles_lastmod(client, politics):
    editor = make_user(role="editor")
    article = make_article("Đại hội", section=politics)
    url = article_url(article, _external=True)
    before = rfc3339(lastmods(client.get("/sitemap.xml"))[url])
    with write_transaction():
        reloaded(article).updated_at = utcnow() - timedelta(days=2)  # as if last edited two days ago
    stale = rfc3339(lastmods(client.get("/sitemap.xml"))[url])
    assert stale < before

    stored = reloaded(article)
    data = input_from_snapshot(snapshot(stored))
    data.title = "Đại hội Đảng bộ (cập nhật)"
    save_article(stored, data, actor=editor, expected_version=stored.version)

    assert rfc3339(lastmods(client.get("/sitemap.xml"))[url]) > stale


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_sitemaps_list_only_public_articles(client, politics, status):
    make_article("Bài đã đăng", section=politics)
    hidden = make_article("Bài chưa công khai", section=politics, keywords=["Chỉ bài ẩn"], status=status)

    for url in ("/sitemap.xml", "/sitemap-news.xml"):
        response = client.get(url)
        assert f"-{hidden.id}.html".encode() not in response.data, url
        assert b"chi-bai-an" not in response.data, url


def test_publishing_and_unpublishing_change_the_sitemaps_on_the_next_request(client, politics):
    editor = make_user(role="editor")
    article = make_article("Tin sắp đăng", section=politics, status="pending")
    url = article_url(article, _external=True)
    assert url not in sitemap_locs(client.get("/sitemap.xml"))

    workflow.publish(reloaded(article), actor=reloaded(editor))
    assert url in sitemap_locs(client.get("/sitemap.xml"))
    assert url in sitemap_locs(client.get("/sitemap-news.xml"))

    workflow.unpublish(reloaded(article), actor=reloaded(editor))
    assert url not in sitemap_locs(client.get("/sitemap.xml"))
    assert url not in sitemap_locs(client.get("/sitemap-news.xml"))


def test_past_the_limit_the_sitemap_is_an_index_of_valid_children_holding_every_url_once(
    client, politics, monkeypatch
):
    articles = [make_article(f"Tin số {n}", section=politics) for n in range(6)]
    single = sorted(sitemap_locs(client.get("/sitemap.xml")))  # home, the section, six articles
    assert client.get("/sitemap-1.xml").status_code == 404  # no children while one file is enough
    monkeypatch.setattr(sitemaps, "MAX_URLS", 3)
    cache.clear()  # a lowered limit is no content change: drop the sitemap cached under the old one

    index = client.get("/sitemap.xml")

    root = valid(index, "siteindex")
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    children = [loc.text for loc in root.iterfind("sm:sitemap/sm:loc", NS)]
    assert children == [f"{ROOT}/sitemap-1.xml", f"{ROOT}/sitemap-2.xml", f"{ROOT}/sitemap-3.xml"]
    paged = []
    for child in children:
        response = client.get(child.removeprefix(ROOT))
        valid(response, "sitemap")
        assert len(sitemap_locs(response)) <= 3
        paged += sitemap_locs(response)
    assert sorted(paged) == single and len(set(paged)) == len(paged) == 8
    assert {article_url(a, _external=True) for a in articles} <= set(paged)
    assert client.get("/sitemap-4.xml").status_code == 404
    assert client.get("/sitemap-0.xml").status_code == 404


def test_the_news_sitemap_holds_public_articles_of_the_last_48_hours(client, politics):
    recent = make_article("Tin mới & nóng", section=politics, hours_ago=47)
    make_article("Tin cũ", section=politics, hours_ago=49)

    response = client.get("/sitemap-news.xml")

    valid(response, "news-sitemap")
    assert sitemap_locs(response) == [article_url(recent, _external=True)]
    news = xml(response).find("sm:url/news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == get_site_settings().site_name
    assert news.findtext("news:publication/news:language", namespaces=NS) == "vi"
    assert news.findtext("news:title", namespaces=NS) == "Tin mới & nóng"
    published = rfc3339(news.findtext("news:publication_date", namespaces=NS))
    assert published == as_utc(recent.published_at).replace(microsecond=0)


def test_robots_txt_lets_crawlers_in_keeps_them_off_private_pages_and_names_the_sitemaps(client):
    response = client.get("/robots.txt")

    assert response.content_type == "text/plain; charset=utf-8"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    for path in ("/admin/", "/bai-viet/*/binh-luan", "/captcha/", "/tim-kiem"):
        assert f"Disallow: {path}" in lines
    assert f"Sitemap: {ROOT}/sitemap.xml" in lines
    assert f"Sitemap: {ROOT}/sitemap-news.xml" in lines


def test_a_section_cannot_take_the_sitemaps_or_feeds_address(client, politics):
    section = create_section(SectionInput(name="Sitemap", slug="sitemap.xml"), actor=None)

    assert "." not in section.slug
    assert xml(client.get("/sitemap.xml")).tag == f"{{{NS['sm']}}}urlset"
    assert client.get("/rss.xml").content_type.startswith("application/rss+xml")


def test_the_sitemap_costs_the_same_statements_with_10_articles_or_510(client, politics, count_statements):
    def statements() -> int:
        with count_statements() as counter:
            assert client.get("/sitemap.xml").status_code == 200
        return counter.count

    for n in range(10):
        make_article(section=politics, keywords=["Chuyển đổi số"], hours_ago=n + 1)
    few = statements()
    seed_bulk(500)

    assert statements() == few
    assert len(sitemap_locs(client.get("/sitemap.xml"))) > 510
