"""Comments: official-reply authors, duplicate hashes, hold reasons, erasure marks; captcha challenges; comment policy.

Columns added to comments carry server defaults so databases with comments upgrade in place.

Revision ID: 9e9e017aff5d
Revises: 0e8c0e2fe841
Create Date: 2026-11-24 17:11:29.989230

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9e9e017aff5d'
down_revision = '0e8c0e2fe841'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('captcha_challenges',
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('answer', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('token', name=op.f('pk_captcha_challenges'))
    )
    with op.batch_alter_table('captcha_challenges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_captcha_challenges_created_at'), ['created_at'], unique=False)

    op.create_table('comment_policy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('auto_approve', sa.Boolean(), nullable=False),
    sa.Column('require_diacritics', sa.Boolean(), nullable=False),
    sa.Column('banned_words', sa.Text(), nullable=False),
    sa.Column('retention_days', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comment_policy'))
    )
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('author_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('content_hash', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('held_reason', sa.String(length=40), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('personal_data_removed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_comments_author_email', ['author_email'], unique=False)
        batch_op.create_index('ix_comments_content_hash', ['content_hash'], unique=False)
        batch_op.create_index('ix_comments_status_created_at', ['status', 'created_at'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_comments_author_id_users'), 'users', ['author_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_comments_author_id_users'), type_='foreignkey')
        batch_op.drop_index('ix_comments_status_created_at')
        batch_op.drop_index('ix_comments_content_hash')
        batch_op.drop_index('ix_comments_author_email')
        batch_op.drop_column('personal_data_removed_at')
        batch_op.drop_column('edited_at')
        batch_op.drop_column('held_reason')
        batch_op.drop_column('content_hash')
        batch_op.drop_column('author_id')

    op.drop_table('comment_policy')
    with op.batch_alter_table('captcha_challenges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_captcha_challenges_created_at'))

    op.drop_table('captcha_challenges')
