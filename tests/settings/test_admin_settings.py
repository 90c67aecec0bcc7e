"""The site settings page: name, logo and legal footer, saved once and shown on every public page."""

import io

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.core.db import write_transaction
from app.extensions import db as _db
from app.settings.models import SiteSettings
from tests.factories import make_user
from tests.pages import csrf_token, parse

URL = "/admin/settings/"


def settings_form(**fields) -> dict:
    return {
        "site_name": "Cổng thông tin phường Hoà Bình",
        "tagline": "Tin tức, văn hoá, đời sống",
        "governing_agency": "UBND phường Hoà Bình",
        "licence": "Giấy phép số 12/GP-TTĐT",
        "responsible_person": "Trần Thị Lan",
        "address": "12 Lê Lợi, phường Hoà Bình",
        "phone": "(0236) 3 822 123",
        "email": "Lienhe@HoaBinh.gov.vn",
        **fields,
    }


def save(client, **fields):
    return client.post(URL, data={"csrf_token": csrf_token(client), **settings_form(**fields)})


def png_logo(size=(300, 100)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", size, (200, 20, 30, 255)).save(buffer, "PNG")
    return buffer.getvalue()


def stored() -> SiteSettings | None:
    _db.session.expire_all()
    return _db.session.get(SiteSettings, 1)


def test_the_first_save_creates_the_settings_and_the_footer_shows_them(client, login_as, db):
    login_as("admin")
    assert stored() is None
    assert client.get(URL).status_code == 200

    response = save(client)

    assert response.status_code == 302
    settings = stored()
    assert (settings.site_name, settings.email) == ("Cổng thông tin phường Hoà Bình", "lienhe@hoabinh.gov.vn")
    footer = parse(client.get("/").get_data(as_text=True)).one("footer")
    for text in ("UBND phường Hoà Bình", "Giấy phép số 12/GP-TTĐT", "Trần Thị Lan", "(0236) 3 822 123"):
        assert text in footer.text
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.object_type == "site_settings")) == (
        "settings.update"
    )


def test_saving_again_updates_the_one_row_and_the_audit_names_what_changed(client, login_as, db):
    login_as("admin")
    save(client)
    save(client, phone="0236 3 999 999")

    assert db.session.scalar(select(func.count()).select_from(SiteSettings)) == 1
    summaries = list(
        db.session.scalars(
            select(AuditEvent.summary)
            .where(AuditEvent.object_type == "site_settings")
            .order_by(AuditEvent.id)
        )
    )
    assert summaries[-1] == "phone"


def test_the_form_shows_the_saved_values(client, login_as):
    login_as("admin")
    save(client)
    page = parse(client.get(URL).get_data(as_text=True))
    assert page.one("#governing_agency")["value"] == "UBND phường Hoà Bình"
    assert not page.one("#require_two_factor").has_attr("checked")


def test_the_two_factor_requirement_is_saved_and_can_be_lifted(client, login_as):
    admin = make_user(role="admin")
    with write_transaction():
        admin.totp_secret = "JBSWY3DPEHPK3PXP"  # already enrolled, so the requirement does not lock them out
    login_as(admin)

    save(client, require_two_factor="y")
    assert stored().require_two_factor is True
    assert parse(client.get(URL).get_data(as_text=True)).one("#require_two_factor").has_attr("checked")

    save(client)
    assert stored().require_two_factor is False


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("site_name", "  ", "Vui lòng nhập tên trang"),
        ("email", "lienhe-at-hoabinh", "email hợp lệ"),
        ("phone", "gọi tôi", "số điện thoại"),
        ("tagline", "x" * 301, "300"),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_saved(
    client, login_as, field, value, message
):
    login_as("admin")
    response = save(client, **{field: value})
    assert response.status_code == 400
    assert message in parse(response.get_data(as_text=True)).one(f"#{field}-error").text
    assert stored() is None


def test_a_logo_appears_in_the_public_header_with_the_site_name_as_alt(client, login_as):
    login_as("admin")
    response = client.post(
        URL,
        data={
            "csrf_token": csrf_token(client),
            **settings_form(),
            "logo": (io.BytesIO(png_logo()), "logo.png"),
        },
    )
    assert response.status_code == 302

    logo = parse(client.get("/").get_data(as_text=True)).one(".site-header img.brand__logo")
    assert logo["alt"] == "Cổng thông tin phường Hoà Bình"
    assert logo["src"].startswith("/media/")
    assert (logo["width"], logo["height"]) == ("168", "56")


def test_the_logo_can_be_removed(client, login_as):
    login_as("admin")
    client.post(
        URL,
        data={
            "csrf_token": csrf_token(client),
            **settings_form(),
            "logo": (io.BytesIO(png_logo()), "logo.png"),
        },
    )
    save(client, remove_logo="y")
    assert stored().logo_id is None
    assert parse(client.get("/").get_data(as_text=True)).select(".brand__logo") == []


def test_a_file_that_is_not_an_image_is_refused_as_a_logo(client, login_as):
    login_as("admin")
    response = client.post(
        URL,
        data={
            "csrf_token": csrf_token(client),
            **settings_form(),
            "logo": (io.BytesIO(b"GIF89a broken"), "x.gif"),
        },
    )
    assert response.status_code == 400
    assert "JPEG" in parse(response.get_data(as_text=True)).one("#logo-error").text
    assert stored() is None


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_only_admins_change_the_settings(client, login_as, role):
    login_as(role)
    assert client.get(URL).status_code == 403
