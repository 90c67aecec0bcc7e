"""Autosave: the editor's unsaved state kept apart from revisions, offered back, discarded, never lost."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.articles.forms import initial_data
from app.articles.models import Article, ArticleStatus, Autosave, Revision
from app.articles.services import input_from_snapshot, save_article, snapshot
from app.audit.models import AuditEvent
from app.core.db import write_transaction
from app.extensions import db
from tests.factories import make_article, make_section, make_user
from tests.pages import csrf_token, parse


def authored(user, status: str = "draft", **overrides) -> Article:
    article = make_article(status=status, **overrides)
    with write_transaction():
        article.created_by_id = user.id
    return article


def editor_fields(article_id: int, **changes) -> dict:
    """The fields the editor's script posts (FormData of the form, without the file input)."""
    article = db.session.get(Article, article_id)
    db.session.refresh(article)
    fields = {}
    for name, value in {**initial_data(article), **changes}.items():
        if isinstance(value, bool):
            if value:
                fields[name] = "y"
        elif value is not None:
            fields[name] = value
    return fields


def autosave(client, article_id: int, token: str | None = None, **changes):
    token = token or csrf_token(client)
    fields = editor_fields(article_id, **changes)
    return client.post(
        f"/admin/articles/{article_id}/autosave",
        data=fields,
        headers={"X-CSRFToken": token, "Accept": "application/json"},
    )


def autosave_new(client, **fields):
    token = csrf_token(client)
    data = {"title": "", "lead": "", "body": "", "section_id": "", "keywords": "", "format": "standard"}
    data |= {"comments_enabled": "y", **fields}
    return client.post("/admin/articles/new/autosave", data=data, headers={"X-CSRFToken": token})


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def stored(article_id: int, user) -> Autosave | None:
    return db.session.scalar(
        select(Autosave).where(Autosave.article_id == article_id, Autosave.user_id == user.id)
    )


def titled(article: Article, title: str):
    """The input of someone who loaded `article` and changed only its title."""
    data = input_from_snapshot(snapshot(article))
    data.title = title
    return data


def age_article(article_id: int, minutes: int = 5) -> None:
    """Pretend the article was last saved a few minutes ago (autosaves are newer than that)."""
    with write_transaction():
        article = db.session.get(Article, article_id)
        article.updated_at = article.updated_at - timedelta(minutes=minutes)


@pytest.fixture
def author(login_as):
    return login_as("contributor")


@pytest.fixture
def draft(author):
    article = authored(author, title="Bản nháp đang viết", body="<p>Đoạn đã lưu.</p>")
    age_article(article.id)
    return article


def test_autosaving_stores_the_fields_without_a_revision_or_touching_the_article(client, author, draft):
    revisions, events, version = count(Revision), count(AuditEvent), draft.version

    response = autosave(client, draft.id, title="Tiêu đề đang gõ", body="<p>Đoạn mới đang gõ.</p>")

    assert response.status_code == 200
    result = response.get_json()
    assert result["ok"] is True and result["stale"] is False
    assert result["message"].startswith("Đã tự động lưu lúc ")
    assert (count(Revision), count(AuditEvent)) == (revisions, events)
    article = db.session.get(Article, draft.id)
    db.session.refresh(article)
    assert (article.title, article.version) == ("Bản nháp đang viết", version)
    kept = stored(draft.id, author)
    assert kept.base_version == version
    assert kept.data["title"] == "Tiêu đề đang gõ"
    assert kept.data["body"] == "<p>Đoạn mới đang gõ.</p>"


def test_each_person_keeps_one_autosave_per_article_however_often_it_runs(client, author, draft):
    token = csrf_token(client)
    for title in ("Một", "Hai", "Ba"):
        assert autosave(client, draft.id, token, title=title).status_code == 200
    assert count(Autosave) == 1
    assert stored(draft.id, author).data["title"] == "Ba"


def test_an_autosaved_body_is_sanitized_like_a_saved_one(client, author, draft):
    autosave(client, draft.id, body='<p onclick="steal()">Chữ</p><script>alert(1)</script>')
    body = stored(draft.id, author).data["body"]
    assert "script" not in body and "onclick" not in body and "Chữ" in body


def test_the_editor_offers_a_newer_autosave_and_restores_it_at_the_version_it_was_based_on(
    client, author, draft
):
    autosave(client, draft.id, title="Tiêu đề tự động lưu", lead="Sapo tự động lưu")

    page = parse(client.get(f"/admin/articles/{draft.id}/edit").data)
    notice = page.one(".notice--autosave")
    assert "Bạn có thay đổi chưa lưu từ lúc" in notice.text
    assert "Khôi phục bản tự động lưu" in notice.texts("a")
    assert page.one("#title")["value"] == "Bản nháp đang viết", "the saved article is shown until restored"

    restored = parse(client.get(f"/admin/articles/{draft.id}/edit?restore=autosave").data)
    assert restored.one("#title")["value"] == "Tiêu đề tự động lưu"
    assert restored.one("#lead").text == "Sapo tự động lưu"
    assert restored.one("#version")["value"] == str(draft.version)
    assert "đang hiển thị bản tự động lưu" in restored.one(".notice--autosave").text


def test_an_autosave_older_than_the_last_save_is_not_offered(client, author, draft):
    autosave(client, draft.id, title="Cũ")
    with write_transaction():
        row = stored(draft.id, author)
        row.saved_at = row.saved_at - timedelta(hours=1)
    assert parse(client.get(f"/admin/articles/{draft.id}/edit").data).select(".notice--autosave") == []


def test_discarding_deletes_the_autosave_and_the_notice(client, author, draft):
    autosave(client, draft.id, title="Sẽ bỏ")
    page = parse(client.get(f"/admin/articles/{draft.id}/edit").data)
    form = page.one(".notice--autosave form")

    response = client.post(form["action"], data={"csrf_token": form.one("[name=csrf_token]")["value"]})

    assert response.status_code == 302
    assert stored(draft.id, author) is None
    after = client.get(response.location).get_data(as_text=True)
    assert "Đã bỏ bản tự động lưu." in after and "notice--autosave" not in after


def test_discarding_needs_the_form_token(client, author, draft):
    autosave(client, draft.id, title="Còn giữ")
    assert client.post(f"/admin/articles/{draft.id}/autosave/discard").status_code == 400
    assert stored(draft.id, author) is not None


def test_a_manual_save_deletes_the_savers_autosave_but_not_other_peoples(client, author, draft):
    editor = make_user(role="editor")
    with write_transaction():
        db.session.add(Autosave(article_id=draft.id, user_id=editor.id, base_version=draft.version, data={}))
    autosave(client, draft.id, title="Đang gõ")
    token = csrf_token(client)

    response = client.post(
        f"/admin/articles/{draft.id}/edit",
        data={**editor_fields(draft.id, title="Đã lưu"), "csrf_token": token},
    )

    assert response.status_code == 302
    assert stored(draft.id, author) is None
    assert stored(draft.id, editor) is not None


def test_an_autosave_after_someone_else_saved_is_kept_and_reported(client, author, draft):
    token = csrf_token(client)
    fields = editor_fields(draft.id, title="Bản của tôi")
    editor = make_user(role="editor")
    article = db.session.get(Article, draft.id)
    save_article(
        article, titled(article, "Bản của biên tập viên"), actor=editor, expected_version=article.version
    )

    response = client.post(
        f"/admin/articles/{draft.id}/autosave", data=fields, headers={"X-CSRFToken": token}
    )

    result = response.get_json()
    assert response.status_code == 200
    assert result["stale"] is True
    assert "Người khác đã lưu một phiên bản mới hơn" in result["warning"]
    assert stored(draft.id, author).data["title"] == "Bản của tôi", "nothing typed is lost"
    page = parse(client.get(f"/admin/articles/{draft.id}/edit").data)
    assert "đã có người khác lưu bài này" in page.one(".notice--autosave").text


def test_saving_a_restored_autosave_over_a_newer_version_is_refused_as_a_conflict(client, author, draft):
    base = draft.version
    autosave(client, draft.id, title="Bản của tôi")
    editor = make_user(role="editor")
    article = db.session.get(Article, draft.id)
    save_article(article, titled(article, "Bản của biên tập viên"), actor=editor, expected_version=base)
    offered = parse(client.get(f"/admin/articles/{draft.id}/edit").data).one(".notice--autosave")
    assert "đã có người khác lưu bài này" in offered.text, "overtaken, but never saved: still offered"
    restored = parse(client.get(f"/admin/articles/{draft.id}/edit?restore=autosave").data)
    assert restored.one("#version")["value"] == str(base)
    token = restored.one('meta[name="csrf-token"]')["content"]

    response = client.post(
        f"/admin/articles/{draft.id}/edit",
        data={**editor_fields(draft.id, title="Bản của tôi", version=str(base)), "csrf_token": token},
    )

    assert response.status_code == 409
    assert "Bản của biên tập viên" in parse(response.data).one(".conflict").text
    assert db.session.scalar(select(Article.title).where(Article.id == draft.id)) == "Bản của biên tập viên"


def test_the_first_autosave_of_a_new_article_creates_exactly_one_draft(client, author):
    section = make_section("Văn hoá")
    articles = count(Article)

    created = autosave_new(client, title="Bài mới viết dở", body="<p>Mở đầu.</p>", section_id=str(section.id))

    assert created.status_code == 201
    result = created.get_json()
    article = db.session.get(Article, result["article_id"])
    assert (article.title, article.status, article.created_by_id) == (
        "Bài mới viết dở",
        ArticleStatus.DRAFT,
        author.id,
    )
    assert result["edit_url"] == f"/admin/articles/{article.id}/edit"
    assert result["autosave_url"] == f"/admin/articles/{article.id}/autosave"
    assert result["version"] == article.version
    assert result["message"].startswith("Đã tạo bản nháp và tự động lưu lúc")

    token = csrf_token(client)
    again = client.post(
        result["autosave_url"],
        data={
            "title": "Bài mới viết dở",
            "body": "<p>Mở đầu. Thêm đoạn.</p>",
            "version": str(result["version"]),
        },
        headers={"X-CSRFToken": token},
    )

    assert again.status_code == 200
    assert count(Article) == articles + 1
    assert stored(article.id, author).data["body"] == "<p>Mở đầu. Thêm đoạn.</p>"


def test_a_new_draft_without_a_chosen_section_goes_to_the_first_one_and_says_so(client, author):
    make_section("Tin tức", position=-100)
    result = autosave_new(client, title="Chưa chọn chuyên mục").get_json()
    assert "tạm đặt trong chuyên mục “Tin tức”" in result["message"]
    assert db.session.get(Article, result["article_id"]).section.name == "Tin tức"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": "  "}, "title", "Vui lòng nhập tiêu đề."),
        ({"title": "x" * 301}, "title", "tối đa 300 ký tự"),
    ],
    ids=["no-title", "long-title"],
)
def test_a_new_article_autosave_that_cannot_create_a_draft_answers_400_in_vietnamese(
    client, author, fields, field, message
):
    make_section()
    articles = count(Article)
    response = autosave_new(client, **fields)
    assert response.status_code == 400
    assert response.get_json()["field"] == field and message in response.get_json()["error"]
    assert count(Article) == articles


def test_a_contributor_cannot_autosave_another_contributors_article(client, login_as):
    other = make_user(role="contributor")
    article = authored(other)
    login_as("contributor")
    response = autosave(client, article.id, title="Chen ngang")
    assert response.status_code == 403
    assert response.get_json()["error"] == "Bạn không thể sửa bài viết này."
    assert count(Autosave) == 0


def test_an_author_cannot_autosave_an_article_waiting_for_review(client, author):
    pending = authored(author, status="pending")
    assert autosave(client, pending.id, title="Sửa khi đang chờ duyệt").status_code == 403


@pytest.mark.parametrize(
    ("case", "status", "message"),
    [
        ("anonymous", 401, "Bạn đã bị đăng xuất"),
        ("no-token", 400, "Phiên làm việc"),
        ("unknown-article", 404, "Bài viết này không còn tồn tại."),
        ("no-version", 400, "Trang này đã cũ"),
    ],
)
def test_autosave_refusals_are_json_with_a_vietnamese_message(client, login_as, case, status, message):
    article = make_article(status="draft")
    if case != "anonymous":
        login_as("editor")
    token = (
        None
        if case == "no-token"
        else csrf_token(client, "/admin/login" if case == "anonymous" else "/admin/")
    )
    article_id = 999_999 if case == "unknown-article" else article.id
    data = {"title": "Tiêu đề"} if case == "no-version" else {"title": "Tiêu đề", "version": "1"}
    headers = {"X-CSRFToken": token} if token else {}

    response = client.post(f"/admin/articles/{article_id}/autosave", data=data, headers=headers)

    assert response.status_code == status
    assert response.is_json and response.get_json()["ok"] is False
    assert message in response.get_json()["error"]


def test_the_editor_form_tells_the_script_where_to_autosave(client, author, draft):
    existing = parse(client.get(f"/admin/articles/{draft.id}/edit").data)
    new = parse(client.get("/admin/articles/new").data)

    assert (
        existing.one("form[data-article-form]")["data-autosave-url"] == f"/admin/articles/{draft.id}/autosave"
    )
    assert not existing.one("form[data-article-form]").has_attr("data-autosave-creates")
    assert new.one("form[data-article-form]")["data-autosave-url"] == "/admin/articles/new/autosave"
    assert new.one("form[data-article-form]").has_attr("data-autosave-creates")
    for page in (existing, new):
        assert page.one("[data-autosave-status]")["role"] == "status"
        assert any(
            script["src"].split("?")[0].endswith("/js/admin/autosave.js")
            for script in page.select("script[src]")
        )
