"""Reading articles. Every public list starts from public_articles(): one place decides visibility."""

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache, lru_cache
from typing import NamedTuple

from flask import abort, current_app
from sqlalchemy import (
    Boolean,
    CompoundSelect,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    case,
    cast,
    exists,
    func,
    literal,
    null,
    or_,
    select,
    tuple_,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.sql.elements import BindParameter, ColumnElement

from app.accounts.models import User
from app.accounts.permissions import can
from app.articles.models import Article, ArticleStatus, related_articles
from app.caching.fragments import per_generation
from app.core.dates import utcnow
from app.core.pagination import PageOfItems, page_number
from app.core.text import fold
from app.extensions import db
from app.keywords.models import Keyword, article_keywords
from app.media.models import GalleryItem
from app.sections.models import Section
from app.sections.queries import ids_with_descendants

MOST_READ_DAYS = 30
RELATED_CANDIDATES = 200  # per keyword of the article, newest first
COMMON_KEYWORD_SHARE = 20  # on 1 public article in 20 or more: a common keyword (see with_keyword)
ANCHOR_EVERY = 200  # articles between two remembered positions of a deep listing (see listed)
RELATED_SHORTLIST = 4  # × the list's length: candidate ids read back to check they are public


def is_public(now: datetime | BindParameter | None = None) -> ColumnElement[bool]:
    """Published and due: drafts, pending, rejected, unpublished and scheduled stories are hidden."""
    return and_(
        Article.status == ArticleStatus.PUBLISHED,
        Article.published_at <= (utcnow() if now is None else now),
    )


def is_public_row(now: datetime | BindParameter | None = None) -> ColumnElement[bool]:
    """is_public() as one expression that no index serves, for statements driven by a few known ids
    (pins, related stories, the rows of a deep page): SQLite keeps no statistics and would otherwise
    walk the status index over every public article instead of looking those few ids up."""
    return case((Article.status == ArticleStatus.PUBLISHED, Article.published_at)) <= (
        utcnow() if now is None else now
    )


class ArticleLink(NamedTuple):
    """What a list of titles shows of an article: its link, title and date. Read as plain rows, without
    ORM entities, for the article page's neighbours, related stories and story thread."""

    id: int
    slug: str
    title: str
    published_at: datetime
    section_slug: str


def article_links() -> Select:
    """The columns of ArticleLink; callers add the conditions (is_public or is_public_row) and order."""
    return select(Article.id, Article.slug, Article.title, Article.published_at, Section.slug).join(
        Section, Section.id == Article.section_id
    )


def now_parameter() -> BindParameter:
    """ "now" in a statement built once (and run with {"now": utcnow()}), typed as publication times are."""
    return bindparam("now", type_=Article.published_at.type)


def public_articles_by_id() -> Select:
    """Like public_articles(), unordered, for statements that name their articles (see is_public_row)."""
    return (
        select(Article).where(is_public_row()).options(joinedload(Article.section), joinedload(Article.cover))
    )


def newest_first(statement: Select) -> Select:
    return statement.order_by(Article.published_at.desc(), Article.id.desc())


def public_articles(now: datetime | BindParameter | None = None) -> Select:
    """Public articles, newest first, with what a teaser needs (section for the URL, cover) joined."""
    return newest_first(
        select(Article).where(is_public(now)).options(joinedload(Article.section), joinedload(Article.cover))
    )


def listed(statement: Select, limit: int, offset: int = 0, *, listing_key: Hashable = None) -> list[Article]:
    """`limit` articles of a listing from `offset` on. A deep page is cut on ids alone (an index walk)
    and only its rows are loaded: OFFSET over whole rows, bodies and all, made page 500 slow.

    `listing_key` names a newest-first listing of articles, filtered by conditions alone (no joins),
    whose deep pages start from the nearest remembered position (see `anchors`) instead of walking
    the index from its top: page 500 of a section with sub-sections walked 10,000 ids through 40,000
    index entries, 11 ms, on every view.
    """
    if not offset:
        return list(db.session.scalars(statement.limit(limit)).unique())
    ids_statement = statement.with_only_columns(Article.id)
    if listing_key is not None and offset >= ANCHOR_EVERY:
        known = per_generation(("anchors", listing_key), lambda: anchors(statement))
        number = min(offset // ANCHOR_EVERY, len(known) - 1)
        if number > 0:
            published_at, article_id = known[number]
            # The anchor's bound comes first: given two upper bounds on published_at (the anchor's and
            # is_public's "now"), SQLite walks from the first one it reads.
            ids_statement = newest_first(
                select(Article.id).where(
                    Article.published_at <= published_at,
                    tuple_(Article.published_at, Article.id) <= tuple_(published_at, article_id),
                    statement.whereclause,
                )
            )
            offset -= number * ANCHOR_EVERY
    ids = db.session.scalars(ids_statement.offset(offset).limit(limit)).all()
    rows = {row.id: row for row in db.session.scalars(public_articles_by_id().where(Article.id.in_(ids)))}
    return [rows[article_id] for article_id in ids if article_id in rows]


def anchors(statement: Select) -> list[tuple[datetime, int]]:
    """The (published_at, id) of every ANCHOR_EVERY-th article of a newest-first listing, from its first:
    numbered by SQL in one walk, kept once per content generation."""
    row_number = func.row_number().over(order_by=(Article.published_at.desc(), Article.id.desc()))
    numbered = (
        statement.with_only_columns(Article.published_at, Article.id, row_number.label("row_number"))
        .order_by(None)
        .subquery()
    )
    every = (
        select(numbered.c.published_at, numbered.c.id)
        .where((numbered.c.row_number - 1) % ANCHOR_EVERY == 0)
        .order_by(numbered.c.row_number)
    )
    return [tuple(row) for row in db.session.execute(every)]


def paginate_listing(statement: Select, listing_key: Hashable) -> PageOfItems:
    """A page of a public listing for the pager: cut by `listed`; past the end, 404. The total is
    counted on ids once per content generation (`listing_key` names the listing)."""
    page, per_page = page_number(), current_app.config["PAGE_SIZE"]
    total = listing_total(statement, listing_key)
    if page > 1 and (page - 1) * per_page >= total:
        abort(404)
    items = listed(statement, per_page, offset=(page - 1) * per_page, listing_key=listing_key)
    return PageOfItems(page=page, per_page=per_page, items=items, total=total)


def listing_total(statement: Select, listing_key: Hashable) -> int:
    """How many articles a listing holds, counted on ids once per content generation."""
    ids = statement.with_only_columns(Article.id).order_by(None).subquery()
    return per_generation(
        ("total", listing_key), lambda: db.session.scalar(select(func.count()).select_from(ids))
    )


def latest(limit: int, *, exclude_ids: tuple[int, ...] = (), featured_only: bool = False) -> list[Article]:
    parameters = {"now": utcnow(), "exclude": list(exclude_ids), "limit": limit}
    return list(db.session.scalars(latest_statement(featured_only), parameters).unique())


def featured(limit: int) -> list[Article]:
    """Featured stories first; when editors flagged too few, the latest fill the gap."""
    picked = latest(limit, featured_only=True)
    if len(picked) < limit:
        picked += latest(limit - len(picked), exclude_ids=tuple(a.id for a in picked))
    return picked


@cache
def latest_statement(featured_only: bool) -> Select:
    """The newest public articles (featured ones only, if asked) but `exclude`, built once: the home
    page runs it up to three times."""
    statement = (
        public_articles(now_parameter())
        .where(Article.id.not_in(bindparam("exclude", expanding=True)))
        .limit(bindparam("limit"))
    )
    return statement.where(Article.is_featured.is_(True)) if featured_only else statement


def most_read(limit: int, *, days: int = MOST_READ_DAYS) -> list[Article]:
    """The most viewed stories published in the last `days` days (an index range, not a full scan)."""
    return listed(
        public_articles()
        .where(Article.published_at >= utcnow() - timedelta(days=days))
        .order_by(None)
        .order_by(Article.view_count.desc(), Article.published_at.desc()),
        limit,
    )


def in_sections(section_ids: list[int]) -> Select:
    return public_articles().where(Article.section_id.in_(section_ids))


def latest_per_section(sections: list[Section], per_section: int) -> dict[int, list[Article]]:
    """The newest public articles of each section (sub-sections included), in one statement.

    One indexed LIMIT per section, glued with UNION ALL: the home page costs the same number of
    statements, and about the same time, with 10 articles or 100,000.
    """
    if not sections:
        return {}
    trees = tuple((section.id, tuple(ids_with_descendants(section))) for section in sections)
    statement = newest_per_section(trees, per_section)
    blocks: dict[int, list[Article]] = {section.id: [] for section in sections}
    for article, owner_id in db.session.execute(statement, {"now": utcnow()}).unique():
        blocks[owner_id].append(article)
    return blocks


@lru_cache(maxsize=8)
def newest_per_section(trees: tuple[tuple[int, tuple[int, ...]], ...], per_section: int) -> Select:
    """Built once per arrangement of the home page's sections (`trees`: each id with its sub-sections')."""
    newest_ids = union_all(
        *(
            select(
                select(Article.id.label("article_id"), literal(owner_id).label("owner_id"))
                .where(is_public(now_parameter()), Article.section_id.in_(tree))
                .order_by(Article.published_at.desc(), Article.id.desc())
                .limit(per_section)
                .subquery()
            )
            for owner_id, tree in trees
        )
    ).subquery()
    return (
        public_articles(now_parameter())
        .add_columns(newest_ids.c.owner_id)
        .join(newest_ids, newest_ids.c.article_id == Article.id)
    )


def get_public_article_or_404(article_id: int) -> Article:
    """A public article with everything its page shows, loaded in a fixed number of statements."""
    article = db.session.scalar(public_article_statement(), {"article_id": article_id, "now": utcnow()})
    if article is None:
        abort(404)
    return article


@cache
def public_article_statement() -> Select:
    """Built once: the article page is the most read page, and building this took longer than running it."""
    return (
        select(Article)
        .where(
            Article.id == bindparam("article_id"),
            is_public(now_parameter()),
        )
        .options(
            joinedload(Article.section).joinedload(Section.parent),
            joinedload(Article.cover),
            selectinload(Article.keywords),
            selectinload(Article.gallery).joinedload(GalleryItem.media),
            joinedload(Article.video),
        )
    )


def neighbours(article: Article) -> tuple[ArticleLink | None, ArticleLink | None]:
    """The next newer and next older public articles in the same section, in one statement: two
    LIMIT 1 walks of the section index from this article's (published_at, id) outwards.

    The older walk is bounded by the article's own time, not by "now": SQLite starts a descending walk
    at the upper bound it is given, and from "now" it stepped over every newer article of the section.
    """
    now = utcnow()
    parameters = {
        "section_id": article.section_id,
        "published_at": article.published_at,
        "article_id": article.id,
        "now": now,
        "older_than": min(article.published_at, now),
    }
    found = {
        row.is_newer: ArticleLink(*row[:-1]) for row in db.session.execute(neighbours_statement(), parameters)
    }
    return found.get(True), found.get(False)


@cache
def neighbours_statement() -> CompoundSelect:
    """Built once: building a statement costs more than SQLite takes to run this one."""
    published_at = Article.published_at
    same_section = article_links().where(
        Article.status == ArticleStatus.PUBLISHED, Article.section_id == bindparam("section_id")
    )
    here = tuple_(bindparam("published_at", type_=published_at.type), bindparam("article_id"))
    position = tuple_(published_at, Article.id)
    newer = (
        same_section.add_columns(literal(True, Boolean).label("is_newer"))
        .where(position > here, published_at <= now_parameter())
        .order_by(published_at.asc(), Article.id.asc())
    )
    older = (
        same_section.add_columns(literal(False, Boolean).label("is_newer"))
        .where(position < here, published_at <= bindparam("older_than", type_=published_at.type))
        .order_by(published_at.desc(), Article.id.desc())
    )
    return union_all(select(newer.limit(1).subquery()), select(older.limit(1).subquery()))


def with_keyword(keyword: Keyword) -> Select:
    """Public articles carrying a keyword, newest first, by whichever walk is shorter.

    A keyword on at least one public article in COMMON_KEYWORD_SHARE: walk the newest public articles
    and probe each for the keyword (page 1 of a keyword on 20,000 articles: 0.1 ms). A rarer one: read
    its own article ids first (walking would pass over most of the site to fill a page). Reading the
    ids first cost 2.8 ms a page for the common keyword. Both totals are counted once per generation.
    """
    tagged = select(article_keywords.c.article_id).where(article_keywords.c.keyword_id == keyword.id)
    by_ids = public_articles().where(Article.id.in_(tagged))
    total = listing_total(by_ids, ("keyword", keyword.id))
    if total * COMMON_KEYWORD_SHARE < listing_total(public_articles(), ("public",)):
        return by_ids
    return public_articles().where(exists(tagged.where(article_keywords.c.article_id == Article.id)))


def in_campaign(campaign_id: int) -> Select:
    return public_articles().where(Article.campaign_id == campaign_id)


# The back office: every status, filtered and sorted for the article list, the editor and the dashboard.

ADMIN_SORTS = {
    "updated": (Article.updated_at.desc(), Article.id.desc()),
    "published": (Article.published_at.desc().nulls_last(), Article.id.desc()),
    "title": (Article.title.asc(), Article.id.asc()),
}


@dataclass
class ArticleFilters:
    """What the back-office list asks for; `owner_id` limits it to one author's articles (contributors)."""

    status: str = ""
    section_id: int | None = None
    author_id: int | None = None
    keyword: str = ""
    text: str = ""
    sort: str = "updated"
    owner_id: int | None = None
    waiting_for: User | None = None


def with_state(state: str, now: datetime | None = None) -> ColumnElement[bool]:
    """Articles in a status as people see it: "scheduled" and "published" split on the publication time."""
    now = now or utcnow()
    if state == "scheduled":
        return and_(Article.status == ArticleStatus.PUBLISHED, Article.published_at > now)
    if state == "published":
        return is_public(now)
    return Article.status == ArticleStatus(state)


def waiting_for(user: User) -> ColumnElement[bool]:
    """The "waiting for me" queue: submissions for editors; own drafts and returned work for contributors."""
    if can(user, "article.edit_any"):
        return Article.status == ArticleStatus.PENDING
    return and_(
        Article.created_by_id == user.id,
        Article.status.in_([ArticleStatus.DRAFT, ArticleStatus.REJECTED]),
    )


def admin_articles(filters: ArticleFilters) -> Select:
    """The back-office list: any status, with section and author loaded for each row."""
    statement = select(Article).options(joinedload(Article.section), joinedload(Article.created_by))
    if filters.owner_id is not None:
        statement = statement.where(Article.created_by_id == filters.owner_id)
    if filters.waiting_for is not None:
        statement = statement.where(waiting_for(filters.waiting_for))
    if filters.status:
        statement = statement.where(with_state(filters.status))
    if filters.section_id is not None:
        statement = statement.where(Article.section_id == filters.section_id)
    if filters.author_id is not None:
        statement = statement.where(Article.created_by_id == filters.author_id)
    if filters.keyword and fold(filters.keyword).strip():
        tagged = (
            select(article_keywords.c.article_id)
            .join(Keyword, Keyword.id == article_keywords.c.keyword_id)
            .where(Keyword.folded.startswith(fold(filters.keyword).strip(), autoescape=True))
        )
        statement = statement.where(Article.id.in_(tagged))
    if filters.text.strip():
        text = filters.text.strip()
        statement = statement.where(
            or_(Article.title.icontains(text, autoescape=True), Article.lead.icontains(text, autoescape=True))
        )
    return statement.order_by(*ADMIN_SORTS.get(filters.sort, ADMIN_SORTS["updated"]))


def count_waiting_for(user: User) -> int:
    return db.session.scalar(select(func.count()).select_from(Article).where(waiting_for(user)))


def counts_by_state(owner_id: int | None = None) -> dict[str, int]:
    """How many articles are in each status as people see it (scheduled apart), optionally one author's."""
    scheduled = with_state("scheduled")
    state = case((scheduled, literal("scheduled")), else_=type_coerce(Article.status, String))
    statement = select(state, func.count()).group_by(state)
    if owner_id is not None:
        statement = statement.where(Article.created_by_id == owner_id)
    counts = dict.fromkeys(("draft", "pending", "scheduled", "published", "rejected", "unpublished"), 0)
    counts.update(dict(db.session.execute(statement).all()))
    return counts


def get_admin_article_or_404(article_id: int) -> Article:
    """An article in any status, with what the editor and preview show loaded."""
    article = db.session.scalar(
        select(Article)
        .where(Article.id == article_id)
        .options(
            joinedload(Article.section).joinedload(Section.parent),
            joinedload(Article.cover),
            joinedload(Article.created_by),
            selectinload(Article.keywords),
            selectinload(Article.related),
        )
    )
    if article is None:
        abort(404)
    return article


def of_author(user: User, statuses: tuple[ArticleStatus, ...], limit: int) -> list[Article]:
    """One author's articles in these statuses, most recently changed first."""
    return list(
        db.session.scalars(
            select(Article)
            .where(Article.created_by_id == user.id, Article.status.in_(statuses))
            .options(joinedload(Article.section))
            .order_by(Article.updated_at.desc(), Article.id.desc())
            .limit(limit)
        )
    )


def awaiting_review(limit: int) -> list[Article]:
    """Submitted articles, the longest waiting first."""
    return list(
        db.session.scalars(
            select(Article)
            .where(Article.status == ArticleStatus.PENDING)
            .options(joinedload(Article.section), joinedload(Article.created_by))
            .order_by(Article.updated_at.asc(), Article.id.asc())
            .limit(limit)
        )
    )


def related_candidates(article: Article | None, limit: int) -> list[Article]:
    """What the editor offers as related articles: the newest public ones, plus those already picked."""
    picked = list(article.related) if article is not None else []
    recent = latest(limit, exclude_ids=tuple(a.id for a in picked) + ((article.id,) if article else ()))
    return picked + recent


def section_choices() -> list[Section]:
    """Every section, each top-level one followed by its sub-sections, in editors' order."""
    sections = list(db.session.scalars(select(Section).order_by(Section.position, Section.id)))
    ordered = []
    for section in sections:
        if section.parent_id is None:
            ordered.append(section)
            ordered.extend(child for child in sections if child.parent_id == section.id)
    return ordered


def authors() -> list[User]:
    """Staff who have written at least one article, by name."""
    return list(
        db.session.scalars(
            select(User)
            .where(User.id.in_(select(Article.created_by_id).where(Article.created_by_id.is_not(None))))
            .order_by(User.full_name)
        )
    )


def related_for_page(article: Article, limit: int) -> list[ArticleLink]:
    """The article page's related list: hand-picked ones first, in the editor's order, then public
    articles sharing the most keywords, newest first.

    Two small statements. The first ranks candidate ids alone: shared keywords are counted among each
    keyword's RELATED_CANDIDATES newest articles (an index range each, no article row read), and only the
    best RELATED_SHORTLIST × `limit` are kept, ties going to the newer id. The second reads those few
    rows by id and drops the ones not public. Reading every candidate's row to check it (800 rows for
    four busy keywords) cost 3 ms a page at 100,000 articles.
    """
    keyword_ids = [keyword.id for keyword in article.keywords]
    parameters = {f"keyword_{number}": keyword_id for number, keyword_id in enumerate(keyword_ids)}
    parameters.update(article_id=article.id, shortlist=RELATED_SHORTLIST * limit)
    order: dict[int, tuple] = {}
    for article_id, position, shared in db.session.execute(related_ranking(len(keyword_ids)), parameters):
        rank = (0, position) if position is not None else (1, -shared)
        order[article_id] = min(order.get(article_id, rank), rank)
    order.pop(article.id, None)
    if not order:
        return []
    rows = db.session.execute(links_by_id(), {"ids": list(order), "now": utcnow()})
    links = sorted(
        (ArticleLink(*row) for row in rows), key=lambda link: (link.published_at, link.id), reverse=True
    )
    links.sort(key=lambda link: order[link.id])  # stable: the newest first within a rank
    return links[:limit]


@lru_cache(maxsize=32)
def related_ranking(keyword_count: int) -> Select | CompoundSelect:
    """Built once per number of keywords: (article id, hand-picked position or None, shared keywords)."""
    picked = select(
        related_articles.c.related_id.label("article_id"),
        related_articles.c.position,
        literal(0, Integer).label("shared"),
    ).where(related_articles.c.article_id == bindparam("article_id"))
    if not keyword_count:
        return picked
    candidates = union_all(
        *(
            select(
                select(article_keywords.c.article_id)
                .where(
                    article_keywords.c.keyword_id == bindparam(f"keyword_{number}"),
                    article_keywords.c.article_id != bindparam("article_id"),
                )
                .order_by(article_keywords.c.article_id.desc())
                .limit(RELATED_CANDIDATES)
                .subquery()
            )
            for number in range(keyword_count)
        )
    ).subquery()
    shared = func.count().label("shared")
    best = (
        select(candidates.c.article_id, cast(null(), Integer).label("position"), shared)
        .group_by(candidates.c.article_id)
        .order_by(shared.desc(), candidates.c.article_id.desc())
        .limit(bindparam("shortlist"))
    )
    return union_all(picked, select(best.subquery()))


@cache
def links_by_id() -> Select:
    """ArticleLinks of the public articles among a few known ids (see is_public_row)."""
    now = now_parameter()
    return article_links().where(is_public_row(now), Article.id.in_(bindparam("ids", expanding=True)))
