"""A campaign in figures: the public page's counts, the office's review report, its CSV and bar charts.

"Its articles" are the campaign's public articles: those whose `campaign_id` is the campaign, plus
the exemplary stories whose profile names the campaign (an article counts once even when both
hold). "Its exemplary stories" are the public articles whose exemplary profile names the campaign.
Everything here starts from `is_public()`: drafts, pending, rejected, unpublished and scheduled
stories are in no figure, chart, table or CSV.
"""

import csv
import io
import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import String, case, func, literal_column, or_, select, union_all
from sqlalchemy.exc import CompileError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from app.accounts.models import User
from app.articles.models import Article
from app.articles.queries import is_public
from app.campaigns.models import Campaign, ExemplaryProfile
from app.core.dates import LOCAL_ZONE, local_to_utc
from app.core.text import fold, slugify
from app.extensions import db
from app.sections.models import Section

# Beyond five years of months, the chart shows only the months that have articles.
MAX_FILLED_MONTHS = 60
# Cells a spreadsheet would run as a formula (OWASP "CSV injection"), full-width forms included.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
DIMENSIONS = (
    ("section", _l("Section")),
    ("ward", _l("Ward")),
    ("field", _l("Field")),
    ("author", _l("Author")),
)


class Tally(NamedTuple):
    label: str
    count: int


@dataclass(frozen=True)
class Figures:
    """What the public campaign page shows in numbers."""

    months: list[Tally]  # its articles per local month, labelled MM/YYYY, oldest first
    wards: list[Tally]  # its exemplary stories per ward
    fields: list[Tally]  # its exemplary stories per field


@dataclass(frozen=True)
class ReportRow:
    label: str
    articles: int
    stories: int


@dataclass(frozen=True)
class Breakdown:
    key: str
    title: str
    rows: list[ReportRow]


@dataclass(frozen=True)
class Report:
    campaign: Campaign
    start: date
    end: date
    articles: int
    stories: int
    breakdowns: list[Breakdown]

    def breakdown(self, key: str) -> Breakdown:
        return next(breakdown for breakdown in self.breakdowns if breakdown.key == key)


class local_month(FunctionElement):
    """`YYYY-MM` of a stored UTC time in Vietnam's calendar, so 23:30 on the 31st (UTC+7) is that month."""

    type = String()
    name = "local_month"
    inherit_cache = True


@compiles(local_month)
def _local_month_unsupported(element, compiler, **kw):
    raise CompileError(f"local_month() is not implemented for {compiler.dialect.name}")


@compiles(local_month, "postgresql")
def _local_month_postgresql(element, compiler, **kw):
    column = compiler.process(element.clauses, **kw)
    return f"to_char(({column}) AT TIME ZONE '{LOCAL_ZONE.key}', 'YYYY-MM')"


@compiles(local_month, "sqlite")
def _local_month_sqlite(element, compiler, **kw):
    """SQLite knows no time zones: shift by Vietnam's offset (UTC+7, no daylight saving since 1975)."""
    column = compiler.process(element.clauses, **kw)
    minutes = int(datetime.now(LOCAL_ZONE).utcoffset().total_seconds() // 60)
    return f"strftime('%Y-%m', {column}, '{minutes:+d} minutes')"


def _story_condition(campaign: Campaign):
    return ExemplaryProfile.campaign_id == campaign.id


def _its_articles(campaign: Campaign, since: datetime | None = None, before: datetime | None = None) -> list:
    """WHERE conditions for the campaign's public articles (the statement outer-joins the profile)."""
    conditions = [is_public(), or_(Article.campaign_id == campaign.id, _story_condition(campaign))]
    if since is not None:
        conditions.append(Article.published_at >= since)
    if before is not None:
        conditions.append(Article.published_at < before)
    return conditions


def campaign_figures(campaign: Campaign) -> Figures:
    """Its articles per month and its stories per ward and per field, in two GROUP BY statements."""
    month = local_month(Article.published_at)
    monthly = db.session.execute(
        select(month, func.count(Article.id))
        .select_from(Article)
        .outerjoin(ExemplaryProfile, ExemplaryProfile.article_id == Article.id)
        .where(*_its_articles(campaign))
        .group_by(month)
        .order_by(month)
    ).all()
    stories = (
        select(Article.id)
        .join(ExemplaryProfile, ExemplaryProfile.article_id == Article.id)
        .where(is_public(), _story_condition(campaign))
    )
    groups = union_all(
        *(
            stories.with_only_columns(
                literal_column(f"'{name}'").label("dimension"),
                column.label("value"),
                func.count(Article.id).label("stories"),
            ).group_by(column)
            for name, column in (("ward", ExemplaryProfile.ward), ("field", ExemplaryProfile.field))
        )
    )
    by_dimension: dict[str, list[tuple[str | None, int]]] = {"ward": [], "field": []}
    for dimension, value, count in db.session.execute(groups):
        by_dimension[dimension].append((value, count))
    return Figures(
        months=_month_tallies([(key, count) for key, count in monthly]),
        wards=_tallies(by_dimension["ward"]),
        fields=_tallies(by_dimension["field"]),
    )


def _tallies(counts: list[tuple[str | None, int]]) -> list[Tally]:
    return [Tally(row.label, row.articles) for row in _rows((label, count, 0) for label, count in counts)]


def _month_tallies(counts: list[tuple[str, int]]) -> list[Tally]:
    """MM/YYYY tallies, oldest first; months without articles between the first and last show as 0."""
    found = {key: count for key, count in counts if key}
    if not found:
        return []
    first, last = (tuple(int(part) for part in key.split("-")) for key in (min(found), max(found)))
    span = (last[0] - first[0]) * 12 + last[1] - first[1] + 1
    if span > MAX_FILLED_MONTHS:
        keys = sorted(found)
    else:
        keys = [
            f"{first[0] + (first[1] - 1 + n) // 12:04d}-{(first[1] - 1 + n) % 12 + 1:02d}"
            for n in range(span)
        ]
    return [Tally(f"{key[5:7]}/{key[:4]}", found.get(key, 0)) for key in keys]


def default_period(campaign: Campaign, today: date) -> tuple[date, date]:
    """The campaign's own dates; one still running without an end date is reported up to today."""
    return campaign.starts_on, campaign.ends_on or max(today, campaign.starts_on)


def campaign_report(campaign: Campaign, start: date, end: date) -> Report:
    """Its public articles and stories published from `start` to `end` (Vietnamese calendar days,
    both included), counted by section, ward, field and author: one GROUP BY statement each."""
    conditions = _its_articles(
        campaign,
        since=local_to_utc(start, time.min),
        before=local_to_utc(end + timedelta(days=1), time.min),
    )
    is_story = func.sum(case((_story_condition(campaign), 1), else_=0))

    def counted(label, join=None) -> list[ReportRow]:
        """Counts grouped by a label: namesakes (two sections or authors with one name) share a row."""
        statement = (
            select(label, func.count(Article.id), is_story)
            .select_from(Article)
            .outerjoin(ExemplaryProfile, ExemplaryProfile.article_id == Article.id)
        )
        if join is not None:
            statement = statement.outerjoin(*join)
        rows = db.session.execute(statement.where(*conditions).group_by(label)).all()
        return _rows((name, articles, stories or 0) for name, articles, stories in rows)

    rows = {
        "section": counted(Section.name, (Section, Section.id == Article.section_id)),
        "ward": counted(ExemplaryProfile.ward),
        "field": counted(ExemplaryProfile.field),
        "author": counted(User.full_name, (User, User.id == Article.created_by_id)),
    }
    return Report(
        campaign=campaign,
        start=start,
        end=end,
        articles=sum(row.articles for row in rows["section"]),
        stories=sum(row.stories for row in rows["section"]),
        breakdowns=[Breakdown(key, str(title), rows[key]) for key, title in DIMENSIONS],
    )


def _rows(counts) -> list[ReportRow]:
    """Rows with one "Unknown" for missing and empty values: the largest first, ties in alphabetical
    order (Đ with D, as Vietnamese readers expect), "Unknown" last."""
    merged: dict[str, list[int]] = {}
    for label, articles, stories in counts:
        totals = merged.setdefault((label or "").strip(), [0, 0])
        totals[0] += articles
        totals[1] += stories
    ordered = sorted(
        merged.items(), key=lambda item: (not item[0], -item[1][0], -item[1][1], fold(item[0]), item[0])
    )
    return [ReportRow(label or _("Unknown"), articles, stories) for label, (articles, stories) in ordered]


def report_csv(report: Report) -> bytes:
    """The report as CSV for Excel: UTF-8 with a BOM (so Vietnamese shows), CRLF, formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("Group"), _("Value"), _("Number of articles"), _("Number of exemplary stories")])
    writer.writerow([_("Total"), "", report.articles, report.stories])
    for breakdown in report.breakdowns:
        for row in breakdown.rows:
            writer.writerow([breakdown.title, _safe_cell(row.label), row.articles, row.stories])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _safe_cell(value: str) -> str:
    """Prefix an apostrophe when a spreadsheet would read the text as a formula."""
    return (
        "'" + value
        if value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS)
        else value
    )


def report_filename(report: Report) -> str:
    """An ASCII name for the download: bao-cao-<slug>-<from>-<to>.csv."""
    slug = slugify(report.campaign.slug, max_length=80, fallback="phong-trao")
    return f"bao-cao-{slug}-{report.start.isoformat()}-{report.end.isoformat()}.csv"


@dataclass(frozen=True)
class Bar:
    label: str
    short_label: str  # what fits in the drawing; the full label is in its tooltip and the table
    count: int
    top: int  # where the bar starts vertically
    baseline: int  # where its label and value sit
    width: float
    value_x: float


@dataclass(frozen=True)
class BarChart:
    """The geometry of a horizontal bar chart, drawn as SVG by templates/campaigns/_chart.html."""

    bars: list[Bar]
    width: int
    height: int
    label_x: int  # labels end here (right-aligned)
    bar_x: int  # bars start here
    bar_height: int
    font_size: int


CHART_WIDTH = 480
CHART_ROW = 24
CHART_BAR = 16
CHART_FONT = 12
CHART_CHAR = 6.6  # average width of a 12-unit sans-serif character, accents included
CHART_LABEL_MAX = 190
CHART_GAP = 6
CHART_VALUE_ROOM = 44


def section_chart(report: Report) -> BarChart:
    """The report's chart: its articles per section."""
    return bar_chart([Tally(row.label, row.articles) for row in report.breakdown("section").rows])


def bar_chart(tallies: list[Tally]) -> BarChart:
    """Bars scaled to the largest value, each with its label on the left and its value at its end."""
    longest = max((len(tally.label) for tally in tallies), default=0)
    label_x = min(math.ceil(longest * CHART_CHAR) + 2, CHART_LABEL_MAX)
    bar_x = label_x + CHART_GAP
    fits = max(int((label_x - 2) / CHART_CHAR), 4)
    room = CHART_WIDTH - bar_x - CHART_VALUE_ROOM
    top = max((tally.count for tally in tallies), default=0) or 1
    bars = []
    for index, tally in enumerate(tallies):
        width = round(room * tally.count / top, 1)
        bars.append(
            Bar(
                label=tally.label,
                short_label=tally.label if len(tally.label) <= fits else tally.label[: fits - 1] + "…",
                count=tally.count,
                top=index * CHART_ROW + (CHART_ROW - CHART_BAR) // 2,
                baseline=index * CHART_ROW + (CHART_ROW + CHART_FONT) // 2 - 2,
                width=width,
                value_x=round(bar_x + width + 4, 1),
            )
        )
    return BarChart(
        bars=bars,
        width=CHART_WIDTH,
        height=max(len(bars), 1) * CHART_ROW,
        label_x=label_x,
        bar_x=bar_x,
        bar_height=CHART_BAR,
        font_size=CHART_FONT,
    )
