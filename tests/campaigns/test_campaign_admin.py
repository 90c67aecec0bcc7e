"""Managing campaigns in the back office: status by date, create, edit, banner, delete, who may."""

import io
from datetime import date, timedelta

import pytest
from PIL import Image
from sqlalchemy import select

from app.articles.models import Article
from app.audit.models import AuditEvent
from app.campaigns.models import Campaign, CampaignStatus, ExemplaryProfile
from app.core.dates import today_local
from app.extensions import db as _db
from tests.factories import make_article, make_campaign, make_profile
from tests.pages import csrf_token, parse

START, END = date(2026, 3, 1), date(2026, 6, 30)


def post(client, url, data, *, form_url="/admin/campaigns/new"):
    return client.post(url, data={"csrf_token": csrf_token(client, form_url), **data})


def campaign_form(**fields) -> dict:
    return {
        "title": "Chung tay xây dựng nông thôn mới",
        "slug": "",
        "description": "Phong trào của cả quận.\n\nMỗi phường một công trình.",
        "goals": "Đường làng sáng, xanh, sạch\nMỗi hộ một thùng rác phân loại",
        "starts_on": "2026-03-01",
        "ends_on": "2026-06-30",
        **fields,
    }


def png_bytes(size=(900, 300)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (160, 20, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def reloaded(model, object_id: int):
    _db.session.expire_all()
    return _db.session.get(model, object_id)


def audit_actions(campaign_id: int) -> list[str]:
    return list(
        _db.session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.object_type == "campaigns", AuditEvent.object_id == campaign_id)
            .order_by(AuditEvent.id)
        )
    )


def by_slug(slug: str) -> Campaign | None:
    return _db.session.scalar(select(Campaign).where(Campaign.slug == slug))


@pytest.mark.parametrize(
    ("today", "ends_on", "status"),
    [
        (START - timedelta(days=1), END, CampaignStatus.UPCOMING),
        (START, END, CampaignStatus.ACTIVE),
        (END, END, CampaignStatus.ACTIVE),
        (END + timedelta(days=1), END, CampaignStatus.ENDED),
        (date(2099, 1, 1), None, CampaignStatus.ACTIVE),
        (START - timedelta(days=1), None, CampaignStatus.UPCOMING),
    ],
    ids=["day before start", "start day", "end day", "day after end", "no end date", "no end, not begun"],
)
def test_a_campaign_status_follows_its_dates(today, ends_on, status):
    campaign = Campaign(title="Phong trào", slug="phong-trao", starts_on=START, ends_on=ends_on)

    assert campaign.status_on(today) is status


def test_the_list_shows_each_campaign_with_its_status_badge_for_today(client, login_as):
    login_as("admin")
    today = today_local()
    upcoming = make_campaign("Sắp tới", starts_on=today + timedelta(days=1), ends_on=None)
    active = make_campaign("Hôm nay kết thúc", starts_on=today - timedelta(days=30), ends_on=today)
    ended = make_campaign("Đã xong", starts_on=today - timedelta(days=30), ends_on=today - timedelta(days=1))

    page = parse(client.get("/admin/campaigns/").data)

    badges = {
        campaign.id: page.one(f"#campaign-{campaign.id} .badge") for campaign in (upcoming, active, ended)
    }
    assert [badges[c.id].text for c in (upcoming, active, ended)] == [
        "Sắp diễn ra",
        "Đang diễn ra",
        "Đã kết thúc",
    ]
    assert "badge--upcoming" in badges[upcoming.id]["class"]
    assert "không có ngày kết thúc" in page.one(f"#campaign-{upcoming.id}").text


def test_creating_a_campaign_builds_its_address_from_the_title_and_audits_it(client, login_as):
    login_as("admin")

    response = post(client, "/admin/campaigns/new", campaign_form())

    assert response.status_code == 302
    campaign = by_slug("chung-tay-xay-dung-nong-thon-moi")
    assert (campaign.title, campaign.starts_on, campaign.ends_on) == (
        "Chung tay xây dựng nông thôn mới",
        START,
        END,
    )
    assert campaign.goal_list() == ["Đường làng sáng, xanh, sạch", "Mỗi hộ một thùng rác phân loại"]
    assert audit_actions(campaign.id) == ["campaign.create"]
    public = parse(client.get("/phong-trao/chung-tay-xay-dung-nong-thon-moi").data)
    assert public.one("h1").text == "Chung tay xây dựng nông thôn mới"


def test_a_title_whose_address_is_taken_gets_a_numbered_address(client, login_as):
    login_as("admin")
    make_campaign(slug="chung-tay-xay-dung-nong-thon-moi")

    response = post(client, "/admin/campaigns/new", campaign_form())

    assert response.status_code == 302
    assert by_slug("chung-tay-xay-dung-nong-thon-moi-2") is not None


def test_a_typed_address_another_campaign_uses_is_refused_with_409_beside_the_field(client, login_as):
    login_as("admin")
    make_campaign(slug="vi-nguoi-ngheo")

    response = post(client, "/admin/campaigns/new", campaign_form(slug="Vì người nghèo"))

    assert response.status_code == 409
    error = parse(response.data).one("#slug-error").text
    assert "vi-nguoi-ngheo" in error and "phong trào khác" in error
    assert by_slug("chung-tay-xay-dung-nong-thon-moi") is None


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": "  "}, "title", "Vui lòng nhập tiêu đề."),
        ({"starts_on": ""}, "starts_on", "Vui lòng nhập ngày bắt đầu."),
        ({"starts_on": "31/02/2026"}, "starts_on", "Vui lòng nhập ngày theo dạng 24/11/2026."),
        ({"ends_on": "2026-02-28"}, "ends_on", "Ngày kết thúc đang trước ngày bắt đầu."),
        ({"ends_on": "hôm qua"}, "ends_on", "Vui lòng nhập ngày theo dạng 24/11/2026."),
    ],
    ids=["no title", "no start", "impossible date", "end before start", "not a date"],
)
def test_bad_input_is_refused_with_a_vietnamese_message_beside_its_field(
    client, login_as, fields, field, message
):
    login_as("admin")

    response = post(client, "/admin/campaigns/new", campaign_form(**fields))

    assert response.status_code == 400
    assert parse(response.data).one(f"#{field}-error").text == message
    assert _db.session.scalar(select(Campaign).limit(1)) is None


def test_dates_typed_the_vietnamese_way_are_accepted_and_the_end_date_is_optional(client, login_as):
    login_as("admin")

    response = post(client, "/admin/campaigns/new", campaign_form(starts_on="01/03/2026", ends_on=""))

    assert response.status_code == 302
    campaign = by_slug("chung-tay-xay-dung-nong-thon-moi")
    assert (campaign.starts_on, campaign.ends_on) == (START, None)


def test_editing_a_campaign_saves_its_fields_and_records_what_changed(client, login_as):
    login_as("admin")
    campaign = make_campaign("Tên cũ", slug="ten-cu", starts_on=START, ends_on=END)
    url = f"/admin/campaigns/{campaign.id}"
    form = parse(client.get(url).data)
    assert form.one("#starts_on")["value"] == "2026-03-01"
    assert form.one("#starts_on")["type"] == "date"

    response = post(client, url, campaign_form(title="Tên mới", slug="ten-cu", ends_on=""), form_url=url)

    assert response.status_code == 302
    saved = reloaded(Campaign, campaign.id)
    assert (saved.title, saved.slug, saved.ends_on) == ("Tên mới", "ten-cu", None)
    summary = _db.session.scalar(
        select(AuditEvent.summary).where(
            AuditEvent.action == "campaign.update", AuditEvent.object_id == campaign.id
        )
    )
    assert "title: Tên cũ → Tên mới" in summary and "ends_on: 2026-06-30 → …" in summary


def test_a_campaign_keeps_its_own_address_when_saved_unchanged(client, login_as):
    login_as("admin")
    campaign = make_campaign(slug="giu-nguyen")
    url = f"/admin/campaigns/{campaign.id}"

    response = post(client, url, campaign_form(slug="giu-nguyen"), form_url=url)

    assert response.status_code == 302
    assert reloaded(Campaign, campaign.id).slug == "giu-nguyen"


def test_a_banner_goes_through_the_media_pipeline_and_can_be_removed(client, login_as):
    login_as("admin")
    campaign = make_campaign(slug="co-banner")
    url = f"/admin/campaigns/{campaign.id}"

    response = post(
        client,
        url,
        {**campaign_form(slug="co-banner"), "banner": (io.BytesIO(png_bytes()), "banner.png")},
        form_url=url,
    )

    assert response.status_code == 302
    banner = reloaded(Campaign, campaign.id).banner
    assert (banner.width, banner.height) == (900, 300)
    assert (
        parse(client.get("/phong-trao/co-banner").data)
        .one(".campaign__banner img")["src"]
        .startswith("/media/")
    )

    response = post(client, url, campaign_form(slug="co-banner", remove_banner="y"), form_url=url)

    assert response.status_code == 302
    assert reloaded(Campaign, campaign.id).banner_id is None
    assert parse(client.get("/phong-trao/co-banner").data).select(".campaign__banner") == []


def test_a_banner_that_is_not_an_image_is_refused_beside_the_field_and_nothing_is_saved(client, login_as):
    login_as("admin")
    campaign = make_campaign("Giữ nguyên", slug="giu-nguyen-2")
    url = f"/admin/campaigns/{campaign.id}"
    data = {
        **campaign_form(title="Đổi tên", slug="giu-nguyen-2"),
        "banner": (io.BytesIO(b"%PDF-1.4"), "a.jpg"),
    }

    response = post(client, url, data, form_url=url)

    assert response.status_code == 400
    assert "JPEG" in parse(response.data).one("#banner-error").text
    assert reloaded(Campaign, campaign.id).title == "Giữ nguyên"


def test_deleting_asks_for_confirmation_then_keeps_its_articles_and_profiles(client, login_as):
    login_as("admin")
    campaign = make_campaign("Sẽ xoá", slug="se-xoa")
    article = make_article("Bài của phong trào", campaign_id=campaign.id)
    story = make_article("Gương điển hình", format="exemplary")
    profile = make_profile(story, campaign)
    confirm_url = f"/admin/campaigns/{campaign.id}/delete"

    confirmation = parse(client.get(confirm_url).data)
    assert "1 bài viết" in confirmation.one("section.panel").text
    assert reloaded(Campaign, campaign.id) is not None

    response = post(client, confirm_url, {}, form_url=confirm_url)

    assert response.status_code == 302
    assert reloaded(Campaign, campaign.id) is None
    assert reloaded(Article, article.id).campaign_id is None
    assert reloaded(ExemplaryProfile, profile.id).campaign_id is None
    assert audit_actions(campaign.id) == ["campaign.delete"]
    assert client.get("/phong-trao/se-xoa").status_code == 404


@pytest.mark.parametrize("role", ["editor", "contributor"])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/admin/campaigns/"),
        ("GET", "/admin/campaigns/new"),
        ("POST", "/admin/campaigns/new"),
        ("GET", "/admin/campaigns/{id}"),
        ("POST", "/admin/campaigns/{id}"),
        ("POST", "/admin/campaigns/{id}/delete"),
    ],
)
def test_only_admins_manage_campaigns(app, client, login_as, monkeypatch, role, method, path):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", False)
    campaign = make_campaign(slug="khong-duoc-sua")
    login_as(role)

    response = client.open(path.format(id=campaign.id), method=method, data=campaign_form(title="Bị đổi"))

    assert response.status_code == 403
    assert reloaded(Campaign, campaign.id).title == "Phong trào thi đua thử nghiệm"


def test_a_form_posted_without_its_csrf_token_is_refused(client, login_as):
    login_as("admin")
    campaign = make_campaign(slug="co-csrf")

    created = client.post("/admin/campaigns/new", data=campaign_form())
    deleted = client.post(f"/admin/campaigns/{campaign.id}/delete")

    assert (created.status_code, deleted.status_code) == (400, 400)
    assert "Phiên làm việc đã hết hạn" in deleted.get_data(as_text=True)
    assert reloaded(Campaign, campaign.id) is not None
    assert by_slug("chung-tay-xay-dung-nong-thon-moi") is None
