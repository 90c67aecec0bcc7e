"""Public pages over HTTP at 100,000 articles: req/s, p50 and p99 of each page class under gunicorn, with
the page cache off and on, against the ceiling of any Python page (bench/ceiling_app.py); worker memory,
cold start and the article page's weight; PASS/FAIL beside each target.

Run with `make bench`, or alone: `python bench/http_pages.py --articles 2000 --duration 3` for a quick run;
`--keep-db /tmp/bench100k.db` seeds once and reuses the file afterwards (seeding 100,000 takes minutes);
`--only article` (repeatable) measures some classes and writes no results file. Builds a throwaway
instance (SQLite file and MEDIA_ROOT in a temporary directory, removed at the end), loads it with wrk
when installed, otherwise with bench/async_client.py. Figures go to bench/results/latest.json; the
previous run's file becomes bench/results/previous.json and the table shows the change.
"""

import argparse
import contextlib
import gzip
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import async_client

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
GUNICORN_CONF = ROOT / "gunicorn.conf.py"
HOST = "127.0.0.1"

CLASSES = (
    "home",
    "section p1",
    "section p500",
    "article",
    "keyword",
    "search 1 word",
    "search 2 words",
    "search phrase",
    "rss",
    "api list",
)
MODES = ("off", "on")  # the full-page cache (PAGE_CACHE)
DEEP_PAGES = (500, 250, 100, 50, 20, 10, 5, 2)  # the deepest that exists is measured as "section p500"
SEARCH_POOL = 100
KEYWORD_POOL = 20
WARM_PASSES = 10  # cache on: fetch the pool again until this many passes or nearly every answer is a HIT
WARM_HIT_RATIO = 0.99
COLD_STARTS = 3  # the median is reported: one start on a busy machine can take twice as long
WARM_UNCACHED = 32  # cache off: enough to load every template and code path, not the whole pool
# Environment the app reads that must come from the bench, not from the shell running it.
APP_ENVIRONMENT = ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "MEDIA_ROOT", "PAGE_CACHE", "RATELIMIT_ENABLED")
GUNICORN_ENVIRONMENT = ("BIND", "HOST", "PORT", "WORKERS", "ACCESS_LOG", "MAX_REQUESTS")

# Targets (issue 9). A request's cost is 1 / req/s: "cost ≤ 1.5 × the article's" is "req/s ≥ article / 1.5".
ARTICLE_OFF_MIN = 0.35  # × ceiling req/s
ARTICLE_ON_MIN = 0.8
LIST_COST_MAX = 1.5  # × the article page's cost, cache off
LIST_CLASSES = ("home", "section p1", "section p500", "keyword")
RSS_MAX_MB = 120
COLD_START_MAX_S = 1.5
PAGE_WEIGHT_MAX_KIB = 100


@dataclass
class Settings:
    articles: int
    duration: float
    connections: int
    threads: int
    workers: int
    pool: int
    client: str
    accept_encoding: str
    keep_db: Path | None
    only: tuple[str, ...]


def app_environment(database: Path, media: Path, page_cache: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in APP_ENVIRONMENT + GUNICORN_ENVIRONMENT}
    env.update(
        FLASK_APP="app",
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(media),
        SECRET_KEY="bench-not-secret",
        PAGE_CACHE="1" if page_cache else "0",
        RATELIMIT_ENABLED="0",
        LOG_LEVEL="warning",
    )
    return env


def prepare_database(settings: Settings, work: Path) -> tuple[Path, float | None]:
    """The SQLite file to serve, migrated to head: reused from --keep-db, or seeded (seconds it took)."""
    database = settings.keep_db or work / "bench.db"
    reused = database.exists()
    database.parent.mkdir(parents=True, exist_ok=True)
    env = app_environment(database, work / "media", page_cache=True)
    flask = [sys.executable, "-m", "flask"]
    started = time.perf_counter()
    migrated = subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, capture_output=True, text=True)
    if migrated.returncode:
        raise RuntimeError(f"flask db upgrade failed:\n{migrated.stderr[-3000:]}")
    if reused:
        print(f"Reusing {database} ({count_articles(database):,} articles; --articles ignored).")
        return database, None
    print(f"Seeding {settings.articles:,} articles into {database} …", flush=True)
    subprocess.run(
        [*flask, "seed-bulk", "--articles", str(settings.articles)],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    print(f"Seeded in {seconds:.0f} s.")
    return database, seconds


def count_articles(database: Path) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT count(*) FROM articles WHERE status = 'published'").fetchone()[0]


def url_pools(database: Path, pool: int, rng: random.Random) -> dict[str, list[str]]:
    """Paths per class, read from the seeded database (section depth is probed later, over HTTP)."""
    from app.core.text import fold
    from app.demo.bulk import WORDS

    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        articles = connection.execute(
            "SELECT s.slug, a.slug, a.id FROM articles a JOIN sections s ON s.id = a.section_id"
            " WHERE a.status = 'published' ORDER BY random() LIMIT ?",
            (pool,),
        ).fetchall()
        sections = [row[0] for row in connection.execute("SELECT slug FROM sections ORDER BY position, id")]
        keywords = [
            row[0]
            for row in connection.execute(
                "SELECT k.slug FROM keywords k JOIN article_keywords ak ON ak.keyword_id = k.id"
                " GROUP BY k.id ORDER BY count(*) DESC LIMIT ?",
                (KEYWORD_POOL,),
            )
        ]
        texts = [
            row[0]
            for row in connection.execute(
                "SELECT body_text FROM articles WHERE id IN"
                " (SELECT id FROM articles WHERE status = 'published' ORDER BY random() LIMIT ?)",
                (SEARCH_POOL,),
            )
        ]
    vocabulary = list(dict.fromkeys(WORDS))

    def half_folded(queries: list[str]) -> list[str]:
        """Half typed without accents, as readers on phones do."""
        return [fold(query) if index % 2 else query for index, query in enumerate(queries)]

    def adjacent_pair(text: str) -> str:
        words = [word.strip(".,;:!?\"'()").lower() for word in text.split()]
        words = [word for word in words if word]
        start = rng.randrange(len(words) - 1)
        return f'"{words[start]} {words[start + 1]}"'

    def search(queries: list[str]) -> list[str]:
        return ["/tim-kiem?" + urllib.parse.urlencode({"q": query}) for query in queries]

    return {
        "home": ["/"],
        "section p1": [f"/{slug}/" for slug in sections],
        "section p500": [f"/{slug}/" for slug in sections],  # narrowed by deepest_section_pages()
        "article": [f"/{section}/{slug}-{article_id}.html" for section, slug, article_id in articles],
        "keyword": [f"/tu-khoa/{slug}" for slug in keywords],
        "search 1 word": search(half_folded([rng.choice(vocabulary) for _ in range(SEARCH_POOL)])),
        "search 2 words": search(
            half_folded([" ".join(rng.sample(vocabulary, 2)) for _ in range(SEARCH_POOL)])
        ),
        "search phrase": search(
            half_folded([adjacent_pair(text) for text in texts if len(text.split()) > 1])
        ),
        "rss": ["/rss.xml"],
        "api list": ["/api/v1/articles"],
    }


def deepest_section_pages(port: int, sections: list[str]) -> tuple[int, list[str]]:
    """The deepest page in DEEP_PAGES that some section has (500 at 100,000 articles), and those pages."""
    for page in DEEP_PAGES:
        found = [f"{path}?page={page}" for path in sections if status_of(port, f"{path}?page={page}") == 200]
        if found:
            return page, found
    return 1, sections


class Server:
    """A gunicorn master started with gunicorn.conf.py, its workers, and how long it took to answer."""

    def __init__(self, name: str, app: list[str], env: dict[str, str], workers: int, log: Path):
        self.name = name
        self.port = free_port()
        self.log_path = log
        self.log = log.open("wb")
        command = [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF)]
        command += ["--bind", f"{HOST}:{self.port}", "--workers", str(workers), *app]
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            self.cold_start_s = self.wait_ready()
        except BaseException:
            self.stop()
            raise

    def wait_ready(self, timeout: float = 120.0) -> float:
        """Seconds from spawning gunicorn to the first 200 on /."""
        deadline = self.started + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n{self.log_tail()}")
            if status_of(self.port, "/", timeout=5) == 200:
                return time.perf_counter() - self.started
            time.sleep(0.01)
        raise RuntimeError(f"{self.name} did not answer 200 on / within {timeout:.0f} s:\n{self.log_tail()}")

    def worker_rss_mb(self) -> list[float]:
        """VmRSS of each worker process, from /proc."""
        sizes = []
        for pid in child_pids(self.process.pid):
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sizes

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        with contextlib.suppress(ProcessLookupError):  # a worker the master left behind
            os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()

    def last_error(self) -> str:
        """The last exception line the server logged (why a class answered 500), or ''."""
        self.log.flush()
        found = ""
        for line in self.log_path.read_text(errors="replace").splitlines():
            if EXCEPTION_LINE.match(line):
                found = line.strip()
        return found[:300]

    def log_tail(self, lines: int = 30) -> str:
        self.log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit): ")


def child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        return [int(child) for child in children.read_text().split()]
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def status_of(port: int, path: str, timeout: float = 30.0) -> int:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


WRK_SCRIPT = """
local paths = {}
local threads = {}
local counter = 0
wrk.headers["Accept-Encoding"] = %(accept_encoding)s

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  math.randomseed(os.time() * 100 + id)
  hits = 0
  failed = {}
end

function request()
  return wrk.format(nil, paths[math.random(#paths)])
end

function response(status, headers, body)
  if headers["X-Cache"] == "HIT" then hits = hits + 1 end
  if status >= 400 then failed[status] = (failed[status] or 0) + 1 end
end

function done(summary, latency, requests)
  local total_hits, statuses = 0, {}
  for _, thread in ipairs(threads) do
    total_hits = total_hits + thread:get("hits")
    for status, count in pairs(thread:get("failed")) do
      statuses[#statuses + 1] = string.format('"%%d": %%d', status, count)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH-JSON {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p99_us": %%d, "hits": %%d, ' ..
    '"connect": %%d, "read": %%d, "write": %%d, "status": %%d, "timeout": %%d, "failed": [%%s]}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), total_hits,
    e.connect, e.read, e.write, e.status, e.timeout, "{" .. table.concat(statuses, "}, {") .. "}"))
end
"""


class Loader:
    """Drives one class of URLs for a fixed time with wrk, or with the bundled client without it."""

    def __init__(self, settings: Settings, work: Path):
        self.settings = settings
        self.work = work
        self.headers = {"Accept-Encoding": settings.accept_encoding}
        self.script = work / "random_paths.lua"
        self.script.write_text(WRK_SCRIPT % {"accept_encoding": json.dumps(settings.accept_encoding)})

    def measure(self, port: int, paths: list[str]) -> dict:
        if self.settings.client == "wrk":
            return self.wrk(port, paths)
        result = async_client.run_load(
            HOST,
            port,
            paths,
            duration=self.settings.duration,
            connections=self.settings.connections,
            headers=self.headers,
        )
        return result.summary()

    def wrk(self, port: int, paths: list[str]) -> dict:
        listing = self.work / "paths.txt"
        listing.write_text("\n".join(paths) + "\n")
        s = self.settings
        command = ["wrk", f"-t{s.threads}", f"-c{s.connections}", f"-d{s.duration:g}s", "--timeout", "10s"]
        command += ["--latency", "-s", str(self.script), f"http://{HOST}:{port}", "--", str(listing)]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        return parse_wrk(output)

    def warm(self, port: int, paths: list[str], until_cached: bool) -> dict:
        """Fetch every path once (cache off: only the first few, to load templates and code paths).

        Cache on: again until nearly every answer is a HIT, since each worker keeps its own copy and
        a request lands on either. Returns the passes, the share of HITs in the last one, the seconds.
        """
        if not until_cached:
            paths = paths[:WARM_UNCACHED]
        started = time.perf_counter()
        passes, hit_ratio, before = 0, 0.0, -1.0
        while passes < (WARM_PASSES if until_cached else 1) and before < hit_ratio < WARM_HIT_RATIO:
            seen = async_client.run_fetch_all(
                HOST, port, paths, connections=self.settings.connections, headers=self.headers
            )
            passes += 1
            before = hit_ratio if passes > 1 else -1.0  # stop once a pass gains nothing (not cacheable)
            hit_ratio = sum(cache == "HIT" for _, _, cache in seen) / max(1, len(seen))
        return {"passes": passes, "hit_ratio": hit_ratio, "seconds": time.perf_counter() - started}


def parse_wrk(output: str) -> dict:
    """The figures from the BENCH-JSON line our wrk script prints."""
    for line in output.splitlines():
        if line.startswith("BENCH-JSON "):
            raw = json.loads(line.removeprefix("BENCH-JSON "))
            break
    else:
        raise ValueError(f"no BENCH-JSON line in wrk output:\n{output}")
    requests = raw["requests"]
    kinds = {name: raw[name] for name in ("connect", "read", "write", "timeout") if raw[name]}
    for per_thread in raw["failed"]:
        for status, count in per_thread.items():
            kinds[status] = kinds.get(status, 0) + count
    return {
        "requests": requests,
        "rps": requests / (raw["duration_us"] / 1e6) if raw["duration_us"] else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "errors": sum(raw[name] for name in ("connect", "read", "write", "status", "timeout")),
        "error_kinds": kinds,
        "hit_ratio": raw["hits"] / requests if requests else 0.0,
    }


class AssetLinks(HTMLParser):
    """Same-origin stylesheets and scripts a page references."""

    def __init__(self):
        super().__init__()
        self.assets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        rel = attributes.get("rel", "").lower().split()
        if tag == "link" and (
            "stylesheet" in rel
            or ({"preload", "modulepreload"} & set(rel) and attributes.get("as") in ("style", "script"))
        ):
            self.add(attributes.get("href", ""))
        elif tag == "script" and attributes.get("src"):
            self.add(attributes["src"])

    def add(self, url: str) -> None:
        parsed = urllib.parse.urlsplit(url)
        if url and not parsed.scheme and not parsed.netloc and url not in self.assets:
            self.assets.append(url)


def gzip_size(port: int, path: str) -> int:
    """Bytes on the wire for a reader that accepts gzip (compressed here if the server did not)."""
    request = urllib.request.Request(f"http://{HOST}:{port}{path}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
        encoded = response.headers.get("Content-Encoding", "")
    return len(body) if encoded == "gzip" else len(gzip.compress(body, 6))


def page_weight(port: int, path: str) -> dict:
    with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=30) as response:
        parser = AssetLinks()
        parser.feed(response.read().decode("utf-8", errors="replace"))
    parts = {"html": gzip_size(port, path)}
    for asset in parser.assets:
        parts[asset] = gzip_size(port, urllib.parse.urljoin(path, asset))
    return {"url": path, "parts": parts, "total_kib": sum(parts.values()) / 1024}


class Bench:
    """The servers of one run, started with the same gunicorn settings and stopped when it ends."""

    def __init__(self, settings: Settings, work: Path, database: Path, stack: ExitStack):
        self.settings = settings
        self.work = work
        self.database = database
        self.stack = stack
        self.loader = Loader(settings, work)

    def start(self, name: str, app: list[str], page_cache: bool) -> Server:
        env = app_environment(self.database, self.work / "media", page_cache=page_cache)
        log = self.work / f"{name.replace(' ', '-')}.log"
        server = Server(name, app, env, self.settings.workers, log)
        self.stack.callback(server.stop)
        return server

    def ceiling(self) -> tuple[dict, list[float]]:
        """The 20 KB Flask page: its figures, and its workers' RSS."""
        server = self.start("ceiling", ["--pythonpath", str(BENCH), "ceiling_app:app"], page_cache=False)
        figures = self.measure(server, ["/"], cached=False)
        rss = server.worker_rss_mb()
        server.stop()
        return figures, rss

    def cold_starts(self) -> dict:
        """Seconds from spawning gunicorn to the first 200 on / (cache off), a few times: the median."""
        runs = []
        for number in range(COLD_STARTS):
            server = self.start(f"cold start {number}", ["app:create_app()"], page_cache=False)
            runs.append(server.cold_start_s)
            server.stop()
        return {"median": statistics.median(runs), "runs": runs}

    def app_server(self, mode: str) -> Server:
        return self.start(f"cache {mode}", ["app:create_app()"], page_cache=mode == "on")

    def measure(self, server: Server, paths: list[str], cached: bool) -> dict:
        warm = self.loader.warm(server.port, paths, until_cached=cached)
        figures = self.loader.measure(server.port, paths)
        figures["urls"] = len(paths)
        figures["warm"] = warm
        if figures["errors"] and server.last_error():
            figures["server_error"] = server.last_error()
        return figures


def run(settings: Settings) -> dict:
    rng = random.Random(9)
    classes = settings.only or CLASSES
    results: dict = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cores": os.cpu_count(),
            "load_average": os.getloadavg()[0],
            "python": platform.python_version(),
        },
        "settings": {
            "articles": settings.articles,
            "duration_s": settings.duration,
            "connections": settings.connections,
            "threads": settings.threads,
            "workers": settings.workers,
            "client": settings.client,
            "accept_encoding": settings.accept_encoding,
        },
        "classes": {mode: {} for mode in MODES},
        "worker_rss_mb": {},
    }
    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bantin-bench-")))
        database, seeded_s = prepare_database(settings, work)
        results["settings"]["articles"] = count_articles(database)
        results["seed_s"] = seeded_s
        pools = url_pools(database, settings.pool, rng)
        bench = Bench(settings, work, database, stack)
        print_header(settings, results["settings"]["articles"])
        results["ceiling"], results["worker_rss_mb"]["ceiling"] = bench.ceiling()
        print(format_row("ceiling", "", results["ceiling"], results["ceiling"]["rps"], None), flush=True)
        results["cold_start_s"] = bench.cold_starts()
        for mode in MODES:
            server = bench.app_server(mode)
            if "deep_page" not in results:
                results["deep_page"], pools["section p500"] = deepest_section_pages(
                    server.port, pools["section p1"]
                )
            if mode == "off" and "article" in classes:
                results["page_weight"] = page_weight(server.port, pools["article"][0])
            for name in classes:
                figures = bench.measure(server, pools[name], cached=mode == "on")
                results["classes"][mode][name] = figures
                print(
                    format_row(name, mode, figures, results["ceiling"]["rps"], results["deep_page"]),
                    flush=True,
                )
            results["worker_rss_mb"][mode] = server.worker_rss_mb()
            server.stop()
    results["targets"] = targets(results)
    return results


def label(name: str, deep_page: int | None) -> str:
    if name == "section p500" and deep_page and deep_page != 500:
        return f"section p{deep_page}"
    return name


COLUMNS = "page class       cache    req/s   p50 ms   p99 ms errors  hits × ceil"
COMPARED = "   before  change"


def format_row(
    name: str, mode: str, figures: dict, ceiling_rps: float, deep_page: int | None, before: dict | None = None
) -> str:
    """One page class: req/s, p50, p99, errors, page-cache hits (cache on) and the ratio to the ceiling."""
    ratio = figures["rps"] / ceiling_rps if ceiling_rps else 0.0
    hits = f"{figures['hit_ratio']:.0%}" if mode == "on" else ""
    text = (
        f"{label(name, deep_page):<16} {mode:<5} {figures['rps']:>8,.0f} {figures['p50_ms']:>8.1f} "
        f"{figures['p99_ms']:>8.1f} {figures['errors']:>6} {hits:>5} {ratio:>6.2f}"
    )
    if before and before.get("rps"):
        text += f" {before['rps']:>8,.0f} {figures['rps'] / before['rps'] - 1:>+7.0%}"
    return text


def print_header(settings: Settings, articles: int) -> None:
    client = (
        f"wrk -t{settings.threads} -c{settings.connections}"
        if settings.client == "wrk"
        else f"bench/async_client.py, {settings.connections} connections"
    )
    print()
    print(
        f"Bản tin over HTTP: {articles:,} articles, gunicorn ({GUNICORN_CONF.name}) with "
        f"{settings.workers} workers on {HOST}, {client}, {settings.duration:g} s per class."
    )
    print(
        f"Only {os.cpu_count()} cores, shared by the server AND the load generator (and anything else: load "
        f"average {os.getloadavg()[0]:.1f}). Accept-Encoding: {settings.accept_encoding}."
    )
    print()
    print(COLUMNS, flush=True)


def targets(results: dict) -> list[dict]:
    """Each target of issue 9 that this run measured: what, measured, limit, passed."""
    found: list[dict] = []
    ceiling = results.get("ceiling", {}).get("rps", 0.0)
    classes = results["classes"]

    def add(what: str, measured: float, limit: float, passed: bool, unit: str = "") -> None:
        found.append({"target": what, "measured": measured, "limit": limit, "unit": unit, "passed": passed})

    article_off = classes.get("off", {}).get("article")
    article_on = classes.get("on", {}).get("article")
    if article_off and ceiling:
        ratio = article_off["rps"] / ceiling
        add("article, cache off, × ceiling req/s", ratio, ARTICLE_OFF_MIN, ratio >= ARTICLE_OFF_MIN, "≥")
    if article_on and ceiling:
        ratio = article_on["rps"] / ceiling
        add("article, cache on, × ceiling req/s", ratio, ARTICLE_ON_MIN, ratio >= ARTICLE_ON_MIN, "≥")
    if article_off and article_off["rps"]:
        for name in LIST_CLASSES:
            figures = classes["off"].get(name)
            if figures:
                cost = article_off["rps"] / figures["rps"] if figures["rps"] else float("inf")
                what = f"{label(name, results.get('deep_page'))}, cache off, cost × article's"
                add(what, cost, LIST_COST_MAX, cost <= LIST_COST_MAX, "≤")
    rss = [size for mode in MODES for size in results["worker_rss_mb"].get(mode, [])]
    if rss:
        add("worker RSS after load, MB", max(rss), RSS_MAX_MB, max(rss) <= RSS_MAX_MB, "≤")
    if results.get("cold_start_s"):
        cold = results["cold_start_s"]["median"]
        add("cold start to first 200 on /, s", cold, COLD_START_MAX_S, cold <= COLD_START_MAX_S, "≤")
    errors = sum(figures["errors"] for mode in MODES for figures in classes.get(mode, {}).values())
    add("errors under load", errors, 0, errors == 0, "=")
    if "page_weight" in results:
        weight = results["page_weight"]["total_kib"]
        add("article page weight, gzip, KiB", weight, PAGE_WEIGHT_MAX_KIB, weight <= PAGE_WEIGHT_MAX_KIB, "≤")
    return found


def comparable(latest: dict, previous: dict | None) -> bool:
    if not previous:
        return False
    keys = ("articles", "connections", "threads", "workers", "client", "accept_encoding")
    return all(latest["settings"].get(key) == previous.get("settings", {}).get(key) for key in keys)


def format_table(results: dict, previous: dict | None) -> str:
    """The summary table; with a comparable previous run, its req/s and the change."""
    compare = comparable(results, previous)
    ceiling = results["ceiling"]["rps"]
    deep = results.get("deep_page")
    before = previous if compare else {}
    lines = [COLUMNS + (COMPARED if compare else "")]
    lines.append(format_row("ceiling", "", results["ceiling"], ceiling, deep, before.get("ceiling")))
    for mode in MODES:
        for name, figures in results["classes"][mode].items():
            earlier = before.get("classes", {}).get(mode, {}).get(name)
            lines.append(format_row(name, mode, figures, ceiling, deep, earlier))
    lines.append("")
    for mode in MODES:
        for name, figures in results["classes"][mode].items():
            if figures.get("error_kinds"):
                kinds = ", ".join(f"{kind} × {count}" for kind, count in figures["error_kinds"].items())
                lines.append(f"errors, {label(name, deep)}, cache {mode}: {kinds}")
                if figures.get("server_error"):
                    lines.append(f"  last in the server log: {figures['server_error']}")
    rss = "; ".join(
        f"{name} {', '.join(f'{size:.0f}' for size in sizes)}"
        for name, sizes in results["worker_rss_mb"].items()
    )
    lines.append(f"worker RSS MB after load: {rss}")
    cold = results["cold_start_s"]
    runs = ", ".join(f"{seconds:.2f}" for seconds in cold["runs"])
    lines.append(f"cold start s, spawn to first 200 on /: median {cold['median']:.2f} of {runs}")
    if "page_weight" in results:
        weight = results["page_weight"]
        parts = ", ".join(f"{name} {size / 1024:.1f}" for name, size in weight["parts"].items())
        lines.append(f"article page weight KiB, gzip: {weight['total_kib']:.1f} = {parts}")
    if previous and not compare:
        lines.append("(the previous run used other settings or another article count: not compared)")
    lines.append("")
    lines.append("targets:")
    for target in results["targets"]:
        verdict = "PASS" if target["passed"] else "FAIL"
        limit = f"{target['unit']} {target['limit']:g}"
        lines.append(f"  {verdict}  {target['target']:<42} {target['measured']:>7.2f}  {limit}")
    return "\n".join(lines)


def save(results: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    latest = RESULTS / "latest.json"
    if latest.exists():
        latest.replace(RESULTS / "previous.json")
    latest.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


def load_previous() -> dict | None:
    try:
        return json.loads((RESULTS / "latest.json").read_text())
    except (OSError, ValueError):
        return None


def parse_args(argv: list[str] | None = None) -> Settings:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles to seed (default 100000)")
    parser.add_argument("--duration", type=float, default=10, help="seconds of load per page class")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--pool", type=int, default=1000, help="article URLs picked at random")
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--accept-encoding", default="gzip, deflate, br", help="what the readers accept")
    parser.add_argument("--keep-db", type=Path, help="SQLite file to seed once and reuse on later runs")
    parser.add_argument("--only", action="append", choices=CLASSES, help="measure only this class")
    args = parser.parse_args(argv)
    client = args.client
    if client == "auto":
        client = "wrk" if shutil.which("wrk") else "python"
    return Settings(
        articles=args.articles,
        duration=args.duration,
        connections=args.connections,
        threads=args.threads,
        workers=args.workers,
        pool=args.pool,
        client=client,
        accept_encoding=args.accept_encoding,
        keep_db=args.keep_db.resolve() if args.keep_db else None,
        only=tuple(args.only or ()),
    )


def main(argv: list[str] | None = None) -> None:
    settings = parse_args(argv)
    previous = load_previous()
    results = run(settings)
    print()
    print(format_table(results, previous))
    if settings.only:
        print("\n(--only: results not saved)")
    else:
        save(results)
        print(f"\nSaved {RESULTS / 'latest.json'}" + (" (the run before: previous.json)" if previous else ""))


if __name__ == "__main__":
    main()
