"""A real site for the reliability proofs: gunicorn with 2 workers on a migrated SQLite file, seeded
with two editors and an open article, its log kept in a file so the tests can read what went wrong."""

import contextlib
import io
import os
import random
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests
from flask import Flask
from PIL import Image

from app import create_app
from app.extensions import db
from tests.factories import make_article, make_user
from tests.pages import parse
from tests.servers import ROOT, first_page, free_port, migrated_sqlite

EDITOR_PASSWORD = "một mật khẩu đủ dài cho thử nghiệm"


@dataclass
class Site:
    """The database and media folder a server runs on, and the seeded records the clients use."""

    folder: Path
    env: dict[str, str]
    editors: list[str] = field(default_factory=list)
    article_id: int = 0

    @property
    def database(self) -> Path:
        return self.folder / "served.db"

    @property
    def media_root(self) -> Path:
        return self.folder / "media"

    def app(self) -> Flask:
        """The app on this site's database and media, in the test's own process."""
        return create_app(
            {
                "SQLALCHEMY_DATABASE_URI": self.env["DATABASE_URL"],
                "SECRET_KEY": "x",
                "MEDIA_ROOT": str(self.media_root),
            }
        )


def seed_site(folder: Path) -> Site:
    """A migrated database with two editors and a published article open to comments."""
    env = migrated_sqlite(folder)
    site = Site(folder, {**env, "MEDIA_ROOT": str(folder / "media")})
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": env["DATABASE_URL"],
            "SECRET_KEY": "x",
            "MEDIA_ROOT": str(site.media_root),
        }
    )
    with app.app_context():
        site.editors = [
            make_user(role="editor", password=EDITOR_PASSWORD, email=f"bientap{n}@example.vn").email
            for n in (1, 2)
        ]
        site.article_id = make_article("Bài viết nhận ý kiến bạn đọc", comments_enabled=True).id
        db.engine.dispose()
    return site


class Server:
    """gunicorn serving `site`, its output appended to server.log; can be killed and started again."""

    def __init__(self, site: Site, *, workers: int = 2, **env: str):
        self.site = site
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        # Plain HTTP on the loopback: no redirect to HTTPS even if the runner's environment asks for it.
        self.env = {**site.env, "RATELIMIT_ENABLED": "0", "PREFERRED_URL_SCHEME": "http", **env}
        self.log = site.folder / "server.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        arguments = ["--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers), "--timeout", "60"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", *arguments, "--no-control-socket", "app:create_app()"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: killing it cannot hit the test runner
            )
        first_page(self.process, self.url + "/")

    def worker_pids(self) -> list[int]:
        """The workers gunicorn has forked (the master's children), from /proc."""
        assert self.process is not None
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except FileNotFoundError:
            return []

    def kill_workers(self) -> int:
        """SIGKILL every worker now (the master forks new ones); returns how many were killed."""
        pids = self.worker_pids()
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        return len(pids)

    def kill_all(self) -> None:
        """SIGKILL the master and its workers at once, as a power cut or the OOM killer would."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill_all()
        # Workers orphaned by a killed master exit on their own; make sure none lingers.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@contextmanager
def served(site: Site, **env: str) -> Iterator[Server]:
    server = Server(site, **env)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def logged_in(server: Server, email: str) -> requests.Session:
    """A browser session signed in through the real login form."""
    session = requests.Session()
    page = session.get(f"{server.url}/admin/login", timeout=30)
    token = parse(page.text).one('input[name="csrf_token"]')["value"]
    response = session.post(
        f"{server.url}/admin/login",
        data={"csrf_token": token, "email": email, "password": EDITOR_PASSWORD},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, (response.status_code, response.text[:500])
    return session


def photo(number: int, side: int = 1000) -> bytes:
    """A distinct photo-sized PNG (~3 MB at 1000 px): random pixels, which no codec can shrink."""
    image = Image.frombytes("RGB", (side, side), random.Random(number).randbytes(side * side * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()


def page_csrf(session: requests.Session, url: str) -> str:
    page = session.get(url, timeout=30)
    assert page.status_code == 200, (url, page.status_code)
    match = re.search(r'<meta name="csrf-token" content="([^"]+)"', page.text)
    assert match, url
    return match.group(1)
