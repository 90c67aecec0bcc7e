"""The office's review report: counts for a period by section, ward, field and author, chart and CSV."""

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from app.articles.models import Article
from app.campaigns.report import Tally, bar_chart
from app.core.db import write_transaction
from app.extensions import db as _db
from tests.factories import NON_PUBLIC, make_article, make_campaign, make_profile, make_section, make_user
from tests.pages import parse

BOM = b"\xef\xbb\xbf"


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def written_by(article: Article, user) -> Article:
    with write_transaction():
        _db.session.get(Article, article.id).created_by_id = user.id if user else None
    return article


def story(campaign, *, ward, field, **overrides) -> Article:
    article = make_article(format="exemplary", **overrides)
    make_profile(article, campaign, ward=ward, field=field)
    return article


@dataclass
class Scene:
    campaign: object
    url: str


@pytest.fixture
def scene(db) -> Scene:
    """March 2026 (Vietnam days) holds three public articles of the campaign; others fall just outside."""
    campaign = make_campaign(
        "Thi đua chuyển đổi số", slug="thi-dua-chuyen-doi-so", starts_on=date(2026, 3, 1)
    )
    news = make_section("Tin tức", slug="tin-tuc-bc")
    models = make_section("Điển hình", slug="dien-hinh-bc", kind="exemplary")
    author = make_user(full_name="Trần Văn Bình")
    written_by(make_article(section=news, campaign_id=campaign.id, published_at=at(2026, 3, 5, 2)), author)
    story(campaign, ward="Phường Hoà Bình", field="Giáo dục", section=models, published_at=at(2026, 3, 10, 2))
    written_by(
        story(
            campaign,
            ward="Phường Đồng Tâm",
            field="Giáo dục",
            section=models,
            campaign_id=campaign.id,
            published_at=at(2026, 3, 31, 16, 59),  # 23:59 on 31/03 in Vietnam
        ),
        author,
    )
    make_article(section=news, campaign_id=campaign.id, published_at=at(2026, 3, 31, 17, 0))  # 01/04 00:00
    make_article(section=news, campaign_id=campaign.id, published_at=at(2026, 2, 28, 16, 59))  # 28/02 23:59
    make_article(section=news, campaign_id=make_campaign(slug="khac-bc").id, published_at=at(2026, 3, 15))
    return Scene(campaign, f"/admin/campaigns/{campaign.id}/report")


def table(page, key: str) -> list[tuple[str, int, int]]:
    return [
        (row.one("th").text, *(int(cell.text) for cell in row.select("td")))
        for row in page.select(f"#report-{key} tbody tr")
    ]


def test_the_report_counts_its_public_articles_of_the_period_by_section_ward_field_and_author(
    client, login_as, scene
):
    login_as("admin")

    page = parse(client.get(scene.url, query_string={"from": "2026-03-01", "to": "31/03/2026"}).data)

    assert "3 bài viết" in page.one(".report-summary").text
    assert "2 gương điển hình" in page.one(".report-summary").text
    assert table(page, "section") == [("Điển hình", 2, 2), ("Tin tức", 1, 0)]
    assert table(page, "ward") == [("Phường Đồng Tâm", 1, 1), ("Phường Hoà Bình", 1, 1), ("Không rõ", 1, 0)]
    assert table(page, "field") == [("Giáo dục", 2, 2), ("Không rõ", 1, 0)]
    assert table(page, "author") == [("Trần Văn Bình", 2, 1), ("Không rõ", 1, 1)]


def test_a_shorter_period_counts_only_what_was_published_in_it(client, login_as, scene):
    login_as("admin")

    page = parse(client.get(scene.url, query_string={"from": "2026-03-06", "to": "2026-04-01"}).data)

    assert table(page, "section") == [("Điển hình", 2, 2), ("Tin tức", 1, 0)]
    assert [row[0] for row in table(page, "author")] == ["Trần Văn Bình", "Không rõ"]
    assert table(page, "author") == [("Trần Văn Bình", 1, 1), ("Không rõ", 2, 1)]


def test_without_a_period_the_report_covers_the_campaign_dates(client, login_as, scene):
    login_as("admin")
    assert (scene.campaign.starts_on, scene.campaign.ends_on) == (date(2026, 3, 1), date(2030, 12, 31))

    page = parse(client.get(scene.url).data)

    assert page.one("#from")["value"] == "2026-03-01"
    assert page.one("#to")["value"] == "2030-12-31"
    assert table(page, "section") == [("Điển hình", 2, 2), ("Tin tức", 2, 0)]


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_the_report_never_counts_an_article_that_is_not_public(client, login_as, scene, status):
    login_as("admin")
    hidden = story(
        scene.campaign,
        ward="Phường Ẩn",
        field="Lĩnh vực ẩn",
        section=make_section("Chuyên mục ẩn"),
        campaign_id=scene.campaign.id,
        status=status,
    )
    if status != "scheduled":
        with write_transaction():
            _db.session.get(Article, hidden.id).published_at = at(2026, 3, 20)
    query = {"from": "2026-03-01", "to": "2030-12-31"}

    page = parse(client.get(scene.url, query_string=query).data)
    csv_text = client.get(scene.url + ".csv", query_string=query).data.decode("utf-8-sig")

    assert table(page, "section") == [("Điển hình", 2, 2), ("Tin tức", 2, 0)]
    for name in ("Phường Ẩn", "Lĩnh vực ẩn", "Chuyên mục ẩn"):
        assert name not in page.text and name not in csv_text
    assert csv_text.splitlines()[1] == "Tổng cộng,,4,2"


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"from": "32/13/2026"}, "from", "Vui lòng nhập ngày theo dạng 24/11/2026."),
        ({"from": "2026-03-10", "to": "2026-03-01"}, "to", "Ngày kết thúc đang trước ngày bắt đầu."),
    ],
)
def test_a_bad_period_is_refused_with_a_message_beside_its_field(
    client, login_as, scene, query, field, message
):
    login_as("admin")

    response = client.get(scene.url, query_string=query)
    download = client.get(scene.url + ".csv", query_string=query)

    assert (response.status_code, download.status_code) == (400, 400)
    assert parse(response.data).one(f"#{field}-error").text == message
    assert download.mimetype == "text/html"


def test_the_report_chart_draws_articles_by_section_as_an_svg_image(client, login_as, scene):
    login_as("admin")

    page = parse(client.get(scene.url, query_string={"from": "2026-03-01", "to": "2026-03-31"}).data)

    svg = page.one("#chart-sections svg")
    assert svg["role"] == "img"
    assert svg.one("title").text == "Số bài viết theo chuyên mục"
    assert svg.texts(".chart__label") == ["Điển hình", "Tin tức"]
    assert svg.texts(".chart__value") == ["2", "1"]


def test_the_csv_is_utf8_with_a_bom_and_keeps_vietnamese_for_excel(client, login_as, scene):
    login_as("admin")

    response = client.get(scene.url + ".csv", query_string={"from": "2026-03-01", "to": "2026-03-31"})

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="bao-cao-thi-dua-chuyen-doi-so-2026-03-01-2026-03-31.csv"'
    )
    assert response.headers["Cache-Control"] == "no-store"
    assert response.data.startswith(BOM)
    text = response.data[len(BOM) :].decode("utf-8")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Nhóm", "Giá trị", "Số bài viết", "Số điển hình"]
    assert rows[1] == ["Tổng cộng", "", "3", "2"]
    assert ["Chuyên mục", "Điển hình", "2", "2"] in rows
    assert ["Phường", "Phường Đồng Tâm", "1", "1"] in rows
    assert ["Lĩnh vực", "Không rõ", "1", "0"] in rows
    assert ["Tác giả", "Trần Văn Bình", "2", "1"] in rows


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "＝1+1"])
def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised(client, login_as, scene, name):
    login_as("admin")
    written_by(
        make_article(campaign_id=scene.campaign.id, published_at=at(2026, 3, 7)), make_user(full_name=name)
    )

    response = client.get(scene.url + ".csv", query_string={"from": "2026-03-01", "to": "2026-03-31"})

    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert ["Tác giả", "'" + name, "1", "0"] in rows
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


@pytest.mark.parametrize("role", ["editor", "contributor"])
@pytest.mark.parametrize("suffix", ["", ".csv"])
def test_only_admins_see_the_report(client, login_as, scene, role, suffix):
    login_as(role)

    response = client.get(scene.url + suffix)

    assert response.status_code == 403
    assert "Trần Văn Bình" not in response.get_data(as_text=True)


def test_anonymous_visitors_are_sent_to_the_login_page(client, scene):
    response = client.get(scene.url + ".csv")

    assert response.status_code == 302
    assert "/admin/login" in response.location


def test_bars_scale_to_the_largest_value_and_long_labels_are_shortened_in_the_drawing_only():
    long_label = "Phòng Văn hoá và Thông tin quận, chuyên mục dài hơn khung nhãn"
    chart = bar_chart([Tally("Tin tức", 4), Tally(long_label, 2), Tally("Trống", 0)])

    widths = [bar.width for bar in chart.bars]
    assert widths[0] == 2 * widths[1] > 0 and widths[2] == 0
    assert chart.bar_x + widths[0] < chart.bars[0].value_x < chart.width
    assert chart.bars[1].label == long_label
    assert chart.bars[1].short_label.endswith("…") and len(chart.bars[1].short_label) < len(long_label)
    assert chart.height == 3 * (chart.bars[1].top - chart.bars[0].top)
