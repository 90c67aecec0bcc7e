"""Initial schema: every noun of DESIGN.md (users, sections, articles, keywords, media,
revisions, campaigns, exemplary profiles, comments, audit events, site settings).

Revision ID: de898940cca5
Revises:
Create Date: 2026-11-24 14:36:15.822832

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'de898940cca5'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('keywords',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('name_key', sa.String(length=100), nullable=False),
    sa.Column('folded', sa.String(length=100), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['merged_into_id'], ['keywords.id'], name=op.f('fk_keywords_merged_into_id_keywords'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_keywords')),
    sa.UniqueConstraint('name_key', name=op.f('uq_keywords_name_key')),
    sa.UniqueConstraint('slug', name=op.f('uq_keywords_slug'))
    )
    with op.batch_alter_table('keywords', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_keywords_folded'), ['folded'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.Enum('contributor', 'editor', 'admin', name='role', native_enum=False, length=20), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('session_version', sa.Integer(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('totp_secret', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email'))
    )
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('object_type', sa.String(length=40), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_events_actor_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_created_at'), ['created_at'], unique=False)
        batch_op.create_index('ix_audit_events_object', ['object_type', 'object_id'], unique=False)

    op.create_table('media',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('image', 'video', name='mediakind', native_enum=False, length=20), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('original_key', sa.String(length=200), nullable=False),
    sa.Column('mime', sa.String(length=60), nullable=False),
    sa.Column('width', sa.Integer(), nullable=True),
    sa.Column('height', sa.Integer(), nullable=True),
    sa.Column('bytes', sa.Integer(), nullable=False),
    sa.Column('variants', sa.JSON(), nullable=False),
    sa.Column('alt', sa.String(length=300), nullable=False),
    sa.Column('caption', sa.Text(), nullable=False),
    sa.Column('credit', sa.String(length=200), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_media_uploaded_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_media')),
    sa.UniqueConstraint('sha256', name=op.f('uq_media_sha256'))
    )
    op.create_table('campaigns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('slug', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('goals', sa.Text(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('banner_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['banner_id'], ['media.id'], name=op.f('fk_campaigns_banner_id_media'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaigns')),
    sa.UniqueConstraint('slug', name=op.f('uq_campaigns_slug'))
    )
    op.create_table('sections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('kind', sa.Enum('news', 'column', 'exemplary', 'photo', 'video', name='sectionkind', native_enum=False, length=20), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('in_menu', sa.Boolean(), nullable=False),
    sa.Column('on_home', sa.Boolean(), nullable=False),
    sa.Column('in_sidebar', sa.Boolean(), nullable=False),
    sa.Column('banner_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['banner_id'], ['media.id'], name=op.f('fk_sections_banner_id_media'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['parent_id'], ['sections.id'], name=op.f('fk_sections_parent_id_sections'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sections')),
    sa.UniqueConstraint('slug', name=op.f('uq_sections_slug'))
    )
    with op.batch_alter_table('sections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sections_parent_id'), ['parent_id'], unique=False)

    op.create_table('site_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_name', sa.String(length=200), nullable=False),
    sa.Column('tagline', sa.String(length=300), nullable=False),
    sa.Column('logo_id', sa.Integer(), nullable=True),
    sa.Column('governing_agency', sa.String(length=300), nullable=False),
    sa.Column('licence', sa.String(length=300), nullable=False),
    sa.Column('responsible_person', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('phone', sa.String(length=60), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['logo_id'], ['media.id'], name=op.f('fk_site_settings_logo_id_media'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site_settings'))
    )
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('slug', sa.String(length=200), nullable=False),
    sa.Column('lead', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('body_text', sa.Text(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=False),
    sa.Column('format', sa.Enum('standard', 'photo', 'video', 'exemplary', name='articleformat', native_enum=False, length=20), nullable=False),
    sa.Column('status', sa.Enum('draft', 'pending', 'published', 'rejected', 'unpublished', name='articlestatus', native_enum=False, length=20), nullable=False),
    sa.Column('cover_id', sa.Integer(), nullable=True),
    sa.Column('cover_caption', sa.Text(), nullable=False),
    sa.Column('byline', sa.String(length=200), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('meta_description', sa.String(length=300), nullable=False),
    sa.Column('is_featured', sa.Boolean(), nullable=False),
    sa.Column('comments_enabled', sa.Boolean(), nullable=False),
    sa.Column('view_count', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('first_published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_articles_campaign_id_campaigns'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['cover_id'], ['media.id'], name=op.f('fk_articles_cover_id_media'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_articles_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['section_id'], ['sections.id'], name=op.f('fk_articles_section_id_sections'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_articles'))
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index('ix_articles_public', ['status', 'published_at'], unique=False)
        batch_op.create_index('ix_articles_featured_public', ['is_featured', 'status', 'published_at'], unique=False)
        batch_op.create_index('ix_articles_section_public', ['section_id', 'status', 'published_at'], unique=False)

    op.create_table('article_keywords',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('keyword_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_keywords_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['keyword_id'], ['keywords.id'], name=op.f('fk_article_keywords_keyword_id_keywords'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'keyword_id', name=op.f('pk_article_keywords'))
    )
    with op.batch_alter_table('article_keywords', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_keywords_keyword_id'), ['keyword_id'], unique=False)

    op.create_table('comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('author_name', sa.String(length=100), nullable=False),
    sa.Column('author_email', sa.String(length=254), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('pending', 'approved', 'rejected', 'spam', name='commentstatus', native_enum=False, length=20), nullable=False),
    sa.Column('is_official', sa.Boolean(), nullable=False),
    sa.Column('ip_hash', sa.String(length=64), nullable=False),
    sa.Column('consent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('moderated_by_id', sa.Integer(), nullable=True),
    sa.Column('moderated_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_comments_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['moderated_by_id'], ['users.id'], name=op.f('fk_comments_moderated_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['parent_id'], ['comments.id'], name=op.f('fk_comments_parent_id_comments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comments'))
    )
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_index('ix_comments_article_status', ['article_id', 'status'], unique=False)

    op.create_table('exemplary_profiles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('subject_name', sa.String(length=200), nullable=False),
    sa.Column('subject_kind', sa.Enum('individual', 'collective', name='subjectkind', native_enum=False, length=20), nullable=False),
    sa.Column('unit', sa.String(length=200), nullable=False),
    sa.Column('ward', sa.String(length=100), nullable=False),
    sa.Column('field', sa.String(length=100), nullable=False),
    sa.Column('achievement', sa.Text(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_exemplary_profiles_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_exemplary_profiles_campaign_id_campaigns'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exemplary_profiles')),
    sa.UniqueConstraint('article_id', name=op.f('uq_exemplary_profiles_article_id'))
    )
    with op.batch_alter_table('exemplary_profiles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exemplary_profiles_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exemplary_profiles_field'), ['field'], unique=False)
        batch_op.create_index(batch_op.f('ix_exemplary_profiles_ward'), ['ward'], unique=False)

    op.create_table('gallery_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('media_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('caption', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_gallery_items_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['media_id'], ['media.id'], name=op.f('fk_gallery_items_media_id_media'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gallery_items')),
    sa.UniqueConstraint('article_id', 'position', name=op.f('uq_gallery_items_article_id'))
    )
    with op.batch_alter_table('gallery_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gallery_items_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gallery_items_media_id'), ['media_id'], unique=False)

    op.create_table('related_articles',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('related_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_related_articles_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['related_id'], ['articles.id'], name=op.f('fk_related_articles_related_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'related_id', name=op.f('pk_related_articles'))
    )
    op.create_table('revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('article_version', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_revisions_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_revisions_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_revisions'))
    )
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_revisions_article_id'), ['article_id'], unique=False)

    op.create_table('videos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=True),
    sa.Column('embed_url', sa.String(length=500), nullable=True),
    sa.Column('poster_id', sa.Integer(), nullable=True),
    sa.Column('duration_seconds', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_videos_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['file_id'], ['media.id'], name=op.f('fk_videos_file_id_media'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['poster_id'], ['media.id'], name=op.f('fk_videos_poster_id_media'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_videos')),
    sa.UniqueConstraint('article_id', name=op.f('uq_videos_article_id'))
    )


def downgrade():
    op.drop_table('videos')
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_revisions_article_id'))

    op.drop_table('revisions')
    op.drop_table('related_articles')
    with op.batch_alter_table('gallery_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gallery_items_media_id'))
        batch_op.drop_index(batch_op.f('ix_gallery_items_article_id'))

    op.drop_table('gallery_items')
    with op.batch_alter_table('exemplary_profiles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exemplary_profiles_ward'))
        batch_op.drop_index(batch_op.f('ix_exemplary_profiles_field'))
        batch_op.drop_index(batch_op.f('ix_exemplary_profiles_campaign_id'))

    op.drop_table('exemplary_profiles')
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index('ix_comments_article_status')

    op.drop_table('comments')
    with op.batch_alter_table('article_keywords', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_keywords_keyword_id'))

    op.drop_table('article_keywords')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_section_public')
        batch_op.drop_index('ix_articles_featured_public')
        batch_op.drop_index('ix_articles_public')
        batch_op.drop_index(batch_op.f('ix_articles_created_by_id'))
        batch_op.drop_index(batch_op.f('ix_articles_campaign_id'))

    op.drop_table('articles')
    op.drop_table('site_settings')
    with op.batch_alter_table('sections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sections_parent_id'))

    op.drop_table('sections')
    op.drop_table('campaigns')
    op.drop_table('media')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_events_object')
        batch_op.drop_index(batch_op.f('ix_audit_events_created_at'))
        batch_op.drop_index(batch_op.f('ix_audit_events_actor_id'))

    op.drop_table('audit_events')
    op.drop_table('users')
    with op.batch_alter_table('keywords', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_keywords_folded'))

    op.drop_table('keywords')
