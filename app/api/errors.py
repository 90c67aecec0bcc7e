"""The API's one error shape, `{"error": {"status", "code", "message", "field", "incident_id"}}`, for
every failure; the incident id is also in the X-Incident-Id header and the request's log line."""

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from app.core.errors import INCIDENT_HEADER, error_messages, record_incident, report_unexpected

API_PATH_PREFIX = "/api/"
CODES = {
    400: "invalid_parameter",
    404: "not_found",
    405: "method_not_allowed",
    429: "rate_limited",
    500: "server_error",
}


class ApiError(Exception):
    """A request the API refuses, with the parameter at fault when there is one."""

    def __init__(self, status: int, message: str, *, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.code = code or CODES.get(status, "error")


def invalid(field: str, message: str) -> ApiError:
    return ApiError(400, message, field=field)


def error_response(error: ApiError, headers: dict | None = None) -> Response:
    incident = record_incident(error.status)
    response = jsonify(
        error={
            "status": error.status,
            "code": error.code,
            "message": error.message,
            "field": error.field,
            "incident_id": incident,
        }
    )
    response.status_code = error.status
    response.headers.update(headers or {})
    response.headers[INCIDENT_HEADER] = incident
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cache-Control"] = "no-store"
    return response


def from_http_exception(error: HTTPException) -> Response:
    """Werkzeug's and Flask-Limiter's errors in the API's shape, keeping Allow and Retry-After."""
    status = error.code or 500
    messages = error_messages()
    explanation = messages.get(status, messages[500] if status >= 500 else messages[400])[1]
    headers = {}
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    return error_response(ApiError(status, str(explanation), code=CODES.get(status, "http_error")), headers)


def is_api_request() -> bool:
    return request.path.startswith(API_PATH_PREFIX)


def register(blueprint: Blueprint) -> None:
    """Errors raised inside API views, and unknown API addresses.

    Routing fails before any blueprint is chosen, so the blueprint's handlers never see a 404 or 405
    for an address it does not have; the app's HTML error page is turned into JSON after the fact.
    An app-level 404/405 handler would instead outrank every blueprint's own HTTPException handler.
    """

    @blueprint.errorhandler(ApiError)
    def api_error(error: ApiError):
        return error_response(error)

    @blueprint.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return from_http_exception(error)

    @blueprint.errorhandler(Exception)
    def unexpected(error: Exception):
        report_unexpected(error)
        return error_response(ApiError(500, str(error_messages()[500][1])))

    @blueprint.after_app_request
    def unknown_address_as_json(response: Response) -> Response:
        if request.blueprint == blueprint.name or not is_api_request():
            return response
        if response.status_code not in (404, 405):
            return response
        status = response.status_code
        allow = {"Allow": response.headers["Allow"]} if "Allow" in response.headers else {}
        return error_response(ApiError(status, str(error_messages()[status][1])), allow)
