"""THE search service: a query and filters in, a page of highlighted results out, for any engine.

Cost is bounded whatever the query: the engine returns at most CANDIDATES recent matches plus
TITLE_CANDIDATES recent title matches, which are ranked here (text score, exact accents, title,
recency); counting stops at MAX_RESULTS; snippets are drawn for one page only.

What that means for a reader when a query matches more articles than that (the common Vietnamese
syllables are in most articles): the relevance pages rank the 400 most recently published matches
and the 200 most recent articles with every word in their title; an older article that mentions
the words only in its text is found by sorting newest first or narrowing the dates. The count says
"more than 1,000" beyond that (on PostgreSQL as soon as the planner expects ten times as many).
Snippets come from the first 5,000 characters of the lead and text.
"""

from dataclasses import dataclass, field
from datetime import datetime

from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import joinedload, load_only

from app.articles.models import Article, ArticleStatus
from app.core.dates import utcnow
from app.core.pagination import PageOfItems
from app.extensions import db
from app.search.engines import Candidate, Filters, engine_for
from app.search.highlight import highlight, snippet
from app.search.models import SearchDocument
from app.search.query import TYPING_PREFIX_MIN_LENGTH, SearchQuery, parse_query

PER_PAGE = 20
CANDIDATES = 400
TITLE_CANDIDATES = 200
MAX_RESULTS = 1000
SUGGESTED_TITLES = 5
SUGGESTIONS = 6
SUGGESTION_CANDIDATES = 50

# How the final order weighs what the engine and the query say (see rank()).
EXACT_WEIGHT = 4.0  # above everything else: `đường` puts roads before `dương`
TITLE_WEIGHT = 1.5
PHRASE_WEIGHT = 1.0
TEXT_WEIGHT = 1.0
RECENCY_WEIGHT = 0.5
RECENCY_DAYS = 30.0


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    section_ids: tuple[int, ...] = ()
    format: str | None = None
    since: datetime | None = None
    before: datetime | None = None
    newest_first: bool = False
    page: int = 1


@dataclass(frozen=True)
class Hit:
    article: Article
    title: Markup
    snippet: Markup


@dataclass
class SearchResults:
    query: SearchQuery
    page: PageOfItems | None = None  # of Hit; None when there is nothing to show
    total: int = 0  # matches counted, capped at MAX_RESULTS + 1 ("more than 1,000")
    similar: list[Article] = field(default_factory=list)  # titles close to a mistyped query

    @property
    def more_than_max(self) -> bool:
        return self.total > MAX_RESULTS


def search(params: SearchParams, *, now: datetime | None = None) -> SearchResults:
    query = parse_query(params.q)
    results = SearchResults(query=query)
    if query.is_empty:
        return results
    now = now or utcnow()
    filters = Filters(
        now=now,
        section_ids=params.section_ids,
        format=params.format,
        since=params.since,
        before=params.before,
    )
    engine = engine_for(db.session)
    results.total = engine.count(query, filters, cap=MAX_RESULTS + 1)
    if not results.total:
        results.similar = load_articles(engine.similar_titles(query, filters, limit=SUGGESTED_TITLES), now)
        return results
    offset = (params.page - 1) * PER_PAGE
    if params.newest_first:
        reachable = min(results.total, MAX_RESULTS)
        ids = engine.newest(query, filters, offset=offset, limit=PER_PAGE)
    else:
        candidates = engine.candidates(query, filters, limit=CANDIDATES, title_limit=TITLE_CANDIDATES)
        ranked = rank(candidates, query, now)
        reachable = len(ranked)
        ids = ranked[offset : offset + PER_PAGE]
    results.page = PageOfItems(
        page=params.page, per_page=PER_PAGE, error_out=True, items=hits_for(ids, query, now), total=reachable
    )
    return results


def suggest(text: str, *, limit: int = SUGGESTIONS, now: datetime | None = None) -> list[Article]:
    """The best few articles for what the reader has typed so far, the last word as a prefix."""
    query = parse_query(text, prefix_min_length=TYPING_PREFIX_MIN_LENGTH)
    if query.is_empty:
        return []
    now = now or utcnow()
    candidates = engine_for(db.session).candidates(
        query, Filters(now=now), limit=SUGGESTION_CANDIDATES, title_limit=SUGGESTION_CANDIDATES
    )
    return load_articles(rank(candidates, query, now)[:limit], now)


def rank(candidates: list[Candidate], query: SearchQuery, now: datetime) -> list[int]:
    """Article ids, best first: exact accents, then every word in the title, the words as a phrase,
    the engine's text score (bm25 or ts_rank, scaled to the best candidate) and recency."""
    if not candidates:
        return []
    best_score = max(candidate.score for candidate in candidates) or 1.0
    accented = len(query.accented_terms)

    now_seconds = now.timestamp()

    def weight(candidate: Candidate) -> float:
        age_days = max(now_seconds - candidate.published, 0) / 86400
        return (
            EXACT_WEIGHT * (candidate.exact_hits / accented if accented else 0)
            + TITLE_WEIGHT * candidate.in_title
            + PHRASE_WEIGHT * candidate.as_phrase
            + TEXT_WEIGHT * max(candidate.score, 0) / best_score
            + RECENCY_WEIGHT / (1 + age_days / RECENCY_DAYS)
        )

    ordered = sorted(candidates, key=lambda candidate: (-weight(candidate), -candidate.article_id))
    return [candidate.article_id for candidate in ordered]


# What a result shows of an article (the page: title, link, section, date; the API: lead, format,
# cover too); anything else is loaded if ever asked for. The snippet's text comes from the search
# document.
RESULT_OPTIONS = (
    load_only(
        Article.id,
        Article.title,
        Article.slug,
        Article.lead,
        Article.section_id,
        Article.format,
        Article.status,
        Article.cover_id,
        Article.published_at,
    ),
    joinedload(Article.section),
    joinedload(Article.cover),
)


def load_articles(ids: list[int], now: datetime) -> list[Article]:
    """Articles public at `now` with what a result shows, in the order of `ids` (others are dropped).

    Loaded by primary key and checked here: with `is_public()` in the WHERE, SQLite walks the
    status/published_at index of every published article instead of fetching twenty ids.
    """
    if not ids:
        return []
    statement = select(Article).where(Article.id.in_(ids)).options(*RESULT_OPTIONS)
    found = {article.id: article for article in db.session.scalars(statement) if is_public_at(article, now)}
    return [found[article_id] for article_id in ids if article_id in found]


def is_public_at(article: Article, now: datetime) -> bool:
    """`is_public()` for a loaded article."""
    return (
        article.status is ArticleStatus.PUBLISHED
        and article.published_at is not None
        and article.published_at <= now
    )


def hits_for(ids: list[int], query: SearchQuery, now: datetime) -> list[Hit]:
    """The page's hits: articles (as load_articles) with their search documents' text, in one query."""
    if not ids:
        return []
    statement = (
        select(Article, SearchDocument.title, SearchDocument.lead, SearchDocument.body)
        .join(SearchDocument, SearchDocument.article_id == Article.id)
        .where(Article.id.in_(ids))
        .options(*RESULT_OPTIONS)
    )
    found = {row[0].id: row for row in db.session.execute(statement) if is_public_at(row[0], now)}
    hits = []
    for article_id in ids:
        if article_id in found:
            article, title, lead, body = found[article_id]
            hits.append(Hit(article, highlight(title, query), snippet(lead + "\n" + body, query)))
    return hits
