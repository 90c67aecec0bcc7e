"""The public index "Điển hình tiên tiến": public stories only, each with its profile card, and filters."""

from dataclasses import dataclass

import pytest

from app.articles.models import Article
from app.campaigns.exemplary import exemplary_page
from app.campaigns.models import Campaign, SubjectKind
from tests.factories import NON_PUBLIC, make_article, make_campaign, make_profile, make_section
from tests.pages import parse

URL = "/dien-hinh-tien-tien/"


@dataclass
class Stories:
    """Four public exemplary stories over two campaigns, three wards, three fields and both kinds."""

    clean_canal: Article
    teacher: Article
    farmers: Article
    nurse: Article
    mass_mobilisation: Campaign
    digital: Campaign


@pytest.fixture
def section(db):
    return make_section("Điển hình tiên tiến", slug="dien-hinh-tien-tien", kind="exemplary")


def story(title: str, section, *, hours_ago: float, status: str = "published", campaign=None, **profile):
    article = make_article(title, section=section, format="exemplary", status=status, hours_ago=hours_ago)
    make_profile(article, campaign, **profile)
    return article


@pytest.fixture
def stories(section) -> Stories:
    mass = make_campaign("Dân vận khéo", slug="dan-van-kheo")
    digital = make_campaign("Chung tay chuyển đổi số", slug="chung-tay-chuyen-doi-so")
    return Stories(
        clean_canal=story(
            "Tổ dân phố số 5 làm sạch kênh",
            section,
            hours_ago=1,
            campaign=mass,
            subject_name="Tổ dân phố số 5",
            subject_kind=SubjectKind.COLLECTIVE,
            ward="Đồng Tâm",
            field="Môi trường",
            unit="Tổ dân phố số 5",
            achievement="Nạo vét 2 km kênh.",
        ),
        teacher=story(
            "Cô giáo mười năm gieo chữ",
            section,
            hours_ago=2,
            campaign=digital,
            subject_name="Nguyễn Thị Hoa",
            ward="An Phú",
            field="Giáo dục",
        ),
        farmers=story(
            "Hợp tác xã bán nông sản trên mạng",
            section,
            hours_ago=3,
            campaign=digital,
            subject_name="Hợp tác xã Tân Tiến",
            subject_kind=SubjectKind.COLLECTIVE,
            ward="An Phú",
            field="Kinh tế",
        ),
        nurse=story(
            "Nữ điều dưỡng tận tụy",
            section,
            hours_ago=4,
            subject_name="Trần Thị Lan",
            ward="Đồng Tâm",
            field="Y tế",
        ),
        mass_mobilisation=mass,
        digital=digital,
    )


def titles(response) -> list[str]:
    assert response.status_code == 200
    return parse(response.data).texts(".exemplary-item .teaser__title")


def test_the_index_lists_public_stories_newest_first_each_with_its_profile_card(client, stories):
    response = client.get(URL)

    page = parse(response.data)
    assert titles(response) == [
        "Tổ dân phố số 5 làm sạch kênh",
        "Cô giáo mười năm gieo chữ",
        "Hợp tác xã bán nông sản trên mạng",
        "Nữ điều dưỡng tận tụy",
    ]
    assert page.one(".exemplary-count").text == "4 gương điển hình"
    card = page.select(".exemplary-item")[0].one(".profile-card")
    assert card.one(".profile-card__name").text == "Tổ dân phố số 5"
    assert card.one(".profile-card__kind").text == "Tập thể"
    assert card.one(".profile-card__unit").text == "Tổ dân phố số 5"
    assert card.one(".profile-card__ward").text == "Đồng Tâm"
    assert card.one(".profile-card__field").text == "Môi trường"
    assert card.one(".profile-card__achievement").text == "Nạo vét 2 km kênh."
    assert card.one(".profile-card__campaign a")["href"] == "/phong-trao/dan-van-kheo"
    assert page.one("h1").text == "Điển hình tiên tiến"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "campaign=chung-tay-chuyen-doi-so",
            ["Cô giáo mười năm gieo chữ", "Hợp tác xã bán nông sản trên mạng"],
        ),
        ("ward=Đồng Tâm", ["Tổ dân phố số 5 làm sạch kênh", "Nữ điều dưỡng tận tụy"]),
        ("field=Giáo dục", ["Cô giáo mười năm gieo chữ"]),
        ("kind=collective", ["Tổ dân phố số 5 làm sạch kênh", "Hợp tác xã bán nông sản trên mạng"]),
        ("kind=individual", ["Cô giáo mười năm gieo chữ", "Nữ điều dưỡng tận tụy"]),
        ("ward=An Phú&kind=collective", ["Hợp tác xã bán nông sản trên mạng"]),
        ("campaign=dan-van-kheo&ward=Đồng Tâm&field=Môi trường", ["Tổ dân phố số 5 làm sạch kênh"]),
        ("campaign=dan-van-kheo&field=Y tế", []),
    ],
)
def test_each_filter_narrows_the_list_and_filters_combine(client, stories, query, expected):
    response = client.get(f"{URL}?{query}")

    assert titles(response) == expected
    page = parse(response.data)
    assert page.one(".exemplary-count").text == f"{len(expected)} gương điển hình"
    for pair in query.split("&"):
        name, value = pair.split("=")
        assert page.one(f'select[name="{name}"] option[selected]')["value"] == value
    if not expected:
        assert page.one(".empty").text == "Không có gương điển hình nào phù hợp với bộ lọc."


def test_the_filter_form_works_without_javascript_as_a_plain_get_form(client, stories):
    form = parse(client.get(URL).data).one("form.exemplary-filters")

    assert form["method"] == "get" and form["action"] == URL
    assert [select["name"] for select in form.select("select")] == ["campaign", "ward", "field", "kind"]
    assert form.one('button[type="submit"]').text == "Lọc"


def test_the_facets_offer_only_values_that_public_stories_have(client, stories, section):
    make_campaign("Phong trào không có bài", slug="khong-co-bai")

    form = parse(client.get(URL).data).one("form.exemplary-filters")

    def options(name):
        return form.texts(f'select[name="{name}"] option')[1:]

    assert options("campaign") == ["Chung tay chuyển đổi số", "Dân vận khéo"]
    assert options("ward") == ["An Phú", "Đồng Tâm"]
    assert options("field") == ["Kinh tế", "Giáo dục", "Y tế", "Môi trường"]
    assert options("kind") == ["Cá nhân", "Tập thể"]


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_a_story_that_is_not_public_never_appears_in_the_list_or_the_filters(
    client, stories, section, status
):
    hidden_campaign = make_campaign("Phong trào bí mật", slug="phong-trao-bi-mat")
    story(
        "Bài chưa công bố",
        section,
        hours_ago=0.5,
        status=status,
        campaign=hidden_campaign,
        subject_name="Người bí mật",
        subject_kind=SubjectKind.COLLECTIVE,
        ward="Phường Bí Mật",
        field="Khác",
    )

    everything = client.get(URL)
    filtered = client.get(f"{URL}?ward=Phường Bí Mật&field=Khác&campaign=phong-trao-bi-mat")

    html = everything.get_data(as_text=True)
    for secret in ("Bài chưa công bố", "Người bí mật", "Phường Bí Mật", "Phong trào bí mật", ">Khác<"):
        assert secret not in html
    assert parse(everything.data).one(".exemplary-count").text == "4 gương điển hình"
    assert "Bài chưa công bố" not in titles(filtered)
    assert len(titles(filtered)) == 4, "filters no public story has are ignored"


def test_a_story_of_another_format_is_not_listed(client, section):
    standard = make_article("Tin thường có hồ sơ", section=section, format="standard")
    make_profile(standard, ward="Đồng Tâm")
    page = parse(client.get(URL).data)
    assert page.select(".exemplary-item") == []
    assert page.one(".empty").text == "Chưa có gương điển hình tiên tiến nào."
    assert page.texts('select[name="ward"] option') == ["Tất cả phường"]


@pytest.mark.parametrize(
    "query",
    [
        "ward=Không có",
        "field=Thể thao",
        "kind=family",
        "campaign=khong-ton-tai",
        "campaign=",
        "ward=" + "x" * 5000,
        "ward=%00%FF",
        "field[]=Y tế",
    ],
)
def test_a_filter_value_that_makes_no_sense_is_ignored_not_an_error(client, stories, query):
    response = client.get(f"{URL}?{query}")
    assert len(titles(response)) == 4
    assert parse(response.data).select("option[selected]") == []


def test_pages_keep_the_filters(client, stories, section, app, monkeypatch):
    monkeypatch.setitem(app.config, "PAGE_SIZE", 1)

    first = parse(client.get(f"{URL}?ward=Đồng Tâm").data)
    next_url = first.one('a[rel="next"]')["href"]
    second = client.get(next_url)

    assert "ward=" in next_url and "page=2" in next_url
    assert titles(second) == ["Nữ điều dưỡng tận tụy"]


def test_the_index_costs_the_same_statements_with_4_or_24_stories(client, stories, section, count_statements):
    with count_statements() as few:
        assert client.get(URL).status_code == 200
    for number in range(20):
        story(
            f"Gương số {number}",
            section,
            hours_ago=10 + number,
            campaign=stories.digital,
            ward=f"Phường {number}",
        )
    with count_statements() as many:
        assert client.get(URL).status_code == 200

    assert many.count == few.count


def test_the_index_itself_costs_one_page_one_count_and_two_facet_statements(
    db, app, stories, count_statements
):
    section = stories.teacher.section
    db.session.expire_all()
    with app.test_request_context(f"{URL}?ward=An Phú"), count_statements() as counter:
        context = exemplary_page(section, {"ward": "An Phú"})
        for _article, profile in context["stories"]:
            assert profile.campaign.title

    assert counter.count == 4
    assert context["page"].total == 2


def test_the_article_page_still_shows_the_profile_card(client, stories):
    article = stories.clean_canal
    page = parse(client.get(f"/{article.section.slug}/{article.slug}-{article.id}.html").data)

    card = page.one(".story .profile-card")
    assert card.one(".profile-card__name").text == "Tổ dân phố số 5"
    assert card.one(".profile-card__ward").text == "Đồng Tâm"
    assert card.one(".profile-card__campaign a").text == "Dân vận khéo"
