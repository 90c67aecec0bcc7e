"""Writing keywords: find or create them by name, rename and merge them; old addresses keep working."""

from flask_babel import gettext as _
from sqlalchemy import delete, func, insert, literal, select, update

from app.accounts.models import User
from app.audit.services import record
from app.core.db import write_transaction
from app.core.errors import Conflict, InvalidInput
from app.core.text import clean_line, fold, keyword_key, slugify, unique_slug
from app.extensions import db
from app.keywords.models import Keyword, KeywordRedirect, article_keywords
from app.keywords.queries import find_live_keyword, keyword_with_key, merge_target, slug_taken

MAX_KEYWORD_LENGTH = 100


class KeywordNameTaken(Conflict):
    """A rename onto another keyword's name: answered with 409 and an offer to merge instead."""

    def __init__(self, existing: Keyword):
        super().__init__(
            "name",
            _(
                "The keyword “%(name)s” already exists. Merge this keyword into it instead.",
                name=existing.name,
            ),
        )
        self.existing = existing


def keywords_for_names(names: list[str]) -> list[Keyword]:
    """The keywords with these names, created when new; `Đường` and `Dương` are two keywords.

    Names are matched by their NFC case-folded form, so `chuyển đổi số` reuses `Chuyển đổi số`;
    the name of a keyword merged into another gives the other. The caller commits.
    """
    wanted: dict[str, str] = {}
    for name in names:
        name = clean_line(name)[:MAX_KEYWORD_LENGTH]
        if name:
            wanted.setdefault(keyword_key(name), name)
    if not wanted:
        return []
    found = {
        keyword.name_key: keyword
        for keyword in db.session.scalars(select(Keyword).where(Keyword.name_key.in_(wanted)))
    }
    for key, name in wanted.items():
        if key not in found:
            found[key] = create_keyword(name)
    keywords: list[Keyword] = []
    for key in wanted:
        keyword = merge_target(found[key])
        if keyword not in keywords:
            keywords.append(keyword)
    return keywords


def create_keyword(name: str) -> Keyword:
    slug = unique_slug(slugify(name, max_length=100, fallback="tu-khoa"), slug_taken)
    keyword = Keyword(name=name, name_key=keyword_key(name), folded=fold(name), slug=slug)
    db.session.add(keyword)
    db.session.flush()
    return keyword


def rename_keyword(keyword: Keyword, *, name: str, update_slug: bool, actor: User | None) -> Keyword:
    """Change a keyword's name; its address changes only when asked, and the old one then redirects.

    A name that another keyword already has is refused (the editor should merge the two). The
    name of a keyword that was merged into this one is taken over: that keyword's row goes, its
    address becomes one of this keyword's former addresses.
    """
    name = clean_line(name)
    if not name:
        raise InvalidInput("name", _("Please enter a name."))
    if len(name) > MAX_KEYWORD_LENGTH:
        raise InvalidInput("name", _("The name must be at most %(max)d characters.", max=MAX_KEYWORD_LENGTH))
    with write_transaction():
        key = keyword_key(name)
        holder = keyword_with_key(key)
        if holder is not None and holder.id != keyword.id:
            if merge_target(holder).id != keyword.id:
                raise KeywordNameTaken(merge_target(holder))
            _absorb(holder, into=keyword)
        before = f"{keyword.name} (/{keyword.slug})"
        keyword.name, keyword.name_key, keyword.folded = name, key, fold(name)
        if update_slug:
            _change_slug(keyword, slugify(name, max_length=100, fallback="tu-khoa"))
        record("keyword.rename", keyword, actor=actor, summary=f"{before} → {keyword.name} (/{keyword.slug})")
    return keyword


def merge_keywords(source: Keyword, *, into: str, actor: User | None) -> tuple[Keyword, int]:
    """Move every article of `source` to the keyword named `into` and retire `source`.

    An article that already carries both keeps one row. `source`'s address, its former addresses
    and keywords merged into it earlier all lead to the target from now on. Returns the target
    and how many articles carried `source`.
    """
    target = find_live_keyword(into)
    if target is None:
        raise InvalidInput("target", _("There is no keyword named “%(name)s”.", name=clean_line(into)))
    if source.merged_into_id is not None:
        raise InvalidInput("target", _("This keyword has already been merged into another one."))
    if source.id == target.id:
        raise InvalidInput("target", _("Choose another keyword to merge into."))
    with write_transaction():
        moved = db.session.scalar(select(func.count()).where(article_keywords.c.keyword_id == source.id))
        already_tagged = select(article_keywords.c.article_id).where(
            article_keywords.c.keyword_id == target.id
        )
        db.session.execute(
            insert(article_keywords).from_select(
                ["article_id", "keyword_id"],
                select(article_keywords.c.article_id, literal(target.id)).where(
                    article_keywords.c.keyword_id == source.id,
                    article_keywords.c.article_id.not_in(already_tagged),
                ),
            )
        )
        db.session.execute(delete(article_keywords).where(article_keywords.c.keyword_id == source.id))
        db.session.execute(
            update(Keyword).where(Keyword.merged_into_id == source.id).values(merged_into_id=target.id)
        )
        db.session.execute(
            update(KeywordRedirect)
            .where(KeywordRedirect.keyword_id == source.id)
            .values(keyword_id=target.id)
        )
        source.merged_into_id = target.id
        record(
            "keyword.merge",
            source,
            actor=actor,
            summary=f"{source.name} (/{source.slug}) → {target.name} (#{target.id}, /{target.slug}): {moved}",
        )
    return target, moved


def _change_slug(keyword: Keyword, base: str) -> None:
    """Give the keyword a new address and keep the old one as a redirect."""
    slug = unique_slug(base, lambda candidate: slug_taken(candidate, excluding=keyword))
    if slug == keyword.slug:
        return
    former = db.session.get(KeywordRedirect, slug)
    if former is not None:  # going back to one of its own former addresses
        db.session.delete(former)
    db.session.add(KeywordRedirect(slug=keyword.slug, keyword_id=keyword.id))
    keyword.slug = slug


def _absorb(merged: Keyword, *, into: Keyword) -> None:
    """Drop a keyword already merged into `into`, keeping its address as a redirect, to free its name."""
    slug = merged.slug
    db.session.delete(merged)
    db.session.flush()
    db.session.add(KeywordRedirect(slug=slug, keyword_id=into.id))
    db.session.flush()
