"""No default admin/admin account anywhere: a new site has no accounts, demo passwords are random."""

from sqlalchemy import func, select
from werkzeug.security import check_password_hash

from app.accounts.models import User
from app.accounts.services import check_password_policy


def test_a_freshly_migrated_database_has_no_accounts(db):
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_demo_accounts_get_random_passwords_that_meet_the_policy(runner, db, app, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    monkeypatch.setattr("app.demo.seed.ARTICLES", ())
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output

    credentials = [line.split("\t") for line in (tmp_path / "demo-credentials.txt").read_text().splitlines()]
    passwords = [password for _role, _email, password in credentials]
    assert len(credentials) == 3 and len(set(passwords)) == 3
    for _role, email, password in credentials:
        check_password_policy(password, email=email)
        assert len(password) >= 16
        assert password.lower() not in ("admin", email, email.split("@")[0])
        user = db.session.scalar(select(User).where(User.email == email))
        assert check_password_hash(user.password_hash, password)


def test_admin_admin_does_not_open_the_back_office(client, db, log_in):
    response = log_in("admin", "admin")
    assert response.status_code == 400
    assert client.get("/admin/").status_code == 302
