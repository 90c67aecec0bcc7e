"""The fast path's SQLite reader sees every commit made by any other connection (another worker)."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, insert, select, update

from app.caching.fast_path import SqliteGenerationReader, generation_reader
from app.caching.models import ContentState
from app.core.db import configure_sqlite
from app.extensions import db as _db


def test_the_reader_follows_commits_from_other_connections(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'state.db'}")
    configure_sqlite(engine, 1000)
    due = datetime(2030, 1, 1, 17, 0, tzinfo=UTC)
    ContentState.__table__.create(engine)
    with engine.begin() as connection:
        connection.execute(
            insert(ContentState).values(id=1, generation=7, changed_at=datetime.now(UTC), next_due_at=due)
        )
    reader = SqliteGenerationReader(engine)

    first = reader()
    assert (first.number, first.next_due_at) == (7, due)
    assert reader() is first  # nothing committed since: the same answer from memory

    with engine.begin() as other_worker:
        other_worker.execute(update(ContentState).values(generation=8, next_due_at=due + timedelta(hours=1)))

    moved = reader()
    assert (moved.number, moved.next_due_at) == (8, due + timedelta(hours=1))
    engine.dispose()


def test_the_production_reader_reads_the_committed_generation_on_this_database(app, db):
    """SQLite: the data_version reader; PostgreSQL (CI): an autocommit read, no transaction left open."""
    reader = generation_reader(_db.engine)
    with _db.engine.connect() as connection:
        committed = connection.execute(select(ContentState.generation)).scalar_one()

    first, again = reader(), reader()

    assert first.number == again.number == committed
    if _db.engine.dialect.name == "sqlite":
        reader.local.connection.close()
