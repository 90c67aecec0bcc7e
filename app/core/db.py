"""Database primitives: column types that keep our text and time rules, SQLite tuning, write transactions."""

import enum
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime

from sqlalchemy import DateTime, Engine, Enum, String, Text, event
from sqlalchemy.types import TypeDecorator

from app.core.dates import as_utc
from app.core.text import nfc
from app.extensions import db

_write_intent: ContextVar[bool] = ContextVar("write_intent", default=False)


def enum_column(enum_class: type[enum.Enum], length: int = 20) -> Enum:
    """Store an enum's values as plain strings (portable, readable, no native ENUM type to migrate)."""
    return Enum(
        enum_class,
        native_enum=False,
        length=length,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class UTCDateTime(TypeDecorator):
    """An aware UTC datetime on every database (SQLite alone would hand back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        value = as_utc(value)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect):
        return None if value is None else as_utc(value)


class NFCString(TypeDecorator):
    """A string normalised to NFC on the way in, so equal-looking Vietnamese text compares equal."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return nfc(value) if isinstance(value, str) else value


class NFCText(NFCString):
    impl = Text
    cache_ok = True


def configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    """WAL, foreign keys and a busy timeout on every connection; IMMEDIATE for write transactions.

    pysqlite's own transaction handling is switched off so that SAVEPOINTs work and we choose how
    each transaction begins: a read starts deferred, a write takes the lock up front instead of
    upgrading mid-transaction, which is what turns into "database is locked" under concurrency.
    """

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _write_intent.get() else "BEGIN")


@contextmanager
def write_transaction() -> Iterator[None]:
    """Run a service's writes in one transaction that commits at the end or rolls back on error.

    A read transaction left open by the view is committed first (it holds no changes), so the
    write transaction starts fresh with the write lock on SQLite.
    """
    session = db.session()
    if _write_intent.get():
        yield
        return
    if session.in_transaction():
        session.commit()
    token = _write_intent.set(True)
    try:
        yield
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        _write_intent.reset(token)
