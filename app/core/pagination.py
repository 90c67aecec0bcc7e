"""One way to paginate: parse `?page=`, run Flask-SQLAlchemy's paginate, refuse pages past the end."""

from flask import abort, current_app, request
from flask_babel import gettext as _
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select

from app.core.errors import bad_request
from app.extensions import db


def page_number() -> int:
    """The `page` query argument: 1 when absent, 400 with a Vietnamese message when not a page number.

    Only ASCII digits, checked for length before int(): `²` passes isdigit() but not int(), and
    int() refuses strings over 4,300 digits; both used to end in a 500.
    """
    raw = request.args.get("page", "1")
    max_page = current_app.config["MAX_PAGE"]
    well_formed = raw.isascii() and raw.isdigit() and len(raw) <= len(str(max_page))
    if not well_formed or not 1 <= int(raw) <= max_page:
        bad_request(_("Invalid page number."))
    return int(raw)


def paginate(statement: Select, *, per_page: int | None = None) -> Pagination:
    """One page of results plus the total; a page beyond the last is a 404, not an empty page."""
    page = page_number()
    result = db.paginate(
        statement,
        page=page,
        per_page=per_page or current_app.config["PAGE_SIZE"],
        error_out=False,
    )
    if page > 1 and page > result.pages:
        abort(404)
    return result


class PageOfItems(Pagination):
    """A page cut elsewhere (by the search engine), shaped for the one pager macro."""

    def _query_items(self) -> list:
        return self._query_args["items"]

    def _query_count(self) -> int:
        return self._query_args["total"]
