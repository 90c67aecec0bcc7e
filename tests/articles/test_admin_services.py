"""Saving articles: a revision of every editable field per save, and no silent overwrite of someone's work."""

import pytest
from sqlalchemy import func, select, update

from app.articles.models import Article, ArticleFormat, Revision
from app.articles.services import (
    ArticleInput,
    EditConflict,
    input_from_snapshot,
    save_article,
    snapshot,
)
from app.audit.models import AuditEvent
from app.core.db import write_transaction
from app.core.errors import InvalidInput, NotAllowed
from app.extensions import db
from tests.factories import make_article, make_image, make_section, make_user


def revisions_of(article_id: int) -> list[Revision]:
    return list(
        db.session.scalars(select(Revision).where(Revision.article_id == article_id).order_by(Revision.id))
    )


def edited(article: Article, **changes) -> ArticleInput:
    """The input an editor sends after loading `article` and changing some fields."""
    data = input_from_snapshot(snapshot(article))
    for name, value in changes.items():
        setattr(data, name, value)
    return data


@pytest.fixture
def editor(db):
    return make_user(role="editor")


def test_every_save_stores_a_revision_with_all_editable_fields(editor):
    article = make_article(status="draft")
    related = make_article("Bài liên quan")
    section = make_section("Văn hoá")
    cover = make_image()

    save_article(
        article,
        edited(
            article,
            title="Tiêu đề đã sửa",
            slug="tieu-de-da-sua",
            section=section,
            keywords=["Lễ hội", "Di sản"],
            cover=cover,
            cover_caption="Chú thích",
            cover_alt="Mô tả ảnh",
            cover_credit="Ảnh: Hoa",
            byline="PHẠM D",
            source="Báo Nhân Dân",
            format=ArticleFormat.PHOTO,
            is_featured=True,
            comments_enabled=False,
            meta_description="Mô tả ngắn",
            related_ids=[related.id],
        ),
        actor=editor,
        expected_version=article.version,
        note="Sửa tiêu đề",
    )

    revision = revisions_of(article.id)[-1]
    assert (revision.note, revision.created_by_id, revision.article_version) == (
        "Sửa tiêu đề",
        editor.id,
        article.version,
    )
    expected = {
        "title": "Tiêu đề đã sửa",
        "slug": "tieu-de-da-sua",
        "section_id": section.id,
        "section": "Văn hoá",
        "keywords": ["Di sản", "Lễ hội"],
        "cover_id": cover.id,
        "cover_caption": "Chú thích",
        "cover_alt": "Mô tả ảnh",
        "cover_credit": "Ảnh: Hoa",
        "byline": "PHẠM D",
        "source": "Báo Nhân Dân",
        "format": "photo",
        "is_featured": True,
        "comments_enabled": False,
        "meta_description": "Mô tả ngắn",
        "related_ids": [related.id],
    }
    assert {key: revision.data[key] for key in expected} == expected


def test_each_save_is_audited_with_the_fields_that_changed(editor):
    article = make_article(status="draft")
    save_article(article, edited(article, lead="Sapo mới"), actor=editor, expected_version=article.version)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "article.save"))
    assert (event.actor_id, event.object_id) == (editor.id, article.id)
    assert event.summary == f"{article.title} (lead)"


def test_a_save_from_an_older_version_is_refused_and_writes_nothing(editor):
    article = make_article("Tiêu đề gốc", status="draft")
    loaded_at = article.version
    save_article(
        article, edited(article, title="Bản của người thứ nhất"), actor=editor, expected_version=loaded_at
    )
    count = len(revisions_of(article.id))

    with pytest.raises(EditConflict) as refused:
        save_article(
            article,
            edited(article, title="Bản của người thứ hai", lead="Sapo khác"),
            actor=make_user(role="editor"),
            expected_version=loaded_at,
        )

    conflict = refused.value
    assert conflict.current["title"] == "Bản của người thứ nhất"
    assert conflict.version == article.version == loaded_at + 1
    assert conflict.fields == ["title", "lead"]
    assert conflict.saved_by == editor.full_name
    assert "một người khác đã lưu bài viết này" in conflict.message
    db.session.expire_all()
    assert db.session.get(Article, article.id).title == "Bản của người thứ nhất"
    assert len(revisions_of(article.id)) == count


def test_two_saves_racing_past_the_version_check_cannot_both_win(editor):
    """The second check is the UPDATE's own `WHERE version = …`: another process saved in between."""
    article = make_article(status="draft")
    loaded_at = article.version
    with write_transaction():
        db.session.execute(
            update(Article)
            .where(Article.id == article.id)
            .values(version=Article.version + 1, title="Đã lưu ở nơi khác")
            .execution_options(synchronize_session=False)
        )

    with pytest.raises(EditConflict) as refused:
        save_article(article, edited(article, title="Bản cũ"), actor=editor, expected_version=loaded_at)

    assert refused.value.current["title"] == "Đã lưu ở nơi khác"
    assert db.session.get(Article, article.id).title == "Đã lưu ở nơi khác"


def test_restoring_an_old_revision_saves_it_as_a_new_revision(editor):
    article = make_article("Bản đầu", status="draft", keywords=["Giáo dục"], byline="A")
    first = revisions_of(article.id)[0]
    save_article(
        article,
        edited(article, title="Bản sau", keywords=["Y tế"], byline="B"),
        actor=editor,
        expected_version=article.version,
    )

    save_article(
        article,
        input_from_snapshot(first.data),
        actor=editor,
        expected_version=article.version,
        note="Khôi phục",
    )

    assert (article.title, [k.name for k in article.keywords], article.byline) == (
        "Bản đầu",
        ["Giáo dục"],
        "A",
    )
    assert [r.note for r in revisions_of(article.id)][-1] == "Khôi phục"
    assert len(revisions_of(article.id)) == 3


def test_a_contributor_may_not_save_someone_elses_draft(db):
    article = make_article(status="draft")
    with pytest.raises(NotAllowed):
        save_article(
            article, edited(article), actor=make_user(role="contributor"), expected_version=article.version
        )


def test_only_editors_change_the_featured_flag(db):
    author = make_user(role="contributor")
    article = make_article(status="draft")
    with write_transaction():
        article.created_by_id = author.id
    with pytest.raises(NotAllowed):
        save_article(
            article, edited(article, is_featured=True), actor=author, expected_version=article.version
        )


def test_an_unknown_related_article_is_refused(editor):
    article = make_article(status="draft")
    with pytest.raises(InvalidInput) as refused:
        save_article(
            article, edited(article, related_ids=[999_999]), actor=editor, expected_version=article.version
        )
    assert refused.value.field == "related_ids"
    assert (
        db.session.scalar(select(func.count()).select_from(Revision).where(Revision.article_id == article.id))
        == 1
    )
