"""Writing campaigns: create, edit and delete them; every change is audited."""

from dataclasses import dataclass, replace
from datetime import date

from flask_babel import gettext as _

from app.accounts.models import User
from app.audit.services import record
from app.campaigns import queries
from app.campaigns.models import Campaign
from app.core.db import write_transaction
from app.core.errors import Conflict, InvalidInput
from app.core.text import clean_line, nfc, slugify, unique_slug
from app.extensions import db
from app.media.services import add_uploaded_image, prepared_image

TITLE_MAX_LENGTH = 300
SLUG_MAX_LENGTH = 150
DESCRIPTION_MAX_LENGTH = 5000
GOALS_MAX_LENGTH = 3000
SLUG_FALLBACK = "phong-trao"
AUDITED_FIELDS = ("title", "slug", "description", "goals", "starts_on", "ends_on")


@dataclass
class CampaignInput:
    """A campaign's editable fields as plain values; `banner` holds the bytes of a new upload."""

    title: str
    slug: str = ""
    description: str = ""
    goals: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    banner: bytes | None = None
    remove_banner: bool = False


def create_campaign(data: CampaignInput, *, actor: User | None) -> Campaign:
    """A new campaign; its status (upcoming, active, ended) follows from its dates."""
    data = replace(data, banner=prepared_image(data.banner, field="banner"))
    with write_transaction():
        campaign = Campaign(**_validated(data, None))
        _apply_banner(campaign, data, actor)
        db.session.add(campaign)
        db.session.flush()
        record("campaign.create", campaign, actor=actor, summary=_describe(campaign))
    return campaign


def update_campaign(campaign: Campaign, data: CampaignInput, *, actor: User | None) -> Campaign:
    """Save a campaign's fields; the audit summary names what changed."""
    data = replace(data, banner=prepared_image(data.banner, field="banner"))
    with write_transaction():
        values = _validated(data, campaign)
        before = {name: getattr(campaign, name) for name in AUDITED_FIELDS}
        for name, value in values.items():
            setattr(campaign, name, value)
        changes = [_describe_change(name, before[name], values[name]) for name in AUDITED_FIELDS]
        if _apply_banner(campaign, data, actor):
            changes.append("banner")
        record(
            "campaign.update",
            campaign,
            actor=actor,
            summary="; ".join(change for change in changes if change) or campaign.title,
        )
    return campaign


def delete_campaign(campaign: Campaign, *, actor: User | None) -> tuple[int, int]:
    """Delete a campaign. Its articles and exemplary profiles stay, no longer tied to any campaign
    (the foreign keys are ON DELETE SET NULL). Returns how many articles and profiles were unlinked."""
    with write_transaction():
        articles, profiles = queries.linked_counts(campaign)
        record(
            "campaign.delete",
            campaign,
            actor=actor,
            summary=f"{_describe(campaign)}; articles: {articles}; profiles: {profiles}",
        )
        db.session.delete(campaign)
    return articles, profiles


def _validated(data: CampaignInput, campaign: Campaign | None) -> dict:
    """Checked, normalised values for the campaign's columns, or InvalidInput naming the field."""
    title = clean_line(data.title)
    if not title:
        raise InvalidInput("title", _("Please enter a title."))
    if len(title) > TITLE_MAX_LENGTH:
        raise InvalidInput("title", _("The title must be at most %(max)d characters.", max=TITLE_MAX_LENGTH))
    return {
        "title": title,
        "slug": _checked_slug(data.slug, title, campaign),
        "description": _checked_text(data.description, "description", DESCRIPTION_MAX_LENGTH),
        "goals": _checked_text(data.goals, "goals", GOALS_MAX_LENGTH),
        **_checked_dates(data.starts_on, data.ends_on),
    }


def _checked_slug(wanted: str, title: str, campaign: Campaign | None) -> str:
    """A typed address must be free (409 otherwise); one built from the title gets -2, -3… instead."""
    typed = clean_line(wanted)
    if typed:
        slug = slugify(typed, max_length=SLUG_MAX_LENGTH)
        if not slug:
            raise InvalidInput("slug", _("The address needs at least one letter or digit."))
        if queries.slug_taken(slug, excluding=campaign):
            raise Conflict("slug", _("Another campaign already uses the address “%(slug)s”.", slug=slug))
        return slug
    base = slugify(title, max_length=SLUG_MAX_LENGTH, fallback=SLUG_FALLBACK)
    return unique_slug(base, lambda candidate: queries.slug_taken(candidate, excluding=campaign))


def _checked_text(value: str, field: str, max_length: int) -> str:
    text = nfc((value or "").replace("\r\n", "\n")).strip()
    if len(text) > max_length:
        raise InvalidInput(field, _("This is at most %(max)d characters.", max=max_length))
    return text


def _checked_dates(starts_on: date | None, ends_on: date | None) -> dict:
    if starts_on is None:
        raise InvalidInput("starts_on", _("Please enter the start date."))
    if ends_on is not None and ends_on < starts_on:
        raise InvalidInput("ends_on", _("The end date is before the start date."))
    return {"starts_on": starts_on, "ends_on": ends_on}


def _apply_banner(campaign: Campaign, data: CampaignInput, actor: User | None) -> bool:
    """Store a new banner through the media pipeline or drop the current one; True when it changed."""
    if data.banner:
        campaign.banner = add_uploaded_image(
            data.banner, field="banner", alt=campaign.title, uploaded_by=actor
        )
        return True
    if data.remove_banner and campaign.banner_id is not None:
        campaign.banner = None
        return True
    return False


def _describe(campaign: Campaign) -> str:
    ends = campaign.ends_on.isoformat() if campaign.ends_on else "…"
    return f"{campaign.title} (/phong-trao/{campaign.slug}), {campaign.starts_on.isoformat()} → {ends}"


def _describe_change(name: str, before, after) -> str:
    if before == after:
        return ""
    if name in ("description", "goals"):
        return name
    return f"{name}: {before or '…'} → {after or '…'}"
