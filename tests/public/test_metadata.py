"""What link previews and search engines read: canonical URL, Open Graph, Twitter card, JSON-LD, sharing."""

import json
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from app.core.db import write_transaction
from app.extensions import db
from app.media.models import Media
from app.public.metadata import share_image
from app.settings.models import SiteSettings
from tests.factories import make_article, make_campaign, make_image, make_section
from tests.pages import parse

HOST = "http://bantin.test"


def path_of(article) -> str:
    return f"/{article.section.slug}/{article.slug}-{article.id}.html"


def meta(page, key: str, attribute: str = "property") -> str:
    return page.one(f'meta[{attribute}="{key}"]')["content"]


def meta_all(page, key: str) -> list[str]:
    return [tag["content"] for tag in page.select(f'meta[property="{key}"]')]


def structured(page, kind: str) -> dict:
    """The JSON-LD object of that @type, read the way a crawler reads it: the script's text as JSON."""
    found = [json.loads(script.string) for script in page.select('script[type="application/ld+json"]')]
    matching = [data for data in found if data["@type"] == kind]
    assert len(matching) == 1, f"expected one {kind}, found {len(matching)}"
    return matching[0]


def set_logo(**fields) -> Media:
    logo = make_image(size=(400, 200))
    with write_transaction():
        db.session.add(
            SiteSettings(id=1, site_name="Cổng thông tin quận Hải Châu", logo_id=logo.id, **fields)
        )
    return logo


@pytest.fixture
def story(db):
    """A covered, tagged article in a sub-section, as most articles are."""
    parent = make_section("Chính trị", slug="chinh-tri")
    section = make_section("Xây dựng Đảng", slug="xay-dung-dang", parent=parent)
    return make_article(
        "Quận triển khai chuyển đổi số",
        section=section,
        lead="Sapo về chuyển đổi số.",
        byline="Trần Thị Bình",
        keywords=["Chuyển đổi số", "Cải cách hành chính"],
        cover=make_image(size=(800, 450), alt="Cán bộ hướng dẫn người dân"),
    )


def test_article_preview_tags_point_at_the_canonical_page_and_the_widest_cover(client, story):
    page = parse(client.get(path_of(story)).data)

    canonical = page.one('link[rel="canonical"]')["href"]
    assert canonical == HOST + path_of(story)
    assert meta(page, "og:url") == canonical
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == "Quận triển khai chuyển đổi số"
    assert meta(page, "og:description") == "Sapo về chuyển đổi số."
    assert meta(page, "og:locale") == "vi_VN"
    widest = max(
        (v for v in story.cover.variants if v["format"] == "jpg" and not v.get("crop")),
        key=lambda v: v["width"],
    )
    image = meta(page, "og:image")
    assert image == f"{HOST}/media/{widest['key']}"
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("640", "360")
    assert meta(page, "og:image:alt") == "Cán bộ hướng dẫn người dân"
    with client.get(urlsplit(image).path) as served:
        assert served.status_code == 200 and served.mimetype == "image/jpeg"


def test_article_tags_carry_dates_with_vietnam_offset_section_and_each_keyword(client, story):
    page = parse(client.get(path_of(story)).data)

    published = datetime.fromisoformat(meta(page, "article:published_time"))
    assert published.utcoffset().total_seconds() == 7 * 3600
    assert published == story.published_at.replace(microsecond=0)
    assert datetime.fromisoformat(meta(page, "article:modified_time")) >= published
    assert meta(page, "article:section") == "Xây dựng Đảng"
    assert meta_all(page, "article:tag") == page.texts(".story__keywords a")
    assert sorted(meta_all(page, "article:tag")) == ["Chuyển đổi số", "Cải cách hành chính"]


def test_article_has_a_large_twitter_card_and_zalo_readable_itemprops(client, story):
    page = parse(client.get(path_of(story)).data)

    assert meta(page, "twitter:card", "name") == "summary_large_image"
    assert meta(page, "twitter:title", "name") == "Quận triển khai chuyển đổi số"
    assert meta(page, "twitter:description", "name") == "Sapo về chuyển đổi số."
    assert meta(page, "twitter:image", "name") == meta(page, "og:image")
    assert meta(page, "name", "itemprop") == "Quận triển khai chuyển đổi số"
    assert meta(page, "description", "itemprop") == "Sapo về chuyển đổi số."
    assert meta(page, "image", "itemprop") == meta(page, "og:image")


def test_meta_description_written_by_the_editor_wins_over_the_lead(client):
    article = make_article(meta_description="Mô tả cho mạng xã hội.")

    page = parse(client.get(path_of(article)).data)

    assert meta(page, "og:description") == "Mô tả cho mạng xã hội."
    assert structured(page, "NewsArticle")["description"] == "Mô tả cho mạng xã hội."


def test_json_ld_news_article_names_author_dates_image_and_publisher_with_logo(client, story):
    logo = set_logo()

    page = parse(client.get(path_of(story)).data)

    data = structured(page, "NewsArticle")
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == "Quận triển khai chuyển đổi số"
    assert data["description"] == "Sapo về chuyển đổi số."
    assert data["image"] == [meta(page, "og:image")]
    assert datetime.fromisoformat(data["datePublished"]) == story.published_at.replace(microsecond=0)
    assert data["datePublished"].endswith("+07:00") and data["dateModified"].endswith("+07:00")
    assert data["author"] == {"@type": "Person", "name": "Trần Thị Bình"}
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == "Cổng thông tin quận Hải Châu"
    assert publisher["url"] == HOST + "/"
    assert publisher["logo"]["@type"] == "ImageObject"
    assert publisher["logo"]["url"] == share_image(logo)["url"]
    with client.get(urlsplit(publisher["logo"]["url"]).path) as served:
        assert served.status_code == 200
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": HOST + path_of(story)}
    assert data["articleSection"] == "Xây dựng Đảng"
    assert data["keywords"] == page.texts(".story__keywords a") and len(data["keywords"]) == 2
    assert data["inLanguage"] == "vi"


def test_json_ld_credits_the_office_when_an_article_has_no_byline(client):
    article = make_article(byline="")

    data = structured(parse(client.get(path_of(article)).data), "NewsArticle")

    assert data["author"]["@type"] == "Organization"
    assert data["author"]["name"] == data["publisher"]["name"]
    assert "logo" not in data["publisher"]  # no logo uploaded yet


def test_json_ld_breadcrumbs_go_home_parent_section_article_with_absolute_urls(client, story):
    page = parse(client.get(path_of(story)).data)

    items = structured(page, "BreadcrumbList")["itemListElement"]
    assert [(item["position"], item["name"], item["item"]) for item in items] == [
        (1, "Trang chủ", HOST + "/"),
        (2, "Chính trị", HOST + "/chinh-tri/"),
        (3, "Xây dựng Đảng", HOST + "/xay-dung-dang/"),
        (4, "Quận triển khai chuyển đổi số", HOST + path_of(story)),
    ]
    assert all(item["@type"] == "ListItem" for item in items)


def test_breadcrumbs_of_a_top_level_section_article_have_three_steps(client):
    article = make_article("Tin kinh tế", section=make_section("Kinh tế", slug="kinh-te"))

    items = structured(parse(client.get(path_of(article)).data), "BreadcrumbList")["itemListElement"]

    assert [item["name"] for item in items] == ["Trang chủ", "Kinh tế", "Tin kinh tế"]
    assert [item["position"] for item in items] == [1, 2, 3]


def test_a_hostile_title_stays_text_in_json_ld_and_meta_tags(client):
    title = 'Tin </script><script>alert(1)</script> "trích dẫn" & <!-- chú thích'
    article = make_article(title, lead="Sapo </SCRIPT > cũng vậy")

    html = client.get(path_of(article)).get_data(as_text=True)
    page = parse(html)

    scripts = page.select('script[type="application/ld+json"]')
    assert scripts and all("<" not in script.string for script in scripts)
    assert structured(page, "NewsArticle")["headline"] == title
    assert structured(page, "NewsArticle")["description"] == "Sapo </SCRIPT > cũng vậy"
    assert structured(page, "BreadcrumbList")["itemListElement"][-1]["name"] == title
    assert meta(page, "og:title") == title and meta(page, "twitter:title", "name") == title
    assert [
        s for s in page.select("script") if not s.get("src") and s.get("type") != "application/ld+json"
    ] == []
    assert "alert(1)</script>" not in html


def test_a_long_title_is_shortened_for_the_json_ld_headline_only(client):
    title = " ".join(["Hội nghị tổng kết công tác cải cách hành chính"] * 5)
    article = make_article(title)

    page = parse(client.get(path_of(article)).data)

    headline = structured(page, "NewsArticle")["headline"]
    assert len(headline) <= 110 and headline.endswith("…")
    assert title.startswith(headline[:-1])
    assert meta(page, "og:title") == title


def test_an_article_without_cover_has_no_preview_image_until_the_site_has_a_logo(client):
    article = make_article(cover=None)

    page = parse(client.get(path_of(article)).data)
    assert page.select('meta[property="og:image"]') == []
    assert meta(page, "twitter:card", "name") == "summary"
    assert "image" not in structured(page, "NewsArticle")

    logo = set_logo()
    page = parse(client.get(path_of(article)).data)
    assert meta(page, "og:image") == share_image(logo)["url"]
    assert structured(page, "NewsArticle")["image"] == [share_image(logo)["url"]]


def test_share_links_open_facebook_and_zalo_with_the_encoded_canonical_url(client, story):
    page = parse(client.get(path_of(story)).data)

    box = page.one("article.story .share")
    assert page.one(".story__footer").position < box.position
    facebook = box.one("a.share__link--facebook")
    zalo = box.one("a.share__link--zalo")
    canonical = HOST + path_of(story)
    for link, address, parameter in (
        (facebook, "https://www.facebook.com/sharer/sharer.php", "u"),
        (zalo, "https://sp.zalo.me/share_to_zalo", "url"),
    ):
        href = link["href"]
        assert href.startswith(address + "?") and "%2F" in href and "/xay-dung-dang/" not in href
        assert parse_qs(urlsplit(href).query) == {parameter: [canonical]}
        assert link["target"] == "_blank" and "noopener" in link["rel"]
    assert box.text.startswith("Chia sẻ: Facebook | Zalo")


def test_copy_link_button_waits_for_javascript_and_carries_the_canonical_url(client, story):
    box = parse(client.get(path_of(story)).data).one(".share")

    button = box.one("button.share__copy")
    assert button.has_attr("hidden")
    assert button.text == "Sao chép liên kết"
    assert button["data-copy-link"] == HOST + path_of(story)
    status = box.one("[role=status]")
    assert status["aria-live"] == "polite" and status["data-copied"] == "Đã sao chép liên kết"


@pytest.mark.parametrize("page_kind", ["article", "home", "section", "keyword", "campaign"])
def test_no_page_loads_a_script_from_another_host(client, story, page_kind):
    make_campaign(slug="chung-tay")
    path = {
        "article": path_of(story),
        "home": "/",
        "section": "/chinh-tri/",
        "keyword": "/tu-khoa/chuyen-doi-so",
        "campaign": "/phong-trao/chung-tay",
    }[page_kind]
    response = client.get(path)
    assert response.status_code == 200

    sources = [script["src"] for script in parse(response.data).select("script[src]")]

    assert sources
    assert all(urlsplit(source).netloc in ("", "bantin.test") for source in sources)


@pytest.mark.parametrize(
    ("path", "canonical", "title"),
    [
        ("/", "/", "Cổng thông tin quận Hải Châu"),
        ("/?utm_source=zalo", "/", "Cổng thông tin quận Hải Châu"),
        ("/chinh-tri/", "/chinh-tri/", "Chính trị | Cổng thông tin quận Hải Châu"),
        (
            "/tu-khoa/chuyen-doi-so",
            "/tu-khoa/chuyen-doi-so",
            "Từ khóa: Chuyển đổi số | Cổng thông tin quận Hải Châu",
        ),
        ("/phong-trao/chung-tay", "/phong-trao/chung-tay", None),
    ],
)
def test_listing_pages_have_a_canonical_url_and_the_sites_default_preview(
    client, story, path, canonical, title
):
    make_campaign("Chung tay vì người nghèo", slug="chung-tay")
    logo = set_logo(tagline="Tin tức quận Hải Châu")

    page = parse(client.get(path).data)

    assert page.one('link[rel="canonical"]')["href"] == HOST + canonical
    assert meta(page, "og:url") == HOST + canonical
    assert meta(page, "og:type") == "website"
    assert meta(page, "og:site_name") == "Cổng thông tin quận Hải Châu"
    assert meta(page, "og:locale") == "vi_VN"
    assert meta(page, "og:title") == (title or page.one("title").text)
    assert meta(page, "og:image") == share_image(logo)["url"]
    assert page.select('script[type="application/ld+json"]') == []
    assert page.select('meta[property="article:published_time"]') == []


def test_home_page_preview_uses_the_tagline_and_has_no_image_without_a_logo(client):
    with write_transaction():
        db.session.add(SiteSettings(id=1, site_name="Bản tin phường", tagline="Tin tức phường Bến Nghé"))

    page = parse(client.get("/").data)

    assert meta(page, "og:description") == "Tin tức phường Bến Nghé"
    assert page.one('meta[name="description"]')["content"] == "Tin tức phường Bến Nghé"
    assert page.select('meta[property="og:image"]') == []


def test_home_page_without_a_tagline_says_nothing_rather_than_none(client, db):
    page = parse(client.get("/").data)

    assert page.one('meta[name="description"]')["content"] == ""
    assert page.select('meta[property="og:description"]') == []


def test_a_later_section_page_keeps_its_page_number_in_og_url(client):
    section = make_section("Kinh tế", slug="kinh-te")
    for number in range(25):
        make_article(f"Tin {number}", section=section, hours_ago=number + 1)

    page = parse(client.get("/kinh-te/?page=2").data)

    assert page.one('link[rel="canonical"]')["href"] == HOST + "/kinh-te/?page=2"
    assert meta(page, "og:url") == HOST + "/kinh-te/?page=2"


@pytest.mark.parametrize(
    ("widths", "expected"),
    [
        ((320, 640, 1024, 1600), 1600),  # the default widths have no 1200: the next wider
        ((320, 640, 1200, 1600), 1200),
        ((320, 640), 640),  # a small original: its widest
    ],
)
def test_preview_image_is_the_jpeg_nearest_1200_px_never_a_card_crop_or_webp(app, widths, expected):
    variants = [
        {"width": w, "height": w // 2, "format": fmt, "key": f"aa/bb/x-{w}.{fmt}"}
        for w in widths
        for fmt in ("webp", "jpg")
    ]
    variants.append(
        {"width": 1200, "height": 675, "format": "jpg", "key": "aa/bb/x-card-1200.jpg", "crop": "16:9"}
    )

    with app.test_request_context():
        image = share_image(Media(variants=variants))

    assert image == {
        "url": f"{HOST}/media/aa/bb/x-{expected}.jpg",
        "width": expected,
        "height": expected // 2,
    }
