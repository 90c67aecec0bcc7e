"""Reading articles. Every public list starts from public_articles(): one place decides visibility."""

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import abort, current_app
from sqlalchemy import (
    Select,
    String,
    and_,
    case,
    false,
    func,
    literal,
    or_,
    select,
    type_coerce,
    union,
    union_all,
)
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.sql.elements import ColumnElement

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


def is_public(now: datetime | None = None) -> ColumnElement[bool]:
    """Published and due: drafts, pending, rejected, unpublished and scheduled stories are hidden."""
    return and_(
        Article.status == ArticleStatus.PUBLISHED,
        Article.published_at <= (now or utcnow()),
    )


def is_public_row(now: datetime | None = None) -> ColumnElement[bool]:
    """is_public() as one expression that no index serves, for statements driven by a few known ids
    (pins, related stories, the rows of a deep page): SQLite keeps no statistics and would otherwise
    walk the status index over every public article instead of looking those few ids up."""
    return case((Article.status == ArticleStatus.PUBLISHED, Article.published_at)) <= (now or utcnow())


def public_articles_by_id() -> Select:
    """Like public_articles(), unordered, for statements that name their articles (see is_public_row)."""
    return (
        select(Article).where(is_public_row()).options(joinedload(Article.section), joinedload(Article.cover))
    )


def newest_first(statement: Select) -> Select:
    return statement.order_by(Article.published_at.desc(), Article.id.desc())


def public_articles() -> Select:
    """Public articles, newest first, with what a teaser needs (section for the URL, cover) joined."""
    return newest_first(
        select(Article).where(is_public()).options(joinedload(Article.section), joinedload(Article.cover))
    )


def listed(statement: Select, limit: int, offset: int = 0) -> list[Article]:
    """`limit` articles of a listing from `offset` on. A deep page is cut on ids alone (an index walk)
    and only its rows are loaded: OFFSET over whole rows, bodies and all, made page 500 slow."""
    if offset:
        ids = db.session.scalars(statement.with_only_columns(Article.id).offset(offset).limit(limit)).all()
        rows = {row.id: row for row in db.session.scalars(public_articles_by_id().where(Article.id.in_(ids)))}
        return [rows[article_id] for article_id in ids if article_id in rows]
    return list(db.session.scalars(statement.limit(limit)).unique())


def paginate_listing(statement: Select, total_key: Hashable) -> PageOfItems:
    """A page of a public listing for the pager: cut by `listed`; past the end, 404. The total is
    counted on ids once per content generation (`total_key` names the listing)."""
    page, per_page = page_number(), current_app.config["PAGE_SIZE"]
    ids = statement.with_only_columns(Article.id).order_by(None).subquery()
    total = per_generation(total_key, lambda: db.session.scalar(select(func.count()).select_from(ids)))
    if page > 1 and (page - 1) * per_page >= total:
        abort(404)
    items = listed(statement, per_page, offset=(page - 1) * per_page)
    return PageOfItems(page=page, per_page=per_page, items=items, total=total)


def latest(limit: int, *, exclude_ids: tuple[int, ...] = ()) -> list[Article]:
    statement = public_articles()
    if exclude_ids:
        statement = statement.where(Article.id.not_in(exclude_ids))
    return listed(statement, limit)


def featured(limit: int) -> list[Article]:
    """Featured stories first; when editors flagged too few, the latest fill the gap."""
    picked = listed(public_articles().where(Article.is_featured.is_(True)), limit)
    if len(picked) < limit:
        picked += latest(limit - len(picked), exclude_ids=tuple(a.id for a in picked))
    return picked


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
    newest_ids = union_all(
        *(
            select(
                select(Article.id.label("article_id"), literal(section.id).label("owner_id"))
                .where(is_public(), Article.section_id.in_(ids_with_descendants(section)))
                .order_by(Article.published_at.desc(), Article.id.desc())
                .limit(per_section)
                .subquery()
            )
            for section in sections
        )
    ).subquery()
    statement = (
        public_articles()
        .add_columns(newest_ids.c.owner_id)
        .join(newest_ids, newest_ids.c.article_id == Article.id)
    )
    blocks: dict[int, list[Article]] = {section.id: [] for section in sections}
    for article, owner_id in db.session.execute(statement).unique():
        blocks[owner_id].append(article)
    return blocks


def get_public_article_or_404(article_id: int) -> Article:
    """A public article with everything its page shows, loaded in a fixed number of statements."""
    article = db.session.scalar(
        select(Article)
        .where(Article.id == article_id, is_public())
        .options(
            joinedload(Article.section).joinedload(Section.parent),
            joinedload(Article.cover),
            selectinload(Article.keywords),
            selectinload(Article.gallery).joinedload(GalleryItem.media),
            joinedload(Article.video),
        )
    )
    if article is None:
        abort(404)
    return article


def neighbours(article: Article) -> tuple[Article | None, Article | None]:
    """The next newer and next older public articles in the same section."""
    same_section = public_articles().where(Article.section_id == article.section_id, Article.id != article.id)
    newer_condition = or_(
        Article.published_at > article.published_at,
        and_(Article.published_at == article.published_at, Article.id > article.id),
    )
    newer = db.session.scalars(
        same_section.where(newer_condition)
        .order_by(None)
        .order_by(Article.published_at.asc(), Article.id.asc())
        .limit(1)
    ).first()
    older = db.session.scalars(same_section.where(~newer_condition).limit(1)).first()
    return newer, older


def with_keyword(keyword: Keyword) -> Select:
    return public_articles().where(
        Article.id.in_(
            select(article_keywords.c.article_id).where(article_keywords.c.keyword_id == keyword.id)
        )
    )


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


def related_for_page(article: Article, limit: int) -> list[Article]:
    """The article page's related list in one statement: hand-picked ones first, in the editor's order,
    then public articles sharing the most keywords, newest first.

    Shared keywords are counted among each keyword's RELATED_CANDIDATES newest articles (an index
    range each), not among all of them: a keyword on 20,000 articles would otherwise make every page
    of the site's archive count 20,000 rows. Readers get recent related stories, which they prefer.
    """
    picked = (
        select(related_articles.c.related_id, related_articles.c.position)
        .where(related_articles.c.article_id == article.id)
        .subquery()
    )
    per_keyword = [
        select(
            select(article_keywords.c.article_id)
            .where(article_keywords.c.keyword_id == keyword.id, article_keywords.c.article_id != article.id)
            .order_by(article_keywords.c.article_id.desc())
            .limit(RELATED_CANDIDATES)
            .subquery()
        )
        for keyword in article.keywords
    ] or [select(literal(0).label("article_id")).where(false())]
    candidates = union_all(*per_keyword).subquery()
    shared = (
        select(candidates.c.article_id, func.count().label("shared"))
        .group_by(candidates.c.article_id)
        .subquery()
    )
    statement = (
        public_articles_by_id()
        .outerjoin(picked, picked.c.related_id == Article.id)
        .outerjoin(shared, shared.c.article_id == Article.id)
        .where(Article.id != article.id)
        .where(Article.id.in_(union(select(picked.c.related_id), select(shared.c.article_id))))
        .order_by(
            picked.c.position.is_(None),
            picked.c.position,
            shared.c.shared.desc(),
            Article.published_at.desc(),
            Article.id.desc(),
        )
    )
    return listed(statement, limit)
