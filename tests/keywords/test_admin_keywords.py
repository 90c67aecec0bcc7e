"""Managing keywords in the back office: search, rename, merge, and old addresses that keep working."""

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.db import write_transaction
from app.extensions import db as _db
from app.keywords.models import Keyword, article_keywords
from app.keywords.services import keywords_for_names
from tests.factories import make_article
from tests.pages import csrf_token, parse


def post(client, url, data):
    return client.post(url, data={"csrf_token": csrf_token(client), **data})


def keyword(name: str) -> Keyword:
    with write_transaction():
        (found,) = keywords_for_names([name])
    return found


def reloaded(keyword_id: int) -> Keyword:
    _db.session.expire_all()
    return _db.session.get(Keyword, keyword_id)


def tagged_articles(keyword_id: int) -> list[int]:
    return sorted(
        _db.session.scalars(
            select(article_keywords.c.article_id).where(article_keywords.c.keyword_id == keyword_id)
        )
    )


def audit_actions(keyword_id: int) -> list[str]:
    return list(
        _db.session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.object_type == "keywords", AuditEvent.object_id == keyword_id)
            .order_by(AuditEvent.id)
        )
    )


def listed_names(client, query: str = "") -> list[str]:
    page = parse(client.get(f"/admin/keywords/?q={query}").get_data(as_text=True))
    return page.texts("table.keyword-list tbody td:first-child a")


def test_the_list_shows_each_keyword_with_its_article_count(client, login_as):
    login_as("editor")
    make_article(keywords=["Chuyển đổi số", "Giao thông"])
    make_article(keywords=["Chuyển đổi số"], status="draft")

    page = parse(client.get("/admin/keywords/").get_data(as_text=True))

    rows = {row.select("td")[0].text: row.one(".keyword-list__count").text for row in page.select("tbody tr")}
    assert rows == {"Chuyển đổi số": "2", "Giao thông": "1"}


@pytest.mark.parametrize("query", ["chuyen doi", "CHUYỂN ĐỔI", "doi so"])
def test_searching_finds_keywords_with_or_without_accents(client, login_as, query):
    login_as("editor")
    keyword("Chuyển đổi số")
    keyword("Đường phố")
    assert listed_names(client, query) == ["Chuyển đổi số"]


def test_searching_for_d_finds_names_with_d_stroke(client, login_as):
    login_as("editor")
    keyword("Đường phố")
    keyword("Cây xanh")
    assert listed_names(client, "duong") == ["Đường phố"]


def test_the_list_is_paginated_and_keeps_the_search(client, login_as, app):
    login_as("editor")
    for number in range(app.config["PAGE_SIZE"] + 1):
        keyword(f"Văn hoá {number:02d}")

    first = parse(client.get("/admin/keywords/?q=van hoa").get_data(as_text=True))
    second = parse(client.get("/admin/keywords/?q=van+hoa&page=2").get_data(as_text=True))

    assert len(first.select("tbody tr")) == app.config["PAGE_SIZE"]
    assert "q=van+hoa" in first.one(".pager a[rel='next']")["href"]
    assert second.texts("tbody td:first-child a") == ["Văn hoá 20"]


def test_contributors_cannot_manage_keywords(client, login_as):
    login_as("contributor")
    assert client.get("/admin/keywords/").status_code == 403


def test_renaming_keeps_the_address_unless_asked(client, login_as, db):
    login_as("editor")
    tag = keyword("Chuyen doi so")

    response = post(client, f"/admin/keywords/{tag.id}", {"name": "Chuyển đổi số"})

    assert response.status_code == 302
    renamed = reloaded(tag.id)
    assert (renamed.name, renamed.name_key, renamed.folded, renamed.slug) == (
        "Chuyển đổi số",
        "chuyển đổi số",
        "chuyen doi so",
        "chuyen-doi-so",
    )
    assert audit_actions(tag.id) == ["keyword.rename"]


def test_renaming_with_a_new_address_redirects_the_old_one(client, login_as, db):
    login_as("editor")
    article = make_article("Bài về giao thông", keywords=["Giao thong"])
    tag = article.keywords[0]

    post(client, f"/admin/keywords/{tag.id}", {"name": "An toàn giao thông", "update_slug": "y"})

    assert reloaded(tag.id).slug == "an-toan-giao-thong"
    old = client.get("/tu-khoa/giao-thong")
    assert old.status_code == 301
    assert old.location.endswith("/tu-khoa/an-toan-giao-thong")
    assert "Bài về giao thông" in client.get("/tu-khoa/an-toan-giao-thong").get_data(as_text=True)
    assert "/tu-khoa/giao-thong" in client.get(f"/admin/keywords/{tag.id}").get_data(as_text=True)


def test_going_back_to_a_former_address_makes_it_live_again(client, login_as, db):
    login_as("editor")
    tag = keyword("Giao thông")
    post(client, f"/admin/keywords/{tag.id}", {"name": "Giao thông đô thị", "update_slug": "y"})
    post(client, f"/admin/keywords/{tag.id}", {"name": "Giao thông", "update_slug": "y"})

    assert reloaded(tag.id).slug == "giao-thong"
    assert client.get("/tu-khoa/giao-thong").status_code == 200
    assert client.get("/tu-khoa/giao-thong-do-thi").location.endswith("/tu-khoa/giao-thong")


def test_a_new_keyword_does_not_take_over_a_former_address(client, login_as, db):
    login_as("editor")
    tag = keyword("Giao thông")
    post(client, f"/admin/keywords/{tag.id}", {"name": "An toàn giao thông", "update_slug": "y"})

    newcomer = keyword("Giao thông")

    assert newcomer.id != tag.id and newcomer.slug == "giao-thong-2"
    assert client.get("/tu-khoa/giao-thong").location.endswith("/tu-khoa/an-toan-giao-thong")


def test_renaming_onto_an_existing_name_is_refused_and_offers_a_merge(client, login_as, db):
    login_as("editor")
    tag = keyword("Chuyen doi so")
    keyword("Chuyển đổi số")

    response = post(client, f"/admin/keywords/{tag.id}", {"name": "CHUYỂN ĐỔI SỐ"})

    assert response.status_code == 409
    page = parse(response.get_data(as_text=True))
    assert "Hãy gộp" in page.one("#name-error").text
    assert page.one("#target")["value"] == "Chuyển đổi số"
    assert reloaded(tag.id).name == "Chuyen doi so"
    assert audit_actions(tag.id) == []


@pytest.mark.parametrize(("name", "message"), [("   ", "Vui lòng nhập tên"), ("x" * 101, "100")])
def test_a_blank_or_overlong_name_is_refused(client, login_as, db, name, message):
    login_as("editor")
    tag = keyword("Giao thông")
    response = post(client, f"/admin/keywords/{tag.id}", {"name": name})
    assert response.status_code == 400
    assert message in parse(response.get_data(as_text=True)).one("#name-error").text


def test_merging_moves_the_articles_without_duplicates_and_retires_the_keyword(client, login_as, db):
    login_as("editor")
    only_old = make_article(keywords=["Chuyen doi so"])
    both = make_article(keywords=["Chuyen doi so", "Chuyển đổi số"])
    only_new = make_article(keywords=["Chuyển đổi số"])
    source, target = keyword("Chuyen doi so"), keyword("Chuyển đổi số")

    response = post(client, f"/admin/keywords/{source.id}/merge", {"target": "chuyển đổi số"})

    assert response.status_code == 302
    assert response.location.endswith(f"/admin/keywords/{target.id}")
    assert tagged_articles(target.id) == sorted([only_old.id, both.id, only_new.id])
    assert tagged_articles(source.id) == []
    assert reloaded(source.id).merged_into_id == target.id
    assert audit_actions(source.id) == ["keyword.merge"]
    assert "Chuyen doi so" not in listed_names(client)
    assert client.get(f"/admin/keywords/{source.id}").status_code == 404


def test_a_merged_keywords_addresses_redirect_to_the_keyword_it_went_into(client, login_as, db):
    login_as("editor")
    source, target = keyword("Giao thong"), keyword("Giao thông")
    post(client, f"/admin/keywords/{source.id}", {"name": "Giao thong cu", "update_slug": "y"})
    post(client, f"/admin/keywords/{source.id}/merge", {"target": "Giao thông"})

    for old_slug in ("giao-thong-cu", "giao-thong"):
        response = client.get(f"/tu-khoa/{old_slug}")
        assert (old_slug, response.status_code) == (old_slug, 301)
        assert response.location.endswith(f"/tu-khoa/{target.slug}")


def test_a_merged_keywords_name_gives_the_keyword_it_went_into(client, login_as, db):
    login_as("editor")
    source, target = keyword("Giao thong"), keyword("Giao thông")
    post(client, f"/admin/keywords/{source.id}/merge", {"target": "Giao thông"})

    with write_transaction():
        found = keywords_for_names(["giao thong", "Giao thông"])

    assert [item.id for item in found] == [target.id]


def test_merging_twice_follows_to_the_last_keyword(client, login_as, db):
    login_as("editor")
    first, second, third = keyword("Một"), keyword("Hai"), keyword("Ba")
    post(client, f"/admin/keywords/{first.id}/merge", {"target": "Hai"})
    post(client, f"/admin/keywords/{second.id}/merge", {"target": "Ba"})

    assert reloaded(first.id).merged_into_id == third.id
    assert client.get(f"/tu-khoa/{first.slug}").location.endswith(f"/tu-khoa/{third.slug}")


def test_a_keyword_can_take_the_name_of_one_merged_into_it(client, login_as, db):
    login_as("editor")
    source, target = keyword("Giao thông"), keyword("An toàn giao thông")
    post(client, f"/admin/keywords/{source.id}/merge", {"target": "An toàn giao thông"})

    response = post(client, f"/admin/keywords/{target.id}", {"name": "Giao thông", "update_slug": "y"})

    assert response.status_code == 302
    assert reloaded(target.id).slug == "giao-thong"
    assert client.get("/tu-khoa/giao-thong").status_code == 200
    assert client.get("/tu-khoa/an-toan-giao-thong").location.endswith("/tu-khoa/giao-thong")


@pytest.mark.parametrize(
    ("target", "message"),
    [("Không có", "Không có từ khóa nào tên"), ("Giao thông", "từ khóa khác"), ("", "Vui lòng nhập tên")],
)
def test_merging_into_an_unknown_keyword_or_itself_is_refused(client, login_as, db, target, message):
    login_as("editor")
    tag = keyword("Giao thông")
    response = post(client, f"/admin/keywords/{tag.id}/merge", {"target": target})
    assert response.status_code == 400
    assert message in parse(response.get_data(as_text=True)).one("#target-error").text
    assert reloaded(tag.id).merged_into_id is None


@pytest.mark.parametrize("url", ["/admin/keywords/999999", "/admin/keywords/99999999999"])
def test_an_unknown_keyword_is_not_found(client, login_as, url):
    login_as("editor")
    assert client.get(url).status_code == 404


def test_an_unknown_keyword_address_is_not_found(client, db):
    assert client.get("/tu-khoa/khong-ton-tai").status_code == 404
