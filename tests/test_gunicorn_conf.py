"""gunicorn.conf.py, as `make serve` and the systemd unit use it: the site boots with it, twice at once."""

import os
import runpy
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from flask_migrate import upgrade

from app import create_app
from app.extensions import db

ROOT = Path(__file__).resolve().parents[1]
CONF = ROOT / "gunicorn.conf.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    url = f"sqlite:///{tmp_path / 'served.db'}"
    migrated = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x", "MEDIA_ROOT": str(tmp_path)})
    with migrated.app_context():
        upgrade()
        db.engine.dispose()
    ports = [free_port(), free_port()]
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "conf-test", "MEDIA_ROOT": str(tmp_path)}
    env.update(WORKERS="1", BIND="", HOST="127.0.0.1")
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(CONF), "app:create_app()"],
            cwd=ROOT,
            env={**env, "PORT": str(port)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for port in ports
    ]
    try:
        for port, server in zip(ports, servers, strict=True):
            deadline = time.monotonic() + 30
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                        body = response.read().decode()
                        break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise
                    time.sleep(0.2)
            assert response.status == 200
            assert '<html lang="vi">' in body
    finally:
        for server in servers:
            server.terminate()
            server.communicate(timeout=30)
