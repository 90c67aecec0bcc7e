"""Story threads ("Theo dòng sự kiện"): editors group articles; each public article lists the others.

Editors may put articles of any status in a thread ahead of time; readers only ever see its public ones.
"""

from dataclasses import dataclass
from functools import cache

from flask import abort
from flask_babel import gettext as _
from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import aliased, joinedload

from app.accounts.models import User
from app.articles.models import Article
from app.articles.queries import ArticleLink, article_links, is_public, newest_first, now_parameter
from app.audit.services import record
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.core.errors import Conflict, InvalidInput
from app.core.text import clean_line, slugify, unique_slug
from app.curation.models import StoryThread, ThreadEntry
from app.extensions import db

MAX_TITLE_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 2000
PAGE_LIST_SIZE = 10
SEARCH_RESULTS = 20


@dataclass
class ThreadBox:
    """What an article page shows of its thread: its title and its other public articles, newest first."""

    title: str
    articles: list[ArticleLink]


def thread_box(article: Article, *, limit: int = PAGE_LIST_SIZE) -> ThreadBox | None:
    """The article's thread with its other public articles, in one statement of plain rows; None when
    there is none."""
    parameters = {"article_id": article.id, "now": utcnow(), "limit": limit}
    rows = db.session.execute(thread_box_statement(), parameters).all()
    if not rows:
        return None
    return ThreadBox(title=rows[0].thread_title, articles=[ArticleLink(*row[:-1]) for row in rows])


@cache
def thread_box_statement() -> Select:
    """Built once, as the article page runs it on every view."""
    mine = aliased(ThreadEntry)
    return newest_first(
        article_links()
        .add_columns(StoryThread.title.label("thread_title"))
        .join(ThreadEntry, ThreadEntry.article_id == Article.id)
        .join(mine, mine.thread_id == ThreadEntry.thread_id)
        .join(StoryThread, StoryThread.id == ThreadEntry.thread_id)
        .where(
            mine.article_id == bindparam("article_id"),
            Article.id != bindparam("article_id"),
            is_public(now_parameter()),
        )
    ).limit(bindparam("limit"))


def threads_newest_first():
    """The back-office list of threads, the newest first (a statement to paginate)."""
    return select(StoryThread).order_by(StoryThread.created_at.desc(), StoryThread.id.desc())


def entry_counts(thread_ids: list[int]) -> dict[int, int]:
    counted = (
        select(ThreadEntry.thread_id, func.count())
        .where(ThreadEntry.thread_id.in_(thread_ids))
        .group_by(ThreadEntry.thread_id)
    )
    return dict(db.session.execute(counted).all())


def get_thread_or_404(thread_id: int) -> StoryThread:
    return db.get_or_404(StoryThread, thread_id)


def entries_of(thread: StoryThread) -> list[ThreadEntry]:
    """A thread's articles in every status for the back office, the newest publication first, then drafts."""
    return list(
        db.session.scalars(
            select(ThreadEntry)
            .join(Article, Article.id == ThreadEntry.article_id)
            .where(ThreadEntry.thread_id == thread.id)
            .options(joinedload(ThreadEntry.article).joinedload(Article.section))
            .order_by(Article.published_at.desc().nulls_first(), ThreadEntry.id.desc())
        )
    )


def get_entry_or_404(thread: StoryThread, entry_id: int) -> ThreadEntry:
    entry = db.session.get(ThreadEntry, entry_id)
    if entry is None or entry.thread_id != thread.id:
        abort(404)
    return entry


def thread_candidates(thread: StoryThread, text: str) -> list[tuple[Article, StoryThread | None]]:
    """Articles of any status whose title contains `text`, newest first, not in this thread yet,
    each with the thread it follows now (adding it moves it)."""
    statement = (
        select(Article, StoryThread)
        .outerjoin(ThreadEntry, ThreadEntry.article_id == Article.id)
        .outerjoin(StoryThread, StoryThread.id == ThreadEntry.thread_id)
        .where(ThreadEntry.thread_id.is_(None) | (ThreadEntry.thread_id != thread.id))
        .options(joinedload(Article.section))
        .order_by(Article.created_at.desc(), Article.id.desc())
        .limit(SEARCH_RESULTS)
    )
    if text:
        statement = statement.where(Article.title.icontains(text, autoescape=True))
    return [(article, current) for article, current in db.session.execute(statement).all()]


def slug_taken(slug: str) -> bool:
    return db.session.scalar(select(StoryThread.id).where(StoryThread.slug == slug)) is not None


def _checked(title: str, description: str) -> tuple[str, str]:
    title, description = clean_line(title), (description or "").strip()
    if not title:
        raise InvalidInput("title", _("Please enter a title."))
    if len(title) > MAX_TITLE_LENGTH:
        raise InvalidInput("title", _("The title must be at most %(max)d characters.", max=MAX_TITLE_LENGTH))
    if len(description) > MAX_DESCRIPTION_LENGTH:
        raise InvalidInput(
            "description",
            _("The description must be at most %(max)d characters.", max=MAX_DESCRIPTION_LENGTH),
        )
    return title, description


def create_thread(*, title: str, description: str, actor: User | None) -> StoryThread:
    """A new thread; its address is built from the title (`dong-su-kien` when the title has no letters)."""
    title, description = _checked(title, description)
    with write_transaction():
        slug = unique_slug(slugify(title, max_length=MAX_TITLE_LENGTH, fallback="dong-su-kien"), slug_taken)
        thread = StoryThread(title=title, slug=slug, description=description)
        db.session.add(thread)
        db.session.flush()
        record("thread.create", thread, actor=actor, summary=title)
    return thread


def update_thread(thread: StoryThread, *, title: str, description: str, actor: User | None) -> StoryThread:
    """Rename or re-describe a thread; its address stays the same."""
    title, description = _checked(title, description)
    with write_transaction():
        before = thread.title
        thread.title, thread.description = title, description
        record(
            "thread.update", thread, actor=actor, summary=f"{before} → {title}" if before != title else title
        )
    return thread


def delete_thread(thread: StoryThread, *, actor: User | None) -> None:
    """Delete a thread; its articles stay as they are, they just no longer list each other."""
    with write_transaction():
        record("thread.delete", thread, actor=actor, summary=thread.title)
        db.session.delete(thread)


def add_to_thread(thread: StoryThread, article: Article, *, actor: User | None) -> StoryThread | None:
    """Put an article in a thread; one that follows another thread moves here (an article follows one).

    Returns the thread it was taken from, if any.
    """
    with write_transaction():
        entry = db.session.scalar(select(ThreadEntry).where(ThreadEntry.article_id == article.id))
        previous = None
        if entry is not None:
            if entry.thread_id == thread.id:
                raise Conflict("article_id", _("“%(title)s” is already in this thread.", title=article.title))
            previous = entry.thread
            record(
                "thread.remove",
                previous,
                actor=actor,
                summary=f"#{article.id} {article.title} → {thread.title}",
            )
            entry.thread, entry.added_at = thread, utcnow()
            db.session.flush()
        else:
            db.session.add(ThreadEntry(thread_id=thread.id, article_id=article.id))
        summary = f"#{article.id} {article.title}" + (f" ← {previous.title}" if previous else "")
        record("thread.add", thread, actor=actor, summary=summary)
    return previous


def remove_from_thread(entry: ThreadEntry, *, actor: User | None) -> None:
    with write_transaction():
        record(
            "thread.remove", entry.thread, actor=actor, summary=f"#{entry.article_id} {entry.article.title}"
        )
        db.session.delete(entry)
