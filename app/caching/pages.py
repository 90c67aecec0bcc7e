"""The full-page cache and the HTTP caching headers of public responses.

A response is cached only for an anonymous reader (no login, no pending flash message), only when it is
a 200 that sets no cookie and carries no per-visitor token, and under a key made of the content
generation, the host, the path with its query, and the encodings the reader accepts (the stored body is
already compressed for them). Staff always get a fresh page marked `private, no-store`.

Readers of a cached article still count as views: the view registers what a hit must replay
(`remember`), and `page_served_from_cache` hands it to whoever listens.
"""

import hashlib
from dataclasses import dataclass, field

from blinker import Namespace
from flask import Blueprint, Flask, Response, current_app, g, request, session
from flask_compress import Compress

from app.caching import generation
from app.extensions import cache

page_served_from_cache = Namespace().signal("page-served-from-cache")
GENERATION_KEY = "bantin.page_generation"  # set by the fast path when it has read the generation

CACHED_BLUEPRINTS: set[str] = set()
# Never replayed from the cache: per-visitor or per-moment headers.
UNSTORED_HEADERS = frozenset({"set-cookie", "x-cache", "retry-after"})
REMEMBER_COOKIE = "remember_token"


def cached_page(view):
    """Mark a public view whose response may be shared by every anonymous reader."""
    view.page_cacheable = True
    return view


def cache_blueprint(blueprint: Blueprint) -> Blueprint:
    """Mark every view of a read-only public blueprint (feeds, the JSON API) as cacheable."""
    CACHED_BLUEPRINTS.add(blueprint.name)
    return blueprint


def remember(**extras) -> None:
    """Something a cache hit of this page must replay (e.g. `article_view=42` to count the reading)."""
    g.setdefault("page_cache_extras", {}).update(extras)


@dataclass
class CachedPage:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    extras: dict = field(default_factory=dict)

    def response(self) -> Response:
        response = Response(self.body, status=self.status, headers=self.headers)
        response.headers["X-Cache"] = "HIT"
        return response


def init_app(app: Flask, compress: Compress) -> None:
    """Hook in around compression: after_request handlers run last-registered first, so a response
    gets its caching headers, then is compressed, then is stored compressed."""
    app.before_request(serve_from_cache)
    app.after_request(store_in_cache)
    compress.init_app(app)
    app.after_request(set_caching_headers)


def is_public_view() -> bool:
    if request.method not in ("GET", "HEAD") or request.endpoint is None:
        return False
    if request.blueprint in CACHED_BLUEPRINTS:
        return True
    view = current_app.view_functions.get(request.endpoint)
    return getattr(view, "page_cacheable", False)


def is_anonymous_reader() -> bool:
    """No login (nor a cookie that would log in), no flash message waiting to be shown."""
    return "_user_id" not in session and "_flashes" not in session and REMEMBER_COOKIE not in request.cookies


def page_key(environ: dict, number: int) -> str:
    """From the raw WSGI environ, so Flask and the fast path (fast_path.py) compute the same key."""
    target = "{}://{}{}{}?{}".format(
        environ.get("wsgi.url_scheme", ""),
        environ.get("HTTP_HOST") or environ.get("SERVER_NAME", ""),
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
    )
    encodings = environ.get("HTTP_ACCEPT_ENCODING", "").replace(" ", "").lower()
    digest = hashlib.blake2b(
        f"{target}\n{encodings}".encode("latin-1", "replace"), digest_size=16
    ).hexdigest()
    return f"page:{number}:{digest}"


def serve_from_cache() -> Response | None:
    if not (current_app.config["PAGE_CACHE"] and is_public_view() and is_anonymous_reader()):
        return None
    g.page_generation = request.environ.get(GENERATION_KEY) or generation.current()
    key = page_key(request.environ, g.page_generation.number)
    stored = cache.get(key)
    if not isinstance(stored, CachedPage):
        g.page_cache_key = key
        return None
    g.page_cache_hit = True
    page_served_from_cache.send(current_app._get_current_object(), extras=stored.extras)
    return stored.response().make_conditional(request)


def set_caching_headers(response: Response) -> Response:
    """Validators and Cache-Control for public views; 304 when the reader's copy is current."""
    if g.get("page_cache_hit") or not is_public_view():
        return response
    if not is_anonymous_reader():
        response.headers["Cache-Control"] = "private, no-store"
        return response
    if response.status_code != 200 or response.is_streamed:
        return response
    config = current_app.config
    response.vary.add("Cookie")  # staff, with a session cookie, must never get a proxy's shared copy
    if "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = (
            f"public, max-age={config['PAGE_MAX_AGE']}, stale-while-revalidate={config['PAGE_STALE_SECONDS']}"
        )
    if not response.get_etag()[0]:
        response.add_etag()
    if response.last_modified is None:
        state = g.get("page_generation") or generation.current()
        response.last_modified = state.changed_at
    return response.make_conditional(request)


def store_in_cache(response: Response) -> Response:
    key = g.pop("page_cache_key", None)
    if key is None:
        return response
    response.headers["X-Cache"] = "MISS"
    if not is_shareable(response):
        return response
    headers = [(name, value) for name, value in response.headers if name.lower() not in UNSTORED_HEADERS]
    page = CachedPage(response.status_code, headers, response.get_data(), g.get("page_cache_extras", {}))
    cache.set(key, page, timeout=current_app.config["PAGE_CACHE_SECONDS"])
    return response


def is_shareable(response: Response) -> bool:
    """A complete 200 that is the same for every anonymous reader."""
    cache_control = response.headers.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.is_streamed
        and not session.modified
        and "csrf_token" not in g
        and "Set-Cookie" not in response.headers
        and "no-store" not in cache_control
        and "private" not in cache_control
    )
