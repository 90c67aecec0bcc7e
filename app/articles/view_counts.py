"""Counting article views without a database write per reading.

Each worker adds readings up in memory and writes them in one statement every
VIEW_COUNT_FLUSH_SECONDS (and when it exits), so a burst of readers costs the database one short
write per worker per interval instead of one per request. Cached pages count too: a cache hit replays
the view the page registered. A worker killed outright loses at most one interval of counts.
"""

import atexit
import logging
import time
from collections import Counter
from threading import Lock

from flask import Flask, current_app
from sqlalchemy import bindparam, update
from sqlalchemy.exc import OperationalError

from app.articles.models import Article
from app.caching.pages import page_served_from_cache, remember
from app.core.db import write_transaction
from app.extensions import db

log = logging.getLogger(__name__)
EXTENSION = "view_counts"


class ViewCounter:
    def __init__(self, flush_seconds: float):
        self.flush_seconds = flush_seconds
        self.pending: Counter[int] = Counter()
        self.lock = Lock()
        self.flushed_at = time.monotonic()

    def add(self, article_id: int) -> None:
        with self.lock:
            self.pending[article_id] += 1
            due = time.monotonic() - self.flushed_at >= self.flush_seconds
        if due:
            self.flush()

    def flush(self) -> None:
        """Write what is pending in one executemany UPDATE; on a busy database keep it for next time."""
        with self.lock:
            batch, self.pending = self.pending, Counter()
            self.flushed_at = time.monotonic()
        if not batch:
            return
        articles = Article.__table__
        rows = [{"article": article_id, "readings": count} for article_id, count in batch.items()]
        try:
            with write_transaction():
                db.session.connection().execute(
                    update(articles)
                    .where(articles.c.id == bindparam("article"))
                    # Keep updated_at: a reading is not an edit (the column would stamp itself).
                    .values(
                        view_count=articles.c.view_count + bindparam("readings"),
                        updated_at=articles.c.updated_at,
                    ),
                    rows,
                )
        except OperationalError:
            log.warning(
                "Could not write %d article view counts now; keeping them for the next flush.", len(rows)
            )
            with self.lock:
                self.pending.update(batch)


def init_app(app: Flask) -> None:
    counter = ViewCounter(app.config["VIEW_COUNT_FLUSH_SECONDS"])
    app.extensions[EXTENSION] = counter
    if not app.testing:
        atexit.register(flush_at_exit, app, counter)
    page_served_from_cache.connect(replay_view, sender=app)


def count_view(article_id: int) -> None:
    """Count one reading of this article, now and whenever its cached page is served."""
    remember(article_view=article_id)
    current_app.extensions[EXTENSION].add(article_id)


def replay_view(app: Flask, extras: dict) -> None:
    if "article_view" in extras:
        app.extensions[EXTENSION].add(extras["article_view"])


def flush_at_exit(app: Flask, counter: ViewCounter) -> None:
    with app.app_context():
        counter.flush()
        db.session.remove()
