"""Captcha issuance is rate-limited per IP, with one budget shared by every view that issues one.

Routes cannot be added to the session-wide app once it has served a request, and a throwaway app
would need its own limiter. So the test decorates plain functions with `issuance_limit` and calls
them inside request contexts: Flask-Limiter's decorator checks the limit itself when the wrapped
function runs (the same check its before_request hook makes for a routed view), and a breach raises
the 429 that the app's error handler turns into the Vietnamese page. The limiter only looks up
decorated limits for a request with an identity (normally its endpoint), and it remembers which
decorated functions ran under a real endpoint; so each test "view" gets its own identity that
names no real endpoint, and these test limits never attach to a real view.
"""

import pytest
from flask import request
from werkzeug.exceptions import TooManyRequests

from app.captcha.services import issuance_limit


@issuance_limit
def comment_form() -> str:
    return "a form with a new captcha"


@issuance_limit
def new_captcha() -> str:
    return "a refreshed captcha"


def call_from(app, address: str, view) -> str:
    """Call `view` as a request from `address` to an address that no real route serves."""
    with app.test_request_context(f"/thu-nghiem/{view.__name__}", environ_base={"REMOTE_ADDR": address}):
        return view()


@pytest.fixture
def issuing(monkeypatch, throttling):
    """The limiter switched on, identifying each test view by its path instead of a route's endpoint."""
    monkeypatch.setattr(throttling, "_request_identifier", lambda: f"captcha-tests{request.path}")
    return throttling


@pytest.fixture
def three_per_minute(app, monkeypatch, issuing):
    monkeypatch.setitem(app.config, "CAPTCHA_LIMITS", "3 per minute")


@pytest.mark.usefixtures("three_per_minute")
def test_an_address_gets_429_after_the_configured_number_of_captchas(app):
    for _ in range(3):
        assert call_from(app, "192.0.2.1", comment_form)
    with pytest.raises(TooManyRequests) as refused:
        call_from(app, "192.0.2.1", comment_form)
    assert refused.value.code == 429


@pytest.mark.usefixtures("three_per_minute")
def test_every_captcha_issuing_view_draws_on_the_same_budget(app):
    assert call_from(app, "192.0.2.1", comment_form)
    assert call_from(app, "192.0.2.1", new_captcha)
    assert call_from(app, "192.0.2.1", comment_form)
    with pytest.raises(TooManyRequests):
        call_from(app, "192.0.2.1", new_captcha)


@pytest.mark.usefixtures("three_per_minute")
def test_other_addresses_keep_their_own_budget(app):
    for _ in range(3):
        call_from(app, "192.0.2.1", comment_form)
    assert call_from(app, "192.0.2.2", comment_form)


def test_the_budget_is_read_from_the_configuration_at_request_time(app, monkeypatch, issuing):
    monkeypatch.setitem(app.config, "CAPTCHA_LIMITS", "1 per minute")
    call_from(app, "192.0.2.1", comment_form)
    with pytest.raises(TooManyRequests):
        call_from(app, "192.0.2.1", comment_form)
    monkeypatch.setitem(app.config, "CAPTCHA_LIMITS", "5 per minute")
    assert call_from(app, "192.0.2.3", comment_form)
    assert call_from(app, "192.0.2.3", comment_form)
