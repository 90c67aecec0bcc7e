"""The public campaign page in figures: stories by ward and field, articles per local month."""

from datetime import UTC, datetime

import pytest

from tests.factories import NON_PUBLIC, make_article, make_campaign, make_profile
from tests.pages import parse


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def story(campaign, *, ward="Phường Đồng Tâm", field="Chuyển đổi số", status="published", **overrides):
    article = make_article(format="exemplary", status=status, **overrides)
    make_profile(article, campaign, ward=ward, field=field)
    return article


def figures_of(client, campaign):
    page = parse(client.get(f"/phong-trao/{campaign.slug}").data)
    found = page.select("section.campaign-figures")
    return found[0] if found else None


def table_rows(figures, selector: str) -> list[tuple[str, int]]:
    return [(row.one("th").text, int(row.one("td").text)) for row in figures.select(f"{selector} tbody tr")]


def test_stories_are_counted_by_ward_and_by_field_the_largest_first(client):
    campaign = make_campaign(slug="dem-theo-phuong")
    story(campaign, ward="Phường Hoà Bình", field="Giáo dục")
    story(campaign, ward="Phường Đồng Tâm", field="Giáo dục")
    story(campaign, ward="Phường Đồng Tâm", field="Y tế")
    story(campaign, ward="", field="Y tế")
    story(make_campaign(slug="phong-trao-khac"), ward="Phường Khác", field="Khác")

    figures = figures_of(client, campaign)

    assert table_rows(figures, ".campaign-figures__wards") == [
        ("Phường Đồng Tâm", 2),
        ("Phường Hoà Bình", 1),
        ("Không rõ", 1),
    ]
    assert table_rows(figures, ".campaign-figures__fields") == [("Giáo dục", 2), ("Y tế", 2)]


def test_articles_per_month_count_its_articles_and_its_stories_once_each(client):
    campaign = make_campaign(slug="dem-theo-thang")
    make_article(campaign_id=campaign.id, published_at=at(2026, 3, 10, 2))
    make_article(campaign_id=campaign.id, published_at=at(2026, 3, 20, 2))
    story(campaign, published_at=at(2026, 5, 2, 2))
    both = story(campaign, published_at=at(2026, 5, 3, 2), campaign_id=campaign.id)
    make_article(published_at=at(2026, 4, 1, 2))  # not in the campaign
    assert both.campaign_id == campaign.id

    figures = figures_of(client, campaign)

    assert table_rows(figures, ".chart__data") == [("03/2026", 2), ("04/2026", 0), ("05/2026", 2)]
    assert figures.texts("svg .chart__label") == ["03/2026", "04/2026", "05/2026"]
    assert figures.texts("svg .chart__value") == ["2", "0", "2"]


def test_a_story_published_at_half_past_eleven_on_the_31st_in_vietnam_counts_for_that_month(client):
    campaign = make_campaign(slug="mui-gio")
    make_article(campaign_id=campaign.id, published_at=at(2026, 1, 31, 16, 30))  # 23:30 on 31/01 in Vietnam
    make_article(campaign_id=campaign.id, published_at=at(2026, 1, 31, 17, 30))  # 00:30 on 01/02 in Vietnam

    figures = figures_of(client, campaign)

    assert table_rows(figures, ".chart__data") == [("01/2026", 1), ("02/2026", 1)]


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_no_figure_counts_an_article_that_is_not_public(client, status):
    campaign = make_campaign(slug=f"an-{status}")
    make_article(campaign_id=campaign.id, published_at=at(2026, 3, 10, 2))
    story(campaign, ward="Phường Công Khai", field="Giáo dục", published_at=at(2026, 3, 11, 2))
    story(campaign, ward="Phường Ẩn", field="Lĩnh vực ẩn", campaign_id=campaign.id, status=status)

    figures = figures_of(client, campaign)

    assert table_rows(figures, ".chart__data") == [("03/2026", 2)]
    assert table_rows(figures, ".campaign-figures__wards") == [("Phường Công Khai", 1)]
    assert table_rows(figures, ".campaign-figures__fields") == [("Giáo dục", 1)]
    assert "ẩn" not in figures.text.lower()


def test_the_chart_is_an_image_with_a_title_and_its_numbers_are_in_a_table(client):
    campaign = make_campaign(slug="de-doc")
    make_article(campaign_id=campaign.id, published_at=at(2026, 3, 10, 2))

    page = parse(client.get(f"/phong-trao/{campaign.slug}").data)

    svg = page.one("section.campaign-figures svg")
    assert svg["role"] == "img"
    title = svg.one("title")
    assert svg["aria-labelledby"] == title["id"]
    assert title.text == "Số bài viết theo tháng"
    assert page.one(".chart__data summary").text == "Xem số liệu dạng bảng"
    assert page.one(".chart__data caption").text == "Số bài viết theo tháng"
    assert page.select("section.campaign-figures script") == []


def test_a_campaign_with_nothing_public_shows_no_figures(client):
    campaign = make_campaign(slug="chua-co-gi")
    make_article(campaign_id=campaign.id, status="draft")

    assert figures_of(client, campaign) is None
