"""`flask check-deploy`: each unsafe production setting is named with its fix, a sound one passes."""

import json
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.backups.services import MANIFEST
from app.config import read_or_create_secret_key
from app.security.check_deploy import Surroundings, find_problems

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def make_backup(folder: Path, created: datetime) -> None:
    backup = folder / f"bantin-{created:%Y%m%dT%H%M%SZ}"
    backup.mkdir(parents=True)
    (backup / MANIFEST).write_text(json.dumps({"format": 1, "created_at": created.isoformat()}))


@pytest.fixture
def production(tmp_path) -> dict:
    """A sound production config: generated key, HTTPS, Redis, a local disk, a backup from last night."""
    make_backup(tmp_path / "backups", NOW - timedelta(hours=9))
    return {
        "DEBUG": False,
        "TESTING": False,
        "SECRET_KEY": read_or_create_secret_key(tmp_path / "instance" / "secret_key"),
        "PREFERRED_URL_SCHEME": "https",
        "HTTPS_REDIRECT": True,
        "PROXY_FIX_X_FOR": 1,
        "SESSION_COOKIE_SECURE": True,
        "WTF_CSRF_ENABLED": True,
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0",
        "CACHE_TYPE": "RedisCache",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'data' / 'bantin.db'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "BACKUP_DIR": str(tmp_path / "backups"),
        "BACKUP_MAX_AGE_DAYS": 2,
    }


@pytest.fixture
def mounts(tmp_path) -> Path:
    path = tmp_path / "mounts"
    path.write_text("/dev/sda1 / ext4 rw,relatime 0 0\ntmpfs /dev/shm tmpfs rw 0 0\n")
    return path


def problems(config: dict, mounts: Path, **environ: str) -> dict[str, str]:
    """{setting: "severity: message"} for what the check finds, with 4 gunicorn workers unless told."""
    found = find_problems(config, Surroundings(environ={"WORKERS": "4", **environ}, mounts=mounts, now=NOW))
    return {problem.setting: f"{problem.severity}: {problem.message}" for problem in found}


def test_a_sound_production_config_has_no_problem(production, mounts):
    assert problems(production, mounts) == {}


@pytest.mark.parametrize(
    ("changes", "environ", "setting", "fix"),
    [
        ({"DEBUG": True}, {}, "DEBUG / FLASK_DEBUG", "Bỏ FLASK_DEBUG"),
        ({}, {"FLASK_DEBUG": "1"}, "DEBUG / FLASK_DEBUG", "Bỏ FLASK_DEBUG"),
        ({"TESTING": True}, {}, "TESTING", "TESTING = False"),
        ({"PREFERRED_URL_SCHEME": "http"}, {}, "PREFERRED_URL_SCHEME", 'PREFERRED_URL_SCHEME = "https"'),
        ({"SESSION_COOKIE_SECURE": False}, {}, "SESSION_COOKIE_SECURE", "SESSION_COOKIE_SECURE = True"),
        ({"PROXY_FIX_X_FOR": 0}, {}, "PROXY_FIX_X_FOR", "PROXY_FIX_X_FOR=1"),
        ({"WTF_CSRF_ENABLED": False}, {}, "WTF_CSRF_ENABLED", "CSRF"),
        ({"RATELIMIT_ENABLED": False}, {}, "RATELIMIT_ENABLED", "giới hạn tần suất"),
        ({"RATELIMIT_STORAGE_URI": "memory://"}, {}, "RATELIMIT_STORAGE_URI", "REDIS_URL"),
        ({"CACHE_TYPE": "SimpleCache"}, {}, "CACHE_TYPE", "REDIS_URL"),
        ({"CACHE_TYPE": "SimpleCache"}, {"WORKERS": "", "WEB_CONCURRENCY": "3"}, "CACHE_TYPE", "3 worker"),
    ],
)
def test_each_unsafe_setting_is_named_with_its_fix(production, mounts, changes, environ, setting, fix):
    found = problems({**production, **changes}, mounts, **environ)

    assert list(found) == [setting]
    assert fix in found[setting]


@pytest.mark.parametrize(
    "key",
    [
        "dev",
        "change-me",
        "secret",
        "test-secret-key",
        "served-test",
        "short-but-random-Zx81",
        "a" * 64,
        "ab12" * 16,
        "password1234" * 3,
    ],
)
def test_a_weak_secret_key_is_critical(production, mounts, key):
    found = problems({**production, "SECRET_KEY": key}, mounts)

    assert list(found) == ["SECRET_KEY"]
    assert found["SECRET_KEY"].startswith("critical: khoá bí mật")


@pytest.mark.parametrize("key", [secrets.token_hex(16), secrets.token_hex(32), secrets.token_urlsafe(32)])
def test_a_generated_secret_key_passes(production, mounts, key):
    assert problems({**production, "SECRET_KEY": key}, mounts) == {}


def test_in_memory_state_is_fine_with_a_single_worker(production, mounts):
    single = {**production, "RATELIMIT_STORAGE_URI": "memory://", "CACHE_TYPE": "SimpleCache"}
    assert problems(single, mounts, WORKERS="1") == {}
    assert set(problems(single, mounts, WORKERS="2")) == {"RATELIMIT_STORAGE_URI", "CACHE_TYPE"}


@pytest.mark.parametrize("kind", ["nfs", "nfs4", "cifs", "smbfs", "fuse.sshfs", "9p", "glusterfs", "ceph"])
def test_sqlite_on_a_network_filesystem_is_critical(production, mounts, tmp_path, kind):
    data = tmp_path / "data"
    with mounts.open("a") as handle:
        handle.write(f"server:/export {data} {kind} rw 0 0\n")

    found = problems(production, mounts)

    assert list(found) == ["SQLALCHEMY_DATABASE_URI"]
    assert found["SQLALCHEMY_DATABASE_URI"].startswith("critical:")
    assert f"{kind} ({data})" in found["SQLALCHEMY_DATABASE_URI"]


def test_a_local_disk_mounted_inside_a_network_one_is_fine(production, mounts, tmp_path):
    """The deepest mount decides; a mount point with a space is written \\040 in /proc/mounts."""
    with mounts.open("a") as handle:
        handle.write(f"server:/export {tmp_path} nfs4 rw 0 0\n/dev/sdb1 {tmp_path / 'data'} ext4 rw 0 0\n")
    assert problems(production, mounts) == {}

    spaced = tmp_path / "dữ liệu chung"
    with mounts.open("a") as handle:
        handle.write(f"//nas/share {str(spaced).replace(' ', chr(92) + '040')} cifs rw 0 0\n")
    found = problems({**production, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{spaced / 'bantin.db'}"}, mounts)
    assert list(found) == ["SQLALCHEMY_DATABASE_URI"]


def test_postgresql_is_not_checked_for_network_filesystems(production, mounts):
    with mounts.open("a") as handle:
        handle.write("server:/export / nfs4 rw 0 0\n")
    config = {**production, "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://bantin@127.0.0.1/bantin"}
    assert problems(config, mounts) == {}


def test_a_media_root_that_cannot_be_written_is_an_error(production, mounts, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")

    found = problems({**production, "MEDIA_ROOT": str(blocker / "media")}, mounts)

    assert list(found) == ["MEDIA_ROOT"]
    assert found["MEDIA_ROOT"].startswith("error:")


@pytest.mark.parametrize(
    ("backups", "setting"),
    [([], "BACKUP_DIR"), ([timedelta(days=3), timedelta(days=9)], "BACKUP_MAX_AGE_DAYS")],
)
def test_missing_or_old_backups_are_reported(production, mounts, tmp_path, backups, setting):
    folder = tmp_path / "other-backups"
    for age in backups:
        make_backup(folder, NOW - age)
    (folder / ".partial-crashed").mkdir(parents=True)  # a crash's leftovers are no backup

    found = problems({**production, "BACKUP_DIR": str(folder)}, mounts)

    assert list(found) == [setting]
    assert "flask backup create" in found[setting]


def test_the_command_lists_problems_and_fails_then_passes_once_fixed(app, production, mounts, monkeypatch):
    for name in ("FLASK_DEBUG", "WEB_CONCURRENCY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WORKERS", "4")
    runner = app.test_cli_runner()

    result = runner.invoke(args=["check-deploy", "--mounts", str(mounts)])  # the test suite's own config

    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "[NGHIÊM TRỌNG] SECRET_KEY: khoá bí mật là một giá trị mặc định ai cũng biết" in result.output
    assert "[LỖI] TESTING" in result.output
    assert lines[-1].startswith(f"Tổng cộng {len(lines) - 1} vấn đề (")

    for key, value in production.items():
        monkeypatch.setitem(app.config, key, value)
    result = runner.invoke(args=["check-deploy", "--mounts", str(mounts)])

    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Không phát hiện vấn đề nào: cấu hình sẵn sàng cho production."
