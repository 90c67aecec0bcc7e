"""Configuration order: defaults → instance/config.py → environment → explicit overrides."""

import stat

import pytest
from flask import Flask

from app.config import load_config, normalise_database_url


@pytest.fixture
def bare_app(tmp_path, monkeypatch):
    for name in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "MEDIA_ROOT"):
        monkeypatch.delenv(name, raising=False)
    return Flask("bantin_config_test", instance_path=str(tmp_path), instance_relative_config=True)


def test_fresh_instance_gets_sqlite_media_folder_and_a_private_generated_secret(bare_app, tmp_path):
    load_config(bare_app, None)
    assert bare_app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'bantin.db'}"
    assert bare_app.config["MEDIA_ROOT"] == str(tmp_path / "media")
    key_file = tmp_path / "secret_key"
    assert bare_app.config["SECRET_KEY"] == key_file.read_text()
    assert len(bare_app.config["SECRET_KEY"]) >= 64
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_the_generated_secret_survives_restarts(bare_app, tmp_path):
    load_config(bare_app, None)
    again = Flask("bantin_config_test_2", instance_path=str(tmp_path), instance_relative_config=True)
    load_config(again, None)
    assert again.config["SECRET_KEY"] == bare_app.config["SECRET_KEY"]


def test_instance_file_then_environment_then_overrides_win(bare_app, tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text(
        "SITE_NAME = 'Từ tệp instance'\nPAGE_SIZE = 7\nMEDIA_ROOT = '/tu-tep'\n"
    )
    monkeypatch.setenv("MEDIA_ROOT", "/tu-moi-truong")
    monkeypatch.setenv("SECRET_KEY", "khoa-tu-moi-truong")
    load_config(bare_app, {"PAGE_SIZE": 9})
    assert bare_app.config["SITE_NAME"] == "Từ tệp instance"
    assert bare_app.config["MEDIA_ROOT"] == "/tu-moi-truong"
    assert bare_app.config["SECRET_KEY"] == "khoa-tu-moi-truong"
    assert bare_app.config["PAGE_SIZE"] == 9
    assert not (tmp_path / "secret_key").exists()


def test_redis_url_moves_cache_and_rate_limits_to_redis(bare_app, monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    load_config(bare_app, None)
    assert bare_app.config["CACHE_TYPE"] == "RedisCache"
    assert bare_app.config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/3"


def test_without_redis_cache_and_limits_stay_in_process(bare_app):
    load_config(bare_app, None)
    assert bare_app.config["CACHE_TYPE"] == "SimpleCache"
    assert bare_app.config["RATELIMIT_STORAGE_URI"] == "memory://"


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_database_urls_use_the_installed_postgresql_driver(given, used):
    assert normalise_database_url(given) == used


def test_passwords_are_hashed_with_full_strength_scrypt_by_default(bare_app):
    from app.accounts.services import hash_password

    load_config(bare_app, None)
    with bare_app.app_context():
        assert hash_password("một mật khẩu dài").startswith("scrypt:32768:8:1$")
