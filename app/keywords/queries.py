"""Reading keywords: public pages (following renames and merges), autocomplete, popular ones, back office."""

import unicodedata
from datetime import timedelta

from flask import abort
from sqlalchemy import Select, exists, func, or_, select, union
from sqlalchemy.sql.elements import ColumnElement

from app.articles.models import Article
from app.articles.queries import is_public
from app.core.dates import utcnow
from app.core.text import clean_line, fold, keyword_key
from app.extensions import db
from app.keywords.models import Keyword, KeywordRedirect, article_keywords

MAX_MERGE_HOPS = 10
MAX_NAME = 100
# Addresses under /tu-khoa/ that are routes, not keywords: a keyword named "Gợi ý" gets `goi-y-2`.
RESERVED_SLUGS = frozenset({"goi-y"})


def current_keyword_for_slug_or_404(slug: str) -> Keyword:
    """The keyword a public address stands for today: its own, or the one it was renamed or merged into.

    The caller compares the keyword's slug with the one asked for and redirects when they differ.
    """
    keyword = db.session.scalar(select(Keyword).where(Keyword.slug == slug))
    if keyword is None:
        keyword = db.session.scalar(
            select(Keyword)
            .join(KeywordRedirect, KeywordRedirect.keyword_id == Keyword.id)
            .where(KeywordRedirect.slug == slug)
        )
    if keyword is None:
        abort(404)
    return merge_target(keyword)


def merge_target(keyword: Keyword) -> Keyword:
    """The live keyword that `keyword` was merged into (itself when it was not merged)."""
    for _hop in range(MAX_MERGE_HOPS):
        if keyword.merged_into_id is None:
            return keyword
        keyword = db.session.get(Keyword, keyword.merged_into_id)
    return keyword


def live_keywords(search: str = "") -> Select:
    """Keywords not merged away, alphabetically; `search` ignores accents: `chuyen doi` finds `Chuyển đổi`."""
    statement = select(Keyword).where(Keyword.merged_into_id.is_(None)).order_by(Keyword.folded, Keyword.id)
    folded = fold(clean_line(search))
    if folded:
        statement = statement.where(Keyword.folded.contains(folded, autoescape=True))
    return statement


def article_counts(keyword_ids: list[int]) -> dict[int, int]:
    """How many articles (any status) carry each of these keywords."""
    if not keyword_ids:
        return {}
    return dict(
        db.session.execute(
            select(article_keywords.c.keyword_id, func.count())
            .where(article_keywords.c.keyword_id.in_(keyword_ids))
            .group_by(article_keywords.c.keyword_id)
        ).all()
    )


def count_articles(keyword: Keyword) -> int:
    return article_counts([keyword.id]).get(keyword.id, 0)


def get_live_keyword_or_404(keyword_id: int) -> Keyword:
    """A keyword that can still be edited: a merged one is gone from the back office."""
    keyword = db.session.get(Keyword, keyword_id)
    if keyword is None or keyword.merged_into_id is not None:
        abort(404)
    return keyword


def find_live_keyword(name: str) -> Keyword | None:
    """The live keyword with this name (case and Unicode form aside), following a merge."""
    keyword = db.session.scalar(select(Keyword).where(Keyword.name_key == keyword_key(name)))
    return merge_target(keyword) if keyword is not None else None


def keyword_with_key(key: str) -> Keyword | None:
    return db.session.scalar(select(Keyword).where(Keyword.name_key == key))


def slug_taken(slug: str, *, excluding: Keyword | None = None) -> bool:
    """Whether another keyword uses `slug`, now or as a former address (old links must keep working)."""
    if slug in RESERVED_SLUGS:
        return True
    owner_id = excluding.id if excluding is not None else None
    keyword_id = db.session.scalar(select(Keyword.id).where(Keyword.slug == slug))
    redirect_id = db.session.scalar(select(KeywordRedirect.keyword_id).where(KeywordRedirect.slug == slug))
    return any(found is not None and found != owner_id for found in (keyword_id, redirect_id))


def has_public_article() -> ColumnElement[bool]:
    """The keyword carries at least one public article: what readers may learn exists."""
    return exists(
        select(article_keywords.c.article_id)
        .join(Article, Article.id == article_keywords.c.article_id)
        .where(article_keywords.c.keyword_id == Keyword.id, is_public())
    )


def lookup_text(text: str) -> str:
    """Typed text made safe to look up: folded and no longer than a name; empty when it is not a search.

    Blank or punctuation-only text, or text with control characters (NUL, which PostgreSQL refuses)
    or lone surrogates, is nothing to look up. Invisible format characters from pastes are dropped.
    """
    line = "".join(ch for ch in clean_line((text or "")[: MAX_NAME * 4]) if unicodedata.category(ch) != "Cf")
    if any(unicodedata.category(ch)[0] == "C" for ch in line):
        return ""
    folded = fold(line)[:MAX_NAME].strip()
    return folded if any(ch.isalnum() for ch in folded) else ""


def suggest_keywords(prefix: str, limit: int, *, public_only: bool = False) -> list[Keyword]:
    """Keywords whose name or one of its words starts with `prefix`, accents ignored.

    `doi` finds `Chuyển đổi số`; names starting with the prefix come first; merged keywords are left out.
    `public_only` keeps keywords with a public article (readers' search box); editors see them all.
    """
    folded = lookup_text(prefix)
    if not folded:
        return []
    starts = Keyword.folded.startswith(folded, autoescape=True)
    statement = (
        select(Keyword)
        .where(
            Keyword.merged_into_id.is_(None),
            or_(starts, Keyword.folded.contains(" " + folded, autoescape=True)),
        )
        .order_by(starts.desc(), Keyword.folded, Keyword.id)
        .limit(limit)
    )
    if public_only:
        statement = statement.where(has_public_article())
    return list(db.session.scalars(statement))


def popular_keywords(limit: int = 10, days: int = 90) -> list[tuple[Keyword, int]]:
    """Keywords by how many public articles of the last `days` days carry them, most first, in one statement.

    Ties go alphabetically (accents aside). Merged keywords have no articles left, and are excluded anyway.
    """
    now = utcnow()
    count = func.count(Article.id).label("articles")
    return [
        (keyword, articles)
        for keyword, articles in db.session.execute(
            select(Keyword, count)
            .join(article_keywords, article_keywords.c.keyword_id == Keyword.id)
            .join(Article, Article.id == article_keywords.c.article_id)
            .where(
                Keyword.merged_into_id.is_(None),
                is_public(now),
                Article.published_at >= now - timedelta(days=days),
            )
            .group_by(Keyword.id)
            .order_by(count.desc(), Keyword.folded, Keyword.id)
            .limit(limit)
        )
    ]


def public_keyword_names() -> list[tuple[int, str]]:
    """(id, folded name) of every live keyword with a public article: the pool for "did you mean"."""
    return list(
        db.session.execute(
            select(Keyword.id, Keyword.folded).where(Keyword.merged_into_id.is_(None), has_public_article())
        ).all()
    )


def keywords_by_ids(ids: list[int]) -> list[Keyword]:
    """These keywords, in the order given."""
    if not ids:
        return []
    keywords = db.session.scalars(select(Keyword).where(Keyword.id.in_(ids)))
    found = {keyword.id: keyword for keyword in keywords}
    return [found[keyword_id] for keyword_id in ids if keyword_id in found]


def former_slugs(keyword: Keyword) -> list[str]:
    """Old addresses that lead to this keyword now: its own before a rename, merged keywords' addresses."""
    renamed = select(KeywordRedirect.slug).where(KeywordRedirect.keyword_id == keyword.id)
    merged = select(Keyword.slug).where(Keyword.merged_into_id == keyword.id)
    return sorted(db.session.scalars(union(renamed, merged)))
