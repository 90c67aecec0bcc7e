"""Plain factory functions: sensible defaults, keyword overrides, real services where they exist."""

import io
import itertools
from datetime import date, timedelta

from PIL import Image

from app.accounts.models import Role, User
from app.accounts.services import create_user
from app.articles.models import Article, ArticleFormat, ArticleStatus
from app.articles.services import ArticleInput, create_article
from app.campaigns.models import Campaign, ExemplaryProfile, SubjectKind
from app.comments.models import Comment, CommentStatus
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.extensions import db
from app.media.models import Media
from app.media.services import add_image
from app.sections.models import Section, SectionKind

PASSWORD = "một mật khẩu đủ dài"  # every user make_user creates, unless told otherwise

_numbers = itertools.count(1)
NON_PUBLIC = ("draft", "pending", "rejected", "unpublished", "scheduled")


def make_user(*, role: Role | str = Role.EDITOR, email: str | None = None, **overrides) -> User:
    number = next(_numbers)
    return create_user(
        email=email or f"user{number}@example.vn",
        full_name=overrides.pop("full_name", f"Người dùng {number}"),
        role=role,
        password=overrides.pop("password", PASSWORD),
        actor=None,
    )


def make_section(name: str | None = None, **overrides) -> Section:
    number = next(_numbers)
    with write_transaction():
        section = Section(
            name=name or f"Chuyên mục {number}",
            slug=overrides.pop("slug", f"chuyen-muc-{number}"),
            kind=overrides.pop("kind", SectionKind.NEWS),
            position=overrides.pop("position", number),
            **overrides,
        )
        db.session.add(section)
    return section


def make_image(color: tuple[int, int, int] | None = None, size=(800, 450), **fields) -> Media:
    number = next(_numbers)
    buffer = io.BytesIO()
    Image.new("RGB", size, color or (number % 256, 90, 160)).save(buffer, "PNG")
    with write_transaction():
        return add_image(buffer.getvalue(), **fields)


def make_article(
    title: str | None = None,
    *,
    section: Section | None = None,
    status: str = "published",
    keywords: list[str] | None = None,
    hours_ago: float = 1,
    view_count: int = 0,
    **overrides,
) -> Article:
    """An article; status may also be "scheduled": published with a publication time in the future.

    `view_count` presets the readership (for most-read lists) without replaying that many views.
    """
    number = next(_numbers)
    published_at = None
    if status in ("published", "scheduled"):
        published_at = utcnow() + timedelta(hours=-hours_ago if status == "published" else 24)
    article = create_article(
        ArticleInput(
            title=title or f"Bài viết thử nghiệm số {number}",
            section=section or make_section(),
            lead=overrides.pop("lead", "Sapo của bài viết thử nghiệm."),
            body=overrides.pop(
                "body", "<h2>Tiêu đề phụ</h2><p>Đoạn văn thứ nhất.</p><p>Đoạn văn thứ hai.</p>"
            ),
            byline=overrides.pop("byline", "NGUYỄN VĂN A"),
            keywords=keywords or [],
            format=ArticleFormat(overrides.pop("format", "standard")),
            status=ArticleStatus.PUBLISHED if status == "scheduled" else ArticleStatus(status),
            published_at=overrides.pop("published_at", published_at),
            **overrides,
        ),
        actor=None,
    )
    if view_count:
        with write_transaction():
            article.view_count = view_count
    return article


def make_campaign(title: str = "Phong trào thi đua thử nghiệm", **overrides) -> Campaign:
    number = next(_numbers)
    with write_transaction():
        campaign = Campaign(
            title=title,
            slug=overrides.pop("slug", f"phong-trao-{number}"),
            description=overrides.pop("description", "Mô tả phong trào."),
            goals=overrides.pop("goals", "Mục tiêu một\nMục tiêu hai"),
            starts_on=overrides.pop("starts_on", date(2026, 1, 1)),
            ends_on=overrides.pop("ends_on", date(2030, 12, 31)),
            **overrides,
        )
        db.session.add(campaign)
    return campaign


def make_profile(article: Article, campaign: Campaign | None = None, **overrides) -> ExemplaryProfile:
    with write_transaction():
        profile = ExemplaryProfile(
            article_id=article.id,
            subject_name=overrides.pop("subject_name", "Nguyễn Thị B"),
            subject_kind=overrides.pop("subject_kind", SubjectKind.INDIVIDUAL),
            ward=overrides.pop("ward", "Đồng Tâm"),
            field=overrides.pop("field", "Chuyển đổi số"),
            campaign_id=campaign.id if campaign else None,
            **overrides,
        )
        db.session.add(profile)
    return profile


def make_comment(
    article=None,
    *,
    status="pending",
    author_name="Nguyễn Văn An",
    author_email="an@example.vn",
    body="Ý kiến của tôi về bài viết.",
    created_at=None,
    parent=None,
    is_official=False,
    **overrides,
):
    """A comment stored as-is (no posting rules); a reader's by default, with consent given when written."""
    if article is None:
        article = parent.article if parent is not None else make_article()
    created_at = created_at or utcnow()
    with write_transaction():
        comment = Comment(
            article_id=article.id,
            parent_id=parent.id if parent is not None else None,
            status=CommentStatus(status),
            author_name=author_name,
            author_email=author_email,
            body=body,
            created_at=created_at,
            is_official=is_official,
            consent_at=overrides.pop("consent_at", None if is_official else created_at),
            **overrides,
        )
        db.session.add(comment)
    return comment
