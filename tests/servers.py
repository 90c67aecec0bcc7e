"""Real gunicorn servers for the tests of the production entry point and its config file."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask_migrate import upgrade

from app import create_app
from app.extensions import db

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def migrated_sqlite(folder: Path) -> dict[str, str]:
    """A migrated SQLite database in `folder`, as the environment a server needs to use it."""
    url = f"sqlite:///{folder / 'served.db'}"
    migrated = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x", "MEDIA_ROOT": str(folder)})
    with migrated.app_context():
        upgrade()
        db.engine.dispose()
    return {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "served-test", "MEDIA_ROOT": str(folder)}


@contextmanager
def gunicorn(
    *arguments: str, env: dict[str, str], app: str = "app:create_app()", output=subprocess.PIPE
) -> Iterator[subprocess.Popen]:
    """gunicorn serving `app`; its output is kept for the test (or written to the file `output`)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", *arguments, app],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    try:
        yield server
    finally:
        server.terminate()
        server.communicate(timeout=30)


def first_page(server: subprocess.Popen, url: str, seconds: float = 30) -> tuple[int, str]:
    """Status and body of `url` as soon as the booting server answers."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode()
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise
            time.sleep(0.2)
