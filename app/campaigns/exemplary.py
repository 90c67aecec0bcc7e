"""The public index of exemplary-practice stories, filtered by campaign, ward, field and kind.

The section page of an exemplary-kind section renders it:
`render_template("campaigns/exemplary_index.html", **exemplary_page(section, request.args))`.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import Select, select
from sqlalchemy.orm import contains_eager

from app.articles.models import Article, ArticleFormat
from app.articles.queries import is_public, public_articles
from app.campaigns.models import Campaign, ExemplaryProfile, SubjectKind
from app.campaigns.profiles import FIELDS, kind_label, name_sort_key
from app.core.pagination import paginate
from app.extensions import db
from app.sections.models import Section

MAX_ARG_LENGTH = 200


@dataclass
class Facets:
    """The filter options: only values that public exemplary stories have."""

    campaigns: list[Campaign] = field(default_factory=list)
    wards: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    kinds: list[tuple[str, str]] = field(default_factory=list)

    def options(self) -> dict[str, list[tuple[str, str]]]:
        """(value, label) pairs of each filter's select."""
        return {
            "campaign": [(campaign.slug, campaign.title) for campaign in self.campaigns],
            "ward": [(ward, ward) for ward in self.wards],
            "field": [(name, name) for name in self.fields],
            "kind": self.kinds,
        }


@dataclass
class ExemplaryFilters:
    """The filters in force; empty strings are "all". Values no public story has were dropped."""

    campaign: str = ""
    ward: str = ""
    field: str = ""
    kind: str = ""
    campaign_id: int | None = None

    @property
    def active(self) -> bool:
        return bool(self.campaign or self.ward or self.field or self.kind)


def exemplary_page(section: Section, args: Mapping[str, str]) -> dict:
    """The template context of the index: section, filters, facets and a page of (article, profile)."""
    facets = exemplary_facets()
    filters = read_filters(args, facets)
    page = paginate(exemplary_stories(filters))
    return {
        "section": section,
        "page": page,
        "stories": [(article, article.profile) for article in page.items],
        "filters": filters,
        "facets": facets,
    }


def read_filters(args: Mapping[str, str], facets: Facets) -> ExemplaryFilters:
    """The query string's filters; a value that is not among the options is ignored, never an error."""

    def arg(name: str) -> str:
        value = args.get(name) or ""
        return value.strip() if len(value) <= MAX_ARG_LENGTH else ""

    campaigns = {campaign.slug: campaign.id for campaign in facets.campaigns}
    campaign = arg("campaign") if arg("campaign") in campaigns else ""
    return ExemplaryFilters(
        campaign=campaign,
        ward=arg("ward") if arg("ward") in facets.wards else "",
        field=arg("field") if arg("field") in facets.fields else "",
        kind=arg("kind") if arg("kind") in dict(facets.kinds) else "",
        campaign_id=campaigns.get(campaign),
    )


def exemplary_stories(filters: ExemplaryFilters) -> Select:
    """Public exemplary stories with their profiles (and campaigns) joined, newest first, filtered."""
    statement = (
        public_articles()
        .join(ExemplaryProfile, ExemplaryProfile.article_id == Article.id)
        .where(Article.format == ArticleFormat.EXEMPLARY)
        .options(contains_eager(Article.profile).joinedload(ExemplaryProfile.campaign))
    )
    if filters.campaign_id is not None:
        statement = statement.where(ExemplaryProfile.campaign_id == filters.campaign_id)
    if filters.ward:
        statement = statement.where(ExemplaryProfile.ward == filters.ward)
    if filters.field:
        statement = statement.where(ExemplaryProfile.field == filters.field)
    if filters.kind:
        statement = statement.where(ExemplaryProfile.subject_kind == SubjectKind(filters.kind))
    return statement


def exemplary_facets() -> Facets:
    """Campaigns, wards, fields and kinds of public exemplary stories, in two statements."""
    public_profiles = (
        select(ExemplaryProfile)
        .join(Article, Article.id == ExemplaryProfile.article_id)
        .where(is_public(), Article.format == ArticleFormat.EXEMPLARY)
    )
    campaign_ids = public_profiles.with_only_columns(ExemplaryProfile.campaign_id).where(
        ExemplaryProfile.campaign_id.is_not(None)
    )
    campaigns = db.session.scalars(
        select(Campaign)
        .where(Campaign.id.in_(campaign_ids))
        .order_by(Campaign.starts_on.desc(), Campaign.id.desc())
    )
    rows = db.session.execute(
        public_profiles.with_only_columns(
            ExemplaryProfile.ward, ExemplaryProfile.field, ExemplaryProfile.subject_kind
        ).distinct()
    ).all()
    fields = {row.field for row in rows if row.field}
    kinds = {row.subject_kind for row in rows}
    return Facets(
        campaigns=list(campaigns),
        wards=sorted({row.ward for row in rows if row.ward}, key=name_sort_key),
        fields=[name for name in FIELDS if name in fields] + sorted(fields - set(FIELDS), key=name_sort_key),
        kinds=[(kind.value, kind_label(kind)) for kind in SubjectKind if kind in kinds],
    )
