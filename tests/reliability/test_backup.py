"""Backups: `flask backup create` while the site writes, `flask backup restore` into an empty instance.

What an operator relies on: a restored copy holds exactly the rows and bytes of the backup, a tampered or
truncated backup is refused before anything is written, a live instance is never overwritten, and a
backup taken in the middle of uploads names no file it does not hold. Runs on SQLite, and on PostgreSQL
(scratch databases) when TEST_DATABASE_URL points there.
"""

import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.articles.models import Article
from app.backups import services
from app.backups.services import MANIFEST, list_backups
from app.extensions import db
from app.media.models import Media
from tests.factories import make_article, make_comment, make_image, make_user
from tests.reliability.instances import Instances, media_sums, table_rows

pytestmark = pytest.mark.database
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def module_instances(tmp_path_factory):
    instances = Instances(tmp_path_factory.mktemp("instances"))
    yield instances
    instances.close()


@pytest.fixture
def instances(tmp_path):
    instances = Instances(tmp_path)
    yield instances
    instances.close()


def seed(application) -> None:
    """Some of everything: an editor, sections, published articles with covers, comments, images."""
    with application.app_context():
        make_user(full_name="Trần Thị Biên Tập")
        for number in range(3):
            article = make_article(
                f"Phường {number} khánh thành nhà văn hoá", cover=make_image((number, 40, 200))
            )
            make_comment(article, status="approved", body=f"Ý kiến số {number} của bạn đọc.")
        make_image((250, 250, 10), size=(1200, 700))


@pytest.fixture(scope="module")
def seeded(module_instances):
    """A seeded instance and one backup of it, made by the command an operator runs."""
    source = module_instances.make("source")
    seed(source)
    result = source.test_cli_runner().invoke(args=["backup", "create"])
    assert result.exit_code == 0, result.output
    assert "Đã sao lưu vào" in result.output
    (folder, _manifest), *_ = list_backups(source.config["BACKUP_DIR"])
    return source, folder


def restore(application, folder: Path):
    return application.test_cli_runner().invoke(args=["backup", "restore", str(folder)])


def test_a_backup_restores_into_an_empty_instance_with_every_row_and_media_byte_identical(
    seeded, instances, figures
):
    source, folder = seeded
    target = instances.make("target", migrate=False)

    result = restore(target, folder)

    assert result.exit_code == 0, result.output
    assert "Đã khôi phục và kiểm tra lại" in result.output
    expected, restored = table_rows(source), table_rows(target)
    assert restored == expected
    assert len(expected["articles"]) == 3 and len(expected["media"]) == 4 and len(expected["comments"]) == 3
    source_files = media_sums(source)
    assert media_sums(target) == source_files
    manifest = json.loads((folder / MANIFEST).read_text())
    assert manifest["schema_revision"] == expected["alembic_version"][0][0]
    rows = sum(map(len, expected.values()))
    figures(
        f"backup round trip: {len(expected)} tables, {rows} rows compared, "
        f"{len(source_files)} media files verified"
    )


@pytest.mark.parametrize(
    "damage", ["flipped media byte", "truncated database", "missing media file", "added file"]
)
def test_a_tampered_backup_is_refused_and_nothing_is_restored(seeded, instances, tmp_path, damage):
    _source, original = seeded
    folder = shutil.copytree(original, tmp_path / original.name)
    media_file = next(path for path in sorted((folder / "media").rglob("*")) if path.is_file())
    database_file = next(folder.glob("database.*"))
    if damage == "flipped media byte":
        data = bytearray(media_file.read_bytes())
        data[len(data) // 2] ^= 0x01
        media_file.write_bytes(bytes(data))
    elif damage == "truncated database":
        database_file.write_bytes(database_file.read_bytes()[:-4096])
    elif damage == "missing media file":
        media_file.unlink()
    else:
        (folder / "media" / "payload.php").write_text("<?php system($_GET['c']);")
    target = instances.make("target", migrate=False)

    result = restore(target, folder)

    assert result.exit_code != 0
    assert "đã bị sửa hoặc hỏng" in result.output
    assert table_rows(target) == {}
    assert not Path(target.config["MEDIA_ROOT"]).exists()


def test_restoring_over_a_live_database_is_refused(seeded, instances):
    _source, folder = seeded
    target = instances.make("live")  # migrated: it has tables, as every running instance does
    with target.app_context():
        make_user(full_name="Người dùng đang có")
    before = table_rows(target)

    result = restore(target, folder)

    assert result.exit_code != 0
    assert "chỉ khôi phục vào một instance trống" in result.output
    assert table_rows(target) == before
    assert not Path(target.config["MEDIA_ROOT"]).exists()


def test_restoring_into_a_media_folder_that_holds_files_is_refused(seeded, instances):
    _source, folder = seeded
    target = instances.make("target", migrate=False)
    media_root = Path(target.config["MEDIA_ROOT"])
    media_root.mkdir(parents=True)
    (media_root / "anh-cu.jpg").write_bytes(b"an older site's photo")

    result = restore(target, folder)

    assert result.exit_code != 0
    assert "không trống" in result.output
    assert table_rows(target) == {}
    assert [path.name for path in media_root.iterdir()] == ["anh-cu.jpg"]


def test_a_restore_that_loses_a_file_on_the_way_is_reported_as_failed(seeded, instances, monkeypatch):
    _source, folder = seeded
    target = instances.make("target", migrate=False)
    copy_tree = services.copy_tree

    def copy_but_lose_one(source, destination):
        copied = copy_tree(source, destination)
        next(path for path in Path(destination).rglob("*") if path.is_file()).unlink()
        return copied

    monkeypatch.setattr(services, "copy_tree", copy_but_lose_one)
    result = restore(target, folder)

    assert result.exit_code != 0
    assert "Kiểm tra sau khi khôi phục thất bại" in result.output


def test_a_backup_that_fails_halfway_leaves_nothing_that_looks_complete(seeded, monkeypatch):
    source, _folder = seeded
    destination = Path(source.config["BACKUP_DIR"]).parent / "interrupted"

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(services, "copy_tree", disk_full)
    with source.app_context(), pytest.raises(OSError):
        services.create_backup(destination)

    assert list(destination.iterdir()) == []
    assert list_backups(destination) == []


class Writers:
    """Two threads writing through the app's services as the site does: uploads (files, then their row)
    and comments, until told to stop."""

    def __init__(self, application, article_id: int):
        self.application, self.article_id = application, article_id
        self.done = 0
        self.stop = threading.Event()
        self.errors: list[BaseException] = []
        self.threads = [threading.Thread(target=self.run, args=(kind,)) for kind in ("upload", "comment")]

    def run(self, kind: str) -> None:
        number = 0
        try:
            with self.application.app_context():
                article = db.session.get(Article, self.article_id)
                while not self.stop.is_set() and number < 400:
                    number += 1
                    if kind == "upload":
                        make_image((number % 256, (number * 7) % 256, 99), size=(700, 400))
                    else:
                        make_comment(
                            article, status="approved", body=f"Bình luận số {number} trong lúc sao lưu."
                        )
                    self.done += 1
                    db.session.remove()
                    article = db.session.merge(article)
        except BaseException as error:  # reported by the test
            self.errors.append(error)

    def wait_for(self, count: int, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while self.done < count and time.monotonic() < deadline and not self.errors:
            time.sleep(0.05)


def backup_command(application, destination: Path) -> subprocess.CompletedProcess:
    """`flask backup create` in a process of its own, as the systemd timer runs it next to the workers."""
    with application.app_context():
        url = db.engine.url.render_as_string(hide_password=False)
    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": url,
        "MEDIA_ROOT": application.config["MEDIA_ROOT"],
        "SECRET_KEY": application.config["SECRET_KEY"],
    }
    command = [sys.executable, "-m", "flask", "--app", "app", "backup", "create", "--to", str(destination)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_a_backup_taken_while_the_site_writes_is_consistent_and_every_row_stays_in_the_live_site(
    instances, tmp_path, figures
):
    live = instances.make("live")
    with live.app_context():
        article_id = make_article("Bài viết có nhiều bình luận").id
    writers = Writers(live, article_id)
    for thread in writers.threads:
        thread.start()
    try:
        writers.wait_for(8)
        before = writers.done
        made = backup_command(live, tmp_path / "backups")
        writers.wait_for(writers.done + 6)
        after = writers.done
    finally:
        writers.stop.set()
        for thread in writers.threads:
            thread.join(timeout=60)
    assert not writers.errors, writers.errors
    assert made.returncode == 0, made.stdout + made.stderr
    (folder, manifest), *_ = list_backups(tmp_path / "backups")
    target = instances.make("restored", migrate=False)

    result = restore(target, folder)

    assert result.exit_code == 0, result.output
    restored_files = media_sums(target)
    with target.app_context():
        media = db.session.scalars(select(Media)).all()
        named = [key for item in media for key in (item.original_key, *(v["key"] for v in item.variants))]
    missing = [key for key in named if key not in restored_files]
    wrong = [
        key
        for key in named
        if key in restored_files and manifest["files"][f"media/{key}"]["sha256"] != restored_files[key]
    ]
    assert missing == [] and wrong == []

    live_rows, restored_rows = table_rows(live), table_rows(target)
    changed_in_place = {"content_state"}  # the content generation: one row every write bumps
    lost = {
        name: [row for row in rows if row not in live_rows[name]]
        for name, rows in restored_rows.items()
        if name not in changed_in_place
    }
    assert {name: rows for name, rows in lost.items() if rows} == {}
    assert 0 < len(restored_rows["media"]) < len(live_rows["media"])  # taken midway: some uploads came after
    compared = sum(len(rows) for name, rows in restored_rows.items() if name not in changed_in_place)
    figures(
        f"backup while writing: {before}-{after} writes around the backup, {len(media)} media rows "
        f"({len(named)} files) all present with their sums, {compared} restored rows found unchanged in the "
        f"live site ({len(live_rows['media'])} media rows there now), 0 lost"
    )
