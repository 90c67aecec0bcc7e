"""The HTTP benchmark's own parts: the bundled load client, wrk's figures, the table, targets and history."""

import asyncio
import importlib.util
import json
import socket
import sys
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

BENCH = Path(__file__).resolve().parents[2] / "bench"


def load(name: str):
    """A bench/ script as a module (bench/ is not a package; http_pages imports async_client by name)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


async_client = load("async_client")
http_pages = load("http_pages")


@Request.application
def tiny_site(request: Request) -> Response:
    if request.path == "/cached":
        return Response("<p>cached</p>", headers={"X-Cache": "HIT"})
    if request.path == "/page":
        return Response("<p>" + "x" * 5000 + "</p>")
    return Response("not here", status=404)


@pytest.fixture
def server():
    """A threaded werkzeug server on a free port (HTTP/1.1 with keep-alive)."""
    httpd = make_server("127.0.0.1", 0, tiny_site, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_port
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_the_bundled_client_counts_answers_statuses_errors_and_cache_hits(server):
    result = async_client.run_load(
        "127.0.0.1", server, ["/page", "/cached", "/missing"], duration=0.5, connections=3
    )
    summary = result.summary()

    assert summary["requests"] == sum(result.statuses.values()) > 0
    assert set(result.statuses) == {200, 404}
    assert summary["errors"] == result.statuses[404]
    assert summary["error_kinds"] == {"404": result.statuses[404]}
    assert 0 < result.cache_hits < summary["requests"]
    assert summary["p50_ms"] <= summary["p99_ms"]


def test_warming_fetches_every_url_exactly_once(server):
    paths = ["/page", "/cached", "/missing", "/page?x=1"]
    seen = async_client.run_fetch_all("127.0.0.1", server, paths, connections=2)

    assert sorted(path for path, _, _ in seen) == sorted(paths)
    assert {path: (status, cache) for path, status, cache in seen}["/cached"] == (200, "HIT")
    assert {path: status for path, status, _ in seen}["/missing"] == 404


def test_a_refused_connection_is_an_error_not_a_crash():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens once closed
    result = async_client.run_load("127.0.0.1", port, ["/"], duration=0.2, connections=1)

    assert result.requests == 0
    assert result.socket_errors["connect"] > 0


def read(raw: bytes) -> "async_client.Response":
    async def parse():
        reader = asyncio.StreamReader()
        reader.feed_data(raw)
        reader.feed_eof()
        return await async_client.read_response(reader)

    return asyncio.run(parse())


def test_chunked_and_close_delimited_bodies_are_read_whole():
    chunked = read(
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Cache: MISS\r\n\r\n"
        b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
    )
    assert (chunked.status, chunked.body, chunked.keep_alive) == (200, b"hello world", True)
    assert chunked.headers["x-cache"] == "MISS"

    closed = read(b"HTTP/1.0 503 Busy\r\n\r\nlater")
    assert (closed.status, closed.body, closed.keep_alive) == (503, b"later", False)


def test_percentiles_are_nearest_rank():
    ordered = [float(n) for n in range(1, 101)]
    assert async_client.percentile(ordered, 50) == 50.0
    assert async_client.percentile(ordered, 99) == 99.0
    assert async_client.percentile([], 50) == 0.0


def test_wrk_figures_are_read_from_the_script_line():
    output = (
        "Running 10s test @ http://127.0.0.1:8000\n"
        'BENCH-JSON {"requests": 2000, "duration_us": 10000000, "p50_us": 4000, "p99_us": 9500, '
        '"hits": 1500, "connect": 0, "read": 1, "write": 0, "status": 3, "timeout": 0, '
        '"failed": [{"429": 2}, {"429": 1}]}\n'
    )
    figures = http_pages.parse_wrk(output)

    assert figures["rps"] == 200.0
    assert (figures["p50_ms"], figures["p99_ms"]) == (4.0, 9.5)
    assert figures["errors"] == 4
    assert figures["error_kinds"] == {"read": 1, "429": 3}
    assert figures["hit_ratio"] == 0.75


def test_the_page_weight_counts_same_origin_styles_and_scripts_only():
    parser = http_pages.AssetLinks()
    parser.feed(
        '<link rel="stylesheet" href="/static/css/site.css?v=1"><link rel="icon" href="/favicon.ico">'
        '<link rel="stylesheet" href="https://cdn.example/x.css"><script src="/static/js/site.js?v=2">'
        '</script><script>inline()</script><img src="/media/a.jpg">'
    )
    assert parser.assets == ["/static/css/site.css?v=1", "/static/js/site.js?v=2"]


def figures(rps: float, errors: int = 0, **extra) -> dict:
    return {"rps": rps, "p50_ms": 5.0, "p99_ms": 9.0, "errors": errors, "hit_ratio": 1.0, **extra}


def results(article_off: float = 2000, article_on: float = 4500, articles: int = 100_000) -> dict:
    run = {
        "settings": {
            "articles": articles,
            "connections": 16,
            "threads": 2,
            "workers": 2,
            "client": "wrk",
            "accept_encoding": "gzip",
        },
        "ceiling": figures(5000),
        "classes": {
            "off": {"home": figures(1000), "article": figures(article_off), "keyword": figures(2500)},
            "on": {"article": figures(article_on), "rss": figures(4000, errors=2, error_kinds={"429": 2})},
        },
        "worker_rss_mb": {"ceiling": [30.0], "off": [100.0, 101.0], "on": [110.0, 125.0]},
        "cold_start_s": {"median": 1.2, "runs": [1.1, 1.2, 1.9]},
        "deep_page": 500,
        "page_weight": {"url": "/a/b-1.html", "parts": {"html": 6000, "/static/css/site.css": 5000}},
    }
    run["page_weight"]["total_kib"] = 11000 / 1024
    run["targets"] = http_pages.targets(run)
    return run


def test_each_target_passes_or_fails_on_its_own_figure():
    verdicts = {target["target"]: target["passed"] for target in results()["targets"]}

    assert verdicts == {
        "article, cache off, × ceiling req/s": True,  # 2000 / 5000 = 0.40 ≥ 0.35
        "article, cache on, × ceiling req/s": True,  # 0.9 ≥ 0.8
        "home, cache off, cost × article's": False,  # a home page costs 2× an article
        "keyword, cache off, cost × article's": True,
        "worker RSS after load, MB": False,  # 125 > 120
        "cold start to first 200 on /, s": True,  # the median
        "errors under load": False,
        "article page weight, gzip, KiB": True,
    }


def test_the_table_shows_every_class_the_targets_and_what_failed():
    table = http_pages.format_table(results(), previous=None)

    for expected in ("ceiling", "article", "keyword", "rss", "FAIL  home", "PASS  article, cache on"):
        assert expected in table
    assert "errors, rss, cache on: 429 × 2" in table
    assert "median 1.20 of 1.10, 1.20, 1.90" in table
    assert "before" not in table


def test_a_second_run_shows_the_change_from_the_first():
    before = results(article_off=1000)
    table = http_pages.format_table(results(article_off=2000), previous=before)

    assert "before" in table
    article_off = next(line for line in table.splitlines() if line.startswith("article          off"))
    assert article_off.split()[-2:] == ["1,000", "+100%"]


def test_runs_with_other_settings_are_not_compared():
    table = http_pages.format_table(results(), previous=results(articles=2000))

    assert "before" not in table
    assert "not compared" in table


def test_saving_keeps_the_previous_run(tmp_path, monkeypatch):
    monkeypatch.setattr(http_pages, "RESULTS", tmp_path)
    http_pages.save({"run": 1})
    assert http_pages.load_previous() == {"run": 1}

    http_pages.save({"run": 2})
    assert json.loads((tmp_path / "latest.json").read_text()) == {"run": 2}
    assert json.loads((tmp_path / "previous.json").read_text()) == {"run": 1}


def test_results_files_are_not_committed():
    assert (BENCH / "results" / ".gitignore").read_text().split() == ["*.json"]
