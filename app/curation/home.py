"""The home page as editors arrange it: the picked top story and Tiêu điểm, the order of blocks and boxes.

A pick never bypasses the visibility rule: the public side joins picks with is_public(), so a story
that is unpublished (or not yet due) after being picked silently gives its slot back to the latest.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from app.accounts.models import User
from app.articles import queries as articles
from app.articles.models import Article
from app.articles.workflow import state_of
from app.audit.services import record
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.core.errors import Conflict, InvalidInput
from app.curation.models import FOCUS_SLOTS, TOP_STORY_SLOT, HomePick
from app.extensions import db
from app.search.queries import suggest
from app.sections.models import Section
from app.sections.queries import home_block_sections, sidebar_sections

SLOTS = (TOP_STORY_SLOT, *FOCUS_SLOTS)
CANDIDATES = 10
SLOT_LABELS = {
    TOP_STORY_SLOT: _l("Top story"),
    1: _l("In focus 1"),
    2: _l("In focus 2"),
    3: _l("In focus 3"),
    4: _l("In focus 4"),
}
NOT_SHOWN_REASONS = {
    "unpublished": _l("the story was unpublished"),
    "scheduled": _l("the story is scheduled and not public yet"),
    "draft": _l("the story is not published"),
}


@dataclass
class HomeStories:
    """The stories at the top of the home page by slot: public picks, the latest elsewhere."""

    by_slot: dict[int, Article]
    picked_slots: frozenset[int]

    @property
    def shown(self) -> list[Article]:
        """The stories in slot order; with too few public stories the empty slots close up."""
        return [self.by_slot[slot] for slot in SLOTS if slot in self.by_slot]

    @property
    def top(self) -> Article | None:
        return next(iter(self.shown), None)

    @property
    def focus(self) -> list[Article]:
        return self.shown[1:]

    @property
    def shown_ids(self) -> tuple[int, ...]:
        return tuple(article.id for article in self.shown)


def public_picks(now: datetime | None = None) -> dict[int, Article]:
    """Slot → picked article, for picks whose article is public now (one statement, teaser data joined)."""
    picked = db.session.execute(public_picks_statement(), {"now": now or utcnow()})
    return dict(picked.unique().all())


@cache
def public_picks_statement() -> Select:
    """Built once, as the home page runs it on every view."""
    return (
        select(HomePick.slot, Article)
        .join(Article, Article.id == HomePick.article_id)
        .where(articles.is_public_row(articles.now_parameter()))  # driven by the picks, not the status index
        .options(joinedload(Article.section), joinedload(Article.cover))
    )


def home_stories() -> HomeStories:
    """The top story and Tiêu điểm: each slot's public pick, or else the next featured/latest story.

    The fallbacks are the list the page always showed (featured first, then the latest), minus
    the picked stories, so nothing appears twice.
    """
    picks = public_picks()
    picked_ids = {article.id for article in picks.values()}
    fallback = (
        article for article in articles.featured(len(SLOTS) + len(picks)) if article.id not in picked_ids
    )
    by_slot: dict[int, Article] = {}
    for slot in SLOTS:
        article = picks.get(slot) or next(fallback, None)
        if article is not None:
            by_slot[slot] = article
    return HomeStories(by_slot=by_slot, picked_slots=frozenset(picks))


@dataclass
class SlotView:
    """One slot on the curation page: the editor's pick, why it is not shown, the story shown instead."""

    slot: int
    label: str
    pick: Article | None
    shown: Article | None
    reason: str = ""

    @property
    def automatic(self) -> bool:
        return self.pick is None or bool(self.reason)


def slot_overview() -> list[SlotView]:
    """The five slots with their picks (any status) and the story the public page shows in each."""
    picks = {
        pick.slot: pick.article
        for pick in db.session.scalars(
            select(HomePick).options(joinedload(HomePick.article).joinedload(Article.section))
        )
    }
    stories = home_stories()
    now = utcnow()
    views = []
    for slot in SLOTS:
        pick = picks.get(slot)
        reason = ""
        if pick is not None and slot not in stories.picked_slots:
            reason = str(NOT_SHOWN_REASONS.get(state_of(pick, now), NOT_SHOWN_REASONS["draft"]))
        views.append(SlotView(slot, str(SLOT_LABELS[slot]), pick, stories.by_slot.get(slot), reason))
    return views


def pick_candidates(text: str) -> list[Article]:
    """Public stories an editor may pick for `text`, best first: the search service's matches (accents
    optional), else a plain title match (the index may lag behind on a site restored from a backup)."""
    text = text.strip()
    if not text:
        return []
    found = suggest(text, limit=CANDIDATES)
    if found:
        return found
    return articles.listed(
        articles.public_articles().where(Article.title.icontains(text, autoescape=True)), CANDIDATES
    )


def get_article(article_id: int) -> Article | None:
    return db.session.get(Article, article_id)


def reordered(ids: list[int], index: int, direction: str) -> list[int]:
    """The order an up or down button asks for: `ids` with the item at `index` moved one place."""
    other = index - 1 if direction == "up" else index + 1
    moved = list(ids)
    if 0 <= index < len(moved) and 0 <= other < len(moved):
        moved[index], moved[other] = moved[other], moved[index]
    return moved


def pick_for_home(article: Article, slot: int, *, actor: User | None) -> HomePick:
    """Put a public story in a home-page slot (0: top story, 1–4: Tiêu điểm).

    A story holds one slot only: picking it for another slot moves it. The story that held the
    slot leaves the picks (it may still appear among the latest).
    """
    if slot not in SLOTS:
        raise InvalidInput("slot", _("There is no such place on the home page."))
    with write_transaction():
        _check_public(article)
        previous = db.session.scalar(select(HomePick).where(HomePick.article_id == article.id))
        if previous is not None and previous.slot == slot:
            return previous
        holder = db.session.get(HomePick, slot)
        summary = [f"slot {slot}: {article.title}"]
        if previous is not None:
            summary.append(f"moved from slot {previous.slot}")
            db.session.delete(previous)
        if holder is not None:
            summary.append(f"replaces article #{holder.article_id}")
            db.session.delete(holder)
        db.session.flush()
        pick = HomePick(
            slot=slot, article_id=article.id, picked_by_id=actor.id if actor else None, picked_at=utcnow()
        )
        db.session.add(pick)
        record("homepage.pick", article, actor=actor, summary="; ".join(summary))
    return pick


def unpick(slot: int, *, actor: User | None) -> Article | None:
    """Empty a slot (the latest stories fill it again); returns the story taken out, None if it was empty."""
    if slot not in SLOTS:
        raise InvalidInput("slot", _("There is no such place on the home page."))
    with write_transaction():
        pick = db.session.get(HomePick, slot)
        if pick is None:
            return None
        article = pick.article
        db.session.delete(pick)
        record("homepage.unpick", article, actor=actor, summary=f"slot {slot}: {article.title}")
    return article


def order_home_blocks(section_ids: list[int], *, actor: User | None) -> bool:
    """Order the home page's section blocks as listed; returns whether anything moved."""
    return _order(section_ids, home_block_sections, "home_position", "home block", actor=actor)


def order_sidebar_boxes(section_ids: list[int], *, actor: User | None) -> bool:
    """Order the sidebar's section boxes as listed; returns whether anything moved."""
    return _order(section_ids, sidebar_sections, "sidebar_position", "sidebar box", actor=actor)


def _order(
    section_ids: list[int],
    current: Callable[[], list[Section]],
    attribute: str,
    place: str,
    *,
    actor: User | None,
) -> bool:
    """Number the sections 1, 2, 3… in the given order, auditing each one whose place changed.

    The list must hold exactly the sections shown there now: a page opened before someone else
    changed them is refused rather than half applied.
    """
    with write_transaction():
        sections = current()
        before = [section.id for section in sections]
        if len(section_ids) != len(set(section_ids)) or set(section_ids) != set(before):
            raise Conflict(
                "section_ids", _("The list of sections has changed meanwhile. Please reload the page.")
            )
        by_id = {section.id: section for section in sections}
        for position, section_id in enumerate(section_ids, start=1):
            setattr(by_id[section_id], attribute, position)
            was = before.index(section_id) + 1
            if was != position:
                record(
                    "homepage.reorder", by_id[section_id], actor=actor, summary=f"{place}: {was} → {position}"
                )
    return section_ids != before


def _check_public(article: Article) -> None:
    """Only a story readers can see now may be picked (the one visibility rule, asked of the database)."""
    public = db.session.scalar(select(Article.id).where(Article.id == article.id, articles.is_public()))
    if public is not None:
        return
    if state_of(article) == "scheduled":
        raise InvalidInput(
            "article_id",
            _("This article is scheduled and not public yet; it can be placed once it is published."),
        )
    raise InvalidInput("article_id", _("Only a published article can be placed on the home page."))
