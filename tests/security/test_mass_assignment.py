"""Mass assignment: fields a form does not offer (status, author, role, counters, publication time) are
ignored or refused wherever they are posted: the article editor, autosave, one's own account, the users
admin, the comment form and the JSON API."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from app.accounts.models import Role, User
from app.articles.models import Article, ArticleStatus
from app.comments.models import Comment, CommentStatus
from tests.security.authz_world import become, comment_data, csrf_token_for, database_fingerprint, seed_world

SMUGGLED_ARTICLE_FIELDS = {
    "status": "published",
    "published_at": "2026-01-01T08:00:00",
    "publish_at": "2026-01-01T08:00",
    "first_published_at": "2026-01-01T08:00:00",
    "created_by_id": "0",
    "author_id": "0",
    "view_count": "999999",
    "is_featured": "y",
    "version": "0",
    "id": "424242",
}


@pytest.fixture
def world(db):
    return seed_world()


def smuggled(world) -> dict:
    editor = str(world.users["editor"].id)
    return {**SMUGGLED_ARTICLE_FIELDS, "created_by_id": editor, "author_id": editor}


def reload(db, model, ident):
    db.session.expire_all()
    return db.session.get(model, ident)


def assert_untouched_draft(article: Article, author: User) -> None:
    assert article.status is ArticleStatus.DRAFT
    assert article.published_at is None and article.first_published_at is None
    assert article.created_by_id == author.id
    assert article.view_count == 0
    assert article.is_featured is False


def test_a_contributor_creating_an_article_cannot_publish_date_feature_or_reattribute_it(
    app, client, db, world
):
    author = world.users["contributor_a"]
    token = csrf_token_for(app)
    become(client, author)
    data = {
        "csrf_token": token,
        "title": "Bài mới với trường lạ",
        "section_id": str(world.section.id),
        "format": "standard",
        "comments_enabled": "y",
        "action": "save",
        **smuggled(world),
    }
    response = client.post("/admin/articles/new", data=data)
    assert response.status_code == 302
    article = db.session.scalar(select(Article).where(Article.title == "Bài mới với trường lạ"))
    assert article.id != 424242
    assert_untouched_draft(article, author)


def test_a_contributor_pressing_publish_is_refused_and_nothing_is_published(app, client, db, world):
    author = world.users["contributor_a"]
    token = csrf_token_for(app)
    become(client, author)
    data = {
        "csrf_token": token,
        "title": "Bài tự xuất bản",
        "section_id": str(world.section.id),
        "format": "standard",
        "action": "publish",
    }
    response = client.post("/admin/articles/new", data=data)
    assert response.status_code in (400, 403)
    published = db.session.scalar(
        select(func.count()).select_from(Article).where(Article.status == ArticleStatus.PUBLISHED)
    )
    assert published == 1, "only the seeded story is published"


def test_saving_one_s_draft_with_smuggled_fields_changes_only_the_offered_ones(app, client, db, world):
    author = world.users["contributor_a"]
    token = csrf_token_for(app)
    become(client, author)
    data = {
        "csrf_token": token,
        "title": "Nháp đã sửa",
        "section_id": str(world.section.id),
        "format": world.draft.format.value,
        "comments_enabled": "y",
        "action": "save",
        **smuggled(world),
        "version": str(world.draft.version),
    }
    assert client.post(f"/admin/articles/{world.draft.id}/edit", data=data).status_code == 302
    draft = reload(db, Article, world.draft.id)
    assert draft.title == "Nháp đã sửa"
    assert_untouched_draft(draft, author)


def test_autosave_ignores_status_and_author(app, client, db, world):
    author = world.users["contributor_a"]
    token = csrf_token_for(app)
    become(client, author)
    data = {
        "csrf_token": token,
        "title": "Bản nháp tự lưu",
        "section_id": str(world.section.id),
        **smuggled(world),
    }
    response = client.post("/admin/articles/new/autosave", data=data)
    assert response.status_code == 201
    article = reload(db, Article, response.get_json()["article_id"])
    assert_untouched_draft(article, author)
    become(client, author)
    data["version"] = str(article.version)
    assert client.post(f"/admin/articles/{article.id}/autosave", data=data).status_code == 200
    assert_untouched_draft(reload(db, Article, article.id), author)


@pytest.mark.parametrize("who", ["contributor_a", "editor"])
def test_nobody_raises_their_own_role(app, client, db, world, who):
    user = world.users[who]
    token = csrf_token_for(app)
    become(client, user)
    extra = {"role": "admin", "is_active": "y", "email": "moi@anphu.example", "session_version": "0"}
    client.post("/admin/account/password", data={"csrf_token": token, **extra})
    become(client, user)
    assert (
        client.post(f"/admin/users/{user.id}/role", data={"csrf_token": token, "role": "admin"}).status_code
        == 403
    )
    stored = reload(db, User, user.id)
    assert stored.role is Role(user.role) and stored.role is not Role.ADMIN
    assert stored.email == user.email and stored.is_active


def test_an_admin_creating_a_user_cannot_smuggle_state(app, client, db, world):
    token = csrf_token_for(app)
    become(client, world.users["admin"])
    data = {
        "csrf_token": token,
        "full_name": "Người mới",
        "email": "nguoi-moi@anphu.example",
        "role": "contributor",
        "password": "một mật khẩu mới đủ dài",
        "password_confirm": "một mật khẩu mới đủ dài",
        "is_active": "",
        "failed_logins": "4",
        "session_version": "99",
        "totp_secret": "JBSWY3DPEHPK3PXP",
        "id": "424242",
    }
    assert client.post("/admin/users/new", data=data).status_code == 302
    created = db.session.scalar(select(User).where(User.email == "nguoi-moi@anphu.example"))
    assert created.id != 424242 and created.role is Role.CONTRIBUTOR
    assert created.is_active and created.failed_logins == 0 and created.totp_secret is None
    assert created.session_version != 99


def test_a_reader_cannot_approve_or_make_official_their_own_comment(app, client, db, world):
    data = comment_data(app, client, db, world)
    data |= {
        "status": "approved",
        "is_official": "y",
        "moderated_by_id": str(world.users["admin"].id),
        "article_id": str(world.draft.id),
    }
    response = client.post(f"/bai-viet/{world.published.id}/binh-luan", data=data)
    assert response.status_code == 302
    comment = db.session.scalar(select(Comment).where(Comment.author_email == "binh@example.vn"))
    assert comment.status is CommentStatus.PENDING
    assert comment.is_official is False and comment.moderated_by_id is None
    assert comment.article_id == world.published.id


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", ["/api/v1/articles", "/api/v1/articles/{id}"])
def test_the_json_api_takes_no_writes(client, db, world, method, path):
    before = database_fingerprint()
    response = client.open(
        path.format(id=world.published.id),
        method=method,
        json={"status": "published", "author_id": 1, "view_count": 10**6, "title": "Sửa qua API"},
    )
    assert response.status_code == 405
    assert database_fingerprint() == before


def test_api_query_parameters_cannot_reveal_drafts(client, db, world):
    assert world.published.id in [item["id"] for item in client.get("/api/v1/articles").get_json()["data"]]
    for query in (
        "status=draft",
        "status=pending",
        "include_drafts=1",
        f"author_id={world.draft.created_by_id}",
    ):
        response = client.get(f"/api/v1/articles?{query}")
        assert response.status_code in (200, 400), query
        if response.status_code == 200:
            ids = [item["id"] for item in response.get_json()["data"]]
            assert world.draft.id not in ids, query
    assert client.get(f"/api/v1/articles/{world.draft.id}").status_code == 404


def test_the_published_date_of_a_scheduled_story_is_not_settable_by_its_author(app, client, db, world):
    """`publish_at` is removed from the contributor's form: a contributor's draft keeps no time at all."""
    author = world.users["contributor_a"]
    token = csrf_token_for(app)
    become(client, author)
    data = {
        "csrf_token": token,
        "title": "Hẹn giờ lén",
        "section_id": str(world.section.id),
        "format": "standard",
        "action": "submit",
        "publish_at": datetime(2030, 1, 1, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M"),
    }
    assert client.post("/admin/articles/new", data=data).status_code == 302
    article = db.session.scalar(select(Article).where(Article.title == "Hẹn giờ lén"))
    assert article.status is ArticleStatus.PENDING and article.published_at is None
