"""gunicorn settings for Bản tin: `make serve`, `make bench` and deploy/systemd/bantin.service use this file.

    gunicorn -c gunicorn.conf.py "app:create_app()"

Environment: HOST and PORT (default 127.0.0.1:8000; BIND overrides both, e.g. unix:/run/bantin/gunicorn.sock),
WORKERS (default 2 × cores + 1, at most 8), THREADS (default 1: sync workers, right behind nginx, which
buffers slow clients), ACCESS_LOG ("-" for stderr or a file path; off by default), LOG_LEVEL, TIMEOUT,
MAX_REQUESTS.
"""

import os


def default_workers() -> int:
    """2 × cores + 1, gunicorn's rule of thumb; capped because each worker holds its own page cache."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(2 * cores + 1, 8)


bind = [os.environ.get("BIND") or f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"]
workers = int(os.environ.get("WORKERS") or default_workers())
threads = int(os.environ.get("THREADS") or 1)

# gunicorn 27 opens a control socket at ~/.gunicorn/gunicorn.ctl by default, so two instances run by one
# user fight over it (STACK.md P8); nothing here uses gunicornc.
control_socket_disable = True

# The worker heartbeat file is touched every few seconds: keep it in memory, not on a slow disk.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

# Requests are short; a worker stuck for 30 s is killed and replaced. A restart (SIGHUP, deploy) lets
# in-flight requests finish for up to 20 s. Keep-alive matters only without a proxy or with THREADS > 1.
timeout = int(os.environ.get("TIMEOUT") or 30)
graceful_timeout = 20
keepalive = 5

# nginx (or any proxy) logs every request already; the app logs its errors to stderr.
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")

# Each worker imports the app itself: no database engine or cache is shared across a fork, and a
# code reload is a plain SIGHUP. Measured with `make bench`: preloading saves no request time.
preload_app = False

# Workers live until a restart: recycling one empties its page cache. MAX_REQUESTS=N recycles a worker
# after about N requests, should a library ever leak.
max_requests = int(os.environ.get("MAX_REQUESTS") or 0)
max_requests_jitter = max_requests // 10

proc_name = "bantin"


def post_worker_init(worker):
    """Move everything the app loaded at start out of the garbage collector's sight: full collections
    then walk only what requests create, which removes their 15–50 ms pauses from searches."""
    import gc

    gc.freeze()
