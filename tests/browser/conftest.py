"""Browser harness: the seeded demo site on a live server, driven by the Debian Chromium.

Without Chromium the browser tests are skipped, unless BANTIN_REQUIRE_BROWSER=1 (CI), where they fail.
Playwright's own browser download is not used: the fixtures below point it at /usr/bin/chromium.
"""

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from flask import Flask
from flask_migrate import upgrade
from playwright.sync_api import expect
from werkzeug.serving import make_server

from app import create_app
from app.demo.seed import seed_demo
from app.extensions import db

CHROMIUM_MISSING = "Chromium not found: apt-get install chromium"
# On a 2-core machine running the whole suite, a page can take longer than Playwright's 5 s default
# for an assertion; a slower machine should not turn into a failing test.
expect.set_options(timeout=15_000)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def find_chromium() -> str | None:
    """The Debian Chromium, or whichever `chromium` is on PATH."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def required_chromium() -> str:
    """The Chromium to drive; without one the test is skipped, or fails when CI requires the browser."""
    executable = find_chromium()
    if executable is None:
        if os.environ.get("BANTIN_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM_MISSING} (BANTIN_REQUIRE_BROWSER=1)")
        pytest.skip(CHROMIUM_MISSING)
    return executable


@pytest.fixture(scope="session", autouse=True)
def chromium_executable() -> str:
    """Checked before anything starts, so a missing browser costs no server and no seeding."""
    return required_chromium()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory) -> Iterator[Flask]:
    """The demo site's app, on its own SQLite file and media folder (tests may read its database)."""
    instance_path = tmp_path_factory.mktemp("live-instance")
    site = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "browser-test-secret-key",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance_path / 'bantin.db'}",
            "MEDIA_ROOT": str(tmp_path_factory.mktemp("live-media")),
            "IMAGE_WIDTHS": (320, 640),
            # The limiter object is shared by every app in the process; keep it off as the `app` fixture does.
            "RATELIMIT_ENABLED": False,
            "COMMENT_MIN_FILL_SECONDS": 1,
        }
    )
    with site.app_context():
        upgrade()
        seed_demo(instance_path)
    yield site
    with site.app_context():
        db.engine.dispose()


def bodies_read_before_sending(app):
    """Hand the test server each response body already read, its file closed.

    Werkzeug's development server skips `close()` on the response when the browser resets the
    connection while the server drains the request (an image request dropped by a navigation), so
    a media file stays open until garbage collection, and the ResourceWarning fails whichever test
    is running then. Production servers (gunicorn) close the response in a `finally`.
    """

    def middleware(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return middleware


@contextmanager
def served(app: Flask, name: str) -> Iterator[str]:
    """`app` served on a free port by a thread of this process; yields its URL."""
    server = make_server("127.0.0.1", 0, bodies_read_before_sending(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


@pytest.fixture(scope="session")
def live_server(live_app: Flask) -> Iterator[str]:
    """The demo site served on a free port; yields its URL."""
    with served(live_app, "live-server") as url:
        yield url


@pytest.fixture(scope="session")
def base_url(live_server: str) -> str:
    """Lets tests write page.goto("/") (pytest-playwright passes base_url to every context)."""
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, chromium_executable: str) -> dict:
    return {**browser_type_launch_args, "executable_path": chromium_executable, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}


@pytest.fixture(scope="session")
def demo_credentials(live_server: str, tmp_path_factory) -> dict[str, tuple[str, str]]:
    """The seeded demo logins by role, e.g. {"editor": (email, password)}, as seed_demo wrote them."""
    # resolve(): pytest also links the newest numbered folder as "live-instancecurrent".
    found = tmp_path_factory.getbasetemp().glob("live-instance*/demo-credentials.txt")
    (path,) = {candidate.resolve() for candidate in found}
    logins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        role, email, password = line.split("\t")
        logins[role] = (email, password)
    return logins


# Reported by the page itself too, since Chromium's own console line can arrive after the test ends.
CSP_REPORTER = """document.addEventListener("securitypolicyviolation", (event) => {
  const blocked = event.blockedURI || "inline";
  console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${blocked}`);
});"""


@pytest.fixture(autouse=True)
def no_csp_violations(request):
    """Every page a browser test opens works under the Content-Security-Policy (app/security/headers.py):
    anything the policy blocked (an inline script or style, a foreign frame) fails the test."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    page.add_init_script(CSP_REPORTER)
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield
    assert violations == []
