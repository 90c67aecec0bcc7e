"""The public privacy notice: what readers who comment are told, in Vietnamese."""

from app.comments.policy import PolicyInput, save_comment_policy
from app.settings.services import SettingsInput, save_site_settings
from tests.pages import parse

NOTICE = "/bao-ve-du-lieu-ca-nhan"


def test_the_notice_explains_the_data_the_law_and_the_rights_in_vietnamese(client):
    save_comment_policy(PolicyInput(retention_days=365), actor=None)

    response = client.get(NOTICE)

    assert response.status_code == 200
    text = parse(response.get_data(as_text=True)).one("main").text
    for phrase in (
        "Bảo vệ dữ liệu cá nhân của bạn đọc gửi bình luận",
        "địa chỉ email của bạn, không bao giờ hiển thị trên trang",
        "mã băm có muối",
        "thời điểm bạn đồng ý",
        "kiểm duyệt bình luận",
        "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15",
        "Nghị định số 356/2025/NĐ-CP",
        "được lưu trong 365 ngày",
        "truy cập dữ liệu",
        "chỉnh sửa tên hoặc email",
        "rút lại sự đồng ý",
        "với tên “Bạn đọc”",
        "bị xoá hẳn",
    ):
        assert phrase in text, phrase


def test_the_notice_says_data_is_kept_until_erasure_when_retention_is_off(client):
    save_comment_policy(PolicyInput(retention_days=0), actor=None)

    text = parse(client.get(NOTICE).get_data(as_text=True)).one("main").text

    assert "được lưu cho đến khi bạn yêu cầu xoá" in text
    assert "0 ngày" not in text


def test_the_notice_gives_the_offices_contacts_from_the_site_settings(client):
    save_site_settings(
        SettingsInput(
            site_name="Cổng thông tin phường An Phú",
            governing_agency="UBND phường An Phú",
            email="banbientap@anphu.gov.vn",
            phone="028 3123 4567",
        ),
        actor=None,
    )

    page = parse(client.get(NOTICE).get_data(as_text=True))

    contact = page.one(".privacy-contact")
    assert "UBND phường An Phú" in contact.text
    assert "mailto:banbientap@anphu.gov.vn" in contact.links()
    assert "tel:02831234567" in contact.links()
