"""Search at 100,000 articles on SQLite and PostgreSQL: index build time, index size, and query latency
through the search service (count, candidates, ranking, snippets), against the target p95 ≤ 30 ms.

Run with `make bench` (not part of the test suite), or alone for options: `--articles 5000` (or
BENCH_SEARCH_ARTICLES) for a quick run, `--engines sqlite`, `--profile` for where the time goes
(each step of the service, and the plans of a few queries), and `--keep DIR` to keep the databases
and measure them again next time without building (migrations still run). Uses a throwaway SQLite
file and a throwaway PostgreSQL database (BENCH_POSTGRES_URL, default postgres@127.0.0.1:5432),
dropped at the end; without a reachable PostgreSQL that engine is skipped.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import event, func, make_url, select
from sqlalchemy.exc import OperationalError

from app import create_app
from app.articles.models import Article
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.core.text import fold
from app.demo.bulk import KEYWORD_POOL, WORDS, seed_bulk
from app.demo.seed import seed_sections
from app.extensions import db
from app.search import queries
from app.search.engines import PostgresEngine, SqliteEngine
from app.search.indexing import checkpoint_wal, optimize_index, reindex_all
from app.search.queries import SearchParams, search

ENGINES = ("sqlite", "postgresql")
DEFAULT_ARTICLES = 100_000
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
TARGET_P95_MS = 30.0
WARM_UP = 10
MEASURED = 100
PROFILED = 20  # queries per set in --profile
SEED = 6
# Plans printed by --profile: a common syllable (in most articles, as most one-word queries are) by
# relevance and newest first, and a phrase of two common syllables that are rarely side by side.
EXPLAINED = (("giao", False), ("giao", True), ('"chính quyền"', False))


class Unavailable(Exception):
    """An engine this machine cannot run (no PostgreSQL server or driver): skipped, not failed."""


@dataclass
class QuerySet:
    name: str
    queries: list[str]
    newest_first: bool = False


@dataclass
class Measured:
    name: str
    latencies_ms: list[float]
    matches: list[int]

    def percentile(self, p: int) -> float:
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[p - 1]


@dataclass
class EngineRun:
    engine: str
    seed_s: float = 0.0
    build_s: float = 0.0
    after_build: list[tuple[str, float]] = field(default_factory=list)  # optimize, checkpoint, vacuum
    sizes: list[tuple[str, int, bool]] = field(default_factory=list)  # see index_sizes()
    seeded_bytes: int = 0
    sets: list[Measured] = field(default_factory=list)
    skipped: str = ""


def query_sets(rng: random.Random) -> list[QuerySet]:
    """Words the bulk seeder writes (so queries match), half of each set typed without accents."""
    vocabulary = list(dict.fromkeys(WORDS))
    # Phrases that exist: consecutive words of the pool (it lists compounds side by side) and keywords.
    runs = [WORDS[i : i + k] for k in (2, 3) for i in range(len(WORDS) - k + 1)]
    keyword_runs = [
        name.lower().split()[i : i + k]
        for name in KEYWORD_POOL
        for k in (2, 3)
        for i in range(len(name.split()) - k + 1)
    ]
    count = WARM_UP + MEASURED

    def words(n: int) -> list[str]:
        return [" ".join(rng.sample(vocabulary, n)) for _ in range(count)]

    def phrases() -> list[str]:
        return ['"' + " ".join(rng.choice(rng.choice((runs, keyword_runs)))) + '"' for _ in range(count)]

    def half_folded(texts: list[str]) -> list[str]:
        return [fold(text) if index % 2 else text for index, text in enumerate(texts)]

    return [
        QuerySet("1 word", half_folded(words(1))),
        QuerySet("2 words", half_folded(words(2))),
        QuerySet("3 words", half_folded(words(3))),
        QuerySet("phrase", half_folded(phrases())),
        QuerySet("2 words, newest first", half_folded(words(2)), newest_first=True),
    ]


def run_query(text: str, newest_first: bool) -> tuple[float, int]:
    """One search through the service on a fresh session: milliseconds, and matches counted."""
    db.session.remove()
    started = time.perf_counter()
    results = search(SearchParams(q=text, newest_first=newest_first, page=1))
    elapsed = (time.perf_counter() - started) * 1000
    db.session.remove()
    return elapsed, results.total


def measure(query_set: QuerySet) -> Measured:
    for text in query_set.queries[:WARM_UP]:
        run_query(text, query_set.newest_first)
    measured = Measured(query_set.name, [], [])
    for text in query_set.queries[WARM_UP:]:
        elapsed, total = run_query(text, query_set.newest_first)
        measured.latencies_ms.append(elapsed)
        measured.matches.append(total)
    return measured


def progress_printer(label: str, total: int) -> Callable[[int], None]:
    """A progress line on a terminal; nothing in a log."""
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if sys.stderr.isatty():
            end = "\n" if done >= total else ""
            print(f"\r  {label} {done:,}/{total:,}", end=end, file=sys.stderr, flush=True)

    return advance


def build(run: EngineRun, articles: int) -> None:
    """Seed the articles (their documents are written as they go), then time a full reindex."""
    with write_transaction():
        seed_sections()
    started = time.perf_counter()
    seed_bulk(articles, progress=progress_printer(f"{run.engine}: seeding", articles))
    run.seed_s = time.perf_counter() - started
    run.seeded_bytes = sum(size for _, size, _ in index_sizes(run.engine))
    db.session.remove()
    total = db.session.scalar(select(func.count(Article.id)))
    started = time.perf_counter()
    with write_transaction():
        reindex_all(db.session.connection(), progress=progress_printer(f"{run.engine}: reindexing", total))
    run.build_s = time.perf_counter() - started
    # What `flask search reindex` does after a rebuild: FTS5 optimize or ANALYZE, then (SQLite) a
    # WAL checkpoint, so readers are measured as in steady state.
    with timed(run, "then optimize/ANALYZE"), write_transaction():
        optimize_index(db.session.connection())
    db.session.remove()
    if run.engine == "sqlite":
        with timed(run, "then WAL checkpoint"):
            if not checkpoint_wal(db.engine):
                print("    (the WAL checkpoint could not finish: readers are measured against the WAL)")
    else:
        # What autovacuum would do after 100,000 inserts, so the plans see the real tables.
        autocommit = db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        with timed(run, "then VACUUM ANALYZE"), autocommit as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    db.session.remove()
    run.sizes = index_sizes(run.engine)


def built(articles: int) -> bool:
    """Whether a kept database already holds the articles (a run killed while seeding is rebuilt)."""
    present = db.session.scalar(select(func.count(Article.id)))
    db.session.remove()
    if present not in (0, articles):
        raise SystemExit(f"the kept database holds {present:,} articles, not {articles:,}: delete it")
    return present == articles


@contextmanager
def timed(run: EngineRun, label: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    run.after_build.append((label, time.perf_counter() - started))


def index_sizes(engine: str) -> list[tuple[str, int, bool]]:
    """What search costs on disk: (structure, bytes, whether it is the engine's index rather than the
    documents it indexes). On PostgreSQL the tsvector columns live in the documents' rows: their size
    is counted as index and taken off the rows (pg_column_size, so approximately)."""
    connection = db.session.connection()
    if engine == "sqlite":
        try:
            rows = dict(
                connection.exec_driver_sql("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").all()
            )
        except OperationalError:  # SQLite built without SQLITE_ENABLE_DBSTAT_VTAB
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
            page_size = connection.exec_driver_sql("PRAGMA page_size").scalar_one()
            return [("whole database (no dbstat in this SQLite)", pages * page_size, True)]
        return [
            ("FTS5 shadow tables", sum(v for k, v in rows.items() if k.startswith("search_fts")), True),
            ("search_documents table", rows.get("search_documents", 0), False),
            ("its B-tree indexes", sum(v for k, v in rows.items() if k.startswith("ix_search_doc")), False),
        ]

    def size(sql: str) -> int:
        return int(connection.exec_driver_sql(f"SELECT {sql}").scalar_one() or 0)

    vectors = size("sum(pg_column_size(tsv) + pg_column_size(title_tsv)) FROM search_documents")
    rows = size("pg_total_relation_size('search_documents') - pg_indexes_size('search_documents')")
    sizes = [("tsvector columns (tsv, title_tsv)", vectors, True)]
    sizes += [("rows: heap + TOAST, without them", rows - vectors, False)]
    for name in connection.exec_driver_sql(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'search_documents' ORDER BY indexname"
    ).scalars():
        sizes.append((f"index {name}", size(f"pg_relation_size('{name}')"), name.startswith("search_fts")))
    return sizes


def mib(n: int) -> str:
    return f"{n / 2**20:,.1f} MiB"


@contextmanager
def sqlite_app(keep: str | None = None, articles: int = 0) -> Iterator[Flask]:
    """A throwaway SQLite file; with --keep, a file under that folder reused by the next run."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or tmp
        if keep:
            os.makedirs(keep, exist_ok=True)
        yield create_app(
            {
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench_search_{articles}.db",
                "MEDIA_ROOT": f"{tmp}/media",
            }
        )


@contextmanager
def postgres_app(admin_url: str, keep: bool = False, articles: int = 0) -> Iterator[Flask]:
    """A database of our own, dropped afterwards whatever happens (kept and reused with --keep);
    Unavailable without a server or driver."""
    admin = make_url(admin_url)
    where = admin.render_as_string()  # password hidden
    try:
        import psycopg  # optional: pip install -e ".[postgres]"
    except ImportError:
        raise Unavailable('psycopg is not installed (pip install -e ".[postgres]")') from None
    name = f"bench_search_keep_{articles}" if keep else f"bench_search_{os.getpid()}"
    dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        connection = psycopg.connect(dsn, autocommit=True, connect_timeout=5)
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise Unavailable(f"PostgreSQL not reachable at {where}: {reason}") from None
    with connection, tempfile.TemporaryDirectory() as tmp:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
        app = None
        try:
            app = create_app(
                {
                    "SECRET_KEY": "bench",
                    "SQLALCHEMY_DATABASE_URI": admin.set(database=name).render_as_string(hide_password=False),
                    "MEDIA_ROOT": f"{tmp}/media",
                }
            )
            yield app
        finally:
            if app is not None:
                with app.app_context():
                    db.session.remove()
                    db.engine.dispose()
            if not keep:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bench_engine(engine: str, articles: int, sets: list[QuerySet], args) -> EngineRun:
    run = EngineRun(engine)
    with ExitStack() as stack:
        try:
            keep = args.keep
            app = stack.enter_context(
                sqlite_app(keep, articles)
                if engine == "sqlite"
                else postgres_app(args.postgres, bool(keep), articles)
            )
        except Unavailable as reason:
            run.skipped = str(reason)
            return run
        with app.app_context():
            upgrade()
            if not (keep and built(articles)):
                build(run, articles)
            else:
                print(f"  {engine}: reusing the kept database ({articles:,} articles), no build")
                with write_transaction():  # a migration may have refilled the index
                    optimize_index(db.session.connection())
                db.session.remove()
                checkpoint_wal(db.engine)
                run.sizes = index_sizes(engine)
            run.sets = [measure(query_set) for query_set in sets]
            report_engine(run, articles)
            if args.profile:
                profile(engine, sets)
    return run


def report_engine(run: EngineRun, articles: int) -> None:
    index = sum(size for _, size, is_index in run.sizes if is_index)
    documents = sum(size for _, size, is_index in run.sizes if not is_index)
    print(f"  {run.engine}")
    print(
        f"    seeding              {run.seed_s:8.1f} s  ({articles:,} articles, keywords, search documents)"
    )
    print(f"    index build          {run.build_s:8.1f} s  (full reindex in one transaction)")
    for label, seconds in run.after_build:
        print(f"    {label:<21}{seconds:8.1f} s")
    print(f"    index size           {mib(index):>10}  + documents {mib(documents)}")
    print(f"{'':25}(index + documents after seeding, before the reindex: {mib(run.seeded_bytes)})")
    for label, size, is_index in run.sizes:
        print(f"      {label:<48}{mib(size):>10}  {'index' if is_index else 'documents'}")


def verdict(p95: float) -> str:
    if p95 <= TARGET_P95_MS:
        return f"meets, {TARGET_P95_MS - p95:.1f} ms to spare"
    return f"MISSES by {p95 - TARGET_P95_MS:,.1f} ms ({p95 / TARGET_P95_MS:.1f}× the target)"


def report_table(runs: list[EngineRun], articles: int) -> None:
    print(
        f"\n  latency through search() at {articles:,} articles, ms ({MEASURED} queries per set after "
        f"{WARM_UP} warm-up; target p95 ≤ {TARGET_P95_MS:.0f} ms)"
    )
    print(f"  {'engine':<11}{'queries':<23}{'p50':>8}{'p95':>8}{'max':>8}{'matches':>9}   p95 vs target")
    for run in runs:
        for measured in run.sets:
            p50, p95 = measured.percentile(50), measured.percentile(95)
            print(
                f"  {run.engine:<11}{measured.name:<23}{p50:8.1f}{p95:8.1f}{max(measured.latencies_ms):8.1f}"
                f"{statistics.mean(measured.matches):9.0f}   {verdict(p95)}"
            )
    print("  matches: mean of results.total, counted up to 1,001.")
    print(
        "  What these figures assume. The corpus is the worst case: 150 syllables, each in about 83% of\n"
        "  the articles, so every query matches tens of thousands. Relevance is ranked among the 400\n"
        "  newest matches and the 200 newest with every word in the title (older body-only mentions are\n"
        "  found newest first or by date). Counts stop at 1,001; PostgreSQL takes its planner's estimate\n"
        "  when that is ten times the cap (twice, for a phrase of two words: its pair's own frequency).\n"
        "  max includes Python's full garbage collections of the app's objects (15 to 50 ms, about one\n"
        "  search in thirty), which gc.freeze() after start-up would remove."
    )
    print(f"\n  {'engine':<11}{'index build':>12}{'index':>12}{'documents':>12}   worst p95")
    for run in runs:
        index = sum(size for _, size, is_index in run.sizes if is_index)
        documents = sum(size for _, size, is_index in run.sizes if not is_index)
        worst = max(run.sets, key=lambda measured: measured.percentile(95))
        print(
            f"  {run.engine:<11}{run.build_s:10.1f} s{mib(index):>12}{mib(documents):>12}   "
            f"{worst.percentile(95):.1f} ms ({worst.name}): {verdict(worst.percentile(95))}"
        )


# --profile: the same search() calls with each step timed, then the plans of a few queries.

# Engine methods (those the engine class has) and service functions timed by --profile, each with
# its own time only (what it spends in another timed step counts for that step).
ENGINE_STEPS = (
    "count",
    "newest",
    "walk",
    "newest_matches",
    "scored",
    "exact_hits",
    "phrase_matches",
    "similar_titles",
)
SERVICE_STEPS = ("rank", "hits_for", "load_articles", "highlight", "snippet")


def step_label(attribute: str, args: tuple, kwargs: dict) -> str:
    """SQLite's walks by table, PostgreSQL's scored statements by column; hits_for loads documents."""
    if attribute == "walk":
        return f"walk {args[1].removeprefix('search_fts_') if args[1] != 'search_fts' else 'all'}"
    if attribute == "scored":
        return "scored (title)" if kwargs.get("title_only") else "scored (all)"
    return "documents" if attribute == "hits_for" else attribute


@contextmanager
def timed_steps(engine_class: type, laps: dict[str, float]) -> Iterator[None]:
    """Wrap the service's steps so each call adds its own time to `laps` (restored afterwards)."""
    originals = []
    children: list[float] = []  # per running step: time spent in the timed steps it called

    steps = [(engine_class, name) for name in ENGINE_STEPS if hasattr(engine_class, name)]
    for owner, attribute in [*steps, *((queries, name) for name in SERVICE_STEPS)]:
        original = getattr(owner, attribute)

        def wrapped(*args, _original=original, _attribute=attribute, **kwargs):
            label = step_label(_attribute, args, kwargs)
            children.append(0.0)
            started = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - started
                laps[label] += elapsed - children.pop()
                if children:
                    children[-1] += elapsed

        originals.append((owner, attribute, vars(owner).get(attribute)))
        setattr(owner, attribute, wrapped)
    try:
        yield
    finally:
        for owner, attribute, original in originals:
            if original is None:  # inherited (SQLite's similar_titles): drop the wrapper
                delattr(owner, attribute)
            else:
                setattr(owner, attribute, original)


def profile(engine: str, sets: list[QuerySet]) -> None:
    engine_class = SqliteEngine if engine == "sqlite" else PostgresEngine
    print(f"\n  {engine}: where the time goes, median ms per query ({PROFILED} queries per set)")
    for query_set in sets:
        per_query: dict[str, list[float]] = defaultdict(list)
        total = []
        for text in query_set.queries[WARM_UP : WARM_UP + PROFILED]:
            laps: dict[str, float] = defaultdict(float)
            with timed_steps(engine_class, laps):
                elapsed, _ = run_query(text, query_set.newest_first)
            laps["other"] = elapsed / 1000 - sum(laps.values())
            for label, seconds in laps.items():
                per_query[label].append(seconds * 1000)
            total.append(elapsed)
        # Steps in the order they first ran; a step some queries skip counts 0 for them.
        parts = [
            f"{label} {statistics.median(values + [0.0] * (len(total) - len(values))):.1f}"
            for label, values in per_query.items()
            if statistics.median(values + [0.0] * (len(total) - len(values))) >= 0.05
        ]
        print(f"    {query_set.name:<23} total {statistics.median(total):.1f}: " + ", ".join(parts))
    explain(engine)


def explain(engine: str) -> None:
    """The statements search() runs for a few queries, with their plans."""
    prefix = "EXPLAIN QUERY PLAN " if engine == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS) "
    for text, newest_first in EXPLAINED:
        statements = []

        def capture(_conn, _cursor, statement, parameters, _context, _executemany, into=statements):
            into.append((statement, parameters))

        event.listen(db.engine, "before_cursor_execute", capture)
        try:
            run_query(text, newest_first)
        finally:
            event.remove(db.engine, "before_cursor_execute", capture)
        print(f"\n  {engine}: plans for q={text!r}{', newest first' if newest_first else ''}")
        connection = db.session.connection()
        for statement, parameters in statements:
            if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            print("    " + " ".join(statement.split())[:300])
            for row in connection.exec_driver_sql(prefix + statement, parameters):
                print(f"      {row[-1] if engine == 'sqlite' else row[0]}")
        db.session.remove()


def load_average() -> str:
    """The machine's load, which these figures depend on (another bench may be running)."""
    return ", ".join(f"{load:.2f}" for load in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=os.environ.get("BENCH_SEARCH_ARTICLES", str(DEFAULT_ARTICLES))
    )
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated: sqlite,postgresql")
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES))
    parser.add_argument("--profile", action="store_true", help="time each step and print query plans")
    parser.add_argument(
        "--keep",
        metavar="DIR",
        help="keep the databases (SQLite file in DIR, PostgreSQL bench_search_keep_N) and reuse them "
        "next time instead of building (for iterating on queries; migrations still run)",
    )
    args = parser.parse_args()
    engines = [name.strip() for name in args.engines.split(",") if name.strip()]
    unknown = set(engines) - set(ENGINES)
    if unknown or args.articles < 1:
        parser.error(f"engines are {', '.join(ENGINES)}; articles at least 1")
    sets = query_sets(random.Random(SEED))
    print(f"search: {args.articles:,} articles, {', '.join(engines)}, queries through search() with snippets")
    print(f"  machine load (1, 5, 15 min) at the start: {load_average()}")
    started = utcnow()
    runs = []
    for engine in engines:
        run = bench_engine(engine, args.articles, sets, args)
        if run.skipped:
            print(f"  {engine}: skipped, {run.skipped}")
        runs.append(run)
    measured = [run for run in runs if run.sets]
    if measured:
        report_table(measured, args.articles)
    print(
        f"  whole run: {(utcnow() - started).total_seconds() / 60:.1f} min; load at the end: {load_average()}"
    )


if __name__ == "__main__":
    main()
