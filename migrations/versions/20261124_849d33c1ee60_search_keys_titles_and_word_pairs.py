"""Search at 100,000 articles: documents keyed by publication time, a title index and word pairs.

search_documents is rebuilt (it is derived from the articles) with `search_key`: the millisecond of
publication (the next free one when two articles share one), unique. SQLite: the FTS5 table now
uses it as rowid (so "the newest matches" is a backward walk of the doclists that stops early), a
small FTS5 table over titles alone, a contentless FTS5 table of adjacent word pairs (a quoted
phrase is looked up like a rare word) and the list of indexed words (prefixes are expanded to the
words they begin), the last two written by app/search/indexing.py. PostgreSQL: the same pairs
derived from the tsvectors (all columns, and titles) by a function, under GIN expression indexes.

Revision ID: 849d33c1ee60
Revises: 8a756729a2fd
Create Date: 2026-11-24 22:30:00.000000

"""
import importlib.util
from pathlib import Path

from alembic import op
import sqlalchemy as sa

from app.search.pairs import folded_words, pair_tokens


# revision identifiers, used by Alembic.
revision = '849d33c1ee60'
down_revision = '8a756729a2fd'
branch_labels = None
depends_on = None

COLUMNS = ("title", "lead", "keywords", "byline", "body")


def fold_d(expression):
    return f"replace(replace({expression}, 'đ', 'd'), 'Đ', 'D')"


def fts_rows(row, columns):
    return ", ".join(fold_d(f"{row}.{column}") for column in columns)


def sqlite_triggers():
    """One trigger per event keeps the all-columns table and the title table in step."""
    all_columns, titles = ", ".join(COLUMNS), "title"

    def insert(row):
        return f"""INSERT INTO search_fts(rowid, {all_columns}) VALUES ({row}.search_key, {fts_rows(row, COLUMNS)});
        INSERT INTO search_fts_titles(rowid, {titles}) VALUES ({row}.search_key, {fts_rows(row, ('title',))});"""

    def remove(row):
        return f"""INSERT INTO search_fts(search_fts, rowid, {all_columns})
            VALUES ('delete', {row}.search_key, {fts_rows(row, COLUMNS)});
        INSERT INTO search_fts_titles(search_fts_titles, rowid, {titles})
            VALUES ('delete', {row}.search_key, {fts_rows(row, ('title',))});"""

    return [
        f"CREATE TRIGGER search_fts_after_insert AFTER INSERT ON search_documents BEGIN {insert('new')} END",
        f"CREATE TRIGGER search_fts_after_delete AFTER DELETE ON search_documents BEGIN {remove('old')} END",
        "CREATE TRIGGER search_fts_after_update AFTER UPDATE ON search_documents BEGIN "
        f"{remove('old')} {insert('new')} END",
    ]


SQLITE_UPGRADE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, lead, keywords, byline, body, "
    "content='search_documents', content_rowid='search_key', "
    "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    "CREATE VIRTUAL TABLE search_fts_titles USING fts5(title, "
    "content='search_documents', content_rowid='search_key', "
    "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    # Pair tokens are already folded (chinh_quyen); `_` must stay inside a token.
    "CREATE VIRTUAL TABLE search_fts_pairs USING fts5(title, lead, keywords, byline, body, content='', "
    "tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")",
    "CREATE TABLE search_fts_terms (term TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID",
    *sqlite_triggers(),
]

POSTGRES_UPGRADE = [
    """ALTER TABLE search_documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('vn', title), 'A') || setweight(to_tsvector('vn', keywords), 'A')
        || setweight(to_tsvector('vn', lead), 'B') || setweight(to_tsvector('vn', byline), 'C')
        || setweight(to_tsvector('vn', body), 'D')) STORED""",
    "ALTER TABLE search_documents ADD COLUMN title_tsv tsvector GENERATED ALWAYS AS (to_tsvector('vn', title)) STORED",
    # The vectors stay in the row (STORAGE MAIN; rows up to 4,000 bytes are not toasted at all):
    # every search reads hundreds of them, while the body is read for twenty snippets. Vacuum after
    # 1% of changes keeps the date index's walks over titles index-only.
    """ALTER TABLE search_documents ALTER COLUMN tsv SET STORAGE MAIN,
        ALTER COLUMN title_tsv SET STORAGE MAIN,
        SET (toast_tuple_target = 4000, autovacuum_vacuum_scale_factor = 0.01,
             autovacuum_vacuum_insert_scale_factor = 0.01)""",
    "CREATE INDEX search_fts_tsv ON search_documents USING gin (tsv)",
    "CREATE INDEX search_fts_title_tsv ON search_documents USING gin (title_tsv)",
    # The newest title matches of common words: a backward walk of this index alone.
    "CREATE INDEX search_fts_title_recent ON search_documents (published_at) INCLUDE (article_id, title_tsv)",
    "CREATE INDEX search_fts_title_trgm ON search_documents USING gin (lower(search_fts_unaccent(title)) gin_trgm_ops)",
    # Adjacent lexemes of a tsvector as lexemes of their own ('chinh quyen'), without positions. A
    # loop over an expanded array is the cheapest way found (0.2 ms a document; SQL with window
    # functions or regular expressions took 0.4 to 0.8 ms). The high cost (it is that slow) tells
    # the planner never to evaluate it row by row when the index can answer; PARALLEL UNSAFE keeps
    # that cost from making it start parallel workers (5 to 10 ms) for a few hundred rows.
    """CREATE FUNCTION search_fts_pairs(vector tsvector) RETURNS tsvector
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL UNSAFE COST 10000 AS $$
        DECLARE
            words text[] := '{}';
            pairs text[] := '{}';
            entry record;
            position integer;
        BEGIN
            FOR entry IN SELECT lexeme, positions FROM unnest(vector) WHERE positions IS NOT NULL LOOP
                FOREACH position IN ARRAY entry.positions LOOP
                    words[position] := entry.lexeme;
                END LOOP;
            END LOOP;
            FOR position IN coalesce(array_lower(words, 1), 1) .. coalesce(array_upper(words, 1), 0) - 1 LOOP
                IF words[position] IS NOT NULL AND words[position + 1] IS NOT NULL THEN
                    pairs := pairs || (words[position] || ' ' || words[position + 1]);
                END IF;
            END LOOP;
            RETURN array_to_tsvector(pairs);
        END
        $$""",
    "CREATE INDEX search_fts_pairs ON search_documents USING gin (search_fts_pairs(tsv))",
    "CREATE INDEX search_fts_title_pairs ON search_documents USING gin (search_fts_pairs(title_tsv))",
]

# The millisecond of publication; articles sharing one take the following ones, by id.
MILLISECOND = {
    "sqlite": "(CAST(strftime('%s', a.published_at) AS INTEGER) * 1000"
    " + CAST(substr(a.published_at, 21, 3) AS INTEGER))",
    "postgresql": "floor(extract(epoch FROM a.published_at) * 1000)::bigint",
}
KEY = "{ms} + row_number() OVER (PARTITION BY {ms} ORDER BY a.id) - 1"
AGGREGATE = {
    "sqlite": "group_concat(k.name, ' · ')",
    "postgresql": "string_agg(k.name, ' · ' ORDER BY k.name)",
}
# Articles already published, with their keyword names; the same rows indexing.py writes.
FILL = """INSERT INTO search_documents (article_id, title, lead, keywords, byline, body, section_id, format,
                                       published_at, search_key)
    SELECT a.id, a.title, a.lead,
           coalesce((SELECT {aggregate} FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id
                     WHERE ak.article_id = a.id), ''),
           a.byline, a.body_text, a.section_id, a.format, a.published_at, {key}
    FROM articles a WHERE a.status = 'published' AND a.published_at IS NOT NULL"""


def create_documents_table():
    op.create_table('search_documents',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('lead', sa.Text(), nullable=False),
    sa.Column('keywords', sa.Text(), nullable=False),
    sa.Column('byline', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('search_key', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_search_documents_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['section_id'], ['sections.id'], name=op.f('fk_search_documents_section_id_sections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', name=op.f('pk_search_documents'))
    )
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.create_index('ix_search_documents_published_at', ['published_at'], unique=False)
        batch_op.create_index('ix_search_documents_section_published_at', ['section_id', 'published_at'], unique=False)
        batch_op.create_index('ix_search_documents_search_key', ['search_key'], unique=True)


def fill_sqlite_pairs(bind):
    """The pair table and word list are written from Python (app/search/indexing.py does the same
    on every change), from the documents as stored, 500 at a time."""
    after = None
    while True:
        rows = bind.execute(
            sa.text(f"SELECT search_key, {', '.join(COLUMNS)} FROM search_documents "
                    "WHERE :after IS NULL OR search_key > :after ORDER BY search_key LIMIT 500"),
            {"after": after},
        ).mappings().all()
        if not rows:
            return
        pairs, terms = [], set()
        for row in rows:
            pairs.append({"search_key": row["search_key"]})
            for name in COLUMNS:
                words = folded_words(row[name])
                pairs[-1][name] = " ".join(pair_tokens(words))
                terms.update(words)
        bind.execute(
            sa.text(f"INSERT INTO search_fts_pairs(rowid, {', '.join(COLUMNS)}) "
                    f"VALUES (:search_key, {', '.join(':' + name for name in COLUMNS)})"),
            pairs,
        )
        bind.execute(sa.text("INSERT OR IGNORE INTO search_fts_terms(term) VALUES (:term)"),
                     [{"term": term} for term in terms])
        after = rows[-1]["search_key"]


def upgrade():
    bind = op.get_bind()
    dialect = bind.dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE search_fts")  # its triggers go with search_documents
    op.drop_table('search_documents')
    create_documents_table()
    for statement in SQLITE_UPGRADE if dialect == "sqlite" else POSTGRES_UPGRADE:
        op.execute(statement)
    key = KEY.format(ms=MILLISECOND[dialect])
    op.execute(FILL.format(aggregate=AGGREGATE[dialect], key=key))
    if dialect == "sqlite":
        fill_sqlite_pairs(bind)


def previous_revision():
    """The search_index revision, whose upgrade() builds the search schema this one replaces."""
    path = next(Path(__file__).parent.glob("*_e4dbb70ad575_search_index.py"))
    spec = importlib.util.spec_from_file_location("search_index_e4dbb70ad575", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade():
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in ("search_fts_terms", "search_fts_pairs", "search_fts_titles"):
            op.execute(f"DROP TABLE {table}")
    previous = previous_revision()
    previous.downgrade()  # search_fts, search_documents and (PostgreSQL) the vn configuration
    if dialect != "sqlite":
        op.execute("DROP FUNCTION search_fts_pairs(tsvector)")
    previous.upgrade()
