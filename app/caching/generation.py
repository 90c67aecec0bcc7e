"""Keeping the content generation exact: bumped inside the very transaction that changes public content.

Whatever code path changes what a reader can see (a service's flush, a bulk UPDATE, a migration-free
data fix through the ORM), the generation moves with it and commits or rolls back with it. Changes that
no reader sees (audit events, revisions, autosaves, captcha challenges, staff accounts, pending
comments) leave it alone, so a busy back office does not empty the cache for nothing.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import Connection, event, func, insert, inspect, select, update
from sqlalchemy.orm import Session

from app.articles.models import Article, ArticleStatus
from app.caching.models import STATE_ID, ContentState
from app.comments.models import Comment, CommentStatus
from app.core.dates import local_to_utc, to_local, utcnow
from app.core.db import write_transaction
from app.extensions import db

# Tables whose rows never reach a public page, feed or API answer.
PRIVATE_TABLES = frozenset(
    {
        "audit_events",
        "autosaves",
        "captcha_challenges",
        "content_state",
        "notifications",
        "recovery_codes",
        "revisions",
        "search_documents",  # derived from articles, whose own change already counts
        "users",
    }
)

# Links rewritten only by an article's save, which flushes the article itself: its status decides.
FOLLOWS_ITS_ARTICLE = frozenset({"related_articles"})


@dataclass(frozen=True)
class Generation:
    number: int
    changed_at: datetime
    next_due_at: datetime | None = None

    def is_due(self) -> bool:
        """Whether the public site has changed by itself (a scheduled time passed) since this bump."""
        return self.next_due_at is None or self.next_due_at <= utcnow()


# Read on every request: built once, as building it cost more than running it.
CURRENT = select(ContentState.generation, ContentState.changed_at, ContentState.next_due_at).where(
    ContentState.id == STATE_ID
)


def current() -> Generation:
    """The generation now; when a scheduled change has come due since the last bump, bump first."""
    row = db.session.execute(CURRENT).one_or_none()
    state = None if row is None else Generation(*row)
    if state is None or state.is_due():
        with write_transaction():
            bump(db.session.connection())
        return current()
    return state


def bump(connection: Connection, now: datetime | None = None) -> None:
    """Move to a new generation (creating the state row if a bare schema lacks it)."""
    now = now or utcnow()
    values = {"changed_at": now, "next_due_at": next_due_at(connection, now)}
    updated = connection.execute(
        update(ContentState)
        .where(ContentState.id == STATE_ID)
        .values(generation=ContentState.generation + 1, **values)
    )
    if updated.rowcount == 0:
        connection.execute(insert(ContentState).values(id=STATE_ID, generation=1, **values))


def next_due_at(connection: Connection, now: datetime) -> datetime:
    """When the public site next changes with nobody touching it: the next scheduled article going
    live, or the next local midnight (the masthead's date, campaign statuses, "today" in lists)."""
    midnight = local_to_utc(to_local(now).date() + timedelta(days=1), time(0))
    scheduled = connection.scalar(
        select(func.min(Article.published_at)).where(
            Article.status == ArticleStatus.PUBLISHED, Article.published_at > now
        )
    )
    return min(scheduled, midnight) if scheduled else midnight


def install() -> None:
    """Listen on every session (once per process): flushes and bulk statements that touch public
    content bump."""
    for name, listener in (("after_flush", after_flush), ("do_orm_execute", on_orm_execute)):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


def after_flush(session: Session, _flush_context) -> None:
    if any(changes_public_content(session, instance) for instance in flushed(session)):
        bump(session.connection())


def flushed(session: Session):
    yield from session.new
    yield from session.dirty
    yield from session.deleted


def changes_public_content(session: Session, instance) -> bool:
    table = getattr(instance, "__tablename__", None)
    if table is None or table in PRIVATE_TABLES:
        return False
    changed = instance in session.new or instance in session.deleted or session.is_modified(instance)
    if changed and type(instance) in PUBLIC_STATUS:
        return was_or_is_public(instance)
    return changed


# Rows that readers see only in one status: a draft saved or a comment queued shows nowhere, so it
# leaves the cache alone; publishing, unpublishing, approving, and any change to what is public bump.
PUBLIC_STATUS = {Article: ArticleStatus.PUBLISHED, Comment: CommentStatus.APPROVED}


def was_or_is_public(instance) -> bool:
    public = PUBLIC_STATUS[type(instance)]
    earlier = inspect(instance).attrs.status.history.deleted
    return instance.status == public or public in earlier


def on_orm_execute(state) -> None:
    """Bulk INSERT/UPDATE/DELETE through the session (no flush sees those) bump before they run."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if table is not None and table.name not in PRIVATE_TABLES | FOLLOWS_ITS_ARTICLE:
        bump(state.session.connection())
