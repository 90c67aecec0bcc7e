"""Loading the Vietnamese demo content: idempotent, so running it twice changes nothing."""

import os
import secrets
import zlib
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path

from markupsafe import escape
from sqlalchemy import select

from app.accounts.models import Role, User
from app.accounts.services import create_user
from app.articles.models import Article, ArticleFormat, ArticleStatus
from app.articles.services import ArticleInput, build_article
from app.campaigns.models import Campaign, ExemplaryProfile, SubjectKind
from app.comments.models import Comment, CommentStatus
from app.comments.text import hash_content
from app.core.dates import local_to_utc, today_local
from app.core.db import write_transaction
from app.demo.content import ARTICLES, CAMPAIGN, COMMENTS, SECTIONS
from app.demo.covers import draw_cover
from app.extensions import db
from app.media.models import GalleryItem, Video
from app.media.services import add_image
from app.sections.models import Section, SectionKind
from app.settings.models import SiteSettings

DEMO_USERS = (
    ("quantri@anphu.example", "Nguyễn Văn Quản", Role.ADMIN),
    ("bientap@anphu.example", "Lê Thị Biên", Role.EDITOR),
    ("phongvien@anphu.example", "Trần Minh Phong", Role.CONTRIBUTOR),
)

SITE = dict(
    site_name="Bản tin quận An Phú",
    tagline="Trang thông tin điện tử của Phòng Văn hoá và Thông tin quận An Phú",
    governing_agency="Uỷ ban nhân dân quận An Phú",
    licence="Giấy phép số 12/GP-TTĐT ngày 15/01/2026 của Sở Văn hoá, Thể thao và Du lịch",
    responsible_person="Trưởng phòng Văn hoá và Thông tin quận An Phú",
    address="Số 1 đường Trung Tâm, phường An Phú, quận An Phú",
    phone="0225 3888 999",
    email="vanhoathongtin@anphu.example",
)


@dataclass
class SeedReport:
    sections: int = 0
    articles: int = 0
    users: list[tuple[str, str, str]] | None = None


def seed_demo(instance_path: Path) -> SeedReport:
    """Create what is missing of the demo site; new demo users' passwords go to the report."""
    report = SeedReport(users=[])
    report.users = _seed_users()
    with write_transaction():
        _seed_settings()
        sections, report.sections = seed_sections()
        campaign = _seed_campaign()
    for index, item in enumerate(ARTICLES):
        with write_transaction():
            if _seed_article(index, item, sections, campaign):
                report.articles += 1
    with write_transaction():
        _seed_comments()
    if report.users:
        write_credentials(instance_path / "demo-credentials.txt", report.users)
    return report


def _seed_users() -> list[tuple[str, str, str]]:
    created = []
    for email, name, role in DEMO_USERS:
        if db.session.scalar(select(User.id).where(User.email == email)):
            continue
        password = secrets.token_urlsafe(12)
        create_user(email=email, full_name=name, role=role, password=password, actor=None)
        created.append((role.value, email, password))
    return created


def write_credentials(path: Path, users: list[tuple[str, str, str]]) -> None:
    """Append the new demo logins to a file only the owner can read (mode 600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.chmod(path, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        for role, email, password in users:
            handle.write(f"{role}\t{email}\t{password}\n")


def _seed_settings() -> None:
    if db.session.get(SiteSettings, 1) is None:
        db.session.add(SiteSettings(id=1, **SITE))


def seed_sections() -> tuple[dict[str, Section], int]:
    existing = {section.slug: section for section in db.session.scalars(select(Section))}
    created = 0
    for position, item in enumerate(SECTIONS):
        if item["slug"] in existing:
            continue
        section = Section(
            name=item["name"],
            slug=item["slug"],
            description=item["description"],
            kind=SectionKind(item["kind"]),
            parent=existing.get(item["parent"]) if item["parent"] else None,
            position=position,
            in_menu=item["in_menu"],
            on_home=item["on_home"],
            in_sidebar=item["in_sidebar"],
        )
        db.session.add(section)
        existing[item["slug"]] = section
        created += 1
    db.session.flush()
    return existing, created


def _seed_campaign() -> Campaign:
    campaign = db.session.scalar(select(Campaign).where(Campaign.slug == CAMPAIGN["slug"]))
    if campaign is None:
        campaign = Campaign(
            title=CAMPAIGN["title"],
            slug=CAMPAIGN["slug"],
            description="\n\n".join(CAMPAIGN["description"]),
            goals="\n".join(CAMPAIGN["goals"]),
            starts_on=date.fromisoformat(CAMPAIGN["starts_on"]),
            ends_on=date.fromisoformat(CAMPAIGN["ends_on"]),
        )
        db.session.add(campaign)
        db.session.flush()
    return campaign


def _seed_article(index: int, item: dict, sections: dict[str, Section], campaign: Campaign) -> bool:
    section = sections[item["section"]]
    if db.session.scalar(
        select(Article.id).where(Article.title == item["title"], Article.section_id == section.id)
    ):
        return False
    status_name = item.get("status", "published")
    published_at = local_to_utc(
        today_local() - timedelta(days=item["days_ago"]), time(item["hour"], item["minute"])
    )
    status = (
        ArticleStatus.PUBLISHED if status_name in ("published", "scheduled") else ArticleStatus(status_name)
    )
    seed = zlib.crc32(item["title"].encode())
    cover = add_image(
        draw_cover(seed, section.kind.value),
        alt=item["cover_caption"],
        credit=item["cover_credit"],
    )
    profile = item.get("profile")
    in_campaign = bool(profile and profile.get("campaign"))
    article = build_article(
        ArticleInput(
            title=item["title"],
            section=section,
            lead=item["lead"],
            body=body_html(item["body"]),
            byline=item["byline"],
            source=item.get("source") or "",
            keywords=item["keywords"],
            format=ArticleFormat(item["format"]),
            status=status,
            published_at=published_at if status is ArticleStatus.PUBLISHED else None,
            cover=cover,
            cover_caption=item["cover_caption"],
            is_featured=item.get("featured", False),
            campaign_id=campaign.id if in_campaign else None,
        ),
        actor=None,
    )
    for position, caption in enumerate(item.get("gallery", [])):
        photo = add_image(draw_cover(seed + position + 1, "photo"), alt=caption, credit=item["cover_credit"])
        db.session.add(GalleryItem(article_id=article.id, media=photo, position=position, caption=caption))
    if item.get("video_url"):
        db.session.add(Video(article_id=article.id, embed_url=item["video_url"], poster_id=cover.id))
    if profile:
        db.session.add(
            ExemplaryProfile(
                article_id=article.id,
                subject_name=profile["subject_name"],
                subject_kind=SubjectKind(profile["subject_kind"]),
                unit=profile.get("unit", ""),
                ward=profile.get("ward", ""),
                field=profile.get("field", ""),
                achievement=profile.get("achievement", ""),
                campaign_id=campaign.id if in_campaign else None,
            )
        )
    return True


def _seed_comments() -> None:
    """Readers' comments on a few published stories; the editor's answers come from the editorial board."""
    editor = db.session.scalar(select(User).where(User.role == Role.EDITOR).order_by(User.id))
    for item in COMMENTS:
        article = db.session.scalar(select(Article).where(Article.title == item["article"]))
        if article is None or db.session.scalar(
            select(Comment.id).where(Comment.article_id == article.id, Comment.body == item["body"])
        ):
            continue
        written = article.published_at + timedelta(hours=item["hours_after"])
        comment = Comment(
            article_id=article.id,
            author_name=item["author_name"],
            author_email=item["author_email"],
            body=item["body"],
            content_hash=hash_content(item["body"]),
            status=CommentStatus(item["status"]),
            consent_at=written,
            created_at=written,
        )
        db.session.add(comment)
        if item.get("reply"):
            db.session.add(
                Comment(
                    article_id=article.id,
                    parent=comment,
                    author_name="Ban biên tập",
                    author_email="",
                    author_id=editor.id if editor else None,
                    body=item["reply"],
                    status=CommentStatus.APPROVED,
                    is_official=True,
                    created_at=written + timedelta(hours=2),
                )
            )


def body_html(blocks: list[str]) -> str:
    """Demo bodies are lists of blocks: `## ` and `### ` start subheadings, the rest are paragraphs."""
    parts = []
    for block in blocks:
        if block.startswith("### "):
            parts.append(f"<h3>{escape(block[4:])}</h3>")
        elif block.startswith("## "):
            parts.append(f"<h2>{escape(block[3:])}</h2>")
        else:
            parts.append(f"<p>{escape(block)}</p>")
    return "\n".join(parts)
