"""The reader's address comes from X-Forwarded-For only when the office says a proxy is in front."""

import pytest
from flask import request

from app import create_app
from app.extensions import limiter


@pytest.mark.parametrize(("hops", "seen"), [(0, "127.0.0.1"), (1, "203.0.113.9")])
def test_forwarded_addresses_are_trusted_only_behind_a_configured_proxy(tmp_path, hops, seen):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'proxy.db'}",
            "MEDIA_ROOT": str(tmp_path),
            "PROXY_FIX_X_FOR": hops,
        }
    )
    limiter.enabled = False
    app.add_url_rule("/_address", "address", lambda: f"{request.remote_addr} {request.scheme}")

    answer = app.test_client().get(
        "/_address",
        headers={"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"},
        environ_base={"REMOTE_ADDR": "127.0.0.1"},
    )

    assert answer.get_data(as_text=True) == f"{seen} {'https' if hops else 'http'}"


def test_a_proxy_count_that_is_not_a_number_stops_start_up_with_a_clear_message(monkeypatch, tmp_path):
    monkeypatch.setenv("PROXY_FIX_X_FOR", "nginx")
    with pytest.raises(SystemExit, match="PROXY_FIX_X_FOR phải là số proxy"):
        create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}"})
