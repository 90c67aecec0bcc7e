"""Media library: original filenames, decorative flag, focal points; gallery credits; video subtitles.

Columns added to existing tables carry server defaults so databases with data upgrade in place.

Revision ID: 0e8c0e2fe841
Revises: 14034e7838bc
Create Date: 2026-11-24 15:59:35.058056

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0e8c0e2fe841'
down_revision = '14034e7838bc'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('gallery_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('credit', sa.String(length=200), nullable=False, server_default=''))

    with op.batch_alter_table('media', schema=None) as batch_op:
        batch_op.add_column(sa.Column('filename', sa.String(length=255), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('is_decorative', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('focal_x', sa.Float(), nullable=False, server_default='0.5'))
        batch_op.add_column(sa.Column('focal_y', sa.Float(), nullable=False, server_default='0.5'))

    with op.batch_alter_table('videos', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subtitles_key', sa.String(length=200), nullable=True))



def downgrade():
    with op.batch_alter_table('videos', schema=None) as batch_op:
        batch_op.drop_column('subtitles_key')

    with op.batch_alter_table('media', schema=None) as batch_op:
        batch_op.drop_column('focal_y')
        batch_op.drop_column('focal_x')
        batch_op.drop_column('is_decorative')
        batch_op.drop_column('filename')

    with op.batch_alter_table('gallery_items', schema=None) as batch_op:
        batch_op.drop_column('credit')

