"""The production entry point: `gunicorn "app:create_app()"` serves the site."""

import os
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_serves_the_home_page_in_vietnamese(tmp_path):
    url = f"sqlite:///{tmp_path / 'gunicorn.db'}"
    migrated = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x", "MEDIA_ROOT": str(tmp_path)})
    with migrated.app_context():
        upgrade()
        db.engine.dispose()
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "gunicorn-test", "MEDIA_ROOT": str(tmp_path)}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "app:create_app()",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--no-control-socket",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    body = response.read().decode()
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        assert response.status == 200
        assert '<html lang="vi">' in body
        assert "Trang chủ" in body

        # Each worker renders the page once, then readers get the stored copy from the fast path.
        again = []
        for _ in range(6):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                again.append((response.status, response.headers["X-Cache"], response.read().decode()))
        assert {status for status, _, _ in again} == {200}
        assert "HIT" in {cached for _, cached, _ in again}
        assert all(page == body for _, _, page in again)
    finally:
        server.terminate()
        server.communicate(timeout=10)
