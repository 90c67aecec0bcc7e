"""Keeping search documents in step with articles, inside the transaction that changes them.

Every flush that adds, changes or deletes an article (or renames or merges a keyword) rewrites the
search documents of the articles concerned before the transaction commits, whatever code path made
the change: publishing, editing, unpublishing, restoring a revision, a bulk seed. An article is
indexed while its status is published (a future publication time is filtered when searching), and
removed from the index otherwise, so search never shows what is not public.
"""

from collections.abc import Callable, Iterable

from sqlalchemy import Connection, Engine, delete, event, insert, inspect, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.articles.models import Article, ArticleStatus
from app.keywords.models import Keyword, article_keywords
from app.search.models import SearchDocument

KEYWORD_SEPARATOR = " · "
BATCH_SIZE = 500
# What a search document is made of: a change to anything else (comments on/off, the featured
# flag) leaves the index alone.
INDEXED_ATTRIBUTES = (
    "title",
    "lead",
    "byline",
    "body_text",
    "section_id",
    "format",
    "status",
    "published_at",
    "keywords",
)


def sync_documents(connection: Connection, article_ids: Iterable[int]) -> None:
    """Rewrite the search documents of these articles from what is stored now (Core statements only,
    so it can run inside a flush)."""
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        connection.execute(delete(SearchDocument).where(SearchDocument.article_id.in_(batch)))
        rows = document_rows(connection, batch)
        if rows:
            connection.execute(insert(SearchDocument), rows)


def document_rows(connection: Connection, article_ids: list[int]) -> list[dict]:
    """The search documents of those articles that are published, with their keyword names."""
    articles = connection.execute(
        select(
            Article.id,
            Article.title,
            Article.lead,
            Article.byline,
            Article.body_text,
            Article.section_id,
            Article.format,
            Article.published_at,
        ).where(
            Article.id.in_(article_ids),
            Article.status == ArticleStatus.PUBLISHED,
            Article.published_at.is_not(None),
        )
    ).all()
    names: dict[int, list[str]] = {}
    for article_id, name in connection.execute(
        select(article_keywords.c.article_id, Keyword.name)
        .join(Keyword, Keyword.id == article_keywords.c.keyword_id)
        .where(article_keywords.c.article_id.in_([row.id for row in articles]))
        .order_by(Keyword.name)
    ):
        names.setdefault(article_id, []).append(name)
    return [
        {
            "article_id": row.id,
            "title": row.title,
            "lead": row.lead or "",
            "keywords": KEYWORD_SEPARATOR.join(names.get(row.id, [])),
            "byline": row.byline or "",
            "body": row.body_text or "",
            "section_id": row.section_id,
            "format": row.format.value,
            "published_at": row.published_at,
        }
        for row in articles
    ]


def reindex_all(connection: Connection, *, progress: Callable[[int], None] = lambda n: None) -> int:
    """Rebuild every search document from the articles (after an import, or to repair); returns the count."""
    connection.execute(delete(SearchDocument))
    ids = list(connection.scalars(select(Article.id).order_by(Article.id)))
    indexed = 0
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        rows = document_rows(connection, batch)
        if rows:
            connection.execute(insert(SearchDocument), rows)
        indexed += len(rows)
        progress(len(batch))
    return indexed


def touched_article_ids(session: Session) -> set[int]:
    """Articles a flush added, changed or deleted, and the articles of keywords it renamed or merged."""
    ids = {
        instance.id
        for instance in (*session.new, *session.deleted)
        if isinstance(instance, Article) and instance.id is not None
    }
    ids |= {
        instance.id
        for instance in session.dirty
        if isinstance(instance, Article) and changed(instance, INDEXED_ATTRIBUTES)
    }
    keyword_ids = set()
    for instance in session.dirty:
        if isinstance(instance, Keyword) and changed(instance, ("name", "merged_into_id")):
            keyword_ids.add(instance.id)
            if instance.merged_into_id is not None:
                keyword_ids.add(instance.merged_into_id)
    if keyword_ids:
        ids |= set(
            session.connection().scalars(
                select(article_keywords.c.article_id).where(article_keywords.c.keyword_id.in_(keyword_ids))
            )
        )
    return ids


def changed(instance, attributes: tuple[str, ...]) -> bool:
    state = inspect(instance)
    return any(state.attrs[name].history.has_changes() for name in attributes)


def sync_after_flush(session: Session, _flush_context) -> None:
    ids = touched_article_ids(session)
    if ids:
        sync_documents(session.connection(), ids)


def install() -> None:
    """Listen to every session's flushes (once per process; the listener checks for itself)."""
    if not event.contains(Session, "after_flush", sync_after_flush):
        event.listen(Session, "after_flush", sync_after_flush)


def optimize_index(connection: Connection) -> None:
    """After a rebuild, in its transaction: merge the FTS5 segments (SQLite) or refresh the
    planner's statistics (PostgreSQL)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES('optimize')")
    else:
        connection.exec_driver_sql("ANALYZE search_documents")


def checkpoint_wal(engine: Engine) -> bool:
    """Copy a rebuild's write-ahead log into the SQLite file, so readers stop looking pages up in a
    log of hundreds of megabytes (bench/search.py measured p95 twice as slow before). PASSIVE never
    waits; returns False when other connections kept part of the log, which SQLite copies later."""
    if engine.dialect.name != "sqlite":
        return True
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            busy, logged, copied = connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
    except OperationalError:
        return False
    return not busy and logged == copied
