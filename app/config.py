"""Configuration: defaults → instance/config.py → environment → explicit overrides."""

import os
import secrets
from pathlib import Path

from flask import Flask


class Defaults:
    """Settings that hold unless the instance, the environment or the caller says otherwise."""

    SITE_NAME = "Bản tin quận An Phú"
    BABEL_DEFAULT_LOCALE = "vi"
    BABEL_DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    SQLITE_BUSY_TIMEOUT_MS = 5000
    REDIS_URL = None
    MEDIA_ROOT = None
    IMAGE_WIDTHS = (320, 640, 1024, 1600)
    MAX_VIDEO_BYTES = 500 * 1024 * 1024  # video uploads only; every other request keeps MAX_CONTENT_LENGTH
    MAX_IMAGE_BYTES = 20 * 1024 * 1024  # checked again by the pipeline for callers outside a request
    MAX_IMAGE_PIXELS = 50_000_000  # decompression-bomb guard, enforced by us (Pillow only warns below 2×)
    MAX_IMAGE_FRAMES = 300  # animated GIF/WebP; only the first frame is kept
    # A media temp file untouched this long belongs to a killed writer: swept when a process starts
    # (app/media/storage.py). Far above a request's life (gunicorn TIMEOUT), so live uploads are safe.
    MEDIA_TEMP_GRACE_SECONDS = 600
    PAGE_SIZE = 20
    MAX_PAGE = 10_000
    PASSWORD_HASH_METHOD = "scrypt"
    LOG_LEVEL = "INFO"  # app/core/logging.py: UTC lines with method, path, IP, user and incident id
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # HTTPS (app/security/headers.py): with PREFERRED_URL_SCHEME = "https" (env too) plain HTTP is
    # redirected (308) unless HTTPS_REDIRECT is off, HTTPS answers carry HSTS for HSTS_SECONDS, and the
    # session cookie becomes `__Host-bantin_session`, Secure. Behind nginx the scheme comes from
    # X-Forwarded-Proto, trusted only with PROXY_FIX_X_FOR ≥ 1. CONTENT_SECURITY_POLICY replaces the
    # built-in policy when set (a string); leave it empty unless a new embed host is needed.
    HTTPS_REDIRECT = True
    HSTS_SECONDS = 365 * 24 * 3600
    CONTENT_SECURITY_POLICY = ""
    WTF_CSRF_TIME_LIMIT = None
    RATELIMIT_HEADERS_ENABLED = True
    # Behind a reverse proxy: how many proxies to trust for X-Forwarded-For/-Proto (env PROXY_FIX_X_FOR).
    # 0, the default, trusts none, so a reader cannot spoof the address the rate limits count.
    PROXY_FIX_X_FOR = 0
    LOGIN_LIMIT_PER_IP = "10 per minute"
    LOGIN_LIMIT_PER_ACCOUNT = "5 per minute"
    CACHE_DEFAULT_TIMEOUT = 300
    CACHE_THRESHOLD = 2000  # in-process cache entries per worker; a compressed page is ~10 KB
    # Anonymous full-page cache (app/caching): on unless PAGE_CACHE=0; how long an entry lives (the
    # content generation already ends it at the first change), and what browsers and proxies are told.
    PAGE_CACHE = True
    PAGE_CACHE_SECONDS = 300
    PAGE_MAX_AGE = 60
    PAGE_STALE_SECONDS = 600
    FRAGMENT_SECONDS = 60  # the shared sidebar, re-rendered at least this often for the most-read list
    # Compression when no proxy does it: brotli for browsers that take it, gzip for the rest.
    # Streams (media, videos) are left alone; static files are read whole first (app/caching/static_files).
    COMPRESS_ALGORITHM = ("br", "gzip")
    COMPRESS_STREAMS = False
    # Article views are counted in memory and written in one statement per worker this often.
    VIEW_COUNT_FLUSH_SECONDS = 10
    # Comments: per-IP posting limits (Flask-Limiter syntax, ";"-separated), the least time a human
    # takes to fill the form, and the page size of a long thread.
    COMMENT_LIMITS = "1 per 15 seconds; 5 per minute; 30 per day"
    COMMENT_MIN_FILL_SECONDS = 4
    COMMENT_MAX_LINKS = 2
    COMMENTS_PER_PAGE = 20
    # Captcha: how many characters, which ones (each needs a voice under app/captcha/voices/), how
    # long a challenge lives, and how many a single IP may ask for.
    CAPTCHA_LENGTH = 5
    CAPTCHA_ALPHABET = "0123456789"
    CAPTCHA_TTL_SECONDS = 600
    CAPTCHA_LIMITS = "10 per minute; 100 per day"
    CAPTCHA_RENDER_LIMITS = "60 per minute"
    API_LIMITS = "120 per minute"  # per IP across the whole /api/v1 JSON API
    MAX_CONTENT_LENGTH = 20 * 1024 * 1024  # a cover photo straight from a camera; larger → 413
    MAX_FORM_MEMORY_SIZE = 5 * 1024 * 1024  # a long article pasted from Word exceeds the 500 kB default
    # Backups (`flask backup …`, app/backups): the folder (env BACKUP_DIR; default instance/backups), the
    # age past which `flask check-deploy` says the newest is too old, how many days `flask backup prune`
    # keeps, and the folder of a pg_dump/pg_restore of the server's major version ("" = from the PATH).
    BACKUP_DIR = None
    BACKUP_MAX_AGE_DAYS = 2
    BACKUP_RETENTION_DAYS = 30
    BACKUP_PG_BINDIR = ""


ENVIRONMENT_KEYS = {
    "DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
    "REDIS_URL": "REDIS_URL",
    "SECRET_KEY": "SECRET_KEY",
    "MEDIA_ROOT": "MEDIA_ROOT",
    "PREFERRED_URL_SCHEME": "PREFERRED_URL_SCHEME",
    "BACKUP_DIR": "BACKUP_DIR",
}
# Switches read from the environment ("0", "false", "off", "no" turn them off), e.g. for `make bench`.
ENVIRONMENT_SWITCHES = ("PAGE_CACHE", "RATELIMIT_ENABLED")
FALSE_WORDS = frozenset({"0", "false", "off", "no"})


def load_config(app: Flask, overrides: dict | None) -> None:
    """Fill app.config in the documented order, then derive what depends on it."""
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    for env_name, key in ENVIRONMENT_KEYS.items():
        if os.environ.get(env_name):
            app.config[key] = os.environ[env_name]
    if os.environ.get("PROXY_FIX_X_FOR"):
        hops = os.environ["PROXY_FIX_X_FOR"].strip()
        if not (hops.isascii() and hops.isdigit()):
            raise SystemExit(f"PROXY_FIX_X_FOR phải là số proxy đứng trước (ví dụ 1), không phải {hops!r}.")
        app.config["PROXY_FIX_X_FOR"] = int(hops)
    for name in ENVIRONMENT_SWITCHES:
        if os.environ.get(name):
            app.config[name] = os.environ[name].strip().lower() not in FALSE_WORDS
    app.config.update(overrides or {})

    instance = Path(app.instance_path)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        instance.mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'bantin.db'}"
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if not app.config.get("MEDIA_ROOT"):
        app.config["MEDIA_ROOT"] = str(instance / "media")
    if not app.config.get("BACKUP_DIR"):
        app.config["BACKUP_DIR"] = str(instance / "backups")
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = read_or_create_secret_key(instance / "secret_key")

    redis_url = app.config.get("REDIS_URL")
    app.config.setdefault("CACHE_TYPE", "RedisCache" if redis_url else "SimpleCache")
    if redis_url:
        app.config.setdefault("CACHE_REDIS_URL", redis_url)
    app.config.setdefault("RATELIMIT_STORAGE_URI", redis_url or "memory://")


def normalise_database_url(url: str) -> str:
    """Point plain postgres URLs at psycopg 3, the driver we install."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def read_or_create_secret_key(path: Path) -> str:
    """Return the instance's secret key, generating it (mode 600) on first run."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key
