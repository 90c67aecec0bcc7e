"""Bản tin: the application factory."""

import sys
from pathlib import Path

from flask import Flask

from app.caching import pages as page_cache
from app.config import load_config
from app.core import i18n
from app.core.db import configure_sqlite
from app.core.errors import register_error_handlers
from app.core.logging import configure_logging
from app.extensions import babel, cache, compress, csrf, db, limiter, login_manager
from app.security.headers import init_app as init_security_headers
from app.security.headers import secure_cookies

ROOT = Path(__file__).resolve().parent.parent


def create_app(overrides: dict | None = None) -> Flask:
    """Build the app: load config → init extensions → register blueprints → errors → CLI."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
        instance_relative_config=True,
    )
    load_config(app, overrides)
    secure_cookies(app)  # before the fast path reads the session cookie's name
    configure_logging(app)
    import_models()
    init_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_template_helpers(app)
    register_cli(app)
    init_security_headers(app)  # outside the fast path, inside ProxyFix
    trust_proxies(app)
    return app


def trust_proxies(app: Flask) -> None:
    """Behind nginx, take the reader's address and scheme from the proxy's headers, and only then: the
    outermost middleware, so the page cache's fast path and the rate limits see the real values."""
    hops = app.config["PROXY_FIX_X_FOR"]
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)


def import_models() -> None:
    """Import every feature's models so the metadata (and Alembic) sees the whole schema."""
    from app.accounts import models as _accounts  # noqa: F401
    from app.articles import models as _articles  # noqa: F401
    from app.audit import models as _audit  # noqa: F401
    from app.caching import models as _caching  # noqa: F401
    from app.campaigns import models as _campaigns  # noqa: F401
    from app.captcha import models as _captcha  # noqa: F401
    from app.comments import models as _comments  # noqa: F401
    from app.curation import models as _curation  # noqa: F401
    from app.keywords import models as _keywords  # noqa: F401
    from app.media import models as _media  # noqa: F401
    from app.notifications import models as _notifications  # noqa: F401
    from app.search import models as _search  # noqa: F401
    from app.sections import models as _sections  # noqa: F401
    from app.settings import models as _settings  # noqa: F401


def init_extensions(app: Flask) -> None:
    db.init_app(app)
    if "gunicorn" not in sys.modules:
        init_migrations(app)
    csrf.init_app(app)
    cache.init_app(app)
    limiter.init_app(app)
    page_cache.init_app(app, compress)  # after the limiter: a cached page still counts against limits
    login_manager.init_app(app)
    i18n.compile_catalogs(Path(app.root_path) / "translations")
    babel.init_app(app)
    app.json.ensure_ascii = False
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            configure_sqlite(db.engine, app.config["SQLITE_BUSY_TIMEOUT_MS"])

    from app.accounts.services import load_user
    from app.accounts.sessions import init_sessions
    from app.articles import view_counts
    from app.caching import fast_path, fragments, generation, static_files
    from app.media.storage import sweep_at_start
    from app.search import indexing

    indexing.install()
    generation.install()
    view_counts.init_app(app)
    static_files.init_app(app)
    fragments.init_app(app)
    fast_path.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "accounts.login"
    init_sessions(app)
    sweep_at_start(app)


def init_migrations(app: Flask) -> None:
    """Flask-Migrate for `flask db …` and the tests. A gunicorn worker never migrates (`make serve` and
    the systemd unit run `flask db upgrade` first), so it does not import Alembic: 11 MB less per worker."""
    from flask_migrate import Migrate

    Migrate(render_as_batch=True, compare_type=True).init_app(app, db, directory=str(ROOT / "migrations"))


def register_blueprints(app: Flask) -> None:
    from app.accounts.admin_views import blueprint as users_admin
    from app.accounts.views import blueprint as accounts
    from app.admin.views import blueprint as admin
    from app.api.views import blueprint as api
    from app.articles.admin_views import blueprint as articles_admin
    from app.articles.autosave_admin_views import blueprint as autosave_admin
    from app.articles.revision_admin_views import blueprint as revisions_admin
    from app.articles.views import blueprint as articles
    from app.audit.admin_views import blueprint as audit_admin
    from app.campaigns.admin_views import blueprint as campaigns_admin
    from app.campaigns.views import blueprint as campaigns
    from app.captcha.views import blueprint as captcha
    from app.comments.admin_views import blueprint as comments_admin
    from app.comments.policy_admin_views import blueprint as comment_policy_admin
    from app.comments.privacy_admin_views import blueprint as privacy_admin
    from app.comments.privacy_views import blueprint as privacy
    from app.comments.views import blueprint as comments
    from app.curation.home_admin_views import blueprint as home_admin
    from app.curation.pin_admin_views import blueprint as pins_admin
    from app.curation.thread_admin_views import blueprint as threads_admin
    from app.feeds.views import blueprint as feeds
    from app.keywords.admin_views import blueprint as keywords_admin
    from app.keywords.views import blueprint as keywords
    from app.media.admin_views import blueprint as media_admin
    from app.media.gallery_admin_views import blueprint as gallery_admin
    from app.media.video_admin_views import blueprint as video_admin
    from app.media.views import blueprint as media
    from app.public.views import blueprint as public
    from app.search.views import blueprint as search
    from app.sections.admin_views import blueprint as sections_admin
    from app.sections.views import blueprint as sections
    from app.settings.admin_views import blueprint as settings_admin

    for blueprint in (
        accounts,
        users_admin,
        admin,
        public,
        keywords,
        campaigns,
        campaigns_admin,
        media,
        media_admin,
        articles,
        articles_admin,
        revisions_admin,
        autosave_admin,
        sections,
        sections_admin,
        pins_admin,
        threads_admin,
        keywords_admin,
        settings_admin,
        audit_admin,
        video_admin,
        gallery_admin,
        captcha,
        comments,
        comments_admin,
        comment_policy_admin,
        privacy,
        privacy_admin,
        search,
        home_admin,
        api,
        feeds,
    ):
        app.register_blueprint(blueprint)


def register_template_helpers(app: Flask) -> None:
    from app.media.videos import embed_src
    from app.public.context import register

    register(app)
    app.add_template_global(embed_src, "video_embed_src")


def register_cli(app: Flask) -> None:
    from app.accounts.cli import users_cli
    from app.backups.cli import backup_cli
    from app.comments.cli import comments_cli
    from app.demo.cli import seed_bulk, seed_demo
    from app.search.cli import search_cli
    from app.security.check_deploy import check_deploy

    app.cli.add_command(users_cli)
    app.cli.add_command(comments_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(seed_demo)
    app.cli.add_command(seed_bulk)
    app.cli.add_command(backup_cli)
    app.cli.add_command(check_deploy)
