"""Static files under content-hashed URLs: `/static/css/site.css?v=<hash>` is cached for a year.

Every `url_for('static', ...)` gets the file's hash, so a deploy that changes a file changes its URL
and browsers, nginx and CDNs may keep each version forever (`immutable`). A request carrying an old
or no hash still gets the file, revalidated as usual.
"""

import hashlib
import os
from contextlib import closing
from pathlib import Path

from flask import Flask, Response, current_app, request

ONE_YEAR = 365 * 24 * 3600
# filename → (mtime_ns, size, hash): a file edited while the server runs (development) gets a new hash.
_hashes: dict[str, tuple[int, int, str]] = {}


# CSS and JS this small are read into memory so they can be compressed like pages (streams are not).
COMPRESSIBLE_BYTES = 512 * 1024


def init_app(app: Flask) -> None:
    """Register after Flask-Compress, so these run before it compresses."""
    app.url_defaults(add_content_hash)
    app.after_request(finish_static_response)


def content_hash(filename: str) -> str | None:
    path = Path(current_app.static_folder, filename)
    try:
        stat = path.stat()
    except OSError:
        return None
    known = _hashes.get(str(path))
    if known and known[:2] == (stat.st_mtime_ns, stat.st_size):
        return known[2]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    _hashes[str(path)] = (stat.st_mtime_ns, stat.st_size, digest)
    return digest


def add_content_hash(endpoint: str, values: dict) -> None:
    if endpoint == "static" and "filename" in values and "v" not in values:
        digest = content_hash(os.path.normpath(values["filename"]))
        if digest:
            values["v"] = digest


def finish_static_response(response: Response) -> Response:
    if request.endpoint != "static" or response.status_code not in (200, 304):
        return response
    if response.status_code == 200 and (response.content_length or 0) <= COMPRESSIBLE_BYTES:
        response.direct_passthrough = False
        with closing(response.response) as file_chunks:  # read whole and closed now, not on response close
            body = b"".join(file_chunks)
        response.set_data(body)
    version = request.args.get("v")
    if version and request.view_args and version == content_hash(request.view_args["filename"]):
        response.cache_control.public = True
        response.cache_control.max_age = ONE_YEAR
        response.cache_control.immutable = True
        response.cache_control.no_cache = None
    return response
