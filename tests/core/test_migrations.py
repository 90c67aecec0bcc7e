"""The migrations build exactly the schema the models describe (SQLite here, PostgreSQL in CI)."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db as _db
from app.search.models import include_name
from tests.factories import make_article, make_image


def test_schema_upgraded_from_empty_matches_the_models(db):
    """The session's database was created by `flask db upgrade` alone; nothing may differ."""
    context = MigrationContext.configure(
        _db.session.connection(),
        opts={"compare_type": True, "render_as_batch": True, "include_name": include_name},
    )
    assert compare_metadata(context, _db.metadata) == []


def test_a_database_holding_articles_survives_downgrade_to_the_first_revision_and_upgrade(tmp_path):
    """Batch mode rebuilds SQLite tables that others reference; nothing stored may be lost."""
    application = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'history.db'}",
            "SECRET_KEY": "x",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "IMAGE_WIDTHS": (320,),
        }
    )
    with application.app_context():
        upgrade()
        make_article("Bài có ảnh đại diện", cover=make_image(), keywords=["Chuyển đổi số"])
        counts = "SELECT " + ", ".join(
            f"(SELECT count(*) FROM {table})" for table in ("articles", "media", "keywords")
        )
        before = _db.session.execute(text(counts)).one()
        _db.session.remove()
        downgrade(revision="de898940cca5")
        upgrade()
        assert _db.session.execute(text(counts)).one() == before
        assert _db.session.execute(text("PRAGMA foreign_key_check")).all() == []
        _db.session.remove()
        _db.engine.dispose()
