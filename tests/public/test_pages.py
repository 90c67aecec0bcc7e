"""Public pages a reader lands on: home, section and its pager, keyword, campaign, footer, errors."""

from datetime import date

import pytest

from app.core.db import write_transaction
from app.extensions import db
from app.settings.models import SiteSettings
from tests.factories import make_article, make_campaign, make_image, make_profile, make_section
from tests.pages import parse


def path_of(article) -> str:
    return f"/{article.section.slug}/{article.slug}-{article.id}.html"


def assert_vietnamese_error_page(response, status: int) -> None:
    assert response.status_code == status
    page = parse(response.data)
    assert page.one("html").attrs["lang"] == "vi"
    assert page.one("section.error-page p.error-page__code").text == str(status)
    assert page.links("section.error-page a") == ["/"]


def test_home_leads_with_featured_stories_newest_first_then_the_latest(client):
    latest = [make_article(f"Tin mới {hours}", hours_ago=hours) for hours in (1, 2, 3, 4)]
    featured = [make_article(f"Tin nổi bật {hours}", is_featured=True, hours_ago=hours) for hours in (20, 10)]

    top = parse(client.get("/").data).one("section.top-stories")

    expected = [featured[1], featured[0], latest[0], latest[1], latest[2]]
    assert top.links("article.teaser .teaser__title a") == [path_of(article) for article in expected]
    assert top.one("article.teaser--hero").links(".teaser__title a") == [path_of(featured[1])]


def test_home_top_stories_fall_back_to_the_latest_when_none_is_featured(client):
    articles = [make_article(f"Tin {hours}", hours_ago=hours) for hours in (6, 1, 4, 2, 5, 3, 7)]
    newest_first = sorted(articles, key=lambda article: article.published_at, reverse=True)

    page = parse(client.get("/").data)

    assert page.one("section.top-stories").links(".teaser__title a") == [path_of(a) for a in newest_first[:5]]
    latest = page.one("section[aria-labelledby='latest-title']")
    assert latest.links(".teaser__title a") == [path_of(a) for a in newest_first[5:]]


def test_home_shows_a_block_for_each_home_section_with_its_sub_sections_articles(client):
    parent = make_section("Kinh tế", on_home=True)
    child = make_section("Doanh nghiệp", parent=parent)
    own = make_article("Tin kinh tế", section=parent, hours_ago=2)
    from_child = make_article("Tin doanh nghiệp", section=child, hours_ago=1)
    empty = make_section("Chưa có bài", on_home=True)

    page = parse(client.get("/").data)

    block = page.one(f"section[aria-labelledby='block-{parent.slug}']")
    assert block.links(f"h2 a[href='/{parent.slug}/']")
    assert path_of(from_child) in block.links() and path_of(own) in block.links()
    assert page.select(f"section[aria-labelledby='block-{empty.slug}']") == []


def test_every_image_on_the_home_page_has_alt_text(client):
    make_article("Ảnh có mô tả", cover=make_image(alt="Toàn cảnh hội nghị"), is_featured=True)
    make_article("Ảnh có chú thích", cover=make_image(), cover_caption="Người dân nộp hồ sơ")
    make_article("Ảnh không mô tả", cover=make_image())
    make_article("Tin mục bên", section=make_section(in_sidebar=True), cover=make_image())

    images = parse(client.get("/").data).select("img")

    assert len(images) >= 4
    assert all(image.attrs.get("alt", "").strip() for image in images)


@pytest.fixture
def crowded_section(db):
    """`chinh-tri` with 25 public articles: a full first page of 20 and five on page 2."""
    section = make_section("Chính trị", slug="chinh-tri")
    return section, [make_article(f"Tin chính trị {n}", section=section, hours_ago=n) for n in range(1, 26)]


def test_section_page_lists_twenty_articles_newest_first_and_the_rest_on_page_two(client, crowded_section):
    _, articles = crowded_section

    first = parse(client.get("/chinh-tri/").data)
    second = parse(client.get("/chinh-tri/?page=2").data)

    assert first.one("div.layout__main").links(".teaser__title a") == [path_of(a) for a in articles[:20]]
    assert second.one("div.layout__main").links(".teaser__title a") == [path_of(a) for a in articles[20:]]
    assert first.links("nav.pager a[rel='next']") == ["/chinh-tri/?page=2"]
    assert second.one("link[rel='canonical']").attrs["href"] == "http://bantin.test/chinh-tri/?page=2"


@pytest.mark.parametrize("raw_page", ["abc", "0", "-1", "99999999999", "1.5", "²", "١", "9" * 5000])
def test_section_page_refuses_a_page_number_that_is_not_one_with_400(client, crowded_section, raw_page):
    assert_vietnamese_error_page(client.get(f"/chinh-tri/?page={raw_page}"), 400)


@pytest.mark.parametrize("raw_page", ["3", "10000"])
def test_section_page_past_the_last_page_is_404(client, crowded_section, raw_page):
    assert_vietnamese_error_page(client.get(f"/chinh-tri/?page={raw_page}"), 404)


def test_section_without_a_trailing_slash_redirects_permanently(client, crowded_section):
    response = client.get("/chinh-tri")

    assert response.status_code == 301
    assert response.location.endswith("/chinh-tri/")


@pytest.mark.parametrize(
    "path",
    [
        "/khong-ton-tai",
        "/khong-ton-tai/",
        "/chinh-tri/khong-co-bai",
        "/a/b/c",
        "/tu-khoa/khong-co",
        "/phong-trao/khong-co",
    ],
)
def test_unknown_paths_answer_404(client, crowded_section, path):
    assert_vietnamese_error_page(client.get(path), 404)


def test_keyword_page_lists_only_that_keywords_public_articles_newest_first(client):
    middle = make_article("Tin du lịch hai", keywords=["Du lịch"], hours_ago=2)
    newest = make_article("Tin du lịch một", keywords=["Du lịch", "Lễ hội"], hours_ago=1)
    oldest = make_article("Tin du lịch ba", keywords=["Du lịch"], hours_ago=3)
    make_article("Bản nháp du lịch", keywords=["Du lịch"], status="draft")
    make_article("Tin lễ hội", keywords=["Lễ hội"], hours_ago=0.5)

    page = parse(client.get("/tu-khoa/du-lich").data)

    assert page.one("h1").text.endswith("Du lịch")
    assert page.one("div.list").links(".teaser__title a") == [path_of(a) for a in (newest, middle, oldest)]


def test_campaign_page_shows_description_goals_stories_and_articles(client):
    campaign = make_campaign(
        "Cả nước chung tay vì người nghèo",
        description="Phong trào phát động năm 2026.\n\nMỗi phường nhận đỡ đầu mười hộ.",
        goals="Không còn hộ nghèo\n\nMọi trẻ em được đến trường\n",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
    )
    story = make_article("Người thợ may tốt bụng", format="exemplary", hours_ago=2)
    make_profile(story, campaign, subject_name="Bà Lê Thị Mai", ward="Phường Hoà Bình")
    news = make_article("Phát động phong trào", campaign_id=campaign.id)

    page = parse(client.get(f"/phong-trao/{campaign.slug}").data)

    assert page.one("h1").text == "Cả nước chung tay vì người nghèo"
    assert page.one("header.page-header p.meta").text == "01/01/2026 – 31/12/2026"
    assert page.texts("div.prose p") == ["Phong trào phát động năm 2026.", "Mỗi phường nhận đỡ đầu mười hộ."]
    assert page.texts("ul.goals li") == ["Không còn hộ nghèo", "Mọi trẻ em được đến trường"]
    teaser = page.one("article.profile-teaser")
    assert teaser.links() == [path_of(story)]
    assert "Bà Lê Thị Mai" in teaser.one("p.meta").text
    assert "Phường Hoà Bình" in teaser.one("p.meta").text
    assert page.one("section[aria-labelledby='campaign-articles-title']").links(".teaser__title a") == [
        path_of(news)
    ]


def test_footer_shows_the_legal_notice_from_site_settings(client):
    with write_transaction():
        db.session.add(
            SiteSettings(
                id=1,
                site_name="Cổng thông tin quận Hải Châu",
                governing_agency="UBND quận Hải Châu",
                licence="Giấy phép số 12/GP-STTTT ngày 01/02/2023",
                responsible_person="Ông Nguyễn Văn Bình",
                address="15 Quang Trung, Hải Châu, Đà Nẵng",
                phone="0236 3822 111",
                email="vhtt@haichau.danang.gov.vn",
            )
        )

    page = parse(client.get("/").data)

    footer = page.one("footer.site-footer")
    assert footer.one("p.footer__name").text == "Cổng thông tin quận Hải Châu"
    assert footer.texts("dl.legal dd") == [
        "UBND quận Hải Châu",
        "Ông Nguyễn Văn Bình",
        "Giấy phép số 12/GP-STTTT ngày 01/02/2023",
        "15 Quang Trung, Hải Châu, Đà Nẵng",
        "0236 3822 111",
        "vhtt@haichau.danang.gov.vn",
    ]
    assert footer.links("dl.legal a") == ["tel:02363822111", "mailto:vhtt@haichau.danang.gov.vn"]
    assert page.one("a.brand span.brand__name").text == "Cổng thông tin quận Hải Châu"


def test_footer_of_a_fresh_site_shows_the_configured_name_and_no_empty_legal_lines(client, app):
    footer = parse(client.get("/").data).one("footer.site-footer")

    assert footer.one("p.footer__name").text == app.config["SITE_NAME"]
    assert footer.select("dl.legal dd") == []


def test_unexpected_error_shows_the_error_page_without_a_traceback(client, monkeypatch):
    def broken(limit):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("app.public.views.articles.featured", broken)

    response = client.get("/")

    assert_vietnamese_error_page(response, 500)
    html = response.get_data(as_text=True)
    for leak in ("Traceback", "RuntimeError", "secret internal detail", "app/public/views.py"):
        assert leak not in html


def test_the_menu_marks_the_section_being_read_and_nothing_on_an_article(client):
    """The header is rendered once per generation and current menu item: each page still marks its own."""
    news = make_section("Tin tức", slug="tin-tuc")
    ward = make_section("Tin phường", slug="tin-phuong", parent=news)
    make_section("Văn hoá", slug="van-hoa")
    story = make_article("Tin phường mới", section=ward)

    def current(path: str) -> list[str]:
        menu = parse(client.get(path).data).one("nav.main-nav")
        return [link.text for link in menu.select("a[aria-current='page']")]

    assert current("/") == ["Trang chủ"]
    assert current("/tin-tuc/") == ["Tin tức"]
    assert current("/tin-phuong/") == ["Tin tức"]
    assert current("/van-hoa/") == ["Văn hoá"]
    assert current(path_of(story)) == []
    assert current("/tin-tuc/") == ["Tin tức"]
