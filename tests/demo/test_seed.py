"""`flask seed-demo`: a full Vietnamese demo site on first run, nothing duplicated on the next."""

import stat

from sqlalchemy import func, select

from app.accounts.models import Role, User
from app.articles.models import Article, ArticleStatus
from app.articles.queries import public_articles
from app.campaigns.models import Campaign, ExemplaryProfile
from app.keywords.models import Keyword
from app.sections.models import Section, SectionKind


def counts(db):
    return {
        model.__name__: db.session.scalar(select(func.count()).select_from(model))
        for model in (Section, Article, Keyword, User, Campaign, ExemplaryProfile)
    }


def test_seed_demo_builds_the_demo_site_once_and_is_idempotent(runner, db, app, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    after_first = counts(db)

    sections = {section.slug: section for section in db.session.scalars(select(Section))}
    assert len(sections) >= 8
    for column in ("ban-tin-phap-luat", "an-toan-giao-thong", "chuyen-doi-so"):
        assert sections[column].kind is SectionKind.COLUMN
    assert sections["phong-su-anh"].kind is SectionKind.PHOTO
    assert sections["video-clip"].kind is SectionKind.VIDEO
    assert sections["dien-hinh-tien-tien"].kind is SectionKind.EXEMPLARY

    published = db.session.scalars(public_articles()).unique().all()
    assert len(published) >= 60
    for article in published:
        assert article.lead and article.byline and article.cover is not None
        assert article.body.count("<p>") >= 2 and "<h2>" in article.body
        assert 3 <= len(article.keywords) <= 6
    statuses = set(db.session.scalars(select(Article.status)))
    assert {ArticleStatus.DRAFT, ArticleStatus.PENDING} <= statuses
    assert db.session.scalar(
        select(func.count()).select_from(Article).where(Article.status == ArticleStatus.PUBLISHED)
    ) > len(published), "some published articles are scheduled for the future"
    assert after_first["Campaign"] == 1 and after_first["ExemplaryProfile"] >= 4

    roles = set(db.session.scalars(select(User.role)))
    assert roles == {Role.ADMIN, Role.EDITOR, Role.CONTRIBUTOR}
    credentials = tmp_path / "demo-credentials.txt"
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o600
    lines = credentials.read_text().splitlines()
    assert len(lines) == 3
    for line in lines:
        assert line.split("\t")[2] in first.output, "each password is printed once"

    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0, second.output
    assert counts(db) == after_first
    assert credentials.read_text().splitlines() == lines
    for line in lines:
        assert line.split("\t")[2] not in second.output


def test_seed_demo_if_empty_leaves_an_existing_site_alone(runner, db):
    from tests.factories import make_section

    make_section("Chuyên mục có sẵn")
    result = runner.invoke(args=["seed-demo", "--if-empty"])
    assert result.exit_code == 0
    assert db.session.scalar(select(func.count(Article.id))) == 0


def test_seed_bulk_adds_published_articles_with_keywords(runner, db):
    result = runner.invoke(args=["seed-bulk", "--articles", "120"])
    assert result.exit_code == 0, result.output
    published = db.session.scalars(public_articles()).unique().all()
    assert len(published) == 120
    assert all(3 <= len(article.keywords) <= 5 for article in published[:20])


def test_seed_bulk_refuses_a_nonsense_count(runner, db):
    result = runner.invoke(args=["seed-bulk", "--articles", "0"])
    assert result.exit_code != 0
