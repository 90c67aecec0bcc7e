"""Revision history: the list, readable word-level diffs of two revisions, restore as a new revision."""

from datetime import datetime

import pytest
from sqlalchemy import func, select

from app.articles.forms import initial_data
from app.articles.models import Article, Revision
from app.articles.revisions import compare, word_diff
from app.audit.models import AuditEvent
from app.core.db import write_transaction
from app.extensions import db
from tests.factories import make_article, make_image, make_section
from tests.pages import csrf_token, parse


def authored(user, status: str = "draft", **overrides) -> Article:
    article = make_article(status=status, **overrides)
    with write_transaction():
        article.created_by_id = user.id
    return article


def save_through_editor(client, article_id: int, **changes):
    """Post the editor form as a person would after changing some fields."""
    data = {"csrf_token": csrf_token(client)}
    article = db.session.get(Article, article_id)
    db.session.refresh(article)
    for name, value in {**initial_data(article), **changes}.items():
        if isinstance(value, bool):
            if value:
                data[name] = "y"
        elif isinstance(value, datetime):
            data[name] = value.strftime("%Y-%m-%dT%H:%M")
        elif value is not None:
            data[name] = value
    response = client.post(f"/admin/articles/{article_id}/edit", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response


def revisions_of(article_id: int) -> list[Revision]:
    return list(
        db.session.scalars(select(Revision).where(Revision.article_id == article_id).order_by(Revision.id))
    )


def change(changes, name):
    return next(item for item in changes if item.name == name)


@pytest.fixture
def edited(client, login_as):
    """An article created, then saved once by an editor with a new title, body and keywords."""
    login_as("editor")
    article = make_article(
        "Quận An Phú tổ chức lễ hội mùa xuân",
        status="draft",
        keywords=["Lễ hội", "Văn hoá"],
        body="<p>Sáng nay, quận khai mạc lễ hội.</p><p>Hàng nghìn người dân tham dự.</p>",
    )
    save_through_editor(
        client,
        article.id,
        title="Quận An Phú tổ chức lễ hội mùa thu",
        body="<p>Sáng nay, quận khai mạc lễ hội.</p><p>Hàng trăm người dân tham dự.</p>",
        keywords="Lễ hội, Du lịch",
    )
    return article


def test_a_word_diff_marks_only_the_words_that_changed():
    assert word_diff("lễ hội mùa xuân năm nay", "lễ hội mùa thu năm nay") == [
        ("equal", "lễ hội mùa"),
        ("delete", "xuân"),
        ("insert", "thu"),
        ("equal", "năm nay"),
    ]


def test_a_word_diff_keeps_paragraph_breaks_and_shows_a_removed_one():
    assert word_diff("Một.\nHai.", "Một.\nHai.") == [("equal", "Một.\nHai.")]
    assert word_diff("Một.\nHai.", "Một. Hai.") == [("equal", "Một."), ("delete", "¶\n"), ("equal", "Hai.")]


def test_long_unchanged_text_around_a_change_is_shortened():
    before = " ".join(f"w{n}" for n in range(200))
    after = before.replace("w100", "đổi")
    segments = word_diff(before, after)
    assert [op for op, _text in segments] == ["skip", "equal", "delete", "insert", "equal", "skip"]
    assert ("delete", "w100") in segments and ("insert", "đổi") in segments
    assert len(" ".join(text for _op, text in segments).split()) < 60


def test_the_diff_page_shows_title_and_body_changes_word_by_word(client, edited):
    page = parse(client.get(f"/admin/articles/{edited.id}/revisions/compare").data)

    title = page.one("#change-title .diff-text")
    assert [d.text for d in title.select("del")] == ["[đã xoá: xuân]"]
    assert [i.text for i in title.select("ins")] == ["[đã thêm: thu]"]
    assert "Quận An Phú tổ chức lễ hội mùa" in title.text
    body = page.one("#change-body .diff-text")
    assert [d.text for d in body.select("del")] == ["[đã xoá: nghìn]"]
    assert [i.text for i in body.select("ins")] == ["[đã thêm: trăm]"]
    assert "lễ hội.\nHàng" in body.get_text(), "paragraphs stay on their own lines"
    assert "<p>" not in body.get_text()


def test_the_diff_page_lists_added_and_removed_keywords(client, edited):
    keywords = parse(client.get(f"/admin/articles/{edited.id}/revisions/compare").data).one(
        "#change-keywords"
    )
    assert keywords.texts("ins") == ["[đã thêm: Du lịch]"]
    assert keywords.texts("del") == ["[đã xoá: Văn hoá]"]
    assert "Lễ hội" in keywords.one("dl").text


def test_unchanged_fields_are_collapsed_and_the_legend_does_not_rely_on_colour(client, edited):
    page = parse(client.get(f"/admin/articles/{edited.id}/revisions/compare").data)
    changed = {item["id"] for item in page.select(".diff-change")}
    assert changed == {"change-title", "change-body", "change-keywords"}
    unchanged = page.one("details.diff-unchanged")
    assert "Sapo" in unchanged.texts("dt") and "Chuyên mục" in unchanged.texts("dt")
    assert "gạch ngang" in page.one(".diff-legend").text and "gạch chân" in page.one(".diff-legend").text


def test_section_cover_byline_and_status_changes_are_shown_before_and_after(db):
    old_section, new_section = make_section("Tin tức"), make_section("Văn hoá")
    cover = make_image()
    old = {"section": old_section.name, "status": "draft", "cover_id": None, "byline": "A", "keywords": []}
    new = {**old, "section": new_section.name, "status": "pending", "cover_id": cover.id, "byline": "B"}

    changes = compare(old, new)

    assert (change(changes, "section").before, change(changes, "section").after) == ("Tin tức", "Văn hoá")
    assert (change(changes, "status").before, change(changes, "status").after) == ("Bản nháp", "Chờ duyệt")
    assert change(changes, "cover_id").after == f"Ảnh số {cover.id}"
    assert change(changes, "byline").segments == [("delete", "A"), ("insert", "B")]
    assert not change(changes, "keywords").changed


def test_by_default_a_revision_is_compared_with_the_one_before_it(client, edited):
    first, second = revisions_of(edited.id)
    default = client.get(f"/admin/articles/{edited.id}/revisions/compare?new={second.id}")
    assert default.status_code == 200
    headings = parse(default.data).texts(".revision-pair h2")
    assert headings == ["Phiên bản 1", "Phiên bản 2"]

    page = parse(client.get(f"/admin/articles/{edited.id}/revisions/compare?new={first.id}").data)
    assert "phiên bản đầu tiên" in page.one(".revision-pair").text
    assert page.one("#change-title").texts("ins") == ["[đã thêm: Quận An Phú tổ chức lễ hội mùa xuân]"]


def test_any_two_revisions_can_be_compared_in_either_order(client, edited):
    save_through_editor(client, edited.id, title="Tiêu đề thứ ba")
    first, _second, third = revisions_of(edited.id)
    for old, new in ((first, third), (third, first)):
        page = parse(
            client.get(f"/admin/articles/{edited.id}/revisions/compare?old={old.id}&new={new.id}").data
        )
        assert page.texts(".revision-pair h2") == ["Phiên bản 1", "Phiên bản 3"]
        assert page.one("#change-title").texts("ins") == ["[đã thêm: Tiêu đề thứ ba]"]


@pytest.mark.parametrize("query", ["new=abc", "old=1.5", "new=99999999999999999999"])
def test_a_malformed_revision_choice_is_a_400_in_vietnamese(client, edited, query):
    response = client.get(f"/admin/articles/{edited.id}/revisions/compare?{query}")
    assert response.status_code == 400
    assert "Vui lòng chọn hai phiên bản để so sánh." in response.get_data(as_text=True)


def test_a_revision_of_another_article_is_not_found(client, edited):
    other = make_article(status="draft")
    foreign = revisions_of(other.id)[0]
    assert client.get(f"/admin/articles/{edited.id}/revisions/compare?new={foreign.id}").status_code == 404
    response = client.post(
        f"/admin/articles/{edited.id}/revisions/{foreign.id}/restore", data={"csrf_token": csrf_token(client)}
    )
    assert response.status_code == 404


def test_the_history_lists_version_time_author_and_note_and_is_linked_from_the_editor(client, edited):
    editor_page = parse(client.get(f"/admin/articles/{edited.id}/edit").data)
    assert f"/admin/articles/{edited.id}/revisions" in editor_page.links(".article-status a")

    page = parse(client.get(f"/admin/articles/{edited.id}/revisions").data)

    rows = page.select(".revision-list tbody tr")
    assert [row.one("th").text for row in rows] == ["Phiên bản 2 hiện tại", "Phiên bản 1"]
    newest = rows[0].select("td")
    assert newest[3].text.startswith("Người dùng") and newest[4].text == "Đã lưu"
    assert rows[1].select("td")[4].text == "Tạo mới"
    assert len(newest[2].text) == len("09:47 10/08/2022")
    assert rows[0].select("button") == [], "the current version has nothing to restore"
    assert rows[1].one("button").text == "Khôi phục phiên bản 1"


def test_restoring_saves_a_new_revision_with_the_old_values_and_keeps_the_history(client, edited):
    first, second = revisions_of(edited.id)
    second_data = dict(second.data)

    response = client.post(
        f"/admin/articles/{edited.id}/revisions/{first.id}/restore", data={"csrf_token": csrf_token(client)}
    )

    assert response.status_code == 302
    assert response.location.endswith(f"/admin/articles/{edited.id}/edit")
    article = db.session.get(Article, edited.id)
    db.session.refresh(article)
    assert article.title == "Quận An Phú tổ chức lễ hội mùa xuân"
    assert "Hàng nghìn người" in article.body
    assert sorted(k.name for k in article.keywords) == ["Lễ hội", "Văn hoá"]
    history = revisions_of(edited.id)
    assert len(history) == 3
    assert history[1].data == second_data, "older revisions are never rewritten"
    assert history[2].note == "Khôi phục từ phiên bản 1"
    assert history[2].data["title"] == first.data["title"]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "article.restore"))
    assert event.object_id == edited.id and "Khôi phục từ phiên bản 1" in event.summary
    assert "Đã khôi phục phiên bản 1 thành một phiên bản mới." in client.get(response.location).get_data(
        as_text=True
    )


def test_restoring_without_the_form_token_changes_nothing(client, edited):
    first = revisions_of(edited.id)[0]
    response = client.post(f"/admin/articles/{edited.id}/revisions/{first.id}/restore")
    assert response.status_code == 400
    assert len(revisions_of(edited.id)) == 2


def test_a_contributor_sees_and_restores_the_history_of_their_own_draft(client, login_as):
    author = login_as("contributor")
    article = authored(author, title="Bản đầu tiên")
    save_through_editor(client, article.id, title="Bản thứ hai")
    first = revisions_of(article.id)[0]

    assert client.get(f"/admin/articles/{article.id}/revisions").status_code == 200
    response = client.post(
        f"/admin/articles/{article.id}/revisions/{first.id}/restore", data={"csrf_token": csrf_token(client)}
    )

    assert response.status_code == 302
    assert db.session.scalar(select(Article.title).where(Article.id == article.id)) == "Bản đầu tiên"


@pytest.mark.parametrize("action", ["list", "compare", "restore"])
def test_a_contributor_cannot_see_or_restore_another_contributors_history(client, login_as, action):
    other = login_as("contributor")
    article = authored(other, title="Bài của người khác")
    first = revisions_of(article.id)[0]
    login_as("contributor")
    count = db.session.scalar(select(func.count()).select_from(Revision))

    if action == "restore":
        response = client.post(
            f"/admin/articles/{article.id}/revisions/{first.id}/restore",
            data={"csrf_token": csrf_token(client)},
        )
    else:
        path = "revisions" if action == "list" else f"revisions/compare?new={first.id}"
        response = client.get(f"/admin/articles/{article.id}/{path}")

    assert response.status_code == 403
    assert "Bài của người khác" not in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Revision)) == count
