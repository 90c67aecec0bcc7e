"""The back-office shell: staff only, never cached."""


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login" in response.location


def test_staff_see_the_dashboard_and_it_is_not_cached(client, login_as):
    user = login_as("contributor")
    response = client.get("/admin/")
    assert response.status_code == 200
    assert user.full_name in response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"


def test_a_cookie_from_before_the_session_version_changed_stops_working(client, login_as, db):
    from app.core.db import write_transaction

    user = login_as("editor")
    assert client.get("/admin/").status_code == 200
    with write_transaction():
        user.session_version += 1
        db.session.add(user)
    assert client.get("/admin/").status_code == 302


def test_staff_log_in_with_email_and_password_and_land_on_the_dashboard(client, db):
    from tests.factories import make_user

    make_user(email="bt@anphu.example", role="editor", password="mật khẩu của biên tập")
    page = client.get("/admin/login")
    assert page.status_code == 200
    token = page.get_data(as_text=True).split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post(
        "/admin/login?next=/admin/",
        data={"email": "BT@anphu.example", "password": "mật khẩu của biên tập", "csrf_token": token},
    )
    assert response.status_code == 302
    assert response.location.endswith("/admin/")
    assert client.get("/admin/").status_code == 200
