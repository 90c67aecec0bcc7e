"""Test harness: one migrated database per run, each test inside a rolled-back SAVEPOINT.

Set TEST_DATABASE_URL to run against PostgreSQL (CI does); the default is a temporary SQLite file.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy import event
from sqlalchemy.orm import scoped_session, sessionmaker

from app import create_app
from app.accounts.models import User
from app.accounts.sessions import session_values
from app.caching.fast_path import EXTENSION as FAST_PATH
from app.caching.fast_path import read_state
from app.extensions import cache, limiter
from app.extensions import db as _db
from tests.factories import PASSWORD, make_user
from tests.pages import csrf_token


def database_url(tmp_path_factory) -> str:
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session")
def app(tmp_path_factory) -> Iterator[Flask]:
    """The app on a database upgraded from empty to head by our migrations (so they are tested too)."""
    application = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": database_url(tmp_path_factory),
            "MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
            "IMAGE_WIDTHS": (320, 640),
            "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",  # production strength is tested in tests/accounts
            "WTF_CSRF_ENABLED": True,
            "RATELIMIT_ENABLED": True,  # so init_app installs the limiter's hooks; off until `throttling`
            "RATELIMIT_STORAGE_URI": "memory://",
            "SERVER_NAME": "bantin.test",
            "VIEW_COUNT_FLUSH_SECONDS": 0,  # every reading written at once; batching is tested on its own
        }
    )
    limiter.enabled = False
    with application.app_context():
        upgrade()
    yield application
    with application.app_context():
        _db.engine.dispose()


@pytest.fixture
def db(app: Flask):
    """The database inside a transaction that is rolled back after the test.

    SQLAlchemy's "joining a session into an external transaction" recipe: services really
    commit, but their commits only release SAVEPOINTs of the outer transaction.
    """
    with app.app_context():
        connection = _db.engine.connect()
        outer = connection.begin()
        original_session = _db.session
        _db.session = scoped_session(
            sessionmaker(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
        )
        cache.clear()  # the generation row is rolled back after each test, so its numbers come again
        try:
            with generation_read_through(app, connection):
                yield _db
        finally:
            _db.session.remove()
            _db.session = original_session
            outer.rollback()
            connection.close()


@contextmanager
def generation_read_through(app: Flask, connection) -> Iterator[None]:
    """The page cache's fast path reads the content generation over `connection`, so it sees what the
    test wrote inside its rolled-back transaction (its own connection would see the committed row)."""
    fast_path = app.extensions[FAST_PATH]
    production_reader = fast_path.read_generation
    fast_path.read_generation = lambda: read_state(nullcontext(connection))
    try:
        yield
    finally:
        fast_path.read_generation = production_reader


# What a second app on the test database copies from the first (see another_worker).
WORKER_CONFIG = (
    "TESTING",
    "SECRET_KEY",
    "SQLALCHEMY_DATABASE_URI",
    "MEDIA_ROOT",
    "IMAGE_WIDTHS",
    "PASSWORD_HASH_METHOD",
    "WTF_CSRF_ENABLED",
    "RATELIMIT_ENABLED",
    "RATELIMIT_STORAGE_URI",
    "SERVER_NAME",
    "VIEW_COUNT_FLUSH_SECONDS",
)


def another_worker(app: Flask, **overrides) -> Flask:
    """A second app on the same database with its own cache and engine, as a second gunicorn worker is."""
    worker = create_app({**{key: app.config[key] for key in WORKER_CONFIG}, **overrides})
    limiter.enabled = False  # init_app switched the shared limiter on; tests turn it on with `throttling`
    worker.test_client_class = RequestPerContextClient
    return worker


class RequestPerContextClient(FlaskClient):
    """Each request gets its own app context and database session, as in production.

    The `db` fixture keeps an app context open for the test body; Flask would reuse it for
    requests, so `g` and the session's identity map would leak from one request to the next.
    """

    def open(self, *args, **kwargs):
        _db.session.remove()
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture
def client(app: Flask, db):
    app.test_client_class = RequestPerContextClient
    return app.test_client()


@pytest.fixture
def runner(app: Flask, db):
    return app.test_cli_runner()


class StatementCounter:
    """Counts the SQL statements a block of code sends, savepoint bookkeeping excluded."""

    def __init__(self):
        self.statements: list[str] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK TO")):
            self.statements.append(statement)

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_statements(db):
    """Use as `with count_statements() as counter: ...`, then read counter.count."""

    @contextmanager
    def counting():
        counter = StatementCounter()
        engine = _db.session.get_bind()
        event.listen(engine, "before_cursor_execute", counter)
        try:
            yield counter
        finally:
            event.remove(engine, "before_cursor_execute", counter)

    return counting


def pytest_collection_modifyitems(config, items):
    """Tests touching the database are marked `database` (CI reruns them on PostgreSQL); tests
    touching the rate limiter are marked `cache` (CI reruns them on Redis)."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "db" in fixtures:
            item.add_marker(pytest.mark.database)
        if "throttling" in fixtures:
            item.add_marker(pytest.mark.cache)


@pytest.fixture
def throttling(monkeypatch):
    """Turn the shared limiter on for one test, with fresh counters in memory, or in Redis when
    TEST_REDIS_URL is set (CI), so the limits are proven on the storage production shares across workers.

    The limiter object is shared by every app in the process and is off between tests; monkeypatch
    restores its storage and switch after the test.
    """
    storage = storage_from_string(os.environ.get("TEST_REDIS_URL") or "memory://")
    storage.reset()
    monkeypatch.setattr(limiter, "enabled", True)
    monkeypatch.setattr(limiter, "_storage", storage)
    monkeypatch.setattr(limiter, "_limiter", FixedWindowRateLimiter(storage))
    yield limiter
    storage.reset()


@pytest.fixture
def login_as(client):
    """Log the test client in as a new user of `role` (or as the given user); returns the user."""

    def login(role_or_user="editor") -> User:
        user = role_or_user if isinstance(role_or_user, User) else make_user(role=role_or_user)
        with client.session_transaction() as session:
            session.update(session_values(user))
        return user

    return login


FIGURES: list[tuple[str, str]] = []


@pytest.fixture
def figures(request):
    """Record a measured figure (executions, mismatches, lost rows, …): the run prints them all at the
    end, passed or not, so CI's log shows what the proof suites measured."""

    def record(line: str) -> None:
        FIGURES.append((request.node.nodeid, line))

    return record


def pytest_terminal_summary(terminalreporter):
    if FIGURES:
        terminalreporter.section("figures measured by the proof suites")
        for nodeid, line in FIGURES:
            terminalreporter.write_line(f"{line}    [{nodeid}]")


@pytest.fixture
def submit(client):
    """POST a form the way a browser does: GET its page for the token first."""

    def post(path: str, data: dict | None = None, *, page: str | None = None, **kwargs):
        token = csrf_token(client, page or path)
        return client.post(path, data={**(data or {}), "csrf_token": token}, **kwargs)

    return post


@pytest.fixture
def log_in(client, submit):
    """Sign in through the login form; returns the response."""

    def sign_in(email: str, password: str = PASSWORD, **kwargs):
        return submit("/admin/login", {"email": email, "password": password}, **kwargs)

    return sign_in
