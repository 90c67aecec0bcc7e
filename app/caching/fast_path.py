"""Serving stored pages before Flask: the path most readers of a burst take.

A reader with no cookie asking for a page some reader already caused to be rendered gets the stored
bytes straight from the WSGI layer: one primary-key read of the content generation, one cache lookup,
no routing, no request context, no session. Anything else (a cookie, a page not stored, a scheduled
change come due) falls through to Flask, which decides, renders and stores as usual (pages.py).
Rate-limited routes (the JSON API) always go through Flask so that their limits and headers apply.
"""

import sqlite3
import threading
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from flask import Flask
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from werkzeug.http import is_resource_modified, unquote_etag

from app.caching.generation import CURRENT, Generation
from app.caching.models import STATE_ID
from app.caching.pages import GENERATION_KEY, CachedPage, page_key, page_served_from_cache
from app.extensions import cache, db

# Never looked up here: staff pages, files, captcha, and routes whose rate limits must count.
SKIPPED_PREFIXES = ("/admin", "/static/", "/media/", "/captcha/", "/api/")

EXTENSION = "page_fast_path"
# What a 304 repeats of the stored answer (no body, so no length).
NOT_MODIFIED_HEADERS = (
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Vary",
    "Content-Type",
    "Content-Encoding",
    "X-Cache",
)


class CachedPageMiddleware:
    def __init__(self, app: Flask, wsgi_app: Callable, engine: Engine):
        self.app = app
        self.wsgi_app = wsgi_app
        self.read_generation = generation_reader(engine)  # tests read through their own connection
        self.cookie_names = (
            app.config["SESSION_COOKIE_NAME"],
            app.config.get("REMEMBER_COOKIE_NAME", "remember_token"),
        )

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        page = self.stored_page(environ)
        if page is None:
            return self.wsgi_app(environ, start_response)
        if page.extras:
            with self.app.app_context():
                page_served_from_cache.send(self.app, extras=page.extras)
        headers = [*page.headers, ("X-Cache", "HIT")]
        validators = dict(page.headers)
        etag = unquote_etag(validators["ETag"])[0] if "ETag" in validators else None
        if not is_resource_modified(environ, etag=etag, last_modified=validators.get("Last-Modified")):
            start_response(
                "304 NOT MODIFIED", [(name, value) for name, value in headers if name in NOT_MODIFIED_HEADERS]
            )
            return []
        start_response(f"{page.status} OK", headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [page.body]

    def stored_page(self, environ: dict) -> CachedPage | None:
        if environ["REQUEST_METHOD"] not in ("GET", "HEAD") or not self.app.config["PAGE_CACHE"]:
            return None
        if environ.get("PATH_INFO", "").startswith(SKIPPED_PREFIXES) or self.has_login_cookie(environ):
            return None
        try:
            state = self.read_generation()
        except (DBAPIError, sqlite3.Error):
            return None  # Flask answers (and reports) whatever is wrong with the database
        if state is None or state.is_due():
            return None  # Flask moves the generation on
        environ[GENERATION_KEY] = state
        stored = self.app.extensions["cache"][cache].get(page_key(environ, state.number))
        return stored if isinstance(stored, CachedPage) else None

    def has_login_cookie(self, environ: dict) -> bool:
        """Any session cookie sends the reader through Flask, which reads what the session holds."""
        cookies = environ.get("HTTP_COOKIE", "")
        return any(f"{name}=" in cookies for name in self.cookie_names)


def generation_reader(engine: Engine) -> Callable[[], Generation | None]:
    if engine.dialect.name == "sqlite":
        return SqliteGenerationReader(engine)
    return lambda: read_state(engine.connect().execution_options(isolation_level="AUTOCOMMIT"))


def read_state(opening: AbstractContextManager[Connection]) -> Generation | None:
    """(generation, next_due_at) through SQLAlchemy: one statement, no transaction left open."""
    with opening as connection:
        row = connection.execute(CURRENT).one_or_none()
    return None if row is None else Generation(*row)


class SqliteGenerationReader:
    """SQLite: one long-lived connection per thread that re-reads the row only when another connection
    has committed something since (`PRAGMA data_version`, a counter kept in memory): a hit costs a
    pragma, not a query."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.local = threading.local()

    def __call__(self) -> Generation | None:
        local = self.local
        if not hasattr(local, "connection"):
            local.connection = self.engine.raw_connection()  # WAL, autocommit: see configure_sqlite
            local.data_version = None
        cursor = local.connection.cursor()
        try:
            (version,) = cursor.execute("PRAGMA data_version").fetchone()
            if version != local.data_version:
                row = cursor.execute(RAW_STATE).fetchone()
                local.state = None if row is None else Generation(row[0], *map(parse_sqlite_time, row[1:]))
                local.data_version = version
        finally:
            cursor.close()
        return local.state


RAW_STATE = f"SELECT generation, changed_at, next_due_at FROM content_state WHERE id = {STATE_ID}"


def parse_sqlite_time(value: str | None) -> datetime | None:
    """UTCDateTime's storage on SQLite: naive ISO text in UTC."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


def init_app(app: Flask) -> None:
    with app.app_context():
        engine = db.engine
    middleware = CachedPageMiddleware(app, app.wsgi_app, engine)
    app.extensions[EXTENSION] = middleware
    app.wsgi_app = middleware
