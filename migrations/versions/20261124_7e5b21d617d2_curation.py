"""Curation: home-page picks, stories pinned in sections, story threads; editors' order of home blocks
and sidebar boxes (columns added with server defaults so sections upgrade in place).

Revision ID: 7e5b21d617d2
Revises: e4dbb70ad575
Create Date: 2026-11-24 18:18:38.569462

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7e5b21d617d2'
down_revision = 'e4dbb70ad575'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('story_threads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('slug', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_story_threads')),
    sa.UniqueConstraint('slug', name=op.f('uq_story_threads_slug'))
    )
    op.create_table('home_picks',
    sa.Column('slot', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('picked_by_id', sa.Integer(), nullable=True),
    sa.Column('picked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_home_picks_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['picked_by_id'], ['users.id'], name=op.f('fk_home_picks_picked_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('slot', name=op.f('pk_home_picks')),
    sa.UniqueConstraint('article_id', name=op.f('uq_home_picks_article_id'))
    )
    op.create_table('section_pins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('pinned_by_id', sa.Integer(), nullable=True),
    sa.Column('pinned_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_section_pins_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pinned_by_id'], ['users.id'], name=op.f('fk_section_pins_pinned_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['section_id'], ['sections.id'], name=op.f('fk_section_pins_section_id_sections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_section_pins')),
    sa.UniqueConstraint('section_id', 'article_id', name=op.f('uq_section_pins_section_id'))
    )
    with op.batch_alter_table('section_pins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_section_pins_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_section_pins_section_id'), ['section_id'], unique=False)

    op.create_table('thread_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_thread_entries_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['story_threads.id'], name=op.f('fk_thread_entries_thread_id_story_threads'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_thread_entries')),
    sa.UniqueConstraint('article_id', name=op.f('uq_thread_entries_article_id'))
    )
    with op.batch_alter_table('thread_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_thread_entries_thread_id'), ['thread_id'], unique=False)

    with op.batch_alter_table('sections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('home_position', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('sidebar_position', sa.Integer(), nullable=False, server_default='0'))



def downgrade():
    with op.batch_alter_table('sections', schema=None) as batch_op:
        batch_op.drop_column('sidebar_position')
        batch_op.drop_column('home_position')

    with op.batch_alter_table('thread_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_thread_entries_thread_id'))

    op.drop_table('thread_entries')
    with op.batch_alter_table('section_pins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_section_pins_section_id'))
        batch_op.drop_index(batch_op.f('ix_section_pins_article_id'))

    op.drop_table('section_pins')
    op.drop_table('home_picks')
    op.drop_table('story_threads')
