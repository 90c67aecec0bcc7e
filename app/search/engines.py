"""The two search engines behind one interface, chosen by the database dialect.

Both answer the same questions about published search documents: a bounded set of candidates
with a text score (the most recent matches, plus the most recent title matches, so a story
named after the query is never lost behind newer passing mentions), a
capped count, a page by date, and (PostgreSQL only) titles close to a mistyped query. Ranking
the candidates and drawing snippets happen once, in queries.py, for both. bench/search.py
measures them at 100,000 articles.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Float, Integer, bindparam, text
from sqlalchemy.orm import Session

from app.core.db import UTCDateTime
from app.search.query import SearchQuery, Term


@dataclass(frozen=True)
class Filters:
    now: datetime
    section_ids: tuple[int, ...] = ()
    format: str | None = None
    since: datetime | None = None
    before: datetime | None = None


class Candidate(NamedTuple):
    article_id: int
    published_at: datetime
    score: float  # the engine's relevance, higher is better (comparable within one engine only)
    exact_hits: int  # how many of the query's accented words appear exactly as typed
    in_title: bool = False  # every word is in the title
    as_phrase: bool = False  # the words stand side by side, in the query's order


class SqlParts(NamedTuple):
    where: str
    params: dict
    expanding: tuple[str, ...]


def filter_sql(filters: Filters) -> SqlParts:
    """The documents' own conditions: due (never a scheduled story before its time), then the filters."""
    clauses, params, expanding = ["d.published_at <= :now"], {"now": filters.now}, []
    if filters.section_ids:
        clauses.append("d.section_id IN :section_ids")
        params["section_ids"] = list(filters.section_ids)
        expanding.append("section_ids")
    if filters.format:
        clauses.append("d.format = :format")
        params["format"] = filters.format
    if filters.since:
        clauses.append("d.published_at >= :since")
        params["since"] = filters.since
    if filters.before:
        clauses.append("d.published_at < :before")
        params["before"] = filters.before
    return SqlParts(" AND ".join(clauses), params, tuple(expanding))


def exact_variants(term: Term) -> list[str]:
    """How an accented word is written in text: as typed, Capitalised, UPPER (comparing these is
    cheaper than lower-casing every candidate's text, and SQLite's lower() knows ASCII only)."""
    return list(dict.fromkeys((term.exact, term.exact.capitalize(), term.exact.upper())))


def exact_sql(query: SearchQuery, params: dict, find: str, alias: str = "d") -> str:
    """How many accented words of the query a document holds exactly as typed (`find`: instr/strpos)."""
    text_sql = f"{alias}.title || ' ' || {alias}.lead || ' ' || {alias}.keywords || ' ' || {alias}.body"
    terms = []
    for index, term in enumerate(query.accented_terms):
        tests = []
        for variant_index, variant in enumerate(exact_variants(term)):
            name = f"exact_{index}_{variant_index}"
            params[name] = variant
            tests.append(f"{find}({text_sql}, :{name}) > 0")
        terms.append(f"(CASE WHEN {' OR '.join(tests)} THEN 1 ELSE 0 END)")
    return " + ".join(terms) or "0"


class Engine(ABC):
    """What both engines share: running a statement with the filters bound, merging candidates."""

    def __init__(self, session: Session):
        self.session = session

    def run(self, sql: str, params: dict, expanding: tuple[str, ...] = (), *, scored: bool = False):
        """Execute with the filters bound; `scored` rows are typed as Candidate fields (UTC times)."""
        statement = text(sql)
        if expanding:
            statement = statement.bindparams(*(bindparam(name, expanding=True) for name in expanding))
        if scored:
            statement = statement.columns(
                article_id=Integer, published_at=UTCDateTime(), score=Float, exact_hits=Integer
            )
        return self.session.execute(statement, params)

    def candidates(
        self, query: SearchQuery, filters: Filters, *, limit: int, title_limit: int
    ) -> list[Candidate]:
        """The most recent `limit` matches and the most recent `title_limit` title matches, merged,
        each marked with whether its title holds every word and whether the words form a phrase.

        The phrase is checked among the recent matches only: their ids lie close together, so the
        check reads a short stretch of the index (older title matches spanned nearly all of it and
        made three-word queries five times slower at 100,000 articles).
        """
        found = {row.article_id: Candidate(*row) for row in self.scored_matches(query, filters, limit=limit)}
        recent = list(found)
        in_title = set()
        for row in self.scored_matches(query, filters, limit=title_limit, title_only=True):
            found.setdefault(row.article_id, Candidate(*row))
            in_title.add(row.article_id)
        as_phrase = self.phrase_matches(query, recent) if len(query.words) > 1 else set()
        return [
            candidate._replace(in_title=article_id in in_title, as_phrase=article_id in as_phrase)
            for article_id, candidate in found.items()
        ]

    @abstractmethod
    def scored_matches(self, query: SearchQuery, filters: Filters, *, limit: int, title_only: bool = False):
        """Rows (article_id, published_at, score, exact_hits) of the most recent matches."""

    @abstractmethod
    def phrase_matches(self, query: SearchQuery, article_ids: list[int]) -> set[int]:
        """Which of these articles hold the query's words side by side, in order."""

    @abstractmethod
    def count(self, query: SearchQuery, filters: Filters, *, cap: int) -> int:
        """How many documents match, counting no further than `cap`."""

    @abstractmethod
    def newest(self, query: SearchQuery, filters: Filters, *, offset: int, limit: int) -> list[int]:
        """A page of matches, newest first."""

    def similar_titles(self, query: SearchQuery, filters: Filters, *, limit: int) -> list[int]:
        """Articles whose title is close to a mistyped query; engines without trigrams find none."""
        return []


class SqliteEngine(Engine):
    """FTS5 over folded text (unicode61 remove_diacritics 2, đ folded by the triggers)."""

    # bm25 weights by column: title, lead, keywords, byline, body. Only the all-columns statement
    # scores: bm25 reads each term's whole doclist, and title matches are a signal of their own.
    RANK = "bm25(search_fts, 10.0, 4.0, 6.0, 2.0, 1.0)"

    def match(self, query: SearchQuery, *, title_only: bool = False) -> str:
        parts = [f'"{term.folded}"' for term in query.words]
        if query.prefix_last:
            parts[-1] += "*"
        parts += ['"' + " ".join(term.folded for term in phrase) + '"' for phrase in query.phrases]
        expression = " ".join(parts)
        return f"title : ({expression})" if title_only else expression

    def scored_matches(self, query: SearchQuery, filters: Filters, *, limit: int, title_only: bool = False):
        where, params, expanding = filter_sql(filters)
        params |= {"match": self.match(query, title_only=title_only), "limit": limit}
        exact = exact_sql(query, params, "instr")
        score = "0.0" if title_only else f"-{self.RANK}"
        return self.run(
            f"""SELECT d.article_id, d.published_at, {score} AS score, {exact} AS exact_hits
                FROM search_fts JOIN search_documents d ON d.article_id = search_fts.rowid
                WHERE search_fts MATCH :match AND {where}
                ORDER BY search_fts.rowid DESC LIMIT :limit""",
            params,
            expanding,
            scored=True,
        ).all()

    def phrase_matches(self, query: SearchQuery, article_ids: list[int]) -> set[int]:
        # The rowid range turns one phrase lookup per id into a single scan of the range.
        if not article_ids:
            return set()
        phrase = '"' + " ".join(term.folded for term in query.words) + '"'
        return set(
            self.run(
                """SELECT rowid FROM search_fts WHERE search_fts MATCH :phrase
                   AND rowid BETWEEN :low AND :high AND rowid IN :ids""",
                {"phrase": phrase, "ids": article_ids, "low": min(article_ids), "high": max(article_ids)},
                ("ids",),
            ).scalars()
        )

    def count(self, query: SearchQuery, filters: Filters, *, cap: int) -> int:
        where, params, expanding = filter_sql(filters)
        params |= {"match": self.match(query), "cap": cap}
        return self.run(
            f"""SELECT count(*) FROM (SELECT 1 FROM search_fts JOIN search_documents d
                ON d.article_id = search_fts.rowid WHERE search_fts MATCH :match AND {where} LIMIT :cap)""",
            params,
            expanding,
        ).scalar_one()

    def newest(self, query: SearchQuery, filters: Filters, *, offset: int, limit: int) -> list[int]:
        where, params, expanding = filter_sql(filters)
        params |= {"match": self.match(query), "limit": limit, "offset": offset}
        # Collect the matches, then sort them by date. Walking the date index with a per-row FTS
        # probe instead measured 4–8 times slower for common two-word queries (each probe reads the
        # words' whole doclists).
        sql = f"""SELECT d.article_id FROM search_documents d WHERE {where}
                  AND d.article_id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH :match)
                  ORDER BY d.published_at DESC, d.article_id DESC LIMIT :limit OFFSET :offset"""
        return list(self.run(sql, params, expanding).scalars())


class PostgresEngine(Engine):
    """Generated weighted tsvectors in the `vn` configuration (unaccent, then simple), with GIN.

    The tsquery is written inline in each WHERE (not joined from a CTE) so the planner sees how
    common the words are and walks the published_at index backwards for common ones; ts_rank and
    the exact-accent test run outside the LIMIT, on the bounded set only.
    """

    def tsquery(self, query: SearchQuery) -> str:
        parts = [f"'{term.folded}'" for term in query.words]
        if query.prefix_last:
            parts[-1] += ":*"
        parts += ["(" + " <-> ".join(f"'{term.folded}'" for term in phrase) + ")" for phrase in query.phrases]
        return " & ".join(parts)

    def scored_matches(self, query: SearchQuery, filters: Filters, *, limit: int, title_only: bool = False):
        where, params, expanding = filter_sql(filters)
        params |= {"tsq": self.tsquery(query), "limit": limit}
        column = "title_tsv" if title_only else "tsv"
        exact = exact_sql(query, params, "strpos", alias="c")
        score = "0.0" if title_only else "ts_rank(c.vector, to_tsquery('vn', :tsq))"
        return self.run(
            f"""SELECT c.article_id, c.published_at, {score} AS score, {exact} AS exact_hits
                FROM (SELECT d.article_id, d.published_at, d.{column} AS vector,
                             d.title, d.lead, d.keywords, d.body
                      FROM search_documents d WHERE d.{column} @@ to_tsquery('vn', :tsq) AND {where}
                      ORDER BY d.published_at DESC LIMIT :limit) AS c""",
            params,
            expanding,
            scored=True,
        ).all()

    def phrase_matches(self, query: SearchQuery, article_ids: list[int]) -> set[int]:
        if not article_ids:
            return set()
        phrase = " <-> ".join(f"'{term.folded}'" for term in query.words)
        return set(
            self.run(
                """SELECT article_id FROM search_documents
                   WHERE article_id IN :ids AND tsv @@ to_tsquery('vn', :phrase)""",
                {"phrase": phrase, "ids": article_ids},
                ("ids",),
            ).scalars()
        )

    def count(self, query: SearchQuery, filters: Filters, *, cap: int) -> int:
        where, params, expanding = filter_sql(filters)
        params |= {"tsq": self.tsquery(query), "cap": cap}
        return self.run(
            f"""SELECT count(*) FROM (SELECT 1 FROM search_documents d
                WHERE d.tsv @@ to_tsquery('vn', :tsq) AND {where} LIMIT :cap) AS matches""",
            params,
            expanding,
        ).scalar_one()

    def newest(self, query: SearchQuery, filters: Filters, *, offset: int, limit: int) -> list[int]:
        where, params, expanding = filter_sql(filters)
        params |= {"tsq": self.tsquery(query), "limit": limit, "offset": offset}
        return list(
            self.run(
                f"""SELECT d.article_id FROM search_documents d
                    WHERE d.tsv @@ to_tsquery('vn', :tsq) AND {where}
                    ORDER BY d.published_at DESC, d.article_id DESC LIMIT :limit OFFSET :offset""",
                params,
                expanding,
            ).scalars()
        )

    def similar_titles(self, query: SearchQuery, filters: Filters, *, limit: int) -> list[int]:
        where, params, expanding = filter_sql(filters)
        params |= {"folded": " ".join(term.folded for term in query.terms), "limit": limit}
        return list(
            self.run(
                f"""SELECT d.article_id FROM search_documents d
                    WHERE :folded <% lower(search_fts_unaccent(d.title)) AND {where}
                    ORDER BY word_similarity(:folded, lower(search_fts_unaccent(d.title))) DESC,
                             d.published_at DESC
                    LIMIT :limit""",
                params,
                expanding,
            ).scalars()
        )


def engine_for(session: Session) -> Engine:
    dialect = session.get_bind().dialect.name
    return SqliteEngine(session) if dialect == "sqlite" else PostgresEngine(session)
