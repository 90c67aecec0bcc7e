"""Storage rules every model relies on: UTC times come back aware, text is stored in NFC, SQLite is tuned."""

import threading
import unicodedata
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text

from app import create_app
from app.core.db import write_transaction
from app.extensions import db as _db
from app.sections.models import Section
from tests.factories import make_article, make_section


def test_times_come_back_as_aware_utc(db):
    article = make_article(published_at=datetime(2022, 8, 10, 2, 47, tzinfo=UTC))
    db.session.expire_all()
    stored = db.session.get(type(article), article.id).published_at
    assert stored == datetime(2022, 8, 10, 2, 47, tzinfo=UTC)
    assert stored.tzinfo is not None


def test_decomposed_text_is_stored_composed(db):
    section = make_section(unicodedata.normalize("NFD", "Chuyển đổi số"))
    db.session.expire_all()
    name = db.session.scalar(select(Section.name).where(Section.id == section.id))
    assert name == unicodedata.normalize("NFC", "Chuyển đổi số")


def test_a_failed_service_leaves_nothing_behind(db):
    with pytest.raises(RuntimeError), write_transaction():
        db.session.add(Section(name="Tạm", slug="tam-thoi"))
        db.session.flush()
        raise RuntimeError("boom")
    assert db.session.scalar(select(Section).where(Section.slug == "tam-thoi")) is None


@pytest.fixture
def sqlite_app(tmp_path):
    application = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'concurrency.db'}",
            "SECRET_KEY": "x",
            "MEDIA_ROOT": str(tmp_path / "media"),
        }
    )
    with application.app_context():
        _db.create_all()
    yield application
    with application.app_context():
        _db.engine.dispose()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(sqlite_app):
    with sqlite_app.app_context():
        assert _db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert _db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert _db.session.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_concurrent_read_then_write_requests_do_not_fail_with_database_is_locked(sqlite_app):
    """Services read then write in one transaction; a deferred BEGIN would fail on the lock upgrade."""
    errors: list[Exception] = []
    start = threading.Barrier(4)

    def worker(number: int) -> None:
        with sqlite_app.app_context():
            try:
                start.wait()
                for round_ in range(10):
                    with write_transaction():
                        _db.session.scalars(select(Section)).all()
                        _db.session.add(Section(name=f"S{number}-{round_}", slug=f"s-{number}-{round_}"))
            except Exception as error:  # collected and asserted below
                errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with sqlite_app.app_context():
        assert len(_db.session.scalars(select(Section)).all()) == 40
