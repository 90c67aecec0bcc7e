"""An article's revision history: the list, word-level diffs of two revisions, restoring one as a new save."""

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from difflib import SequenceMatcher

from flask import abort
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload

from app.accounts.models import User
from app.accounts.permissions import can
from app.articles.forms import FORMAT_LABELS
from app.articles.models import Article, ArticleFormat, Revision
from app.articles.services import input_from_snapshot, save_article
from app.articles.workflow import STATE_LABELS
from app.audit.services import record
from app.campaigns.profiles import profile_summary
from app.core.dates import format_vn
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.core.html import html_to_text
from app.extensions import db

# Words and line breaks: the diff works on words, and a paragraph break is a token of its own.
_TOKENS = re.compile(r"\n|[^\s]+")
PARAGRAPH_MARK = "¶"
CONTEXT_WORDS = 25

# (snapshot key, label, kind) in the order the diff page shows them.
# "words": a word-level diff; "set": added and removed names; "value": before → after.
FIELDS = (
    ("title", _l("Title"), "words"),
    ("slug", _l("Slug (web address)"), "words"),
    ("lead", _l("Lead"), "words"),
    ("body", _l("Body"), "words"),
    ("section", _l("Section"), "value"),
    ("keywords", _l("Keywords"), "set"),
    ("status", _l("Status"), "value"),
    ("published_at", _l("Publication time"), "value"),
    ("format", _l("Format"), "value"),
    ("cover_id", _l("Cover image"), "value"),
    ("cover_caption", _l("Cover caption"), "words"),
    ("cover_alt", _l("Alternative text"), "words"),
    ("cover_credit", _l("Photo credit"), "words"),
    ("byline", _l("Byline"), "words"),
    ("source", _l("Source"), "words"),
    ("meta_description", _l("Meta description"), "words"),
    ("is_featured", _l("Featured on the home page"), "value"),
    ("comments_enabled", _l("Readers may comment"), "value"),
    ("related_ids", _l("Related articles"), "value"),
    ("profile", _l("Exemplary profile"), "words"),
)


@dataclass
class FieldChange:
    """How one field differs between two revisions, ready for the diff page.

    `segments` ("words"): (op, text) with op "equal", "delete" or "insert";
    `added`/`removed`/`kept` ("set"); `before`/`after` ("value", and every kind's plain reading).
    """

    name: str
    label: str
    kind: str
    changed: bool
    before: str = ""
    after: str = ""
    segments: list[tuple[str, str]] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def history(article: Article) -> Select:
    """The article's revisions, newest first, with their authors (for paginate())."""
    return (
        select(Revision)
        .where(Revision.article_id == article.id)
        .options(joinedload(Revision.created_by))
        .order_by(Revision.id.desc())
    )


def get_revision_or_404(article: Article, revision_id: int) -> Revision:
    """A revision of this article (another article's revision is a 404 too)."""
    revision = db.session.get(Revision, revision_id)
    if revision is None or revision.article_id != article.id:
        abort(404)
    return revision


def latest_revision(article: Article) -> Revision | None:
    return db.session.scalar(
        select(Revision).where(Revision.article_id == article.id).order_by(Revision.id.desc()).limit(1)
    )


def neighbour(revision: Revision, *, newer: bool) -> Revision | None:
    """The revision just before (or after) this one in the same article's history."""
    statement = select(Revision).where(Revision.article_id == revision.article_id)
    if newer:
        statement = statement.where(Revision.id > revision.id).order_by(Revision.id)
    else:
        statement = statement.where(Revision.id < revision.id).order_by(Revision.id.desc())
    return db.session.scalar(statement.limit(1))


def revision_number(revision: Revision) -> int:
    """The revision's place in its article's history (1 = created): the "version N" people see."""
    return db.session.scalar(
        select(func.count())
        .select_from(Revision)
        .where(Revision.article_id == revision.article_id, Revision.id <= revision.id)
    )


def compare(old: dict | None, new: dict) -> list[FieldChange]:
    """Every compared field of two revision snapshots (`old` None: the first revision, all added)."""
    old = old or {}
    titles = _article_titles({*old.get("related_ids", ()), *new.get("related_ids", ())})
    changes = []
    for name, label, kind in FIELDS:
        before, after = _readable(name, old, titles), _readable(name, new, titles)
        change = FieldChange(name, str(label), kind, changed=before != after, before=before, after=after)
        if kind == "words":
            change.segments = word_diff(before, after)
        elif kind == "set":
            old_names, new_names = set(old.get(name) or ()), set(new.get(name) or ())
            change.added = sorted(new_names - old_names)
            change.removed = sorted(old_names - new_names)
            change.kept = sorted(old_names & new_names)
            change.changed = bool(change.added or change.removed)
        changes.append(change)
    return changes


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """A word-level diff: runs of equal, deleted and inserted words; a deleted or added break shows as ¶.

    Long unchanged stretches keep CONTEXT_WORDS words on each side of a change and become a
    ("skip", "…") segment in between, so one changed word in a long body is easy to find.
    """
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    segments: list[tuple[str, str]] = []
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            segments.extend(_context(a[i1:i2], first=index == 0, last=index == len(opcodes) - 1))
            continue
        if i1 < i2:
            segments.append(("delete", _join(a[i1:i2], marked=True)))
        if j1 < j2:
            segments.append(("insert", _join(b[j1:j2], marked=True)))
    return segments


def restore_revision(article: Article, revision: Revision, *, actor: User) -> Article:
    """Put a revision's editable fields back as a NEW save (history is never rewritten); audited.

    Status and publication time stay with the workflow. Related articles deleted since are left
    out, and the featured flag stays as it is for people who may not change it.
    """
    number = revision_number(revision)
    data = input_from_snapshot(revision.data)
    if data.section is None:
        raise InvalidInput(
            "section_id", _("The section of this version no longer exists, so it cannot be restored.")
        )
    existing = set(db.session.scalars(select(Article.id).where(Article.id.in_(data.related_ids))))
    data = replace(data, related_ids=[related for related in data.related_ids if related in existing])
    if not can(actor, "homepage.curate"):
        data = replace(data, is_featured=article.is_featured)
    note = _("Restored from version %(number)d", number=number)
    with write_transaction():
        save_article(article, data, actor=actor, expected_version=article.version, note=note)
        record("article.restore", article, actor=actor, summary=f"{note}: {article.title}")
    return article


def _context(tokens: list[str], *, first: bool, last: bool) -> list[tuple[str, str]]:
    """An unchanged run, shortened to the words next to the changes around it."""
    keep_before = 0 if first else CONTEXT_WORDS  # words after the previous change
    keep_after = 0 if last else CONTEXT_WORDS  # words before the next change
    if (first and last) or len(tokens) <= keep_before + keep_after + CONTEXT_WORDS:
        return [("equal", _join(tokens))]
    segments = [("equal", _join(tokens[:keep_before]))] if keep_before else []
    segments.append(("skip", "…"))
    if keep_after:
        segments.append(("equal", _join(tokens[-keep_after:])))
    return segments


def _join(tokens: list[str], *, marked: bool = False) -> str:
    """Words joined by spaces, breaks kept as line breaks (marked ¶ inside a change so they are seen)."""
    words = [f"{PARAGRAPH_MARK}\n" if marked and token == "\n" else token for token in tokens]
    return " ".join(words).replace(" \n ", "\n").replace(" \n", "\n")


def _readable(name: str, snapshot: dict, titles: dict[int, str]) -> str:
    """A snapshot's field as the text a person reads (HTML body as text, ids as names)."""
    if name not in snapshot:
        return ""
    value = snapshot.get(name)
    if name == "body":
        return html_to_text(value or "")
    if name == "keywords":
        return ", ".join(value or ())
    if name == "status":
        return str(STATE_LABELS.get(value, value or ""))
    if name == "published_at":
        return format_vn(datetime.fromisoformat(value)) if value else ""
    if name == "format":
        return str(FORMAT_LABELS[ArticleFormat(value)]) if value else ""
    if name == "cover_id":
        return _("Image no. %(id)s", id=value) if value else ""
    if name == "related_ids":
        return "; ".join(titles.get(related, f"#{related}") for related in value or ())
    if name == "profile":
        return profile_summary(value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return str(value or "")


def _article_titles(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(db.session.execute(select(Article.id, Article.title).where(Article.id.in_(ids))).all())
