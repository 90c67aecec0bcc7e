"""The migrations build exactly the schema the models describe (SQLite here, PostgreSQL in CI)."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.extensions import db as _db


def test_schema_upgraded_from_empty_matches_the_models(db):
    """The session's database was created by `flask db upgrade` alone; nothing may differ."""
    context = MigrationContext.configure(
        _db.session.connection(), opts={"compare_type": True, "render_as_batch": True}
    )
    assert compare_metadata(context, _db.metadata) == []
