"""Public pages cost a fixed number of SQL statements, whether the site has 10 articles or 500.

Measured on SQLite (savepoint bookkeeping excluded), with 10 articles and again with 500, each a
page-cache miss (one of the statements reads the content generation, the cache key):
    home 17 → 17 (the editors' home-page picks joined with the visibility rule, and the
    active-campaign box: one statement each),
    section 14 → 14 (its pinned stories, public ones in editors' order, in one statement; a featured
    column with a banner loads the banner too: one more),
    article 20 → 20 (the batched view-count UPDATE, written at once in tests, and the readers'
    comments with their replies included; the story thread's other public articles in one statement),
    keyword 13 → 13 (its total and the public total, each counted once per generation, decide which
    walk lists it), campaign 15 → 15 (its figures: articles per month in one GROUP BY, and
    exemplary stories by ward and by field in one UNION ALL of two GROUP BYs).
The bounds are those measurements: a page that starts costing more (a new box, a lost eager load)
must raise its bound on purpose. A count that grows with the number of articles (an N+1 query)
fails the equality check whatever the bound.
"""

from dataclasses import dataclass

import pytest

from app.demo.bulk import seed_bulk
from tests.factories import (
    make_article,
    make_campaign,
    make_comment,
    make_image,
    make_profile,
    make_section,
)

BOUNDS = {"home": 17, "section": 14, "article": 20, "keyword": 13, "campaign": 15}


@dataclass
class Site:
    urls: dict[str, str]


@pytest.fixture
def site(db) -> Site:
    """Ten covered, tagged articles across home blocks, sidebar boxes, a sub-section and a campaign."""
    politics = make_section("Chính trị", slug="chinh-tri", on_home=True)
    party = make_section("Xây dựng Đảng", slug="xay-dung-dang", parent=politics)
    economy = make_section("Kinh tế", slug="kinh-te", on_home=True)
    law = make_section("Bản tin Pháp luật", slug="ban-tin-phap-luat", kind="column", in_sidebar=True)
    traffic = make_section("An toàn giao thông", slug="an-toan-giao-thong", kind="column", in_sidebar=True)
    campaign = make_campaign(slug="chung-tay-vi-nguoi-ngheo")
    sections = [politics, party, economy, law, traffic]
    articles = [
        make_article(
            f"Tin số {number}",
            section=sections[number % len(sections)],
            keywords=["Chuyển đổi số", "An toàn giao thông"][: 1 + number % 2],
            cover=make_image(size=(400, 225)),
            is_featured=number < 2,
            campaign_id=campaign.id if number % 3 == 0 else None,
            view_count=number * 10,
            hours_ago=number + 1,
        )
        for number in range(10)
    ]
    make_profile(articles[3], campaign)
    reading = articles[1]
    assert reading.section is party
    for number in range(3):
        question = make_comment(reading, status="approved", body=f"Ý kiến số {number}")
        make_comment(parent=question, status="approved", is_official=True, body=f"Trả lời số {number}")
    return Site(
        urls={
            "home": "/",
            "section": "/chinh-tri/",
            "article": f"/xay-dung-dang/{reading.slug}-{reading.id}.html",
            "keyword": "/tu-khoa/chuyen-doi-so",
            "campaign": "/phong-trao/chung-tay-vi-nguoi-ngheo",
        }
    )


def statements_for(client, count_statements, url: str) -> int:
    with count_statements() as counter:
        response = client.get(url)
    assert response.status_code == 200
    return counter.count


@pytest.mark.parametrize("page_name", list(BOUNDS))
def test_page_issues_a_fixed_number_of_statements_with_10_or_500_articles(
    client, count_statements, site, page_name
):
    url = site.urls[page_name]
    with_10 = statements_for(client, count_statements, url)

    seed_bulk(490)
    with_500 = statements_for(client, count_statements, url)

    assert with_500 == with_10
    assert with_500 <= BOUNDS[page_name]
