"""Search: a searchable copy of each published article, and each engine's index over it.

SQLite: an FTS5 table with external content (the originals keep their accents for display) fed
by triggers with đ folded to d (the unicode61 tokenizer removes every other mark but not đ).
PostgreSQL: a `vn` text search configuration (unaccent, then simple), generated weighted tsvector
columns with GIN indexes, and a trigram index on the unaccented title for typo tolerance.
Both are filled from the articles already published.

Revision ID: e4dbb70ad575
Revises: 9e9e017aff5d
Create Date: 2026-11-24 17:50:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e4dbb70ad575'
down_revision = '9e9e017aff5d'
branch_labels = None
depends_on = None

COLUMNS = ("title", "lead", "keywords", "byline", "body")


def fold_d(expression):
    return f"replace(replace({expression}, 'đ', 'd'), 'Đ', 'D')"


def sqlite_fts_values(row):
    return ", ".join(fold_d(f"{row}.{column}") for column in COLUMNS)


SQLITE_UPGRADE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, lead, keywords, byline, body, "
    "content='search_documents', content_rowid='article_id', "
    "tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
    f"""CREATE TRIGGER search_fts_after_insert AFTER INSERT ON search_documents BEGIN
        INSERT INTO search_fts(rowid, {', '.join(COLUMNS)}) VALUES (new.article_id, {sqlite_fts_values('new')});
    END""",
    f"""CREATE TRIGGER search_fts_after_delete AFTER DELETE ON search_documents BEGIN
        INSERT INTO search_fts(search_fts, rowid, {', '.join(COLUMNS)})
        VALUES ('delete', old.article_id, {sqlite_fts_values('old')});
    END""",
    f"""CREATE TRIGGER search_fts_after_update AFTER UPDATE ON search_documents BEGIN
        INSERT INTO search_fts(search_fts, rowid, {', '.join(COLUMNS)})
        VALUES ('delete', old.article_id, {sqlite_fts_values('old')});
        INSERT INTO search_fts(rowid, {', '.join(COLUMNS)}) VALUES (new.article_id, {sqlite_fts_values('new')});
    END""",
]

POSTGRES_UPGRADE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TEXT SEARCH CONFIGURATION vn (COPY = simple)",
    "ALTER TEXT SEARCH CONFIGURATION vn ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
    """CREATE FUNCTION search_fts_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$""",
    """ALTER TABLE search_documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('vn', title), 'A') || setweight(to_tsvector('vn', keywords), 'A')
        || setweight(to_tsvector('vn', lead), 'B') || setweight(to_tsvector('vn', byline), 'C')
        || setweight(to_tsvector('vn', body), 'D')) STORED""",
    "ALTER TABLE search_documents ADD COLUMN title_tsv tsvector GENERATED ALWAYS AS (to_tsvector('vn', title)) STORED",
    "CREATE INDEX search_fts_tsv ON search_documents USING gin (tsv)",
    "CREATE INDEX search_fts_title_tsv ON search_documents USING gin (title_tsv)",
    "CREATE INDEX search_fts_title_trgm ON search_documents USING gin (lower(search_fts_unaccent(title)) gin_trgm_ops)",
]

# Articles already published, with their keyword names; the same rows indexing.py writes.
FILL = """INSERT INTO search_documents (article_id, title, lead, keywords, byline, body, section_id, format, published_at)
    SELECT a.id, a.title, a.lead,
           coalesce((SELECT {aggregate} FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id
                     WHERE ak.article_id = a.id), ''),
           a.byline, a.body_text, a.section_id, a.format, a.published_at
    FROM articles a WHERE a.status = 'published' AND a.published_at IS NOT NULL"""


def upgrade():
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
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_search_documents_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['section_id'], ['sections.id'], name=op.f('fk_search_documents_section_id_sections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', name=op.f('pk_search_documents'))
    )
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.create_index('ix_search_documents_published_at', ['published_at'], unique=False)
        batch_op.create_index('ix_search_documents_section_published_at', ['section_id', 'published_at'], unique=False)

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        statements, aggregate = SQLITE_UPGRADE, "group_concat(k.name, ' · ')"
    else:
        statements, aggregate = POSTGRES_UPGRADE, "string_agg(k.name, ' · ' ORDER BY k.name)"
    for statement in statements:
        op.execute(statement)
    op.execute(FILL.format(aggregate=aggregate))


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_fts")
    with op.batch_alter_table('search_documents', schema=None) as batch_op:
        batch_op.drop_index('ix_search_documents_section_published_at')
        batch_op.drop_index('ix_search_documents_published_at')
    op.drop_table('search_documents')
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP FUNCTION search_fts_unaccent(text)")
        op.execute("DROP TEXT SEARCH CONFIGURATION vn")
