"""`flask search reindex`: rebuild every search document from the articles."""

import click
from flask.cli import AppGroup
from sqlalchemy import func, select

from app.articles.models import Article
from app.core.db import write_transaction
from app.extensions import db
from app.search.indexing import checkpoint_wal, optimize_index, reindex_all

search_cli = AppGroup("search", help="The full-text search index.")


@search_cli.command("reindex")
def reindex_command() -> None:
    """Rebuild the search index in one transaction (readers keep the old index until it commits)."""
    total = db.session.scalar(select(func.count(Article.id)))
    with write_transaction(), click.progressbar(length=total, label="Đang lập chỉ mục") as bar:
        indexed = reindex_all(db.session.connection(), progress=bar.update)
        optimize_index(db.session.connection())
    db.session.remove()
    click.echo(f"Đã lập chỉ mục {indexed} bài viết đã đăng (trên {total} bài).")
    if not checkpoint_wal(db.engine):
        click.echo("Chưa thu gọn được nhật ký ghi (WAL) vì cơ sở dữ liệu đang bận; SQLite sẽ tự làm sau.")
