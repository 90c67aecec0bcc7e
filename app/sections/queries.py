"""Reading sections: the menu, the home-page and sidebar boxes, one section by slug."""

from flask import abort
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from app.articles.models import Article
from app.extensions import db
from app.sections.models import Section

RESERVED_SLUGS = frozenset(
    {"admin", "api", "bai-viet", "captcha", "media", "phong-trao", "static", "tim-kiem", "tu-khoa"}
)


def menu_sections() -> list[Section]:
    """Top-level sections shown in the main menu, in editors' order."""
    return list(
        db.session.scalars(
            select(Section)
            .where(Section.parent_id.is_(None), Section.in_menu.is_(True))
            .order_by(Section.position, Section.id)
        )
    )


def home_block_sections() -> list[Section]:
    """Sections with a home-page block, in the order editors gave the blocks (then the menu order)."""
    return list(db.session.scalars(HOME_BLOCK_SECTIONS))


# Read on every home page: built once.
HOME_BLOCK_SECTIONS = (
    select(Section)
    .where(Section.on_home.is_(True))
    .options(selectinload(Section.children))
    .order_by(Section.home_position, Section.position, Section.id)
)


def sidebar_sections() -> list[Section]:
    """Sections with a sidebar box, in the order editors gave the boxes (then the menu order)."""
    return list(
        db.session.scalars(
            select(Section)
            .where(Section.in_sidebar.is_(True))
            .order_by(Section.sidebar_position, Section.position, Section.id)
        )
    )


def get_section_by_slug_or_404(slug: str) -> Section:
    """The section with its parent, sub-sections and banner loaded (the page shows them)."""
    section = db.session.scalar(
        select(Section)
        .where(Section.slug == slug)
        .options(selectinload(Section.children), selectinload(Section.parent), joinedload(Section.banner))
    )
    if section is None:
        abort(404)
    return section


def ids_with_descendants(section: Section) -> list[int]:
    """A section's id and its sub-sections' ids (two levels at most), whose articles it lists."""
    return [section.id, *(child.id for child in section.children)]


def section_tree() -> list[Section]:
    """Top-level sections in editors' order, each with its sub-sections loaded: the back-office tree."""
    return list(
        db.session.scalars(
            select(Section)
            .where(Section.parent_id.is_(None))
            .options(selectinload(Section.children))
            .order_by(Section.position, Section.id)
        )
    )


def top_level_sections(*, excluding: Section | None = None) -> list[Section]:
    """The sections that may be a parent (the tree has two levels), a section itself left out."""
    statement = select(Section).where(Section.parent_id.is_(None)).order_by(Section.position, Section.id)
    if excluding is not None and excluding.id is not None:
        statement = statement.where(Section.id != excluding.id)
    return list(db.session.scalars(statement))


def siblings(parent_id: int | None) -> list[Section]:
    """The sections sharing a parent (or the top level), in their current order."""
    same_parent = Section.parent_id.is_(None) if parent_id is None else Section.parent_id == parent_id
    return list(db.session.scalars(select(Section).where(same_parent).order_by(Section.position, Section.id)))


def article_counts() -> dict[int, int]:
    """How many articles (any status) each section holds, drafts included: they block deletion too."""
    counted = select(Article.section_id, func.count()).group_by(Article.section_id)
    return dict(db.session.execute(counted).all())


def count_articles(section: Section) -> int:
    return db.session.scalar(select(func.count()).where(Article.section_id == section.id)) or 0


def slug_in_use(slug: str, *, excluding: Section | None = None) -> bool:
    statement = select(Section.id).where(Section.slug == slug)
    if excluding is not None and excluding.id is not None:
        statement = statement.where(Section.id != excluding.id)
    return db.session.scalar(statement) is not None


def get_section_or_404(section_id: int) -> Section:
    return db.get_or_404(Section, section_id)
