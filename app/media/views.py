"""Serving stored media: immutable, content-addressed, never sniffed."""

from flask import Blueprint, abort, send_file

from app.media.storage import get_storage, is_public

blueprint = Blueprint("media", __name__)

ONE_YEAR = 365 * 24 * 3600
# Explicit, not guessed from the host's mime.types: with nosniff a wrong type breaks the file.
CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "vtt": "text/vtt",
}


@blueprint.get("/media/<path:key>")
def serve(key: str):
    storage = get_storage()
    if not is_public(key):
        abort(404)  # kept originals are never served: they exist to regenerate variants
    try:
        path = storage.path(key)
    except ValueError:
        abort(404)
    if not path.is_file():
        abort(404)
    mimetype = CONTENT_TYPES.get(path.suffix.lstrip("."))
    response = send_file(path, mimetype=mimetype, max_age=ONE_YEAR, conditional=True)
    response.cache_control.immutable = True
    response.cache_control.public = True
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
