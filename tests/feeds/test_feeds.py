"""RSS 2.0 and Atom feeds: the whole site, each section (sub-sections included) and each keyword."""

from datetime import timedelta
from pathlib import Path

import pytest

from app.articles import workflow
from app.articles.views import article_url
from app.core.dates import as_utc
from app.extensions import db as _db
from app.feeds import queries
from app.settings.queries import get_site_settings
from app.settings.services import SettingsInput, save_site_settings
from tests.factories import NON_PUBLIC, make_article, make_image, make_section, make_user
from tests.feeds.documents import NS, atom_entries, atom_links, rfc822, rfc3339, rss_items, rss_links, xml

SITE_FEEDS = ("/rss.xml", "/atom.xml")


def reloaded(instance):
    """The same row in the current session (each test request closed the previous one)."""
    return _db.session.get(type(instance), instance.id)


def seconds(value):
    return as_utc(value).replace(microsecond=0)


@pytest.fixture
def politics(db):
    return make_section("Chính trị", slug="chinh-tri")


def test_the_site_rss_feed_is_an_rss_2_channel_of_public_articles_newest_first(client, politics):
    older = make_article("Hội nghị trực tuyến", section=politics, keywords=["Chuyển đổi số"], hours_ago=5)
    newer = make_article(
        "Đại hội Đảng bộ phường", section=politics, keywords=["Đại hội", "Chuyển đổi số"], byline="TRẦN B"
    )

    response = client.get("/rss.xml")

    assert response.content_type == "application/rss+xml; charset=utf-8"
    channel = xml(response).find("channel")
    assert channel.findtext("title") == get_site_settings().site_name
    assert channel.findtext("link") == "http://bantin.test/"
    assert channel.findtext("description")
    assert channel.findtext("language") == "vi"
    assert channel.find("atom:link[@rel='self']", NS).get("href") == "http://bantin.test/rss.xml"
    assert rfc822(channel.findtext("lastBuildDate")) == max(
        seconds(older.updated_at), seconds(newer.updated_at)
    )
    items = rss_items(response)
    assert [item.findtext("title") for item in items] == ["Đại hội Đảng bộ phường", "Hội nghị trực tuyến"]
    first = items[0]
    url = article_url(newer, _external=True)
    assert url.startswith("http://bantin.test/chinh-tri/")
    assert first.findtext("link") == url
    assert first.findtext("guid") == url and first.find("guid").get("isPermaLink") == "true"
    assert rfc822(first.findtext("pubDate")) == seconds(newer.published_at)
    assert first.findtext("dc:creator", namespaces=NS) == "TRẦN B"
    assert sorted(category.text for category in first.findall("category")) == ["Chuyển đổi số", "Đại hội"]
    assert first.findtext("description") == "Sapo của bài viết thử nghiệm."


def test_the_site_atom_feed_has_an_id_an_author_and_dated_entries(client, politics):
    article = make_article("Hội nghị trực tuyến", section=politics, keywords=["Chuyển đổi số"])

    response = client.get("/atom.xml")

    assert response.content_type == "application/atom+xml; charset=utf-8"
    feed = xml(response)
    assert feed.findtext("atom:id", namespaces=NS) == "http://bantin.test/atom.xml"
    assert feed.findtext("atom:title", namespaces=NS) == get_site_settings().site_name
    assert feed.findtext("atom:author/atom:name", namespaces=NS)
    assert rfc3339(feed.findtext("atom:updated", namespaces=NS)) == seconds(article.updated_at)
    assert feed.find("atom:link[@rel='self']", NS).get("href") == "http://bantin.test/atom.xml"
    assert feed.find("atom:link[@rel='alternate']", NS).get("href") == "http://bantin.test/"
    [entry] = atom_entries(response)
    url = article_url(article, _external=True)
    assert entry.findtext("atom:id", namespaces=NS) == url
    assert entry.find("atom:link", NS).get("href") == url
    assert entry.find("atom:link", NS).get("rel") in (None, "alternate")
    assert rfc3339(entry.findtext("atom:published", namespaces=NS)) == seconds(article.published_at)
    assert rfc3339(entry.findtext("atom:updated", namespaces=NS)) == seconds(article.updated_at)
    assert entry.findtext("atom:author/atom:name", namespaces=NS) == "NGUYỄN VĂN A"
    assert entry.findtext("atom:summary", namespaces=NS) == "Sapo của bài viết thử nghiệm."
    assert entry.find("atom:category", NS).get("term") == "Chuyển đổi số"


def test_a_cover_is_enclosed_as_its_largest_jpeg_with_the_files_byte_length(app, client, politics):
    article = make_article(section=politics, cover=make_image(size=(800, 450)))
    largest = max(
        (v for v in article.cover.variants if v["format"] == "jpg" and not v.get("crop")),
        key=lambda v: v["width"],
    )
    size = (Path(app.config["MEDIA_ROOT"]) / largest["key"]).stat().st_size

    [item] = rss_items(client.get("/rss.xml"))
    [entry] = atom_entries(client.get("/atom.xml"))

    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "image/jpeg"
    assert enclosure.get("url").endswith(largest["key"]) and enclosure.get("url").startswith(
        "http://bantin.test/"
    )
    assert int(enclosure.get("length")) == size
    with client.get(enclosure.get("url").removeprefix("http://bantin.test")) as served:
        assert served.status_code == 200 and len(served.data) == size
    link = entry.find("atom:link[@rel='enclosure']", NS)
    assert (link.get("href"), link.get("type"), int(link.get("length"))) == (
        enclosure.get("url"),
        "image/jpeg",
        size,
    )


def test_an_article_without_cover_has_no_enclosure(client, politics):
    make_article(section=politics)

    [item] = rss_items(client.get("/rss.xml"))

    assert item.find("enclosure") is None


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_feeds_list_only_public_articles(client, politics, status):
    shown = make_article("Bài đã đăng", section=politics, keywords=["Chuyển đổi số"])
    hidden = make_article("Bài chưa công khai", section=politics, keywords=["Chuyển đổi số"], status=status)
    urls = [*SITE_FEEDS, "/chinh-tri/rss.xml", "/chinh-tri/atom.xml"]
    urls += ["/tu-khoa/chuyen-doi-so/rss.xml", "/tu-khoa/chuyen-doi-so/atom.xml"]

    for url in urls:
        response = client.get(url)
        links = rss_links(response) if url.endswith("rss.xml") else atom_links(response)
        assert links == [article_url(shown, _external=True)], url
        assert "Bài chưa công khai".encode() not in response.data
        assert f"-{hidden.id}.html".encode() not in response.data


def test_publishing_and_unpublishing_change_the_feeds_on_the_next_request(client, politics):
    editor = make_user(role="editor")
    article = make_article("Tin sắp đăng", section=politics, status="pending")
    assert rss_items(client.get("/rss.xml")) == []

    workflow.publish(reloaded(article), actor=reloaded(editor))
    assert rss_links(client.get("/rss.xml")) == [article_url(article, _external=True)]
    assert atom_links(client.get("/chinh-tri/atom.xml")) == [article_url(article, _external=True)]

    workflow.unpublish(reloaded(article), actor=reloaded(editor))
    assert rss_items(client.get("/rss.xml")) == []
    assert atom_entries(client.get("/chinh-tri/atom.xml")) == []


def test_a_scheduled_article_enters_the_feed_once_its_time_has_come(client, politics, monkeypatch):
    article = make_article("Tin hẹn giờ", section=politics, status="scheduled")
    assert rss_items(client.get("/rss.xml")) == []

    later = as_utc(article.published_at) + timedelta(minutes=1)
    monkeypatch.setattr("app.articles.queries.utcnow", lambda: later)
    monkeypatch.setattr("app.caching.generation.utcnow", lambda: later)  # the cached feed expires too

    assert rss_links(client.get("/rss.xml")) == [article_url(article, _external=True)]


def test_a_section_feed_includes_its_sub_sections_and_no_other_section(client, politics):
    party = make_section("Xây dựng Đảng", slug="xay-dung-dang", parent=politics)
    economy = make_section("Kinh tế", slug="kinh-te")
    own = make_article("Tin chính trị", section=politics, hours_ago=3)
    child = make_article("Tin xây dựng Đảng", section=party, hours_ago=2)
    make_article("Tin kinh tế", section=economy, hours_ago=1)

    response = client.get("/chinh-tri/rss.xml")

    assert rss_links(response) == [article_url(child, _external=True), article_url(own, _external=True)]
    channel = xml(response).find("channel")
    assert channel.findtext("title").startswith("Chính trị")
    assert channel.findtext("link") == "http://bantin.test/chinh-tri/"
    assert [
        e.findtext("atom:title", namespaces=NS) for e in atom_entries(client.get("/xay-dung-dang/atom.xml"))
    ] == ["Tin xây dựng Đảng"]


def test_a_keyword_feed_lists_the_articles_tagged_with_it(client, politics):
    tagged = make_article("Chuyển đổi số ở phường", section=politics, keywords=["Chuyển đổi số"])
    make_article("Tin khác", section=politics, keywords=["Đại hội"])

    response = client.get("/tu-khoa/chuyen-doi-so/rss.xml")

    assert rss_links(response) == [article_url(tagged, _external=True)]
    assert xml(response).find("channel").findtext("link") == "http://bantin.test/tu-khoa/chuyen-doi-so"
    assert atom_links(client.get("/tu-khoa/chuyen-doi-so/atom.xml")) == [article_url(tagged, _external=True)]


def test_a_renamed_keywords_old_feed_address_redirects_to_the_new_one(client, politics):
    from app.keywords.queries import current_keyword_for_slug_or_404
    from app.keywords.services import rename_keyword

    make_article(section=politics, keywords=["Chuyển đổi số"])
    rename_keyword(
        current_keyword_for_slug_or_404("chuyen-doi-so"),
        name="Chuyển đổi số quốc gia",
        update_slug=True,
        actor=None,
    )

    response = client.get("/tu-khoa/chuyen-doi-so/atom.xml")

    assert response.status_code == 301
    assert response.headers["Location"].endswith("/tu-khoa/chuyen-doi-so-quoc-gia/atom.xml")


@pytest.mark.parametrize(
    "url",
    [
        "/khong-co/rss.xml",
        "/khong-co/atom.xml",
        "/tu-khoa/khong-co/rss.xml",
        "/tu-khoa/khong-co/atom.xml",
        "/tu-khoa/rss.xml",
        "/admin/rss.xml",
    ],
)
def test_an_unknown_section_or_keyword_feed_is_not_found(client, url):
    assert client.get(url).status_code == 404


def test_feeds_carry_the_lead_only_unless_the_settings_ask_for_full_text(client, politics):
    body = '<p>Toàn văn bài viết, xem thêm <a href="/chinh-tri/">chuyên mục</a>.</p>'
    make_article("Bài dài", section=politics, lead="Sapo ngắn.", body=body)

    [item] = rss_items(client.get("/rss.xml"))
    [entry] = atom_entries(client.get("/atom.xml"))
    assert item.findtext("description") == "Sapo ngắn."
    assert item.find("content:encoded", NS) is None
    assert entry.findtext("atom:summary", namespaces=NS) == "Sapo ngắn."
    assert entry.find("atom:content", NS) is None

    save_site_settings(SettingsInput(site_name="Bản tin quận An Phú", feed_full_text=True), actor=None)

    [item] = rss_items(client.get("/rss.xml"))
    [entry] = atom_entries(client.get("/atom.xml"))
    assert item.findtext("description") == "Sapo ngắn."
    full = item.findtext("content:encoded", namespaces=NS)
    assert "Toàn văn bài viết" in full
    assert 'href="http://bantin.test/chinh-tri/"' in full  # readers show it away from the site
    content = entry.find("atom:content", NS)
    assert content.get("type") == "html" and content.text == full
    assert entry.findtext("atom:summary", namespaces=NS) == "Sapo ngắn."


def test_an_article_without_lead_is_summarised_by_the_start_of_its_text(client, politics):
    make_article(section=politics, lead="", body="<p>" + "Người dân phường An Phú " * 40 + "</p>")

    [item] = rss_items(client.get("/rss.xml"))

    summary = item.findtext("description")
    assert summary.startswith("Người dân phường An Phú") and summary.endswith("…")
    assert len(summary) <= 301


def test_a_feed_holds_the_newest_articles_only(client, politics, monkeypatch):
    monkeypatch.setattr(queries, "FEED_SIZE", 3)
    articles = [make_article(f"Tin số {n}", section=politics, hours_ago=10 - n) for n in range(5)]

    assert rss_links(client.get("/rss.xml")) == [article_url(a, _external=True) for a in articles[:1:-1]]


def test_a_reader_polling_an_unchanged_feed_gets_304(client, politics):
    make_article(section=politics)
    first = client.get("/rss.xml")

    again = client.get("/rss.xml", headers={"If-None-Match": first.headers["ETag"]})

    assert again.status_code == 304


def test_a_feed_costs_the_same_statements_with_3_articles_or_25(client, politics, count_statements):
    def statements() -> int:
        with count_statements() as counter:
            assert client.get("/chinh-tri/rss.xml").status_code == 200
        return counter.count

    for n in range(3):
        make_article(
            section=politics, keywords=["Chuyển đổi số"], cover=make_image(size=(400, 225)), hours_ago=n + 1
        )
    few = statements()
    for n in range(22):
        make_article(
            section=politics, keywords=["Đại hội"], cover=make_image(size=(400, 225)), hours_ago=n + 10
        )

    assert statements() == few


def test_the_settings_checkbox_turns_full_text_feeds_on_and_off(client, login_as, db):
    from tests.pages import csrf_token, parse

    login_as("admin")
    form = {"site_name": "Bản tin quận An Phú"}
    page = parse(client.get("/admin/settings/").get_data(as_text=True))
    assert "Nguồn tin (RSS) đăng toàn văn bài viết" in page.one("label[for=feed_full_text]").text

    client.post("/admin/settings/", data={"csrf_token": csrf_token(client), **form, "feed_full_text": "y"})
    db.session.expire_all()
    assert get_site_settings().feed_full_text is True
    page = parse(client.get("/admin/settings/").get_data(as_text=True))
    assert page.one("#feed_full_text").has_attr("checked")

    client.post("/admin/settings/", data={"csrf_token": csrf_token(client), **form})
    db.session.expire_all()
    assert get_site_settings().feed_full_text is False


def test_a_word_pasted_control_character_does_not_break_the_feeds(client, politics):
    make_article(
        "Tin\x0bmột", section=politics, lead="Sapo\x0ccó ký tự lạ", byline="A\x02B", keywords=["Từ khóa"]
    )

    for url in (*SITE_FEEDS, "/sitemap-news.xml"):
        assert xml(client.get(url)) is not None, url
    [item] = rss_items(client.get("/rss.xml"))
    assert item.findtext("title") == "Tin một"
