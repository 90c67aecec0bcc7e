"""Page cache: the content generation row; indexes for deep listing pages (section, format, campaign,
keyword) and related articles.

Revision ID: 8a756729a2fd
Revises: fb97241f1f40
Create Date: 2026-11-24 20:25:10.452355

"""
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8a756729a2fd'
down_revision = 'fb97241f1f40'
branch_labels = None
depends_on = None


def upgrade():
    content_state = op.create_table(
        'content_state',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('generation', sa.Integer(), nullable=False),
        sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('next_due_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_content_state'))
    )
    # next_due_at stays empty: the first reader computes it (the next scheduled article or midnight).
    now = datetime.now(UTC)
    if op.get_bind().dialect.name == 'sqlite':
        now = now.replace(tzinfo=None)
    op.bulk_insert(content_state, [{'id': 1, 'generation': 1, 'changed_at': now, 'next_due_at': None}])
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_public')
        batch_op.create_index('ix_articles_public', ['status', 'published_at', 'section_id'], unique=False)
        batch_op.drop_index(batch_op.f('ix_articles_campaign_id'))
        batch_op.create_index('ix_articles_campaign_public', ['campaign_id', 'status', 'published_at'], unique=False)
        batch_op.create_index('ix_articles_format_public', ['format', 'status', 'published_at'], unique=False)
    with op.batch_alter_table('article_keywords', schema=None) as batch_op:
        batch_op.drop_index('ix_article_keywords_keyword_id')
        batch_op.create_index('ix_article_keywords_keyword_article', ['keyword_id', 'article_id'], unique=False)


def downgrade():
    with op.batch_alter_table('article_keywords', schema=None) as batch_op:
        batch_op.drop_index('ix_article_keywords_keyword_article')
        batch_op.create_index('ix_article_keywords_keyword_id', ['keyword_id'], unique=False)
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_format_public')
        batch_op.drop_index('ix_articles_campaign_public')
        batch_op.create_index(batch_op.f('ix_articles_campaign_id'), ['campaign_id'], unique=False)
        batch_op.drop_index('ix_articles_public')
        batch_op.create_index('ix_articles_public', ['status', 'published_at'], unique=False)

    op.drop_table('content_state')
