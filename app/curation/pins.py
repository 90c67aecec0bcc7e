"""Stories pinned at the top of a section's page: pinning and their order, and the section page built on them.

A pin only points at an article: what a reader sees still goes through the one visibility rule, so a
pinned story that is later unpublished (or moved to another section) silently drops off the page.
"""

from flask import abort
from flask_babel import gettext as _
from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload

from app.accounts.models import User
from app.articles.models import Article
from app.articles.queries import in_sections, is_public, listed, listing_total, public_articles_by_id
from app.audit.services import record
from app.core.db import write_transaction
from app.core.errors import Conflict, InvalidInput
from app.core.pagination import PageOfItems
from app.curation.models import SectionPin
from app.extensions import db
from app.sections.models import Section
from app.sections.queries import ids_with_descendants

SEARCH_RESULTS = 20


def pinned_stories(section: Section) -> list[Article]:
    """The section's public pinned stories still in its tree, in editors' order (one statement)."""
    statement = (
        public_articles_by_id()
        .join(SectionPin, SectionPin.article_id == Article.id)
        .where(SectionPin.section_id == section.id, Article.section_id.in_(ids_with_descendants(section)))
        .order_by(SectionPin.position, SectionPin.id)
    )
    return list(db.session.scalars(statement).unique())


def section_page(section: Section, *, page: int, per_page: int) -> PageOfItems:
    """One page of a section: its pinned stories first, then the latest, each story once.

    The pages read as one list (pins, then the rest newest first) cut every `per_page` items, so the
    pins sit on page 1 (and on later pages only if editors pinned more than a page), no story shows
    twice, and the total is simply the section's public articles. Three statements whatever the page.
    """
    pins = pinned_stories(section)
    articles = in_sections(ids_with_descendants(section))
    total = listing_total(articles, ("section", section.id))
    if page > 1 and (page - 1) * per_page >= total:
        abort(404)
    start = (page - 1) * per_page
    shown_pins = pins[start : start + per_page]
    rest = articles
    if pins:
        rest = rest.where(Article.id.not_in([article.id for article in pins]))
    offset = max(0, start - len(pins))
    latest = listed(
        rest, per_page - len(shown_pins), offset=offset, listing_key=("section-after-pins", section.id)
    )
    return PageOfItems(page=page, per_page=per_page, items=shown_pins + latest, total=total)


def pins_of(section: Section) -> list[SectionPin]:
    """Every pin of a section for the back office, whatever its article's state, in editors' order."""
    return list(
        db.session.scalars(
            select(SectionPin)
            .where(SectionPin.section_id == section.id)
            .options(joinedload(SectionPin.article).joinedload(Article.section))
            .order_by(SectionPin.position, SectionPin.id)
        )
    )


def pin_counts() -> dict[int, int]:
    """How many pins each section holds (the back office's list of sections)."""
    counted = select(SectionPin.section_id, func.count()).group_by(SectionPin.section_id)
    return dict(db.session.execute(counted).all())


def pin_candidates(section: Section, text: str) -> list[Article]:
    """Public articles of the section's tree whose title contains `text`, newest first, not yet pinned."""
    pinned = select(SectionPin.article_id).where(SectionPin.section_id == section.id)
    statement = in_sections(ids_with_descendants(section)).where(Article.id.not_in(pinned))
    if text:
        statement = statement.where(Article.title.icontains(text, autoescape=True))
    return listed(statement, SEARCH_RESULTS)


def section_tree_ids(section_id: int) -> list[int]:
    """A section's id and its sub-sections' ids, read afresh (a write checks against the stored tree)."""
    return list(
        db.session.scalars(
            select(Section.id).where(or_(Section.id == section_id, Section.parent_id == section_id))
        )
    )


def get_pin_or_404(section: Section, pin_id: int) -> SectionPin:
    pin = db.session.get(SectionPin, pin_id)
    if pin is None or pin.section_id != section.id:
        abort(404)
    return pin


def pin_story(section: Section, article: Article, *, actor: User | None) -> SectionPin:
    """Pin a public story of the section (or of one of its sub-sections) after the section's other pins."""
    with write_transaction():
        public = db.session.scalar(select(Article.id).where(Article.id == article.id, is_public()))
        if public is None:
            raise InvalidInput("article_id", _("Only a published article can be pinned."))
        if article.section_id not in section_tree_ids(section.id):
            raise InvalidInput(
                "article_id",
                _("“%(title)s” is not in “%(section)s”.", title=article.title, section=section.name),
            )
        taken = db.session.scalar(
            select(SectionPin.id).where(
                SectionPin.section_id == section.id, SectionPin.article_id == article.id
            )
        )
        if taken is not None:
            raise Conflict("article_id", _("“%(title)s” is already pinned here.", title=article.title))
        last = db.session.scalar(
            select(func.max(SectionPin.position)).where(SectionPin.section_id == section.id)
        )
        pin = SectionPin(
            section_id=section.id,
            article_id=article.id,
            position=(last or 0) + 1,
            pinned_by_id=actor.id if actor else None,
        )
        db.session.add(pin)
        db.session.flush()
        record("section.pin", section, actor=actor, summary=f"#{article.id} {article.title}")
    return pin


def unpin_story(pin: SectionPin, *, actor: User | None) -> None:
    section, article = db.session.get(Section, pin.section_id), pin.article
    with write_transaction():
        db.session.delete(pin)
        record("section.unpin", section, actor=actor, summary=f"#{article.id} {article.title}")


def move_pin(pin: SectionPin, direction: str, *, actor: User | None) -> bool:
    """Swap a pin with the previous or next one; the section's pins are renumbered 1, 2, 3… together.

    Returns False when it is already first (or last) and nothing changed.
    """
    if direction not in ("up", "down"):
        raise InvalidInput("direction", _("Unknown direction."))
    section = db.session.get(Section, pin.section_id)
    with write_transaction():
        ordered = pins_of(section)
        index = [each.id for each in ordered].index(pin.id)
        pin = ordered[index]
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(ordered):
            return False
        ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, each in enumerate(ordered, start=1):
            each.position = position
        record(
            "section.reorder_pins",
            section,
            actor=actor,
            summary=f"{direction}: #{pin.article_id} {pin.article.title} → {pin.position}",
        )
    return True
