"""Exemplary-practice profiles: the fixed fields, validation, and storing a profile with its article.

Field names are stored data shown as they are everywhere (cards, campaign pages, reports), like
ward names, so they are Vietnamese values rather than translated interface text.
"""

from dataclasses import asdict, dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from app.articles.models import Article, ArticleFormat
from app.articles.queries import is_public
from app.campaigns.models import Campaign, ExemplaryProfile, SubjectKind
from app.core.errors import InvalidInput
from app.core.text import clean_line, fold, nfc
from app.extensions import db

FIELDS = tuple(
    nfc(name)
    for name in (
        "Kinh tế",
        "Chuyển đổi số",
        "Văn hóa - Xã hội",
        "Giáo dục",
        "Y tế",
        "Quốc phòng - An ninh",
        "Xây dựng Đảng - chính quyền",
        "Môi trường",
        "Khác",
    )
)
LIMITS = {"subject_name": 200, "unit": 200, "ward": 100, "field": 100, "achievement": 5000}
# The editor's form field for each profile value: a service refusal is shown next to it.
FORM_FIELDS = {name: f"profile_{name}" for name in (*LIMITS, "subject_kind", "campaign_id")}


@dataclass
class ProfileInput:
    """Who an exemplary story is about, as plain values; `field` is one of FIELDS (or empty)."""

    subject_name: str = ""
    subject_kind: SubjectKind = SubjectKind.INDIVIDUAL
    unit: str = ""
    ward: str = ""
    field: str = ""
    achievement: str = ""
    campaign_id: int | None = None


def prepare_profile(data: ProfileInput, *, kept_field: str = "") -> dict:
    """Validated, normalised profile values; `kept_field` is a stored field outside FIELDS left unchanged."""
    values = {
        "subject_name": clean_line(data.subject_name),
        "subject_kind": data.subject_kind,
        "unit": clean_line(data.unit),
        "ward": clean_line(data.ward),
        "field": clean_line(data.field),
        "achievement": nfc((data.achievement or "").strip()).replace("\r\n", "\n"),
        "campaign_id": data.campaign_id,
    }
    if not values["subject_name"]:
        raise InvalidInput(FORM_FIELDS["subject_name"], _("Please enter who the story is about."))
    for name, limit in LIMITS.items():
        if len(values[name]) > limit:
            raise InvalidInput(FORM_FIELDS[name], _("This field must be at most %(n)d characters.", n=limit))
    if not isinstance(values["subject_kind"], SubjectKind):
        raise InvalidInput(FORM_FIELDS["subject_kind"], _("Please choose a value from the list."))
    if values["field"] and values["field"] not in FIELDS and values["field"] != kept_field:
        raise InvalidInput(FORM_FIELDS["field"], _("Please choose a value from the list."))
    if values["campaign_id"] is not None and db.session.get(Campaign, values["campaign_id"]) is None:
        raise InvalidInput(FORM_FIELDS["campaign_id"], _("This campaign no longer exists."))
    return values


def store_profile(article: Article, values: dict | None) -> None:
    """Create, update or delete the article's profile in the caller's transaction (None: delete)."""
    profile = article.profile
    if values is None:
        if profile is not None:
            db.session.delete(profile)
            db.session.flush()
            db.session.expire(article, ["profile"])
        return
    if profile is None:
        profile = ExemplaryProfile(article=article)
        db.session.add(profile)
    for name, value in values.items():
        if name != "campaign_id":
            setattr(profile, name, value)
    profile.campaign = db.session.get(Campaign, values["campaign_id"]) if values["campaign_id"] else None


def profile_snapshot(profile: ExemplaryProfile | None) -> dict | None:
    """The profile as JSON-ready values for revisions (None: the article has no profile)."""
    if profile is None:
        return None
    return {
        "subject_name": profile.subject_name,
        "subject_kind": profile.subject_kind.value,
        "unit": profile.unit,
        "ward": profile.ward,
        "field": profile.field,
        "achievement": profile.achievement,
        "campaign_id": profile.campaign_id,
    }


def prepared_snapshot(values: dict | None) -> dict | None:
    """Prepared values in the snapshot's shape, to compare an edit with what is stored."""
    if values is None:
        return None
    return {**values, "subject_kind": values["subject_kind"].value}


def profile_from_snapshot(data: dict | None) -> ProfileInput | None:
    """The input that puts a revision's profile back; a campaign deleted since is left out."""
    if not data:
        return None
    kinds = {kind.value: kind for kind in SubjectKind}
    campaign_id = data.get("campaign_id")
    if campaign_id is not None and db.session.get(Campaign, campaign_id) is None:
        campaign_id = None
    return ProfileInput(
        subject_name=data.get("subject_name", ""),
        subject_kind=kinds.get(data.get("subject_kind", ""), SubjectKind.INDIVIDUAL),
        unit=data.get("unit", ""),
        ward=data.get("ward", ""),
        field=data.get("field", ""),
        achievement=data.get("achievement", ""),
        campaign_id=campaign_id,
    )


def kind_label(kind: SubjectKind | str) -> str:
    value = kind.value if isinstance(kind, SubjectKind) else kind
    return _("Individual") if value == SubjectKind.INDIVIDUAL.value else _("Collective")


def profile_summary(data: dict | None) -> str:
    """A snapshot's profile as lines a person reads (for conflicts and revision diffs)."""
    if not data:
        return ""
    campaign = db.session.get(Campaign, data["campaign_id"]) if data.get("campaign_id") else None
    lines = [
        data.get("subject_name", ""),
        kind_label(data.get("subject_kind", "")),
        data.get("unit", ""),
        data.get("ward", ""),
        data.get("field", ""),
        campaign.title if campaign else "",
        data.get("achievement", ""),
    ]
    return "\n".join(line for line in lines if line)


def input_summary(data: ProfileInput | None) -> str:
    if data is None:
        return ""
    return profile_summary({**asdict(data), "subject_kind": data.subject_kind.value})


def field_choices(current: str = "") -> list[str]:
    """The editor's field options: FIELDS, plus a stored value outside them so editing keeps it."""
    return [*FIELDS, current] if current and current not in FIELDS else list(FIELDS)


def campaign_choices() -> list[Campaign]:
    """Every campaign for the editor's select, the most recently started first."""
    return list(db.session.scalars(select(Campaign).order_by(Campaign.starts_on.desc(), Campaign.id.desc())))


def known_wards() -> list[str]:
    """Wards of public exemplary stories, for the editor's suggestions (any other ward may be typed)."""
    wards = db.session.scalars(
        select(ExemplaryProfile.ward)
        .join(Article, Article.id == ExemplaryProfile.article_id)
        .where(is_public(), Article.format == ArticleFormat.EXEMPLARY, ExemplaryProfile.ward != "")
        .distinct()
    )
    return sorted(wards, key=name_sort_key)


def name_sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order good enough for a short list of Vietnamese names: accents ignored, then kept."""
    return fold(name), name
