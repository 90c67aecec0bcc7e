"""gunicorn.conf.py, as `make serve` and the systemd unit use it: the site boots with it, twice at once."""

import os
import runpy
from contextlib import ExitStack

from tests.servers import ROOT, first_page, free_port, gunicorn, migrated_sqlite

CONF = ROOT / "gunicorn.conf.py"


def settings(monkeypatch, **env) -> dict:
    for name in ("HOST", "PORT", "BIND", "WORKERS", "THREADS", "ACCESS_LOG", "MAX_REQUESTS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


def test_defaults_listen_on_the_loopback_with_workers_from_the_cores(monkeypatch):
    conf = settings(monkeypatch)
    cores = len(os.sched_getaffinity(0))

    assert conf["bind"] == ["127.0.0.1:8000"]
    assert conf["workers"] == min(2 * cores + 1, 8)
    assert conf["threads"] == 1
    assert conf["control_socket_disable"] is True
    assert conf["accesslog"] is None
    assert conf["preload_app"] is False


def test_the_environment_overrides_address_and_workers(monkeypatch):
    conf = settings(monkeypatch, HOST="0.0.0.0", PORT="9000", WORKERS="3", ACCESS_LOG="-")
    assert (conf["bind"], conf["workers"], conf["accesslog"]) == (["0.0.0.0:9000"], 3, "-")

    conf = settings(monkeypatch, BIND="unix:/run/bantin/gunicorn.sock", PORT="9000")
    assert conf["bind"] == ["unix:/run/bantin/gunicorn.sock"]


def test_two_sites_served_with_the_config_do_not_clash(tmp_path):
    """gunicorn 27's default control socket is shared by every instance of a user (STACK.md P8)."""
    env = {**migrated_sqlite(tmp_path), "WORKERS": "1", "BIND": "", "HOST": "127.0.0.1"}
    ports = [free_port(), free_port()]
    with ExitStack() as stack:
        servers = [
            stack.enter_context(gunicorn("-c", str(CONF), env={**env, "PORT": str(port)})) for port in ports
        ]
        for port, server in zip(ports, servers, strict=True):
            status, body = first_page(server, f"http://127.0.0.1:{port}/")
            assert status == 200
            assert '<html lang="vi">' in body
