"""Reading sections: the menu, the home-page and sidebar boxes, one section by slug."""

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import selectinload

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
    return list(
        db.session.scalars(
            select(Section)
            .where(Section.on_home.is_(True))
            .options(selectinload(Section.children))
            .order_by(Section.position)
        )
    )


def sidebar_sections() -> list[Section]:
    return list(
        db.session.scalars(select(Section).where(Section.in_sidebar.is_(True)).order_by(Section.position))
    )


def get_section_by_slug_or_404(slug: str) -> Section:
    """The section with its parent and sub-sections loaded (the page shows both)."""
    section = db.session.scalar(
        select(Section)
        .where(Section.slug == slug)
        .options(selectinload(Section.children), selectinload(Section.parent))
    )
    if section is None:
        abort(404)
    return section


def ids_with_descendants(section: Section) -> list[int]:
    """A section's id and its sub-sections' ids (two levels at most), whose articles it lists."""
    return [section.id, *(child.id for child in section.children)]
