"""Serving stored media: immutable, content-addressed, never sniffed."""

from flask import Blueprint, abort, send_file

from app.media.storage import get_storage

blueprint = Blueprint("media", __name__)

ONE_YEAR = 365 * 24 * 3600


@blueprint.get("/media/<path:key>")
def serve(key: str):
    storage = get_storage()
    try:
        path = storage.path(key)
    except ValueError:
        abort(404)
    if not path.is_file():
        abort(404)
    response = send_file(path, max_age=ONE_YEAR, conditional=True)
    response.cache_control.immutable = True
    response.cache_control.public = True
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
