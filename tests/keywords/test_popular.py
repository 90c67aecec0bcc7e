"""Popular keywords: the sidebar box of keywords most used by recent public articles."""

from app.keywords.queries import find_live_keyword, popular_keywords
from app.keywords.services import merge_keywords
from tests.factories import NON_PUBLIC, make_article
from tests.pages import parse


def ranking(**options):
    return [(keyword.name, count) for keyword, count in popular_keywords(**options)]


def test_keywords_are_ranked_by_recent_public_articles_ties_alphabetically(db):
    for _ in range(3):
        make_article(keywords=["Nông thôn mới"])
    make_article(keywords=["Đường", "Chuyển đổi số"])
    make_article(keywords=["Đường", "An toàn giao thông"])
    assert ranking() == [("Nông thôn mới", 3), ("Đường", 2), ("An toàn giao thông", 1), ("Chuyển đổi số", 1)]


def test_only_public_articles_count(db):
    make_article(keywords=["Bầu cử"])
    for status in NON_PUBLIC:
        make_article(status=status, keywords=["Bầu cử", "Dự thảo mật"])
    assert ranking() == [("Bầu cử", 1)]


def test_articles_older_than_the_window_do_not_count(db):
    make_article(keywords=["Lễ hội"], hours_ago=24 * 100)
    make_article(keywords=["Lễ hội", "Du lịch"], hours_ago=24 * 20)
    make_article(keywords=["Du lịch"], hours_ago=2)
    assert ranking() == [("Du lịch", 2), ("Lễ hội", 1)]
    assert ranking(days=10) == [("Du lịch", 1)]


def test_the_list_stops_at_the_limit(db):
    make_article(keywords=[f"Từ khóa {number}" for number in range(12)])
    assert len(ranking()) == 10
    assert len(ranking(limit=3)) == 3


def test_a_merged_keyword_gives_way_to_the_one_it_was_merged_into(db):
    make_article(keywords=["Covid-19"])
    make_article(keywords=["Covid"])
    merge_keywords(find_live_keyword("Covid"), into="Covid-19", actor=None)
    assert ranking() == [("Covid-19", 2)]


def test_sidebar_box_links_each_popular_keyword_to_its_page(client, db):
    make_article(keywords=["Chuyển đổi số", "Đường"])
    make_article(keywords=["Chuyển đổi số"])
    box = parse(client.get("/").data).one(".sidebar .box--keywords")
    assert box.one("h2").text == "Từ khóa nổi bật"
    assert box.texts("a") == ["Chuyển đổi số", "Đường"]
    assert box.links() == ["/tu-khoa/chuyen-doi-so", "/tu-khoa/duong"]


def test_sidebar_box_is_hidden_when_no_public_article_has_a_keyword(client, db):
    make_article(keywords=[])
    make_article(status="draft", keywords=["Dự thảo mật"])
    page = client.get("/").get_data(as_text=True)
    assert "box--keywords" not in page
    assert "Dự thảo mật" not in page
