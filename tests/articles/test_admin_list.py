"""The back-office article list: filters, sorting, pages, the "waiting for me" queue, keyword suggestions."""

import pytest

from app.articles.models import Article
from app.core.db import write_transaction
from app.extensions import db
from tests.factories import make_article, make_section, make_user
from tests.pages import parse


def authored(user, status: str = "draft", **overrides) -> Article:
    article = make_article(status=status, **overrides)
    with write_transaction():
        article.created_by_id = user.id
    return article


def listed(client, query: str = "") -> list[str]:
    response = client.get(f"/admin/articles/{query}")
    assert response.status_code == 200, response.status_code
    return parse(response.data).texts(".article-list__title")


@pytest.fixture
def one_of_each(db) -> dict[str, Article]:
    """One article in each status a person can see, scheduled included."""
    return {
        status: make_article(f"Bài {status}", status=status)
        for status in ("draft", "pending", "scheduled", "published", "rejected", "unpublished")
    }


def test_a_contributor_sees_only_their_own_articles(client, login_as):
    author = login_as("contributor")
    authored(author, "draft", title="Bài của tôi")
    authored(author, "published", title="Bài đã đăng của tôi")
    authored(make_user(role="contributor"), "draft", title="Bài của người khác")
    make_article("Bài không tác giả")
    assert sorted(listed(client)) == ["Bài của tôi", "Bài đã đăng của tôi"]


def test_editors_see_every_article(client, login_as, one_of_each):
    login_as("editor")
    assert sorted(listed(client)) == sorted(article.title for article in one_of_each.values())


@pytest.mark.parametrize("status", ["draft", "pending", "scheduled", "published", "rejected", "unpublished"])
def test_the_status_filter_shows_only_that_status_with_scheduled_apart_from_published(
    client, login_as, one_of_each, status
):
    login_as("editor")
    page = parse(client.get(f"/admin/articles/?status={status}").data)
    assert page.texts(".article-list__title") == [f"Bài {status}"]
    assert page.one(f".article-list .badge--{status}")


def test_badges_and_the_return_reason_read_in_vietnamese(client, login_as):
    login_as("editor")
    make_article("Bài hẹn giờ", status="scheduled")
    returned = make_article("Bài bị trả", status="rejected")
    with write_transaction():
        returned.return_reason = "Thiếu nguồn ảnh."
    page = parse(client.get("/admin/articles/?sort=title").data)
    assert page.texts(".article-list .badge") == ["Bị trả lại", "Đã lên lịch"]
    assert page.one(".article-list .return-reason").text == "Lý do: Thiếu nguồn ảnh."


def test_filters_by_section_author_keyword_and_text_combine(client, login_as):
    login_as("editor")
    culture, sport = make_section("Văn hoá"), make_section("Thể thao")
    writer = make_user(role="contributor", full_name="Trần Minh Phong")
    authored(writer, "published", title="Lễ hội đình làng", section=culture, keywords=["Chuyển đổi số"])
    authored(writer, "published", title="Giải bóng đá phường", section=sport, keywords=["Chuyển đổi số"])
    make_article("Triển lãm tranh", section=culture, lead="Có chuyển đổi số", keywords=["Mỹ thuật"])

    assert sorted(listed(client, f"?section={culture.id}")) == ["Lễ hội đình làng", "Triển lãm tranh"]
    assert sorted(listed(client, f"?author={writer.id}")) == ["Giải bóng đá phường", "Lễ hội đình làng"]
    assert sorted(listed(client, "?keyword=chuyen+doi")) == ["Giải bóng đá phường", "Lễ hội đình làng"]
    assert listed(client, f"?keyword=chuyen+doi&section={culture.id}") == ["Lễ hội đình làng"]
    assert listed(client, "?q=đình") == ["Lễ hội đình làng"]
    assert listed(client, "?q=chuyển+đổi") == ["Triển lãm tranh"]
    assert listed(client, "?q=100%25") == []


def test_sorting_by_title_publication_time_or_last_change(client, login_as):
    login_as("editor")
    older = make_article("B cũ hơn", hours_ago=10)
    newer = make_article("C mới hơn", hours_ago=1)
    draft = make_article("A bản nháp", status="draft")
    with write_transaction():
        older.lead = "Vừa sửa"
    assert listed(client, "?sort=title") == ["A bản nháp", "B cũ hơn", "C mới hơn"]
    assert listed(client, "?sort=published") == ["C mới hơn", "B cũ hơn", "A bản nháp"]
    assert listed(client, "?sort=updated") == ["B cũ hơn", draft.title, newer.title]


def test_pages_keep_the_filters(app, client, login_as, monkeypatch):
    monkeypatch.setitem(app.config, "PAGE_SIZE", 2)
    login_as("editor")
    for number in range(5):
        make_article(f"Nháp {number}", status="draft")
    make_article("Đã đăng")
    page = parse(client.get("/admin/articles/?status=draft&sort=title").data)
    assert page.texts(".article-list__title") == ["Nháp 0", "Nháp 1"]
    next_link = page.one(".pager a[rel=next]")["href"]
    assert "status=draft" in next_link and "sort=title" in next_link and "page=2" in next_link
    assert listed(client, next_link.removeprefix("/admin/articles/")) == ["Nháp 2", "Nháp 3"]
    assert client.get("/admin/articles/?status=draft&page=9").status_code == 404


@pytest.mark.parametrize(
    "query",
    ["?status=bogus", "?section=abc", "?sort=views", "?author=1e9", "?keyword=" + "k" * 101],
    ids=["status", "section", "sort", "author", "keyword"],
)
def test_a_malformed_filter_is_refused_in_vietnamese_not_ignored(client, login_as, query):
    login_as("editor")
    response = client.get(f"/admin/articles/{query}")
    assert response.status_code == 400
    assert parse(response.data).select(".field--invalid .error")


def test_the_waiting_queue_of_an_editor_holds_the_submitted_articles(client, login_as, one_of_each):
    login_as("editor")
    page = parse(client.get("/admin/articles/?queue=1").data)
    assert page.texts(".article-list__title") == ["Bài pending"]
    assert page.one(".tabs a[aria-current=page] .count").text == "1"


def test_the_waiting_queue_of_a_contributor_holds_their_drafts_and_returned_articles(client, login_as):
    author = login_as("contributor")
    for status in ("draft", "rejected", "pending", "published"):
        authored(author, status, title=f"Của tôi {status}")
    authored(make_user(role="contributor"), "draft", title="Nháp người khác")
    assert sorted(listed(client, "?queue=1")) == ["Của tôi draft", "Của tôi rejected"]


def test_a_contributor_withdraws_a_submission_from_the_list(client, login_as):
    author = login_as("contributor")
    article = authored(author, "pending")
    page = parse(client.get("/admin/articles/").data)
    form = page.one(f"#article-{article.id} form")
    token = page.one('meta[name="csrf-token"]')["content"]
    response = client.post(form["action"], data={"action": "to_draft", "csrf_token": token})
    assert response.status_code == 302
    assert db.session.get(Article, article.id).status.value == "draft"


def test_keyword_suggestions_ignore_accents_and_match_any_word(client, login_as):
    login_as("contributor")
    make_article(keywords=["Chuyển đổi số", "Đổi mới giáo dục", "Dịch vụ công", "Đường phố"])
    suggestions = client.get("/admin/articles/keyword-suggestions?q=doi").get_json()
    assert suggestions == [
        {"name": "Đổi mới giáo dục", "slug": "doi-moi-giao-duc"},
        {"name": "Chuyển đổi số", "slug": "chuyen-doi-so"},
    ]
    assert (
        client.get("/admin/articles/keyword-suggestions?q=%C4%90%C6%B0").get_json()[0]["name"] == "Đường phố"
    )
    assert client.get("/admin/articles/keyword-suggestions?q=").get_json() == []
    assert client.get("/admin/articles/keyword-suggestions?q=%25").get_json() == []


def test_keyword_suggestions_are_for_staff_only(client, db):
    response = client.get("/admin/articles/keyword-suggestions?q=doi")
    assert response.status_code == 302
    assert "/admin/login" in response.location
