"""SQL injection, probed by sqlmap at level 3 / risk 2 on every public input that reaches the database: the
search, the listings, the JSON API, the comment form and the login form. None may be injectable.

The scan's server (tests/security/vulnerable_app.py) also has a route injectable on purpose: sqlmap must
find it with the very same options, or a clean result would only mean that the scan measures nothing.
A real gunicorn serves the seeded demo site from SQLite, or from a database of its own beside the test
database when TEST_DATABASE_URL is PostgreSQL. Run with `pytest -m sqlmap`; the figures are printed.
"""

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sqlalchemy import create_engine, make_url, text

from app.config import ENVIRONMENT_KEYS, ENVIRONMENT_SWITCHES, normalise_database_url
from tests.servers import ROOT, first_page, free_port, gunicorn

pytestmark = pytest.mark.sqlmap

SQLMAP = Path(sys.executable).with_name("sqlmap")
OPTIONS = (
    "--batch",
    "--level=3",
    "--risk=2",
    "--disable-coloring",
    # Every parameter gets a verdict even after a finding; after a POST, a browser follows with a GET.
    "--answers=keep testing=Y,resend original POST data=N",
)
# --dbms: the server's database is known, and other databases' payloads can only fail there; testing
# them too made a scan 4× longer (30 s instead of 7 s for the search box).
DBMS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
SCANS_AT_ONCE = 4
CONTROL = "control route"
# sqlmap's [CRITICAL] lines that are no failure: the clean verdict, a retry, and its advice to raise
# --time-sec when responses lag (4 scans share 2 cores); every parameter must still get its verdict,
# which the tests check.
NOT_A_FAILURE = re.compile(
    r"all tested parameters do not appear to be injectable"
    r"|is going to retry"
    r"|considerable lagging has been detected"
)


@dataclass(frozen=True)
class Target:
    """What sqlmap attacks: `query` (GET) or `form` (POST) holds the parameters it tests, in their place
    a value that finds something, so that a True and a False condition would give different pages.
    Values are templates filled from the seeded site (`{base}`, `{word}`...); a `*` in the path is a
    parameter of its own, which sqlmap names `#1*`."""

    name: str
    path: str
    query: dict = field(default_factory=dict)
    form: dict | None = None
    tested: tuple[str, ...] = ()  # of the form's fields; the query's are all tested
    options: tuple[str, ...] = ()

    @property
    def parameters(self) -> tuple[str, ...]:
        return ("#1*",) if "*" in self.path else self.tested or tuple(self.query)


@dataclass
class Scan:
    target: Target
    cleared: set[str]  # parameters sqlmap found not injectable
    findings: dict[str, list[str]]  # parameter → the techniques that worked
    errors: list[str]
    server_errors: int
    seconds: float
    requests: int = 0


SEARCH_FILTERS = {"section": "{section}", "format": "{format}"}
COMMENT_PATH = "/bai-viet/{article_id}/binh-luan"
# Slowest first, so that the scans running at once end together.
TARGETS = (
    Target(CONTROL, "/__control__/article", {"id": "1"}),
    Target(
        "search page",
        "/tim-kiem",
        {"q": "{word}", **SEARCH_FILTERS, "since": "{day}", "until": "{day}", "sort": "newest", "page": "1"},
    ),
    Target(
        "exemplary index",
        "/{exemplary_section}/",
        {"campaign": "{campaign}", "ward": "{ward}", "field": "{field}", "kind": "{kind}", "page": "1"},
    ),
    Target(
        "comment form",
        COMMENT_PATH,
        form={
            "csrf_token": "-",
            "author_name": "An",
            "author_email": "an@example.com",
            "body": "Bài viết rất hữu ích.",
            "consent": "y",
            "captcha_token": "-",
            "captcha_answer": "-",
            "website": "",
            "started": "{started}",
        },
        tested=("author_name", "author_email", "body"),
        options=(
            "--csrf-token=csrf_token",
            "--csrf-url={base}" + COMMENT_PATH,
            "--csrf-method=GET",
            # The captcha is single-use: before each post, sqlmap asks the test server's hook for a new one.
            "--eval=import urllib.request;captcha_token,captcha_answer=urllib.request.urlopen("
            "'{base}/__control__/captcha').read().decode().split()",
        ),
    ),
    Target(
        "API articles",
        "/api/v1/articles",
        {
            **SEARCH_FILTERS,
            "keyword": "{keyword}",
            "campaign": "{campaign}",
            "from": "{day}",
            "to": "{day}",
            "q": "{word}",
            "page": "1",
            "per_page": "5",
            "fields": "id,title",
        },
    ),
    Target(
        "login form",
        "/admin/login",
        form={"csrf_token": "-", "email": "bientap@anphu.example", "password": "not-the-password"},
        tested=("email", "password"),
        options=("--csrf-token=csrf_token", "--csrf-url={base}/admin/login", "--csrf-method=GET"),
    ),
    Target("search suggestions", "/tim-kiem/goi-y", {"q": "{word}"}),
    Target("keyword suggestions", "/tu-khoa/goi-y", {"q": "chuyen"}),
    Target("section page", "/{news_section}/", {"page": "1"}),
    Target("section slug", "/{news_section}*/"),
    Target("keyword page", "/tu-khoa/{keyword}", {"page": "1"}),
    Target("keyword slug", "/tu-khoa/{keyword}*"),
    Target("campaign page", "/phong-trao/{campaign}", {"page": "1"}),
    Target("campaign slug", "/phong-trao/{campaign}*"),
    Target("article page", "{article_path}", {"sort": "newest"}),
    Target(
        "API search",
        "/api/v1/search",
        {"q": "{word}", **SEARCH_FILTERS, "from": "{day}", "to": "{day}", "sort": "newest", "page": "1"},
    ),
    Target("API keywords", "/api/v1/keywords", {"q": "chuyen", "page": "1", "per_page": "10"}),
    Target("API campaigns", "/api/v1/campaigns", {"status": "active"}),
    Target(
        "API exemplary profiles",
        "/api/v1/exemplary-profiles",
        {
            "campaign": "{campaign}",
            "ward": "{ward}",
            "field": "{field}",
            "kind": "{kind}",
            "page": "1",
            "per_page": "10",
        },
    ),
)


def scan(target: Target, values: dict, dbms: str, output: Path) -> Scan:
    fill = lambda template: template.format(**values)  # noqa: E731
    url = values["base"] + fill(target.path)
    if target.query:
        url += "?" + urlencode({name: fill(value) for name, value in target.query.items()})
    command = [
        str(SQLMAP),
        *OPTIONS,
        dbms,
        f"--url={url}",
        f"--output-dir={output}",
        f"--user-agent=sqlmap-scan/{target.name}",  # the access log counts each target's requests
        *(fill(option) for option in target.options),
    ]
    if target.form is not None:
        command.append("--data=" + urlencode({name: fill(value) for name, value in target.form.items()}))
    if "*" not in target.path:
        command.append("-p" + ",".join(target.parameters))
    started = time.monotonic()
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=900,
        # sqlmap refuses --eval without this; its history goes to the scan's folder, not to ~.
        env={**clean_environment(), "SQLMAP_UNSAFE_EVAL": "1", "HOME": str(output)},
        check=False,
    )
    return read_report(target, done.stdout + done.stderr, time.monotonic() - started)


def clean_environment() -> dict[str, str]:
    """This process's environment without what would configure the app or gunicorn differently."""
    own = {*ENVIRONMENT_KEYS, *ENVIRONMENT_SWITCHES, "PROXY_FIX_X_FOR", "BIND", "HOST", "PORT", "WORKERS"}
    return {name: value for name, value in os.environ.items() if name not in own}


def read_report(target: Target, report: str, seconds: float) -> Scan:
    """sqlmap's verdicts from its console output."""
    findings: dict[str, list[str]] = {}
    if "identified the following injection point" in report:
        current = None
        for line in report.split("identified the following injection point", 1)[1].splitlines():
            if found := re.match(r"Parameter: (\S+) \(", line):
                current = findings.setdefault(found.group(1), [])
            elif (technique := re.match(r"\s+Title: (.+)", line)) and current is not None:
                current.append(technique.group(1))
    cleared = set(re.findall(r"parameter '([^']+)' does not seem to be injectable", report))
    errors = [
        line
        for line in report.splitlines()
        if ("[CRITICAL]" in line and not NOT_A_FAILURE.search(line)) or "[ERROR]" in line
    ]
    server_errors = re.search(r"500 \(Internal Server Error\) - (\d+) times", report)
    return Scan(
        target, cleared, findings, errors, int(server_errors.group(1)) if server_errors else 0, seconds
    )


@pytest.fixture(scope="module")
def scans(tmp_path_factory, pytestconfig) -> dict:
    """Every target scanned (a few at once) against one real server; the figures printed."""
    assert SQLMAP.exists(), "sqlmap is a dev dependency: pip install -e '.[dev]'"
    folder = tmp_path_factory.mktemp("sqlmap")
    began = time.monotonic()
    with scan_database(folder) as database_url:
        site = json.loads(
            subprocess.run(
                [sys.executable, "-m", "tests.security.vulnerable_app", str(folder), database_url],
                cwd=ROOT,
                env=clean_environment(),
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        before = stored_rows(database_url)
        port = free_port()
        values = {**site["values"], "base": f"http://127.0.0.1:{port}"}
        with serve(site["environment"], port, folder) as server:
            status, form_page = first_page(server, values["base"] + COMMENT_PATH.format(**values))
            assert status == 200
            values["started"] = re.search(r'name="started" type="hidden" value="([^"]+)"', form_page)[1]
            prepared = time.monotonic() - began
            dbms = "--dbms=" + DBMS[make_url(database_url).get_backend_name()]
            with ThreadPoolExecutor(SCANS_AT_ONCE) as pool:
                results = list(
                    pool.map(
                        lambda numbered: scan(numbered[1], values, dbms, folder / f"scan-{numbered[0]}"),
                        enumerate(TARGETS),
                    )
                )
        stored = {name: count - before[name] for name, count in stored_rows(database_url).items()}
    requests = Counter(re.findall(r'"sqlmap-scan/([^"]+)"$', (folder / "access.log").read_text(), re.M))
    for result in results:
        result.requests = requests[result.target.name]
    report(pytestconfig, results, stored, dbms, prepared, time.monotonic() - began)
    return {"results": {result.target.name: result for result in results}, "stored": stored}


@contextmanager
def scan_database(folder: Path) -> Iterator[str]:
    """An empty SQLite file; or, when the suite runs on PostgreSQL (TEST_DATABASE_URL), a database of
    its own on that server (the demo content must not land in the test database), dropped afterwards."""
    configured = os.environ.get("TEST_DATABASE_URL", "")
    if not configured.startswith("postgres"):
        yield f"sqlite:///{folder / 'scan.db'}"
        return
    server = make_url(normalise_database_url(configured))
    name = f"{server.database}_sqlmap"
    maintenance = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with maintenance.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with maintenance.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        maintenance.dispose()


@contextmanager
def serve(environment: dict, port: int, folder: Path) -> Iterator[subprocess.Popen]:
    """The scan's app under gunicorn: 2 workers × 4 threads; the access log tells who sent what."""
    environment = {
        **clean_environment(),
        **environment,
        "PORT": str(port),
        "WORKERS": "2",
        "THREADS": "4",
        "ACCESS_LOG": str(folder / "access.log"),
    }
    scan_app = "tests.security.vulnerable_app:create_vulnerable_app()"
    with (folder / "server.log").open("w") as log, gunicorn(env=environment, app=scan_app, output=log) as ran:
        yield ran


def stored_rows(database_url: str) -> dict[str, int]:
    """What the forms' services wrote: proof that the CSRF token and the captcha were passed."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return {
                "comments stored": connection.execute(text("SELECT count(*) FROM comments")).scalar_one(),
                "failed logins audited": connection.execute(
                    text("SELECT count(*) FROM audit_events WHERE action = 'user.login_failed'")
                ).scalar_one(),
            }
    finally:
        engine.dispose()


def report(config, results: list[Scan], stored: dict, dbms: str, prepared: float, total: float) -> None:
    app_results = [result for result in results if result.target.name != CONTROL]
    control = next(result for result in results if result.target.name == CONTROL)
    lines = [
        f"sqlmap {sqlmap_version()} ({' '.join(OPTIONS[:3])} {dbms}), {len(app_results)} app targets, "
        f"{SCANS_AT_ONCE} at once: {total:.0f} s in all ({prepared:.0f} s to seed and start the server)",
        *(
            f"  {result.target.name:<24} {len(result.target.parameters):>2} parameters "
            f"{result.requests:>5} requests {result.seconds:>5.1f} s  "
            f"injectable: {', '.join(result.findings) or 'none'}"
            + (f"  server errors: {result.server_errors}" if result.server_errors else "")
            for result in results
        ),
        f"  parameters tested in the app: {sum(len(result.target.parameters) for result in app_results)}, "
        f"requests: {sum(result.requests for result in results)}, "
        f"injectable: {sum(len(result.findings) for result in app_results)}",
        f"  control route detected: {'yes' if control.findings else 'NO'} "
        f"({'; '.join(title for titles in control.findings.values() for title in titles)})",
        "  " + ", ".join(f"{name}: {count}" for name, count in stored.items()),
    ]
    print("\n".join(lines))
    terminal = config.pluginmanager.getplugin("terminalreporter")
    with config.pluginmanager.getplugin("capturemanager").global_and_fixture_disabled():
        terminal.write_line("")
        for line in lines:
            terminal.write_line(line)


def sqlmap_version() -> str:
    done = subprocess.run([str(SQLMAP), "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip()


def test_the_scan_finds_the_injectable_control_route(scans):
    control = scans["results"][CONTROL]
    assert "id" in control.findings, control.errors
    assert any("boolean-based blind" in title for title in control.findings["id"])


@pytest.mark.parametrize("name", [target.name for target in TARGETS if target.name != CONTROL])
def test_no_public_parameter_is_injectable(scans, name):
    result = scans["results"][name]
    assert result.findings == {}
    assert result.errors == []
    assert result.cleared == set(result.target.parameters), "sqlmap gave no verdict on some parameters"
    assert result.server_errors == 0


def test_the_forms_were_really_submitted(scans):
    """The CSRF token and the captcha were passed, so the payloads reached the comment and login services."""
    assert scans["stored"]["comments stored"] > 100
    assert scans["stored"]["failed logins audited"] > 100
