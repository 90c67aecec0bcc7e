"""Reading articles. Every public list starts from public_articles(): one place decides visibility."""

from datetime import datetime, timedelta

from flask import abort
from sqlalchemy import Select, and_, func, literal, or_, select, union_all
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.sql.elements import ColumnElement

from app.articles.models import Article, ArticleStatus
from app.core.dates import utcnow
from app.extensions import db
from app.keywords.models import Keyword, article_keywords
from app.media.models import GalleryItem
from app.sections.models import Section
from app.sections.queries import ids_with_descendants

MOST_READ_DAYS = 30


def is_public(now: datetime | None = None) -> ColumnElement[bool]:
    """Published and due: drafts, pending, rejected, unpublished and scheduled stories are hidden."""
    return and_(
        Article.status == ArticleStatus.PUBLISHED,
        Article.published_at <= (now or utcnow()),
    )


def newest_first(statement: Select) -> Select:
    return statement.order_by(Article.published_at.desc(), Article.id.desc())


def public_articles() -> Select:
    """Public articles, newest first, with what a teaser needs (section for the URL, cover) joined."""
    return newest_first(
        select(Article).where(is_public()).options(joinedload(Article.section), joinedload(Article.cover))
    )


def listed(statement: Select, limit: int) -> list[Article]:
    return list(db.session.scalars(statement.limit(limit)).unique())


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


def related_by_keywords(article: Article, limit: int) -> list[Article]:
    """Public articles sharing the most keywords with this one, then the newest."""
    keyword_ids = [keyword.id for keyword in article.keywords]
    if not keyword_ids:
        return []
    shared = (
        select(article_keywords.c.article_id, func.count().label("shared"))
        .where(
            article_keywords.c.keyword_id.in_(keyword_ids),
            article_keywords.c.article_id != article.id,
        )
        .group_by(article_keywords.c.article_id)
        .subquery()
    )
    statement = (
        public_articles()
        .join(shared, shared.c.article_id == Article.id)
        .order_by(None)
        .order_by(shared.c.shared.desc(), Article.published_at.desc(), Article.id.desc())
    )
    return listed(statement, limit)


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
