"""Keeping search documents in step with articles, inside the transaction that changes them.

Every flush that adds, changes or deletes an article (or renames or merges a keyword) rewrites the
search documents of the articles concerned before the transaction commits, whatever code path made
the change: publishing, editing, unpublishing, restoring a revision, a bulk seed. An article is
indexed while its status is published (a future publication time is filtered when searching), and
removed from the index otherwise, so search never shows what is not public.

Most engine structures follow the documents by themselves (SQLite triggers, PostgreSQL generated
columns and expression indexes); SQLite's word-pair table and word list are the exception, written
here because their tokens are computed in Python (see pairs.py). Documents are never updated in
place: a change deletes and inserts them, which is what keeps those two in step.
"""

from collections.abc import Callable, Iterable

from sqlalchemy import Connection, Engine, delete, event, insert, inspect, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.articles.models import Article, ArticleStatus
from app.keywords.models import Keyword, article_keywords
from app.search.models import SearchDocument, search_key
from app.search.pairs import folded_words, pair_tokens

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
PAIRED_FIELDS = ("title", "lead", "keywords", "byline", "body")


def sync_documents(connection: Connection, article_ids: Iterable[int]) -> None:
    """Rewrite the search documents of these articles from what is stored now (Core statements only,
    so it can run inside a flush)."""
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        if has_pair_table(connection):
            old = connection.execute(
                select(*(SearchDocument.__table__.c[name] for name in ("search_key", *PAIRED_FIELDS))).where(
                    SearchDocument.article_id.in_(batch)
                )
            ).mappings()
            write_pairs(connection, list(old), remove=True)
        connection.execute(delete(SearchDocument).where(SearchDocument.article_id.in_(batch)))
        insert_documents(connection, document_rows(connection, batch))


def insert_documents(connection: Connection, rows: list[dict]) -> None:
    """Insert documents with free search keys, and (SQLite) their word pairs and words."""
    if not rows:
        return
    keys = [row["search_key"] for row in rows]
    key = SearchDocument.search_key
    in_use = set(connection.scalars(select(key).where(key.in_(keys))))
    claimed: set[int] = set()
    for row in rows:
        wanted = row["search_key"]
        if wanted in in_use or wanted in claimed:
            # Published in the same millisecond as another (bulk imports): the next free millisecond.
            nearby = set(connection.scalars(select(key).where(key.between(wanted, wanted + 10_000))))
            while wanted in nearby or wanted in claimed:
                wanted += 1
            row["search_key"] = wanted
        claimed.add(wanted)
    connection.execute(insert(SearchDocument), rows)
    if has_pair_table(connection):
        write_pairs(connection, rows)


def has_pair_table(connection: Connection) -> bool:
    return connection.dialect.name == "sqlite"


def write_pairs(connection: Connection, documents: list, *, remove: bool = False) -> None:
    """Add documents to SQLite's contentless pair table and their words to its word list, or take
    them out of the pair table (FTS5 needs the very tokens it indexed to delete a row, so they are
    computed again from the stored text; the word list only ever grows, see engines.py)."""
    if not documents:
        return
    fields = ", ".join(PAIRED_FIELDS)
    values = ", ".join(f":{name}" for name in PAIRED_FIELDS)
    if remove:
        statement = f"""INSERT INTO search_fts_pairs(search_fts_pairs, rowid, {fields})
                        VALUES ('delete', :search_key, {values})"""
    else:
        statement = f"INSERT INTO search_fts_pairs(rowid, {fields}) VALUES (:search_key, {values})"
    pair_rows, terms = [], set()
    for document in documents:
        pair_row = {"search_key": document["search_key"]}
        for name in PAIRED_FIELDS:
            words = folded_words(document[name])
            pair_row[name] = " ".join(pair_tokens(words))
            terms.update(words)
        pair_rows.append(pair_row)
    connection.execute(text(statement), pair_rows)
    if not remove:
        connection.execute(
            text("INSERT OR IGNORE INTO search_fts_terms(term) VALUES (:term)"),
            [{"term": term} for term in terms],
        )


def document_rows(connection: Connection, article_ids: list[int]) -> list[dict]:
    """The search documents of those articles that are published, with their keyword names, in
    the order of `article_ids`."""
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
    position = {article_id: index for index, article_id in enumerate(article_ids)}
    articles = sorted(articles, key=lambda row: position[row.id])
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
            "search_key": search_key(row.published_at),
        }
        for row in articles
    ]


def reindex_all(connection: Connection, *, progress: Callable[[int], None] = lambda n: None) -> int:
    """Rebuild every search document from the articles (after an import, or to repair); returns the count."""
    connection.execute(delete(SearchDocument))
    if has_pair_table(connection):
        connection.exec_driver_sql("INSERT INTO search_fts_pairs(search_fts_pairs) VALUES ('delete-all')")
        connection.exec_driver_sql("DELETE FROM search_fts_terms")
    # In order of publication: the newest documents end up together on disk (PostgreSQL's walks
    # of the date index then read few pages) and SQLite's FTS5 tables are appended to in key order.
    ids = list(connection.scalars(select(Article.id).order_by(Article.published_at, Article.id)))
    indexed = 0
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        rows = document_rows(connection, batch)
        insert_documents(connection, rows)
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
    """After a rebuild, in its transaction: merge the FTS5 segments of each table (SQLite) or refresh
    the planner's statistics (PostgreSQL)."""
    if connection.dialect.name == "sqlite":
        for table in ("search_fts", "search_fts_titles", "search_fts_pairs"):
            connection.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES('optimize')")
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
