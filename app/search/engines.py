"""The two search engines behind one interface, chosen by the database dialect.

Both answer the same questions about published search documents: a bounded set of candidates
with a text score (the most recent matches, plus the most recent title matches, so a story
named after the query is never lost behind newer passing mentions), a capped count, a page by
date, and (PostgreSQL only) titles close to a mistyped query. Ranking the candidates and drawing
snippets happen once, in queries.py, for both. bench/search.py measures them at 100,000 articles.

What keeps the work bounded when the words are in most articles (Vietnamese syllables are):
- "most recent" is an index order: SQLite's FTS5 rowids are search keys (publication time first,
  see models.py), so its doclists are walked backwards and the walk stops at the limit;
  PostgreSQL walks the published_at index and tests each row's tsvector.
- a quoted phrase is looked up through the index of adjacent word pairs (pairs.py) instead of the
  positions of its words in every article that holds them all;
- titles have an index of their own (SQLite) or a column, pairs and a covering date index of
  their own (PostgreSQL), so title matches do not read the body's;
- a count stops at the cap (SQLite reads the FTS index alone; PostgreSQL takes the planner's
  estimate when it is far above the cap).
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import NamedTuple

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from app.search.models import first_key_at, last_key_at
from app.search.pairs import PAIR_JOINER
from app.search.query import SearchQuery, Term


@dataclass(frozen=True)
class Filters:
    now: datetime
    section_ids: tuple[int, ...] = ()
    format: str | None = None
    since: datetime | None = None
    before: datetime | None = None

    @property
    def only_dates(self) -> bool:
        """Whether the filters are all about dates (which search keys answer without the documents)."""
        return not self.section_ids and not self.format


class Candidate(NamedTuple):
    article_id: int
    published: float  # when, in seconds since 1970 (cheaper than datetimes for a few hundred rows)
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


def exact_sql(query: SearchQuery, params: dict, find: str, *, text_sql: str | None = None) -> str:
    """How many accented words of the query a document holds exactly as typed (`find`: instr or
    strpos), as typed, Capitalised or UPPER: in `text_sql`, or else in each of d's text columns (a
    word has no space: it cannot straddle two)."""
    columns = [text_sql] if text_sql else ["d.title", "d.lead", "d.keywords", "d.body"]
    terms = []
    for index, term in enumerate(query.accented_terms):
        tests = []
        for variant_index, variant in enumerate(exact_variants(term)):
            name = f"exact_{index}_{variant_index}"
            params[name] = variant
            tests += [f"{find}({column}, :{name}) > 0" for column in columns]
        terms.append(f"(CASE WHEN {' OR '.join(tests)} THEN 1 ELSE 0 END)")
    return " + ".join(terms) or "0"


class Engine(ABC):
    """What both engines share: running a statement with the filters bound."""

    def __init__(self, session: Session):
        self.session = session

    def run(self, sql: str, params: dict, expanding: tuple[str, ...] = ()):
        """Execute with the filters bound (`expanding`: the names of list parameters)."""
        statement = text(sql)
        if expanding:
            statement = statement.bindparams(*(bindparam(name, expanding=True) for name in expanding))
        return self.session.execute(statement, params)

    @abstractmethod
    def candidates(
        self, query: SearchQuery, filters: Filters, *, limit: int, title_limit: int
    ) -> list[Candidate]:
        """The most recent `limit` matches and the most recent `title_limit` title matches, merged,
        each marked with whether its title holds every word and whether the words form a phrase
        (checked among the recent matches only)."""

    @abstractmethod
    def count(self, query: SearchQuery, filters: Filters, *, cap: int) -> int:
        """How many documents match, counting no further than `cap`."""

    @abstractmethod
    def newest(self, query: SearchQuery, filters: Filters, *, offset: int, limit: int) -> list[int]:
        """A page of matches, newest first."""

    def similar_titles(self, query: SearchQuery, filters: Filters, *, limit: int) -> list[int]:
        """Articles whose title is close to a mistyped query; engines without trigrams find none."""
        return []


def merge(
    recent: list, titled: list, *, as_phrase: set[int] | None = None, exact: dict[int, int] | None = None
) -> list[Candidate]:
    """Recent matches first, then the title matches not among them (with `exact` hits counted
    apart, if given); the phrase flag from `as_phrase` (ids) or from each row. Rows are tuples
    (article_id, published, score, exact_hits, as_phrase)."""
    found = {row[0]: row for row in recent}
    in_title = {row[0] for row in titled}
    for row in titled:
        found.setdefault(row[0], row)
    exact = exact or {}
    return [
        Candidate(
            article_id,
            published,
            score,
            exact.get(article_id, exact_hits),
            article_id in in_title,
            (article_id in as_phrase) if as_phrase is not None else bool(phrase),
        )
        for article_id, (article_id, published, score, exact_hits, phrase) in found.items()
    ]


def quoted(token: str) -> str:
    return f'"{token}"'


class SqliteEngine(Engine):
    """FTS5 over folded text (unicode61 remove_diacritics 2, đ folded by the triggers), with search
    keys as rowids: search_fts (all columns), search_fts_titles, and search_fts_pairs (word pairs).

    A query with quoted phrases is matched in the pair table (a phrase of n words is the FTS5 phrase
    of its n-1 pairs: exact). Its other words, if any, are checked in search_fts for a few hundred
    pair matches at a time, newest first.
    """

    # bm25 weights by column: title, lead, keywords, byline, body (the same in search_fts_pairs).
    # Only the statement for recent matches scores: bm25 reads each term's whole doclist.
    WEIGHTS = "10.0, 4.0, 6.0, 2.0, 1.0"
    MIXED_BATCH = 500
    # The tables have prefix indexes for 2 and 3 letters. A longer prefix is expanded to the words it
    # begins (FTS5 would otherwise merge their whole doclists before returning a single row), unless
    # it begins more than this many.
    INDEXED_PREFIX = 3
    EXPANDED_WORDS = 32
    # A phrase with other words: checked in search_fts among those words' matches when they are at
    # most this many; else the words are checked among the phrase's matches, MIXED_BATCH at a time,
    # in its MIXED_BATCHES × MIXED_BATCH most recent matches at most.
    RARE_WORDS = 2_000
    MIXED_BATCHES = 20

    def __init__(self, session: Session):
        super().__init__(session)
        self.expansions: dict[str, str] = {}
        self.rare: bool | None = None  # whether the query's words (besides phrases) are rare

    def word_match(self, query: SearchQuery) -> str:
        parts = [quoted(term.folded) for term in query.words]
        if query.prefix_last and parts:
            parts[-1] = self.prefix(query.words[-1].folded)
        return " AND ".join(parts)

    def prefix(self, word: str) -> str:
        """`"giao"*`, or `("giao" OR "giaos")` from the list of indexed words when the prefix is long."""
        if len(word) <= self.INDEXED_PREFIX:
            return quoted(word) + "*"
        if word not in self.expansions:
            words = (
                self.run(
                    "SELECT term FROM search_fts_terms WHERE term >= :word AND term < :end LIMIT :limit",
                    {"word": word, "end": word + "\U0010ffff", "limit": self.EXPANDED_WORDS + 1},
                )
                .scalars()
                .all()
            )
            words = list(dict.fromkeys([word, *words]))
            if len(words) > self.EXPANDED_WORDS:
                self.expansions[word] = quoted(word) + "*"
            else:
                self.expansions[word] = "(" + " OR ".join(map(quoted, words)) + ")"
        return self.expansions[word]

    def pair_match(self, query: SearchQuery) -> str:
        return " AND ".join(self.pair_phrase(phrase) for phrase in query.phrases)

    def pair_phrase(self, terms: list[Term]) -> str:
        """A phrase of n words as the FTS5 phrase of its n-1 adjacent pairs."""
        words = [term.folded for term in terms]
        return quoted(" ".join(a + PAIR_JOINER + b for a, b in pairwise(words)))

    def full_match(self, query: SearchQuery) -> str:
        """Every word, and every phrase by the positions of its words: for titles (short, so their
        positions are cheap to read) and for documents holding rare words."""
        phrases = [quoted(" ".join(term.folded for term in phrase)) for phrase in query.phrases]
        return " AND ".join(filter(None, (self.word_match(query), *phrases)))

    def source(self, query: SearchQuery, filters: Filters) -> tuple[str, str]:
        """The table whose match is exact for the query without another check, and its expression:
        words alone in search_fts; phrases in search_fts_pairs, unless other words of the query are
        rare enough (RARE_WORDS matches at most) for search_fts to check the phrases among them."""
        if query.phrases and not (query.words and self.rare_words(query, filters)):
            return "search_fts_pairs", self.pair_match(query)
        return "search_fts", self.full_match(query)

    def rare_words(self, query: SearchQuery, filters: Filters) -> bool:
        if self.rare is None:
            params = {"match": self.word_match(query), "cap": self.RARE_WORDS + 1}
            bounds = self.key_bounds("search_fts", filters, params)
            found = self.run(
                f"""SELECT count(*) FROM (SELECT 1 FROM search_fts
                    WHERE search_fts MATCH :match AND {bounds} LIMIT :cap)""",
                params,
            ).scalar_one()
            self.rare = found <= self.RARE_WORDS
        return self.rare

    def key_bounds(self, table: str, filters: Filters, params: dict) -> str:
        """Conditions on the FTS rowid that hold the date filters, so a walk skips the future."""
        params["high_key"] = last_key_at(filters.now)
        if filters.before:
            params["high_key"] = min(params["high_key"], first_key_at(filters.before) - 1)
        conditions = f"{table}.rowid <= :high_key"
        if filters.since:
            params["low_key"] = first_key_at(filters.since)
            conditions += f" AND {table}.rowid >= :low_key"
        return conditions

    def walk(
        self,
        table: str,
        match: str,
        query: SearchQuery,
        filters: Filters,
        *,
        limit: int,
        offset: int = 0,
        scored: bool = False,
        below: int | None = None,
    ):
        """Matches newest first: (key, article_id, published, score, exact_hits, as_phrase) tuples.

        The FTS table is the outer loop (CROSS JOIN fixes the join order), so the walk stops at the
        limit; the documents are looked up by key for the filters, the date and the exact accents.
        """
        where, params, expanding = filter_sql(filters)
        params |= {"match": match, "limit": limit, "offset": offset}
        bounds = self.key_bounds(table, filters, params)
        if below is not None:
            params["below"] = below
            bounds += f" AND {table}.rowid < :below"
        score = f"-bm25({table}, {self.WEIGHTS})" if scored else "0.0"
        exact = exact_sql(query, params, "instr") if scored else "0"
        return self.run(
            f"""SELECT {table}.rowid AS key, d.article_id, {table}.rowid / 1000.0 AS published,
                       {score} AS score, {exact} AS exact_hits, 0 AS as_phrase
                FROM {table} CROSS JOIN search_documents AS d ON d.search_key = {table}.rowid
                WHERE {table} MATCH :match AND {bounds} AND {where}
                ORDER BY {table}.rowid DESC LIMIT :limit OFFSET :offset""",
            params,
            expanding,
        ).all()

    def matches(
        self, query: SearchQuery, filters: Filters, *, limit: int, offset: int = 0, scored: bool = False
    ):
        """The newest `limit` matches after `offset`; for phrases with common words, batches of pair
        matches checked for the words in search_fts (rowid lookups: a few microseconds each)."""
        table, match = self.source(query, filters)
        if table == "search_fts" or not query.words:
            return self.walk(table, match, query, filters, limit=limit, offset=offset, scored=scored)
        kept, below = [], None
        for _batch in range(self.MIXED_BATCHES):
            if len(kept) >= offset + limit:
                break
            batch = self.walk(
                table, match, query, filters, limit=self.MIXED_BATCH, scored=scored, below=below
            )
            if not batch:
                break
            keys = [row[0] for row in batch]
            with_words = set(
                self.run(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH :match AND rowid IN :keys",
                    {"match": self.word_match(query), "keys": keys},
                    ("keys",),
                ).scalars()
            )
            kept += [row for row in batch if row[0] in with_words]
            if len(batch) < self.MIXED_BATCH:
                break
            below = keys[-1]
        return kept[offset : offset + limit]

    def candidates(
        self, query: SearchQuery, filters: Filters, *, limit: int, title_limit: int
    ) -> list[Candidate]:
        recent = self.matches(query, filters, limit=limit, scored=True)
        titled = self.walk("search_fts_titles", self.full_match(query), query, filters, limit=title_limit)
        # Most recent title matches are recent matches too: count exact accents for the others only.
        recent_ids = {row[1] for row in recent}
        exact = self.exact_hits(query, [row[1] for row in titled if row[1] not in recent_ids])
        as_phrase = self.phrase_matches(query, recent)
        recent, titled = [row[1:] for row in recent], [row[1:] for row in titled]
        return merge(recent, titled, as_phrase=as_phrase, exact=exact)

    def exact_hits(self, query: SearchQuery, article_ids: list[int]) -> dict[int, int]:
        if not article_ids or not query.accented_terms:
            return {}
        params = {"ids": article_ids}
        exact = exact_sql(query, params, "instr")
        return dict(
            self.run(
                f"SELECT d.article_id, {exact} FROM search_documents AS d WHERE d.article_id IN :ids",
                params,
                ("ids",),
            ).all()
        )

    def phrase_matches(self, query: SearchQuery, rows: list) -> set[int]:
        """Articles among these matches whose words stand side by side: one walk of the pair table
        over their key range (recent matches lie close together), intersected here."""
        if len(query.words) < 2 or not rows:
            return set()
        keys = [row[0] for row in rows]
        found = set(
            self.run(
                """SELECT rowid FROM search_fts_pairs WHERE search_fts_pairs MATCH :phrase
                   AND rowid BETWEEN :low AND :high""",
                {"phrase": self.pair_phrase(query.words), "low": min(keys), "high": max(keys)},
            ).scalars()
        )
        return {row[1] for row in rows if row[0] in found}

    def count(self, query: SearchQuery, filters: Filters, *, cap: int) -> int:
        table, match = self.source(query, filters)
        if (table == "search_fts_pairs" and query.words) or not filters.only_dates:
            return len(self.matches(query, filters, limit=cap))
        params = {"match": match, "cap": cap}
        bounds = self.key_bounds(table, filters, params)
        return self.run(
            f"""SELECT count(*) FROM (SELECT 1 FROM {table}
                WHERE {table} MATCH :match AND {bounds} LIMIT :cap)""",
            params,
        ).scalar_one()

    def newest(self, query: SearchQuery, filters: Filters, *, offset: int, limit: int) -> list[int]:
        return [row[1] for row in self.matches(query, filters, limit=limit, offset=offset)]


class PostgresEngine(Engine):
    """Generated weighted tsvectors in the `vn` configuration (unaccent, then simple), with GIN, and
    GIN expression indexes of word pairs (search_fts_pairs of tsv and of title_tsv) for phrases.

    Words: the tsquery is written inline in each WHERE (not joined from a CTE) so the planner sees
    how common the words are and walks the published_at index backwards for common ones; ts_rank
    and the exact-accent test run after the LIMIT, on the bounded set.

    Quoted phrases go through a pair index (a two-word phrase only there: the pair is the phrase);
    the tsvector then checks longer phrases and the other words, row by row (never as an index
    condition: a bitmap that needs rechecking would recompute the pairs of every row). An index
    answers in no useful order, so a phrase is looked for among the most recent documents first
    (see newest_in_windows), then among all; when rows are checked one by one, count() keeps the
    newest matches it sorted and the candidates or the page of newest results are taken from them.

    The count is the planner's estimate when that is far above the cap (the page then says "more
    than 1,000" without counting), and the title_tsv column, its pairs and a covering date index
    answer title matches.
    """

    # Counting stops ("more than 1,000") when the planner expects this many times the cap: its
    # estimates of words multiply their frequencies; those of pairs are the pairs' own frequencies.
    ESTIMATE_FACTOR = 10
    PAIR_ESTIMATE_FACTOR = 2
    # A phrase's newest matches are looked for among the most recent documents first: 3,000, then
    # as many as should hold 1.5 times the matches wanted, then all.
    FIRST_WINDOW = 3_000
    WINDOW_MARGIN = 1.5
    WINDOW_GROWTH = 16
    # A phrase with other words: found through the tsvector index when those words have at most
    # this many matches.
    RARE_WORDS = 2_000
    SIMILAR_WINDOW = 20_000

    def __init__(self, session: Session):
        super().__init__(session)
        self.rare: bool | None = None  # whether the query's words (besides phrases) are rare
        self.window_starts: dict = {}
        self.known: list[int] | None = None  # the newest phrase matches by date, found by count()
        self.known_all = False  # whether they are all the matches

    def tsquery(self, query: SearchQuery, *, phrases: str = "long") -> str:
        """Words (the last as a prefix) and the phrases: "all", "long" ones (of three words or more:
        a two-word phrase is its pair) or "none"."""
        parts = [f"'{term.folded}'" for term in query.words]
        if query.prefix_last and parts:
            parts[-1] += ":*"
        parts += [
            "(" + " <-> ".join(f"'{term.folded}'" for term in phrase) + ")"
            for phrase in query.phrases
            if phrases == "all" or (phrases == "long" and len(phrase) > 2)
        ]
        return " & ".join(parts)

    def use_pairs(self, query: SearchQuery, filters: Filters) -> bool:
        """Whether the pair index finds the matches: for phrases, unless the query's other words
        are rare enough (RARE_WORDS matches at most) for the tsvector index to lead."""
        if not query.phrases or not query.words:
            return bool(query.phrases)
        if self.rare is None:
            where, params, expanding = filter_sql(filters)
            params |= {"tsq": self.tsquery(query, phrases="none"), "cap": self.RARE_WORDS + 1}
            found = self.run(
                f"""SELECT count(*) FROM (SELECT 1 FROM search_documents d
                    WHERE d.tsv @@ to_tsquery('vn', :tsq) AND {where} LIMIT :cap) AS m""",
                params,
                expanding,
            ).scalar_one()
            self.rare = found <= self.RARE_WORDS
        return not self.rare

    def pair_tsquery(self, query: SearchQuery) -> str:
        pairs = [
            f"'{first.folded} {second.folded}'"
            for phrase in query.phrases
            for first, second in pairwise(phrase)
        ]
        return " & ".join(dict.fromkeys(pairs))

    def matches_sql(
        self, query: SearchQuery, filters: Filters, params: dict, *, column: str = "tsv", since=None
    ) -> tuple[str, tuple[str, ...]]:
        """A SELECT of the matches' (article_id, published_at), and its expanding parameters.

        With a phrase it selects from a materialized CTE: given a LIMIT, the planner would walk the
        date index testing each row, and counts the pairs function (a bitmap recheck it never runs)
        against the index; with every match to find, it takes the pair index.
        """
        where, filter_params, expanding = filter_sql(filters)
        params |= filter_params
        pairs = self.use_pairs(query, filters)
        conditions = []
        if words := self.tsquery(query, phrases="long" if pairs else "all"):
            params["tsq"] = words
            conditions.append(f"d.{column} @@ to_tsquery('vn', :tsq)")
        if pairs:
            params["pairs"] = self.pair_tsquery(query)
            conditions = [f"({condition}) IS TRUE" for condition in conditions]  # see the class
            conditions.append(f"search_fts_pairs(d.{column}) @@ CAST(:pairs AS tsquery)")
        if since is not None:
            params["window_start"] = since
            conditions.append("d.published_at >= :window_start")
        matches = f"""SELECT d.article_id, d.published_at FROM search_documents d
                      WHERE {" AND ".join(conditions)} AND {where}"""
        if pairs:
            matches = f"WITH matches AS MATERIALIZED ({matches}) SELECT * FROM matches"
        return matches, expanding

    def newest_matches(
        self, query: SearchQuery, filters: Filters, *, limit: int, offset: int = 0, since=None
    ) -> list[int]:
        params = {"limit": limit, "offset": offset}
        matches, expanding = self.matches_sql(query, filters, params, since=since)
        return list(
            self.run(
                f"""SELECT article_id FROM ({matches}) AS m
                    ORDER BY published_at DESC, article_id DESC LIMIT :limit OFFSET :offset""",
                params,
                expanding,
            ).scalars()
        )

    def window_start(self, filters: Filters, size: int):
        """When the `size`-th most recent document was published (None: there are fewer)."""
        if size not in self.window_starts:
            self.window_starts[size] = self.run(
                """SELECT published_at FROM search_documents WHERE published_at <= :now
                   ORDER BY published_at DESC OFFSET :offset LIMIT 1""",
                {"now": filters.now, "offset": size - 1},
            ).scalar()
        return self.window_starts[size]

    def newest_in_windows(
        self, query: SearchQuery, filters: Filters, *, limit: int, offset: int = 0
    ) -> list[int]:
        """The newest matches, a page of them, looked for among the FIRST_WINDOW most recent
        documents, then among as many as the matches found there say should hold the page (with a
        margin, unless that is more than WINDOW_GROWTH times as many), then among all. (The
        planner's estimates of pairs outside its most common ones are a default: they cannot size
        the first window.)"""
        wanted, size = offset + limit, self.FIRST_WINDOW
        for _attempt in range(2):
            since = self.window_start(filters, size)
            if since is None:  # fewer documents than that
                break
            found = self.newest_matches(query, filters, limit=wanted, since=since)
            if len(found) >= wanted:
                return found[offset:]
            grown = int(size * self.WINDOW_MARGIN * wanted / max(len(found), 1))
            if grown > self.WINDOW_GROWTH * size:  # a rare phrase: no window will hold the page
                break
            size = grown
        return self.newest_matches(query, filters, limit=limit, offset=offset)

    def count(self, query: SearchQuery, filters: Filters, *, cap: int) -> int:
        """The planner's estimate when it is far above the cap, else a count. When rows have to be
        checked one by one (a phrase with other words or of three words or more), the newest
        matches are sorted as they are counted and kept (see the class)."""
        params = {"cap": cap}
        matches, expanding = self.matches_sql(query, filters, params)
        [plan] = self.run(f"EXPLAIN (FORMAT JSON) {matches}", params, expanding).scalar_one()
        pairs = self.use_pairs(query, filters)
        only_pairs = pairs and not self.tsquery(query)
        factor = self.PAIR_ESTIMATE_FACTOR if only_pairs else self.ESTIMATE_FACTOR
        if plan["Plan"]["Plan Rows"] >= factor * cap:
            return cap
        if not pairs or only_pairs:
            total = self.run(
                f"SELECT count(*) FROM ({matches} LIMIT :cap) AS m", params, expanding
            ).scalar_one()
            self.known_all = total < cap  # few: no windows needed to find the newest
            return total
        self.known = self.newest_in_windows(query, filters, limit=cap)
        self.known_all = len(self.known) < cap
        return len(self.known)

    def recent_matches(
        self, query: SearchQuery, filters: Filters, *, limit: int, offset: int = 0
    ) -> list[int]:
        """The ids of the newest matches (a page of them): for a phrase, from those count() kept,
        or from the most recent documents first."""
        if self.known is not None and (self.known_all or len(self.known) >= offset + limit):
            return self.known[offset : offset + limit]
        if self.use_pairs(query, filters) and not self.known_all:
            return self.newest_in_windows(query, filters, limit=limit, offset=offset)
        return self.newest_matches(query, filters, limit=limit, offset=offset)

    def scored(self, query: SearchQuery, newest: str, params: dict, expanding, *, title_only: bool = False):
        """Score, exact accents and phrase flag of the matches `newest` selects, read by primary key
        (only ids and dates went through the search and its sort)."""
        params["rank"] = self.tsquery(query, phrases="all")
        exact = exact_sql(query, params, "strpos", text_sql="t.text")
        score = "0.0::float8" if title_only else "ts_rank(d.tsv, to_tsquery('vn', :rank))"
        as_phrase = "false"
        if len(query.words) > 1 and not title_only:
            params["phrase"] = " <-> ".join(f"'{term.folded}'" for term in query.words)
            as_phrase = "d.tsv @@ to_tsquery('vn', :phrase)"
        # The text for the exact-accent test is put together once a row (OFFSET 0 keeps the planner
        # from copying the expression into every test; lower() would cost more than the tests).
        text_sql = (
            "d.title || ' ' || d.lead || ' ' || d.keywords || ' ' || d.body" if query.accented_terms else "''"
        )
        return self.run(
            f"""SELECT d.article_id, extract(epoch FROM d.published_at)::float8 AS published,
                       {score} AS score, {exact} AS exact_hits, {as_phrase} AS as_phrase
                FROM ({newest}) AS c JOIN search_documents d ON d.article_id = c.article_id
                CROSS JOIN LATERAL (SELECT {text_sql} AS text OFFSET 0) AS t""",
            params,
            expanding,
        ).all()

    def candidates(
        self, query: SearchQuery, filters: Filters, *, limit: int, title_limit: int
    ) -> list[Candidate]:
        if self.use_pairs(query, filters):
            ids = self.recent_matches(query, filters, limit=limit)
            recent = self.scored(
                query, "SELECT unnest(CAST(:ids AS integer[])) AS article_id", {"ids": ids}, ()
            )
        else:
            params = {"limit": limit}
            matches, expanding = self.matches_sql(query, filters, params)
            recent = self.scored(
                query, f"{matches} ORDER BY published_at DESC LIMIT :limit", params, expanding
            )
        params = {"limit": title_limit}
        matches, expanding = self.matches_sql(query, filters, params, column="title_tsv")
        newest_titles = f"SELECT * FROM ({matches}) AS m ORDER BY published_at DESC LIMIT :limit"
        titled = self.scored(query, newest_titles, params, expanding, title_only=True)
        return merge(recent, titled)

    def newest(self, query: SearchQuery, filters: Filters, *, offset: int, limit: int) -> list[int]:
        return self.recent_matches(query, filters, limit=limit, offset=offset)

    def similar_titles(self, query: SearchQuery, filters: Filters, *, limit: int) -> list[int]:
        """Titles close to the query, by trigrams, among the SIMILAR_WINDOW most recent articles:
        common syllables put most titles through the trigram index, and each is then compared (all
        100,000 took half a second); none for a query of fewer than four letters."""
        folded = " ".join(term.folded for term in query.terms)
        if len(folded.replace(" ", "")) < 4:
            return []
        where, params, expanding = filter_sql(filters)
        params |= {"folded": folded, "limit": limit}
        since = self.window_start(filters, self.SIMILAR_WINDOW)
        if since is not None:
            params["window_start"] = since
            where += " AND d.published_at >= :window_start"
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
