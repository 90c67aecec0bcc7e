"""Site settings: feeds with full text or leads only (server default: leads).

Revision ID: fb97241f1f40
Revises: 7e5b21d617d2
Create Date: 2026-11-24 18:53:15.168246

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'fb97241f1f40'
down_revision = '7e5b21d617d2'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('site_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('feed_full_text', sa.Boolean(), nullable=False, server_default=sa.false()))



def downgrade():
    with op.batch_alter_table('site_settings', schema=None) as batch_op:
        batch_op.drop_column('feed_full_text')

