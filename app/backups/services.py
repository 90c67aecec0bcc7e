"""Make, verify and restore backups while the site keeps serving.

A backup is a folder `bantin-<UTC time>` holding a consistent database snapshot (the SQLite backup API,
or pg_dump inside an exported snapshot), a copy of MEDIA_ROOT under `media/`, and `manifest.json` with
the sha256 and size of every file, each table's row count, the schema revision and the app version.
It is built in a `.partial-…` folder beside it and renamed at the end, so a crash never leaves
something that looks complete. The database is snapshotted before the media are copied: media files
are written before the row naming them commits and never change afterwards (app/media/storage.py),
so every file a snapshot row names is already on disk when the copy starts.
"""

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path

from flask import current_app
from sqlalchemy import Connection, create_engine, func, inspect, select, table, text
from sqlalchemy.engine import URL

from app.extensions import db
from app.media.storage import TEMP_FOLDER, TEMP_PREFIX, sync_folder

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_FOLDER = "media"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
NAME_PREFIX = "bantin-"
PARTIAL_PREFIX = ".partial-"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup that cannot be made, trusted or restored; the message tells the operator what to do."""


def create_backup(destination: str | Path | None = None, *, now: datetime | None = None) -> tuple[Path, dict]:
    """Write a complete backup under `destination` (default BACKUP_DIR); returns its folder and manifest."""
    parent = Path(destination or current_app.config["BACKUP_DIR"])
    parent.mkdir(parents=True, exist_ok=True)
    created = now or datetime.now(UTC)
    final = parent / f"{NAME_PREFIX}{created:%Y%m%dT%H%M%SZ}"
    if final.exists():
        raise BackupError(f"Đã có bản sao lưu {final}; hãy chờ một giây rồi chạy lại.")
    work = Path(tempfile.mkdtemp(prefix=PARTIAL_PREFIX, dir=parent))
    try:
        database = snapshot_database(work)
        copy_tree(Path(current_app.config["MEDIA_ROOT"]), work / MEDIA_FOLDER)
        manifest = {
            "format": FORMAT,
            "created_at": created.isoformat(timespec="seconds"),
            "app_version": app_version(),
            "schema_revision": database.pop("schema_revision"),
            "database": database,
            "files": sums(work, sync=True),
        }
        write_synced(work / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode())
        sync_folder(work)
        work.rename(final)
        sync_folder(parent)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final, manifest


def verify_backup(folder: str | Path) -> dict:
    """The manifest of a backup whose every file is present with its recorded size and sum, and nothing
    else is there; otherwise BackupError, before anything is restored."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupError(
            f"{folder} không phải bản sao lưu hoàn chỉnh: thiếu hoặc hỏng {MANIFEST}."
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{folder}/{MANIFEST} không đúng định dạng bản sao lưu {FORMAT}.")
    expected = manifest.get("files") or {}
    database = manifest.get("database") or {}
    if database.get("engine") not in DATABASE_FILES or database.get("file") not in expected:
        raise BackupError(f"{folder}/{MANIFEST} không ghi tệp cơ sở dữ liệu nào của bản sao lưu.")
    found = sums(folder, skip={MANIFEST})
    problems = [f"thiếu {name}" for name in sorted(expected.keys() - found.keys())]
    problems += [f"thừa {name}" for name in sorted(found.keys() - expected.keys())]
    changed = sorted(name for name in expected.keys() & found.keys() if found[name] != expected[name])
    problems += [f"sai kích thước hoặc tổng kiểm tra: {name}" for name in changed]
    if problems:
        shown = "; ".join(problems[:5]) + (f"; và {len(problems) - 5} lỗi khác" if len(problems) > 5 else "")
        raise BackupError(f"Bản sao lưu {folder} đã bị sửa hoặc hỏng ({shown}): đừng dùng bản này.")
    return manifest


def restore_backup(folder: str | Path) -> dict:
    """Verify the backup, check this instance is empty, restore the database and the media, verify again."""
    folder = Path(folder)
    manifest = verify_backup(folder)
    engine = db.engine.dialect.name
    if manifest["database"]["engine"] != engine:
        raise BackupError(
            f"Bản sao lưu chứa cơ sở dữ liệu {manifest['database']['engine']}, "
            f"còn instance này dùng {engine}."
        )
    media_root = Path(current_app.config["MEDIA_ROOT"])
    require_empty(media_root)
    source = folder / manifest["database"]["file"]
    if engine == "sqlite":
        restore_sqlite(source)
    else:
        restore_postgresql(source)
    db.engine.dispose()
    copy_tree(folder / MEDIA_FOLDER, media_root)
    check_restored(manifest, media_root)
    return manifest


def list_backups(parent: str | Path | None = None) -> list[tuple[Path, dict]]:
    """Complete backups under `parent` (default BACKUP_DIR), newest first, by their manifests (unverified)."""
    parent = Path(parent or current_app.config["BACKUP_DIR"])
    found = []
    for folder in parent.glob(f"{NAME_PREFIX}*") if parent.is_dir() else ():
        try:
            found.append((folder, json.loads((folder / MANIFEST).read_text(encoding="utf-8"))))
        except (OSError, ValueError):
            continue
    return sorted(found, key=lambda item: item[1].get("created_at", ""), reverse=True)


def prune_backups(days: int, parent: str | Path | None = None, *, now: datetime | None = None) -> list[Path]:
    """Delete complete backups older than `days` (the newest is always kept) and partial folders left by a
    crash more than a day ago; returns the folders deleted."""
    parent = Path(parent or current_app.config["BACKUP_DIR"])
    now = now or datetime.now(UTC)
    cutoff, abandoned = now - timedelta(days=days), (now - timedelta(days=1)).timestamp()
    doomed = [
        folder
        for folder, made in list_backups(parent)[1:]
        if datetime.fromisoformat(made["created_at"]) < cutoff
    ]
    doomed += [folder for folder in parent.glob(f"{PARTIAL_PREFIX}*") if folder.stat().st_mtime < abandoned]
    for folder in doomed:
        shutil.rmtree(folder)
    return doomed


def snapshot_database(work: Path) -> dict:
    """One consistent snapshot of the database in `work`, with its revision and per-table row counts."""
    engine = db.engine.dialect.name
    if engine not in DATABASE_FILES:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {engine}.")
    target = work / DATABASE_FILES[engine]
    if engine == "sqlite":
        raw = db.engine.raw_connection()
        try:
            snapshot = sqlite3.connect(target)
            try:
                raw.driver_connection.backup(snapshot)  # all pages in one step: one read transaction
                snapshot.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            finally:
                snapshot.close()
        finally:
            raw.close()
        copy = create_engine(f"sqlite:///{target}")
        try:
            with copy.connect() as connection:
                facts = database_facts(connection)
        finally:
            copy.dispose()
    else:
        with db.engine.connect() as connection:
            check_pg_tools(connection)
        repeatable = db.engine.execution_options(isolation_level="REPEATABLE READ")
        with repeatable.connect() as connection, connection.begin():
            exported = connection.scalar(text("SELECT pg_export_snapshot()"))
            facts = database_facts(connection)  # the counts and revision of the very snapshot pg_dump writes
            run_pg("pg_dump", "--format=custom", f"--snapshot={exported}", f"--file={target}")
    return {"engine": engine, "file": target.name, **facts}


def database_facts(connection: Connection) -> dict:
    """The Alembic revision and every table's row count, as seen by `connection`'s transaction."""
    names = sorted(inspect(connection).get_table_names())
    revision = None
    if "alembic_version" in names:
        revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
    counts = {name: connection.scalar(select(func.count()).select_from(table(name))) for name in names}
    return {"schema_revision": revision, "tables": counts}


def restore_sqlite(source: Path) -> None:
    """Copy the snapshot's pages into this instance's database through the backup API."""
    raw = db.engine.raw_connection()
    try:
        require_no_tables(raw.driver_connection)
        snapshot = sqlite3.connect(f"file:{source}?mode=ro&immutable=1", uri=True)
        try:
            snapshot.backup(raw.driver_connection)
        finally:
            snapshot.close()
    finally:
        raw.close()


def restore_postgresql(source: Path) -> None:
    with db.engine.connect() as connection:
        check_pg_tools(connection)
        require_no_tables(connection)
    db.engine.dispose()
    options = ("--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction")
    run_pg("pg_restore", *options, f"--dbname={db.engine.url.database}", str(source))


def require_no_tables(connection) -> None:
    if isinstance(connection, sqlite3.Connection):
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    else:
        names = inspect(connection).get_table_names()
    if names:
        raise BackupError(
            f"Cơ sở dữ liệu đích đã có {len(names)} bảng ({', '.join(sorted(names)[:3])}…): "
            "chỉ khôi phục vào một instance trống. "
            "Tạo cơ sở dữ liệu mới (hoặc đặt DATABASE_URL trỏ tới nó) rồi chạy lại."
        )


def require_empty(media_root: Path) -> None:
    if media_root.is_dir() and any(media_root.iterdir()):
        raise BackupError(
            f"Thư mục media {media_root} không trống: chỉ khôi phục vào một instance trống. "
            "Đặt MEDIA_ROOT trỏ tới một thư mục trống rồi chạy lại."
        )


def check_restored(manifest: dict, media_root: Path) -> None:
    """Compare what was restored with the manifest: each table's row count, the revision, every media sum."""
    with db.engine.connect() as connection:
        facts = database_facts(connection)
    expected = manifest["database"]["tables"]
    problems = [
        f"bảng {name}: {facts['tables'].get(name)} dòng thay vì {count}"
        for name, count in expected.items()
        if facts["tables"].get(name) != count
    ]
    problems += [f"bảng thừa {name}" for name in facts["tables"].keys() - expected.keys()]
    if facts["schema_revision"] != manifest["schema_revision"]:
        problems.append(f"phiên bản lược đồ {facts['schema_revision']} thay vì {manifest['schema_revision']}")
    restored = {f"{MEDIA_FOLDER}/{name}": entry for name, entry in sums(media_root).items()}
    wanted = {name: entry for name, entry in manifest["files"].items() if name.startswith(f"{MEDIA_FOLDER}/")}
    if restored != wanted:
        problems.append("các tệp media đã khôi phục không khớp manifest")
    if problems:
        raise BackupError("Kiểm tra sau khi khôi phục thất bại: " + "; ".join(problems[:5]))


def check_pg_tools(connection: Connection) -> None:
    """pg_dump/pg_restore must be the server's major version: an older one refuses the server, and a newer
    one writes archives the server's own tools cannot read."""
    server = int(connection.scalar(text("SHOW server_version_num"))) // 10000
    try:
        output = subprocess.run([pg_tool("pg_dump"), "--version"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        raise BackupError(f"Không chạy được pg_dump: cài gói postgresql-client-{server}.") from None
    found = re.search(r"\)\s*(\d+)", output.stdout)
    client = int(found.group(1)) if found else None
    if client != server:
        raise BackupError(
            f"pg_dump phiên bản {client} không khớp máy chủ PostgreSQL {server}: "
            f"cài postgresql-client-{server} và đặt BACKUP_PG_BINDIR "
            f"(ví dụ /usr/lib/postgresql/{server}/bin)."
        )


def run_pg(tool: str, *arguments: str) -> None:
    """Run a PostgreSQL client tool on this app's database; the password goes in the environment, not argv."""
    url: URL = db.engine.url
    env = dict(os.environ)
    parts = {"PGHOST": url.host, "PGPORT": url.port, "PGUSER": url.username, "PGPASSWORD": url.password}
    env.update({name: str(value) for name, value in parts.items() if value is not None})
    env["PGDATABASE"] = url.database
    done = subprocess.run([pg_tool(tool), *arguments], env=env, capture_output=True, text=True)
    if done.returncode:
        raise BackupError(f"{tool} thất bại (mã {done.returncode}): {done.stderr.strip()[-500:]}")


def pg_tool(name: str) -> str:
    folder = current_app.config["BACKUP_PG_BINDIR"]
    return str(Path(folder) / name) if folder else name


def copy_tree(source: Path, target: Path) -> int:
    """Copy every finished file under `source` (not uploads still being written, nor `.tmp/`); each is
    copied to a temp file in `<target>/.tmp/` and renamed into place, so a crash never leaves half a
    file among the content: for a restore, the temp folder is the one the media store sweeps at start.
    Returns how many were copied."""
    copied, temp = 0, target / TEMP_FOLDER
    created_temp = not temp.is_dir()
    temp.mkdir(parents=True, exist_ok=True)
    try:
        for folder, dirs, files in os.walk(source):
            if Path(folder) == source and TEMP_FOLDER in dirs:
                dirs.remove(TEMP_FOLDER)
            for name in files:
                if name.startswith(TEMP_PREFIX):  # written beside its target by older versions
                    continue
                path = Path(folder) / name
                destination = target / path.relative_to(source)
                destination.parent.mkdir(parents=True, exist_ok=True)
                fd, partial = tempfile.mkstemp(dir=temp, prefix=TEMP_PREFIX)
                os.close(fd)
                try:
                    shutil.copyfile(path, partial)
                except BaseException as error:
                    Path(partial).unlink(missing_ok=True)
                    if isinstance(error, FileNotFoundError):  # a failed upload's files: no row names them
                        continue
                    raise
                os.replace(partial, destination)
                copied += 1
    finally:
        if created_temp:
            with contextlib.suppress(OSError):  # not empty: an upload started meanwhile; the sweep has it
                temp.rmdir()
    return copied


def sums(folder: Path, *, skip: set[str] = frozenset(), sync: bool = False) -> dict[str, dict]:
    """{relative path: {"sha256", "size"}} for every file under `folder`; `sync` also flushes each to disk."""
    found = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if name in skip:
            continue
        digest, size = hashlib.sha256(), 0
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
            if sync:
                os.fsync(handle.fileno())
        found[name] = {"sha256": digest.hexdigest(), "size": size}
    return found


def write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def app_version() -> str:
    try:
        return metadata.version("bantin")
    except metadata.PackageNotFoundError:
        return "unknown"
