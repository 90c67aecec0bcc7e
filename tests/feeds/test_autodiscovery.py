"""Pages announce their feeds: the site's on every page, a section's and a keyword's on their own pages."""

from tests.factories import make_article, make_section
from tests.pages import parse

RSS = 'link[rel=alternate][type="application/rss+xml"]'


def feed_links(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response.data).links(RSS)


def test_every_public_page_announces_the_site_feed_and_section_and_keyword_pages_their_own(client, db):
    section = make_section("Chính trị", slug="chinh-tri")
    article = make_article(section=section, keywords=["Chuyển đổi số"])

    assert feed_links(client, "/") == ["http://bantin.test/rss.xml"]
    assert feed_links(client, f"/chinh-tri/{article.slug}-{article.id}.html") == [
        "http://bantin.test/rss.xml"
    ]
    assert feed_links(client, "/chinh-tri/") == [
        "http://bantin.test/rss.xml",
        "http://bantin.test/chinh-tri/rss.xml",
    ]
    assert feed_links(client, "/tu-khoa/chuyen-doi-so") == [
        "http://bantin.test/rss.xml",
        "http://bantin.test/tu-khoa/chuyen-doi-so/rss.xml",
    ]
    for feed in ("/rss.xml", "/chinh-tri/rss.xml", "/tu-khoa/chuyen-doi-so/rss.xml"):
        assert client.get(feed).status_code == 200
