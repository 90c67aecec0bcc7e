"""Writing sections: create, edit, reorder and delete; every change is audited."""

from dataclasses import dataclass, replace

from flask_babel import gettext as _
from flask_babel import ngettext

from app.accounts.models import User
from app.audit.services import record
from app.core.db import write_transaction
from app.core.errors import Conflict, InvalidInput
from app.core.text import clean_line, nfc, slugify
from app.extensions import db
from app.media.services import add_uploaded_image, prepared_image
from app.sections import queries
from app.sections.models import Section, SectionKind

NAME_MAX_LENGTH = 120
SLUG_MAX_LENGTH = 120
DESCRIPTION_MAX_LENGTH = 2000
AUDITED_FIELDS = ("name", "slug", "description", "kind", "parent_id", "in_menu", "on_home", "in_sidebar")


@dataclass
class SectionInput:
    """A section's editable fields as plain values; `banner` holds the bytes of a new upload."""

    name: str
    slug: str = ""
    description: str = ""
    kind: str = SectionKind.NEWS.value
    parent_id: int | None = None
    in_menu: bool = True
    on_home: bool = False
    in_sidebar: bool = False
    banner: bytes | None = None
    remove_banner: bool = False


def create_section(data: SectionInput, *, actor: User | None) -> Section:
    """A new section, placed last among its siblings."""
    data = replace(data, banner=prepared_image(data.banner, field="banner"))
    with write_transaction():
        values = _validated(data, None)
        section = Section(**values, position=_next_position(values["parent_id"]))
        _apply_banner(section, data, actor)
        db.session.add(section)
        db.session.flush()
        record("section.create", section, actor=actor, summary=f"{section.name} (/{section.slug}/)")
    return section


def update_section(section: Section, data: SectionInput, *, actor: User | None) -> Section:
    """Save a section's fields; moving it to another parent puts it last there and closes the gap it left."""
    data = replace(data, banner=prepared_image(data.banner, field="banner"))
    with write_transaction():
        values = _validated(data, section)
        before = {name: getattr(section, name) for name in AUDITED_FIELDS}
        old_parent_id = section.parent_id
        for name, value in values.items():
            setattr(section, name, value)
        if section.parent_id != old_parent_id:
            db.session.flush()
            _renumber(
                [other for other in queries.siblings(section.parent_id) if other is not section] + [section]
            )
            _renumber(queries.siblings(old_parent_id))
        banner_changed = _apply_banner(section, data, actor)
        changes = [_describe_change(name, before[name], values[name]) for name in AUDITED_FIELDS]
        changes = [change for change in changes if change]
        if banner_changed:
            changes.append("banner")
        record("section.update", section, actor=actor, summary="; ".join(changes) or section.name)
    return section


def move_section(section: Section, *, direction: str, actor: User | None) -> bool:
    """Swap a section with its previous or next sibling; siblings are renumbered 1, 2, 3… together.

    Returns False when it is already first (or last) and nothing changed.
    """
    if direction not in ("up", "down"):
        raise InvalidInput("direction", _("Unknown direction."))
    with write_transaction():
        ordered = queries.siblings(section.parent_id)
        index = ordered.index(section)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(ordered):
            _renumber(ordered)
            return False
        ordered[index], ordered[other] = ordered[other], ordered[index]
        _renumber(ordered)
        record(
            "section.move", section, actor=actor, summary=f"{direction}: {section.name} → {section.position}"
        )
    return True


def delete_section(section: Section, *, actor: User | None) -> None:
    """Delete an empty section; one that still holds articles or sub-sections is refused (409)."""
    with write_transaction():
        articles = queries.count_articles(section)
        if articles:
            raise Conflict(
                None,
                ngettext(
                    "“%(name)s” still holds %(num)d article. Move it to another section before deleting.",
                    "“%(name)s” still holds %(num)d articles. Move them to another section before deleting.",
                    articles,
                    name=section.name,
                ),
            )
        if section.children:
            raise Conflict(
                None,
                _("“%(name)s” has sub-sections. Move or delete them before deleting it.", name=section.name),
            )
        parent_id = section.parent_id
        record("section.delete", section, actor=actor, summary=f"{section.name} (/{section.slug}/)")
        db.session.delete(section)
        db.session.flush()
        _renumber(queries.siblings(parent_id))


def _validated(data: SectionInput, section: Section | None) -> dict:
    """Checked, normalised values for the section's columns, or InvalidInput naming the field."""
    name = clean_line(data.name)
    if not name:
        raise InvalidInput("name", _("Please enter a name."))
    if len(name) > NAME_MAX_LENGTH:
        raise InvalidInput("name", _("The name must be at most %(max)d characters.", max=NAME_MAX_LENGTH))
    slug = slugify(clean_line(data.slug) or name, max_length=SLUG_MAX_LENGTH)
    if not slug:
        raise InvalidInput("slug", _("The address needs at least one letter or digit."))
    if slug in queries.RESERVED_SLUGS:
        raise InvalidInput(
            "slug", _("The address “%(slug)s” is used by the site itself. Please choose another.", slug=slug)
        )
    if queries.slug_in_use(slug, excluding=section):
        raise Conflict("slug", _("Another section already uses the address “%(slug)s”.", slug=slug))
    description = nfc((data.description or "").strip())
    if len(description) > DESCRIPTION_MAX_LENGTH:
        raise InvalidInput(
            "description",
            _("The description must be at most %(max)d characters.", max=DESCRIPTION_MAX_LENGTH),
        )
    try:
        kind = SectionKind(data.kind)
    except ValueError:
        raise InvalidInput("kind", _("Please choose a kind from the list.")) from None
    return {
        "name": name,
        "slug": slug,
        "description": description,
        "kind": kind,
        "parent_id": _checked_parent_id(data.parent_id, section),
        "in_menu": bool(data.in_menu),
        "on_home": bool(data.on_home),
        "in_sidebar": bool(data.in_sidebar),
    }


def _checked_parent_id(parent_id: int | None, section: Section | None) -> int | None:
    """The tree has two levels: a parent must be top-level, and not the section or its own child."""
    if parent_id is None:
        return None
    parent = db.session.get(Section, parent_id)
    if parent is None:
        raise InvalidInput("parent_id", _("Please choose a parent section from the list."))
    if section is not None:
        if parent.id == section.id:
            raise InvalidInput("parent_id", _("A section cannot be its own parent."))
        if parent.parent_id == section.id:
            raise InvalidInput(
                "parent_id", _("A section cannot be placed under one of its own sub-sections.")
            )
        if section.children:
            raise InvalidInput(
                "parent_id", _("This section has sub-sections, so it must stay at the top level.")
            )
    if parent.parent_id is not None:
        raise InvalidInput(
            "parent_id", _("Sections have two levels at most: choose a top-level section as the parent.")
        )
    return parent.id


def _apply_banner(section: Section, data: SectionInput, actor: User | None) -> bool:
    """Store a new banner or drop the current one; True when the banner changed."""
    if data.banner:
        section.banner = add_uploaded_image(data.banner, field="banner", alt=section.name, uploaded_by=actor)
        return True
    if data.remove_banner and section.banner_id is not None:
        section.banner = None
        return True
    return False


def _next_position(parent_id: int | None) -> int:
    return max((sibling.position for sibling in queries.siblings(parent_id)), default=0) + 1


def _renumber(ordered: list[Section]) -> None:
    for position, sibling in enumerate(ordered, start=1):
        sibling.position = position


def _describe_change(name: str, before, after) -> str:
    before, after = (getattr(value, "value", value) for value in (before, after))
    if before == after:
        return ""
    if name == "description":
        return name
    return f"{name}: {before} → {after}"
