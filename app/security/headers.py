"""The security headers every answer carries, HTTPS (redirect, HSTS) and the cookie flags: one place.

The headers are added by a WSGI middleware placed outside the page cache's fast path (and inside
ProxyFix, which supplies the real scheme), so a page served from the cache before Flask runs, a 304, a
static or media file, an error page and a JSON answer all get the same set. It is computed once at start.

Public pages are cached and shared between readers, so the Content-Security-Policy uses no per-request
nonce (a nonce replayed from the cache to every reader protects nothing): every script is an external
file under 'self', and no page has an inline script, event handler or javascript: URL. Style attributes
are allowed (`style-src-attr 'unsafe-inline'`, never `<style>` elements nor scripts): the sanitizer keeps
`text-align` in article bodies (app/core/html.py) and the SunEditor back-office editor writes style
attributes in its own markup; a style attribute cannot run script.
"""

from collections.abc import Callable, Iterable

from flask import Flask, Response, current_app, request, session
from werkzeug.wsgi import get_current_url

SECURE_SESSION_COOKIE = "__Host-bantin_session"
HOST_PREFIX = "__Host-"
# Where an embedded video may come from: app/media/videos.py embed_src's only outputs.
VIDEO_FRAME_HOSTS = ("https://www.youtube-nocookie.com", "https://www.facebook.com")
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "style-src-attr": "'unsafe-inline'",
    # data: for the editor's icons; https: for images an editor inserts into an article by address.
    "img-src": "'self' data: https:",
    "media-src": "'self'",
    "frame-src": " ".join(VIDEO_FRAME_HOSTS),
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Powerful features no page uses; browsing-topics replaced FLoC's interest-cohort, which Chromium
# no longer knows (naming it only logs an error in every reader's console).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=(), browsing-topics=()"
)
# Files anyone may fetch and cache: answering them no-store for staff would only slow the back office.
SHARED_ENDPOINTS = frozenset({"static", "media.serve"})


def wants_https(config) -> bool:
    """The site is served over HTTPS: redirect plain HTTP and send HSTS."""
    return config.get("PREFERRED_URL_SCHEME") == "https"


def content_security_policy(config) -> str:
    if config.get("CONTENT_SECURITY_POLICY"):
        return config["CONTENT_SECURITY_POLICY"]
    text = "; ".join(f"{name} {value}" for name, value in CONTENT_SECURITY_POLICY.items())
    return text + "; upgrade-insecure-requests" if wants_https(config) else text


def header_set(config) -> list[tuple[str, str]]:
    """What every answer carries, whatever the scheme."""
    return [
        ("Content-Security-Policy", content_security_policy(config)),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", PERMISSIONS_POLICY),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]


def hsts(config) -> tuple[str, str]:
    return ("Strict-Transport-Security", f"max-age={int(config['HSTS_SECONDS'])}; includeSubDomains")


class SecurityHeaders:
    """WSGI middleware: add the header set to every answer (a header the app already set is kept, so a
    view may tighten one) and, on an HTTPS site, redirect plain HTTP and add HSTS to HTTPS answers."""

    def __init__(self, wsgi_app: Callable, config):
        self.wsgi_app = wsgi_app
        self.plain = header_set(config)
        self.secure = [*self.plain, hsts(config)] if wants_https(config) else self.plain
        self.redirect_http = wants_https(config) and config["HTTPS_REDIRECT"]

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        secure = environ.get("wsgi.url_scheme") == "https"
        if self.redirect_http and not secure:
            return self.to_https(environ, start_response)
        added = self.secure if secure else self.plain

        def start(status: str, headers: list[tuple[str, str]], exc_info=None):
            present = {name.lower() for name, _ in headers}
            extra = [header for header in added if header[0].lower() not in present]
            return start_response(status, [*headers, *extra], exc_info)

        return self.wsgi_app(environ, start)

    def to_https(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        """308 keeps the method and body, so even a form posted over HTTP arrives once, over HTTPS."""
        location = "https" + get_current_url(environ).removeprefix("http")
        start_response(
            "308 PERMANENT REDIRECT",
            [("Location", location), ("Content-Length", "0"), ("Cache-Control", "no-store"), *self.plain],
        )
        return []


def secure_cookies(app: Flask) -> None:
    """On HTTPS, the session cookie is `__Host-` prefixed (the browser then demands Secure, Path=/ and no
    Domain, so neither plain HTTP nor a sibling subdomain can set or read it). Runs before anything reads
    the cookie's name (the page cache's fast path does at start)."""
    config = app.config
    config["SESSION_COOKIE_HTTPONLY"] = True
    config["REMEMBER_COOKIE_HTTPONLY"] = True
    config["REMEMBER_COOKIE_SAMESITE"] = "Lax"
    if not (wants_https(config) or config.get("SESSION_COOKIE_SECURE")):
        return
    name = config["SESSION_COOKIE_NAME"]
    if name == "session":  # Flask's default
        name = SECURE_SESSION_COOKIE
    elif not name.startswith(HOST_PREFIX):
        name = HOST_PREFIX + name
    config.update(
        SESSION_COOKIE_NAME=name,
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_PATH="/",
        SESSION_COOKIE_DOMAIN=None,
        REMEMBER_COOKIE_SECURE=True,
    )


def no_store_for_staff(response: Response) -> Response:
    """Whatever a logged-in staff member is answered (a public page included) is theirs alone."""
    if request.endpoint in SHARED_ENDPOINTS:
        return response
    if current_app.config["SESSION_COOKIE_NAME"] not in request.cookies or "_user_id" not in session:
        return response  # checked first so an anonymous answer never reads the session (no Vary: Cookie)
    if "no-store" not in response.headers.get("Cache-Control", ""):
        response.headers["Cache-Control"] = "private, no-store"
    return response


def init_app(app: Flask) -> None:
    """Call last before ProxyFix: the middleware must wrap the page cache's fast path."""
    app.after_request(no_store_for_staff)
    app.wsgi_app = SecurityHeaders(app.wsgi_app, app.config)
