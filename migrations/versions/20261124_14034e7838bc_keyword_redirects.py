"""Keyword redirects: a renamed keyword's old address keeps answering with a 301.

Revision ID: 14034e7838bc
Revises: 4dedffe8682e
Create Date: 2026-11-24 15:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '14034e7838bc'
down_revision = '4dedffe8682e'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('keyword_redirects',
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('keyword_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['keyword_id'], ['keywords.id'], name=op.f('fk_keyword_redirects_keyword_id_keywords'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('slug', name=op.f('pk_keyword_redirects'))
    )
    with op.batch_alter_table('keyword_redirects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_keyword_redirects_keyword_id'), ['keyword_id'], unique=False)


def downgrade():
    with op.batch_alter_table('keyword_redirects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_keyword_redirects_keyword_id'))

    op.drop_table('keyword_redirects')
