"""A small public site for the API tests: sections with a sub-section, keywords, a campaign with an
exemplary profile, a cover image, and one article in every non-public state beside the public ones."""

from dataclasses import dataclass, field
from datetime import date

import pytest

from app.articles.models import Article
from app.campaigns.models import Campaign, ExemplaryProfile
from app.sections.models import Section, SectionKind
from tests.factories import NON_PUBLIC, make_article, make_campaign, make_image, make_profile, make_section


@dataclass
class Site:
    news: Section
    ward_news: Section
    culture: Section
    campaign: Campaign
    exemplary: Article
    profile: ExemplaryProfile
    public: list[Article] = field(default_factory=list)
    hidden: dict[str, Article] = field(default_factory=dict)


@pytest.fixture
def site(db) -> Site:
    news = make_section("Tin tức", slug="tin-tuc")
    ward_news = make_section("Tin phường", slug="tin-phuong", parent_id=news.id)
    culture = make_section("Văn hóa", slug="van-hoa")
    stories = make_section("Gương điển hình", slug="guong-dien-hinh", kind=SectionKind.EXEMPLARY)
    campaign = make_campaign("Phong trào chuyển đổi số", slug="chuyen-doi-so", starts_on=date(2026, 1, 1))
    cover = make_image(alt="Ảnh bìa")
    public = [
        make_article(
            "Chuyển đổi số ở phường Đồng Tâm",
            section=ward_news,
            keywords=["Chuyển đổi số", "Đồng Tâm"],
            hours_ago=5,
            cover=cover,
            campaign_id=campaign.id,
        ),
        make_article("Lễ hội văn hóa dân gian", section=culture, keywords=["Lễ hội"], hours_ago=4),
        make_article("Họp báo quý ba", section=news, format="photo", hours_ago=3),
    ]
    exemplary = make_article(
        "Người thợ may tốt bụng",
        section=stories,
        format="exemplary",
        keywords=["Chuyển đổi số"],
        hours_ago=2,
        campaign_id=campaign.id,
    )
    profile = make_profile(exemplary, campaign, subject_name="Trần Thị Mai")
    hidden = {}
    for status in NON_PUBLIC:
        hidden[status] = article = make_article(
            f"Bí mật {status} chuyển đổi số",
            status=status,
            section=ward_news,
            keywords=["Chuyển đổi số", f"Ẩn {status}"],
            campaign_id=campaign.id,
            format="exemplary",
        )
        make_profile(article, campaign, subject_name=f"Ẩn danh {status}", ward=f"Phường {status}")
    return Site(
        news=news,
        ward_news=ward_news,
        culture=culture,
        campaign=campaign,
        exemplary=exemplary,
        profile=profile,
        public=[*public, exemplary],
        hidden=hidden,
    )
