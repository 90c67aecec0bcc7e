"""A small HTTP/1.1 load generator on asyncio streams, for `bench/http_pages.py` when wrk is not installed.

N connections each send GET requests back to back for a fixed time, reusing the connection while the
server keeps it alive (gunicorn's sync workers close it after every response, as they do for wrk).
It also fetches a list of URLs once each, to warm the page cache. Plain http:// only.
"""

import asyncio
import contextlib
import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

MAX_HEADER_LINES = 100


class ProtocolError(Exception):
    """The server's bytes are not an HTTP/1.x response."""


@dataclass
class Response:
    status: int
    headers: dict[str, str]  # names lower-cased
    body: bytes
    keep_alive: bool


@dataclass
class LoadResult:
    """What a load run saw: every latency, every status, the socket errors and the page-cache hits."""

    duration_s: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    socket_errors: Counter = field(default_factory=Counter)  # connect, read, write, timeout
    cache_hits: int = 0

    @property
    def requests(self) -> int:
        return len(self.latencies_ms)

    def summary(self) -> dict:
        """The figures the benchmark reports, in the same shape as the wrk runner's."""
        ordered = sorted(self.latencies_ms)
        failed = sum(count for status, count in self.statuses.items() if status >= 400)
        return {
            "requests": self.requests,
            "rps": self.requests / self.duration_s if self.duration_s else 0.0,
            "p50_ms": percentile(ordered, 50),
            "p99_ms": percentile(ordered, 99),
            "errors": failed + sum(self.socket_errors.values()),
            "error_kinds": {
                **{str(status): n for status, n in sorted(self.statuses.items()) if status >= 400},
                **{kind: n for kind, n in self.socket_errors.items() if n},
            },
            "hit_ratio": self.cache_hits / self.requests if self.requests else 0.0,
        }


def percentile(ordered: Sequence[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted list (0.0 for an empty one)."""
    if not ordered:
        return 0.0
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[min(len(ordered), int(rank)) - 1]


async def read_response(reader: asyncio.StreamReader, method: str = "GET") -> Response:
    """One response: status line, headers, then a body framed by Content-Length, chunks or close."""
    status_line = await reader.readuntil(b"\r\n")
    parts = status_line.decode("latin-1").split(None, 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
        raise ProtocolError(status_line[:80])
    version, status = parts[0], int(parts[1])
    headers: dict[str, str] = {}
    for _ in range(MAX_HEADER_LINES):
        line = await reader.readuntil(b"\r\n")
        if line == b"\r\n":
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    else:
        raise ProtocolError("too many header lines")
    connection = headers.get("connection", "").lower()
    keep_alive = connection != "close" if version == "HTTP/1.1" else connection == "keep-alive"
    if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
        body = b""
    elif "chunked" in headers.get("transfer-encoding", "").lower():
        body = await read_chunked(reader)
    elif "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    else:
        body = await reader.read()
        keep_alive = False
    return Response(status, headers, body, keep_alive)


async def read_chunked(reader: asyncio.StreamReader) -> bytes:
    chunks = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0].strip(), 16)
        if size == 0:
            while await reader.readuntil(b"\r\n") != b"\r\n":  # trailers
                pass
            return b"".join(chunks)
        chunks.append(await reader.readexactly(size))
        await reader.readexactly(2)


def request_bytes(host: str, port: int, path: str, headers: dict[str, str]) -> bytes:
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}:{port}", "User-Agent: bantin-bench"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


class Connection:
    """One client connection, reopened whenever the server closes it."""

    def __init__(self, host: str, port: int, headers: dict[str, str], timeout: float):
        self.host, self.port, self.headers, self.timeout = host, port, headers, timeout
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> Response:
        """GET path; a kept-alive connection the server dropped meanwhile is retried once on a new one."""
        reused = self.writer is not None
        try:
            return await self._exchange(path)
        except (asyncio.IncompleteReadError, ConnectionError):
            await self.close()
            if not reused:
                raise
        return await self._exchange(path)

    async def _exchange(self, path: str) -> Response:
        if self.writer is None:
            self.reader, self.writer = await asyncio.wait_for(
                asyncio.open_connection(self.host, self.port), self.timeout
            )
        self.writer.write(request_bytes(self.host, self.port, path, self.headers))
        await self.writer.drain()
        response = await asyncio.wait_for(read_response(self.reader), self.timeout)
        if not response.keep_alive:
            await self.close()
        return response

    async def close(self) -> None:
        writer, self.reader, self.writer = self.writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


async def _drive(
    connection: Connection, paths: Sequence[str], deadline: float, result: LoadResult, rng: random.Random
) -> None:
    loop = asyncio.get_running_loop()
    try:
        while loop.time() < deadline:
            path = rng.choice(paths)
            started = time.perf_counter()
            try:
                response = await connection.get(path)
            except TimeoutError:
                result.socket_errors["timeout"] += 1
                await connection.close()
                continue
            except ConnectionRefusedError:
                result.socket_errors["connect"] += 1
                await asyncio.sleep(0.05)
                continue
            except OSError:  # reset or broken pipe
                result.socket_errors["read"] += 1
                await connection.close()
                continue
            except (asyncio.IncompleteReadError, ProtocolError, ValueError):
                result.socket_errors["read"] += 1
                await connection.close()
                continue
            result.latencies_ms.append((time.perf_counter() - started) * 1000)
            result.statuses[response.status] += 1
            if response.headers.get("x-cache") == "HIT":
                result.cache_hits += 1
    finally:
        await connection.close()


async def load(
    host: str,
    port: int,
    paths: Sequence[str],
    *,
    duration: float,
    connections: int,
    headers: dict[str, str] | None = None,
    timeout: float = 10.0,
    seed: int = 1,
) -> LoadResult:
    """Keep `connections` connections busy with random `paths` for `duration` seconds."""
    result = LoadResult()
    loop = asyncio.get_running_loop()
    started = loop.time()
    deadline = started + duration
    await asyncio.gather(
        *(
            _drive(
                Connection(host, port, headers or {}, timeout),
                paths,
                deadline,
                result,
                random.Random(seed + i),
            )
            for i in range(connections)
        )
    )
    result.duration_s = loop.time() - started
    return result


async def fetch_all(
    host: str,
    port: int,
    paths: Sequence[str],
    *,
    connections: int,
    headers: dict[str, str] | None = None,
    timeout: float = 30.0,
) -> list[tuple[str, int, str]]:
    """GET every path once over `connections` connections: (path, status or 0 on failure, X-Cache)."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    seen: list[tuple[str, int, str]] = []

    async def worker() -> None:
        connection = Connection(host, port, headers or {}, timeout)
        try:
            while not queue.empty():
                path = queue.get_nowait()
                try:
                    response = await connection.get(path)
                except (OSError, TimeoutError, asyncio.IncompleteReadError, ProtocolError, ValueError):
                    await connection.close()
                    seen.append((path, 0, ""))
                    continue
                seen.append((path, response.status, response.headers.get("x-cache", "")))
        finally:
            await connection.close()

    await asyncio.gather(*(worker() for _ in range(max(1, min(connections, len(paths))))))
    return seen


def run_load(host: str, port: int, paths: Sequence[str], **options) -> LoadResult:
    return asyncio.run(load(host, port, paths, **options))


def run_fetch_all(host: str, port: int, paths: Sequence[str], **options) -> list[tuple[str, int, str]]:
    return asyncio.run(fetch_all(host, port, paths, **options))
