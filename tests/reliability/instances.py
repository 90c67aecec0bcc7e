"""Instances of their own for the backup tests: a database and a media folder each, committed for real.

On SQLite (the default) each instance is a file under the test's folder; when the suite runs on PostgreSQL
(TEST_DATABASE_URL) each is a scratch database on the same server, created here and dropped at the end.
"""

import hashlib
import os
import secrets
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from app import create_app
from app.extensions import db, limiter
from app.media.storage import TEMP_PREFIX


class Instances:
    """Makes apps on fresh databases and media folders, and removes the databases afterwards."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.server = os.environ.get("TEST_DATABASE_URL", "")
        self.apps: list[Flask] = []
        self.scratch: list[str] = []

    def make(self, name: str, *, migrate: bool = True) -> Flask:
        if self.server.startswith("postgres"):
            database = f"bantin_backup_{name}_{secrets.token_hex(4)}"
            self.admin(f'CREATE DATABASE "{database}"')
            self.scratch.append(database)
            url = make_url(self.server).set(database=database).render_as_string(hide_password=False)
        else:
            url = f"sqlite:///{self.folder / name}.db"
        application = create_app(
            {
                "SECRET_KEY": secrets.token_hex(32),
                "SQLALCHEMY_DATABASE_URI": url,
                "MEDIA_ROOT": str(self.folder / name / "media"),
                "BACKUP_DIR": str(self.folder / name / "backups"),
                "IMAGE_WIDTHS": (320, 640),
                "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
                "RATELIMIT_STORAGE_URI": "memory://",
                "VIEW_COUNT_FLUSH_SECONDS": 0,
                # An upload holds SQLite's write lock while Pillow encodes its variants: on a machine busy
                # with other work that can pass the default 5 s, which is not what these tests measure.
                "SQLITE_BUSY_TIMEOUT_MS": 30_000,
            }
        )
        limiter.enabled = False  # init_app switched the shared limiter on; the suite keeps it off
        if migrate:
            with application.app_context():
                upgrade()
        self.apps.append(application)
        return application

    def admin(self, statement: str) -> None:
        engine = create_engine(self.server, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(text(statement))
        finally:
            engine.dispose()

    def close(self) -> None:
        for application in self.apps:
            with application.app_context():
                db.engine.dispose()
        for database in self.scratch:
            self.admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def table_rows(application: Flask) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order, to compare two databases cell by cell."""
    with application.app_context(), db.engine.connect() as connection:
        names = inspect(connection).get_table_names()
        return {
            name: sorted(map(tuple, connection.execute(text(f'SELECT * FROM "{name}"'))), key=repr)
            for name in names
        }


def media_sums(application: Flask) -> dict[str, str]:
    """{key: sha256} of every finished file under the app's MEDIA_ROOT."""
    root = Path(application.config["MEDIA_ROOT"])
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file() and not path.name.startswith(TEMP_PREFIX)
    }
