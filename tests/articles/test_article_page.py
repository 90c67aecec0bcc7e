"""The public article page: canonical URL, what a reader sees on it, and what it refuses to serve."""

from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from sqlalchemy import insert, select

from app.articles.models import Article, related_articles
from app.core.db import write_transaction
from app.extensions import db
from tests.factories import make_article, make_image, make_section
from tests.pages import parse

BODY = "<h2>Tiêu đề phụ</h2><p>Đoạn văn thứ nhất.</p><p>Đoạn văn <strong>thứ hai</strong>.</p>"


def path_of(article) -> str:
    return f"/{article.section.slug}/{article.slug}-{article.id}.html"


def hand_pick(article, *related) -> None:
    """Related articles in the editor's order, stored as the editor's save stores them (with positions)."""
    with write_transaction():
        for position, other in enumerate(related):
            db.session.execute(
                insert(related_articles).values(article_id=article.id, related_id=other.id, position=position)
            )


@pytest.fixture
def story(db):
    """A published story in a sub-section, with a cover, a caption, keywords and a byline."""
    parent = make_section("Chính trị", slug="chinh-tri")
    section = make_section("Xây dựng Đảng", slug="xay-dung-dang", parent=parent)
    return make_article(
        "Quận An Phú đẩy mạnh chuyển đổi số",
        section=section,
        lead="Năm 2022, quận hoàn thành 100% dịch vụ công trực tuyến toàn trình.",
        body=BODY,
        byline="TRẦN THỊ HOA",
        cover=make_image(alt="", caption=""),
        cover_caption="Cán bộ phường hướng dẫn người dân nộp hồ sơ trực tuyến.",
        keywords=["Chuyển đổi số", "Dịch vụ công"],
        published_at=datetime(2022, 8, 10, 2, 47, tzinfo=UTC),
    )


def test_article_is_served_at_its_section_slug_and_id_url(client, story):
    assert path_of(story) == f"/xay-dung-dang/quan-an-phu-day-manh-chuyen-doi-so-{story.id}.html"

    response = client.get(path_of(story))

    assert response.status_code == 200
    assert parse(response.data).one("h1").text == "Quận An Phú đẩy mạnh chuyển đổi số"


@pytest.mark.parametrize(
    "wrong_path",
    [
        pytest.param("/chinh-tri/quan-an-phu-day-manh-chuyen-doi-so-{id}.html", id="wrong-section-slug"),
        pytest.param("/xay-dung-dang/tieu-de-cu-{id}.html", id="wrong-article-slug"),
        pytest.param("/khong-co/bai-viet-{id}.html", id="both-wrong"),
        pytest.param("/xay-dung-dang/quan-an-phu-day-manh-chuyen-doi-so-00{id}.html", id="zero-padded-id"),
    ],
)
def test_wrong_slug_redirects_permanently_to_the_canonical_url(client, story, wrong_path):
    response = client.get(wrong_path.format(id=story.id))

    assert response.status_code == 301
    assert urlsplit(response.location).path == path_of(story)


@pytest.mark.parametrize(
    "article_id",
    [
        pytest.param(987654, id="unknown-id"),
        pytest.param(2**31, id="beyond-32-bit-ids"),
        pytest.param(10**30, id="beyond-64-bit-integers"),
    ],
)
def test_unknown_article_id_answers_404(client, story, article_id):
    response = client.get(f"/xay-dung-dang/quan-an-phu-day-manh-chuyen-doi-so-{article_id}.html")

    assert response.status_code == 404
    assert parse(response.data).one("html").attrs["lang"] == "vi"


def test_publication_time_is_shown_in_vietnam_time_and_format(client, story):
    page = parse(client.get(path_of(story)).data)

    time = page.one("time.story__date")
    assert time.text == "09:47 10/08/2022"
    assert time.attrs["datetime"] == "2022-08-10T09:47:00+07:00"


def test_breadcrumb_links_to_the_parent_and_the_section(client, story):
    page = parse(client.get(path_of(story)).data)

    links = page.links("nav.breadcrumb a")
    assert links[-2:] == ["/chinh-tri/", "/xay-dung-dang/"]
    assert page.texts("nav.breadcrumb a")[-2:] == ["Chính trị", "Xây dựng Đảng"]


def test_lead_is_shown_under_the_title(client, story):
    page = parse(client.get(path_of(story)).data)

    lead = page.one("p.story__lead")
    assert lead.text == story.lead
    assert lead.position > page.one("h1").position


def test_cover_is_a_responsive_image_with_alt_text_size_and_caption(client, story):
    page = parse(client.get(path_of(story)).data)

    cover = page.one("figure.story__cover")
    image = cover.one("img")
    assert image.attrs["alt"].strip()
    assert int(image.attrs["width"]) > 0
    assert int(image.attrs["height"]) > 0
    assert {"320w", "640w"} <= {entry.split()[-1] for entry in image.attrs["srcset"].split(",")}
    assert cover.select("source[type='image/webp']")
    assert cover.one("figcaption").text == story.cover_caption


def test_body_html_is_served_as_html(client, story):
    page = parse(client.get(path_of(story)).data)

    body = page.one("div.story__body")
    assert body.texts("h2") == ["Tiêu đề phụ"]
    assert body.texts("p") == ["Đoạn văn thứ nhất.", "Đoạn văn thứ hai."]
    assert body.texts("strong") == ["thứ hai"]


def test_byline_comes_after_the_body(client, story):
    page = parse(client.get(path_of(story)).data)

    byline = page.one("p.story__byline")
    assert byline.text == "TRẦN THỊ HOA"
    assert byline.position > page.one("div.story__body").position


def test_keywords_link_to_their_keyword_pages(client, story):
    page = parse(client.get(path_of(story)).data)

    keywords = page.select("p.story__keywords a[rel='tag']")
    assert {link.text: link.attrs["href"] for link in keywords} == {
        "Chuyển đổi số": "/tu-khoa/chuyen-doi-so",
        "Dịch vụ công": "/tu-khoa/dich-vu-cong",
    }


def test_related_articles_share_keywords_most_shared_first(client):
    reading = make_article("Bài đang đọc", keywords=["Giáo dục", "Y tế", "Môi trường"], hours_ago=10)
    one = make_article("Chung một từ khoá", keywords=["Giáo dục"], hours_ago=1)
    three = make_article("Chung ba từ khoá", keywords=["Giáo dục", "Y tế", "Môi trường"], hours_ago=30)
    two = make_article("Chung hai từ khoá", keywords=["Y tế", "Môi trường"], hours_ago=20)
    make_article("Không chung từ khoá", keywords=["Du lịch"], hours_ago=2)

    page = parse(client.get(path_of(reading)).data)

    related = page.one("section[aria-labelledby='related-title']")
    assert related.links() == [path_of(three), path_of(two), path_of(one)]


def test_related_articles_sharing_as_many_keywords_are_newest_first(client):
    reading = make_article("Bài đang đọc", keywords=["Lễ hội"], hours_ago=10)
    older = make_article("Lễ hội năm trước", keywords=["Lễ hội"], hours_ago=5)
    newer = make_article("Lễ hội năm nay", keywords=["Lễ hội"], hours_ago=1)

    page = parse(client.get(path_of(reading)).data)

    assert page.one("section[aria-labelledby='related-title']").links() == [path_of(newer), path_of(older)]


def test_article_without_keywords_has_no_related_list(client):
    reading = make_article("Bài không từ khoá")
    make_article("Bài khác có từ khoá", keywords=["Y tế"])

    page = parse(client.get(path_of(reading)).data)

    assert page.select("section[aria-labelledby='related-title']") == []


def test_newer_and_older_links_stay_within_the_section(client):
    section = make_section()
    elsewhere = make_section()
    oldest = make_article("Tin cũ nhất", section=section, hours_ago=5)
    older = make_article("Tin cũ hơn", section=section, hours_ago=4)
    reading = make_article("Tin đang đọc", section=section, hours_ago=3)
    make_article("Tin mục khác xen giữa", section=elsewhere, hours_ago=2.5)
    newer = make_article("Tin mới hơn", section=section, hours_ago=2)
    make_article("Tin mới nhất", section=section, hours_ago=1)

    page = parse(client.get(path_of(reading)).data)

    neighbours = page.one("nav.neighbours")
    assert neighbours.links("a[rel='prev']") == [path_of(newer)]
    assert neighbours.links("a[rel='next']") == [path_of(older)]
    assert path_of(oldest) not in neighbours.links()


@pytest.mark.parametrize(
    ("position", "present", "absent"),
    [("newest", "a[rel='next']", "a[rel='prev']"), ("oldest", "a[rel='prev']", "a[rel='next']")],
)
def test_newest_and_oldest_articles_link_one_way_only(client, position, present, absent):
    section = make_section()
    old = make_article("Tin cũ", section=section, hours_ago=5)
    new = make_article("Tin mới", section=section, hours_ago=1)
    reading = new if position == "newest" else old

    neighbours = parse(client.get(path_of(reading)).data).one("nav.neighbours")

    assert len(neighbours.select(present)) == 1
    assert neighbours.select(absent) == []


def test_articles_published_at_the_same_moment_are_neighbours_in_the_order_they_were_made(client):
    section = make_section()
    moment = datetime(2026, 3, 1, 1, 30, tzinfo=UTC)
    first, second, third = (
        make_article(f"Thông báo số {n}", section=section, published_at=moment) for n in (1, 2, 3)
    )

    neighbours = parse(client.get(path_of(second)).data).one("nav.neighbours")

    assert neighbours.links("a[rel='prev']") == [path_of(third)]
    assert neighbours.links("a[rel='next']") == [path_of(first)]


def test_a_hand_picked_article_that_also_shares_keywords_is_listed_once_and_first(client):
    reading = make_article("Bài đang đọc", keywords=["Giáo dục", "Y tế"], hours_ago=10)
    shares_both = make_article("Chung hai từ khoá", keywords=["Giáo dục", "Y tế"], hours_ago=1)
    picked = make_article("Được chọn, chung một từ khoá", keywords=["Giáo dục"], hours_ago=20)
    hand_pick(reading, picked)

    page = parse(client.get(path_of(reading)).data)

    related = page.one("section[aria-labelledby='related-title']")
    assert related.links() == [path_of(picked), path_of(shares_both)]


def test_an_article_without_keywords_lists_its_hand_picked_related_articles_in_their_order(client):
    reading = make_article("Bài không từ khoá", hours_ago=10)
    first, second = make_article("Được chọn trước", hours_ago=5), make_article("Được chọn sau", hours_ago=1)
    hand_pick(reading, first, second)

    related = parse(client.get(path_of(reading)).data).one("section[aria-labelledby='related-title']")

    assert related.links() == [path_of(first), path_of(second)]


def test_related_articles_skip_the_reading_article_and_what_is_not_public(client):
    reading = make_article("Bài đang đọc", keywords=["Nông thôn mới"], hours_ago=10)
    draft = make_article("Bản nháp", keywords=["Nông thôn mới"], status="draft")
    scheduled = make_article("Hẹn giờ", keywords=["Nông thôn mới"], status="scheduled")
    public = make_article("Đã đăng", keywords=["Nông thôn mới"], hours_ago=2)
    hand_pick(reading, draft, scheduled)

    related = parse(client.get(path_of(reading)).data).one("section[aria-labelledby='related-title']")

    assert related.links() == [path_of(public)]


def test_page_is_vietnamese_with_a_print_stylesheet_and_a_canonical_link(client, story):
    page = parse(client.get(path_of(story)).data)

    assert page.one("html").attrs["lang"] == "vi"
    assert page.select("link[rel='stylesheet'][media='print']")
    assert page.one("link[rel='canonical']").attrs["href"] == f"http://bantin.test{path_of(story)}"


def test_each_view_adds_one_to_the_view_count(client, story):
    for _ in range(3):
        assert client.get(path_of(story)).status_code == 200
    client.get(f"/chinh-tri/tieu-de-cu-{story.id}.html")

    views = db.session.scalar(select(Article.view_count).where(Article.id == story.id))
    assert views == 3


@pytest.mark.parametrize(
    ("payload", "forbidden"),
    [
        pytest.param("<script>alert('xss')</script>", "<script", id="script-tag"),
        pytest.param('<p onclick="steal()">Bấm vào đây</p>', "onclick", id="event-handler"),
        pytest.param('<img src="x.png" onerror="steal()">', "onerror", id="image-onerror"),
        pytest.param('<a href="javascript:steal()">Liên kết</a>', "javascript:", id="javascript-url"),
        pytest.param('<iframe src="https://evil.example/"></iframe>', "<iframe", id="iframe"),
        pytest.param('<p style="background:url(javascript:steal())">Nền</p>', "javascript:", id="style-url"),
    ],
)
def test_article_body_cannot_inject_script(client, payload, forbidden):
    article = make_article("Bài có mã độc", body=f"<p>Phần an toàn.</p>{payload}")

    page = parse(client.get(path_of(article)).data)

    assert forbidden not in article.body
    stored = db.session.scalar(select(Article.body).where(Article.id == article.id))
    assert forbidden not in stored
    body = page.one("div.story__body")
    assert body.texts("p")[0] == "Phần an toàn."
    assert not body.select("script") and not body.select("iframe")
    assert not any(name.startswith("on") for element in body.find_all(True) for name in element.attrs)
    assert not any(
        "javascript:" in value for element in body.find_all(True) for value in element.attrs.values()
    )


def test_title_and_lead_are_shown_as_text_not_markup(client):
    article = make_article("<script>alert(1)</script> Tiêu đề", lead="<b onclick=x()>Sapo</b>")

    html = client.get(path_of(article)).get_data(as_text=True)
    page = parse(html)

    assert page.one("h1").text == "<script>alert(1)</script> Tiêu đề"
    assert page.one("p.story__lead").text == "<b onclick=x()>Sapo</b>"
    assert "<script>alert(1)" not in html
    assert "<b onclick" not in html
