"""Vietnamese search behaves the same on SQLite FTS5 and (in CI) PostgreSQL: folding, đ, NFD, phrases,
prefixes, exact-accent ranking, filters, visibility and hostile input."""

import unicodedata
from datetime import timedelta

import pytest
from flask_migrate import downgrade, upgrade

from app import create_app
from app.articles import workflow
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.extensions import db as _db
from app.keywords.services import rename_keyword
from app.search.queries import SearchParams, search
from tests.factories import NON_PUBLIC, make_article, make_section, make_user
from tests.pages import parse

PAIRS_REVISION = "849d33c1ee60"  # search keys, titles and word pairs
FILLER = "Ủy ban nhân dân quận tổ chức hội nghị giao ban công tác tháng với các phòng, ban chuyên môn."


def titles(q: str, **params) -> list[str]:
    results = search(SearchParams(q=q, **params))
    return [hit.article.title for hit in results.page.items] if results.page else []


def story(title: str, body: str = FILLER, **fields):
    return make_article(title, body=f"<p>{body}</p>", lead=fields.pop("lead", ""), **fields)


@pytest.fixture
def digital(db):
    """Two stories about digital transformation and one where the words are apart."""
    return [
        story("Phường Đồng Tâm đẩy mạnh chuyển đổi số trong cải cách hành chính"),
        story("Hội nghị sơ kết", body="Quận xác định chuyển đổi số là nhiệm vụ trọng tâm năm 2026."),
        story("Chuyến đi thực tế", body="Đoàn công tác đổi lịch, chuyến đi có số người tham gia đông."),
    ]


@pytest.mark.parametrize("query", ["chuyen doi so", "chuyển đổi số", "CHUYỂN ĐỔI SỐ", "Chuyen Doi So"])
def test_accents_case_and_d_stroke_do_not_matter(digital, query):
    assert set(titles(query)) == {article.title for article in digital}


def test_decomposed_queries_find_what_composed_ones_find(digital):
    decomposed = unicodedata.normalize("NFD", "chuyển đổi số")
    assert decomposed != "chuyển đổi số"
    assert set(titles(decomposed)) == set(titles("chuyển đổi số"))


def test_d_stroke_folds_to_d(db):
    story("Đoàn công tác tỉnh Đắk Lắk thăm quận An Phú")
    assert titles("dak lak") == ["Đoàn công tác tỉnh Đắk Lắk thăm quận An Phú"]
    assert titles("ĐẮK") == ["Đoàn công tác tỉnh Đắk Lắk thăm quận An Phú"]
    assert titles("doan") == ["Đoàn công tác tỉnh Đắk Lắk thăm quận An Phú"]


def test_a_quoted_phrase_needs_the_words_side_by_side(digital):
    found = titles('"chuyển đổi số"')
    assert set(found) == {digital[0].title, digital[1].title}


def test_the_words_side_by_side_rank_above_the_same_words_apart(digital):
    assert titles("chuyen doi so")[-1] == digital[2].title


def test_the_last_word_matches_as_a_prefix(db):
    story("Mô hình cổng trường an toàn giao thông")
    assert titles("an toàn giao thô") == ["Mô hình cổng trường an toàn giao thông"]
    assert titles("an toan giao tho") == ["Mô hình cổng trường an toàn giao thông"]


def test_exact_accents_rank_above_merely_folded_matches(db):
    road = story("Nâng cấp tuyến đường ven biển", hours_ago=48)
    praise = story(
        "Tuyên dương gương người tốt việc tốt",
        body="Quận tuyên dương 20 tập thể. Dương Văn An được tuyên dương. " + FILLER,
        hours_ago=1,
    )
    assert titles("đường") == [road.title, praise.title]
    assert titles("dương") == [praise.title, road.title]
    assert set(titles("duong")) == {road.title, praise.title}


def test_a_title_match_ranks_above_a_mention_in_the_body(db):
    mention = story("Họp giao ban tháng 11", body="Cuối buổi, đại biểu nhắc tới lễ hội cầu ngư. " + FILLER)
    named = story("Lễ hội cầu ngư phường Hải Thành", hours_ago=72)
    assert titles("lễ hội cầu ngư") == [named.title, mention.title]


def test_keywords_and_byline_are_searched_too(db):
    story("Một bài về tiếp dân", keywords=["Cải cách hành chính"], byline="LÊ THỊ THU HIỀN")
    assert titles("cai cach hanh chinh") == ["Một bài về tiếp dân"]
    assert titles("thu hiền") == ["Một bài về tiếp dân"]


def test_results_can_be_narrowed_by_section_including_sub_sections_and_by_format(db):
    politics = make_section("Chính trị")
    party = make_section("Xây dựng Đảng", parent=politics)
    other = make_section("Kinh tế")
    story("Hội nghị Ban Chấp hành mở rộng", section=party)
    story("Hội nghị xúc tiến đầu tư", section=other, format="video")
    assert titles("hội nghị", section_ids=(politics.id, party.id)) == ["Hội nghị Ban Chấp hành mở rộng"]
    assert titles("hội nghị", format="video") == ["Hội nghị xúc tiến đầu tư"]


def test_results_can_be_narrowed_by_date_and_sorted_newest_first(db):
    now = utcnow()
    old = story("Lễ phát động cũ", published_at=now - timedelta(days=40))
    new = story("Lễ phát động mới", published_at=now - timedelta(days=2))
    assert titles("lễ phát động", since=now - timedelta(days=10)) == [new.title]
    assert titles("lễ phát động", before=now - timedelta(days=10)) == [old.title]
    assert titles("lễ phát động", newest_first=True) == [new.title, old.title]


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_nothing_that_is_not_public_is_ever_found(db, status):
    story("Bài công khai về lễ hội hoa đăng")
    story("Bài chưa công khai về lễ hội hoa đăng", status=status)
    assert titles("lễ hội hoa đăng") == ["Bài công khai về lễ hội hoa đăng"]
    assert search(SearchParams(q="lễ hội hoa đăng")).total == 1


def test_a_scheduled_story_is_found_once_its_time_has_come(db):
    scheduled = story("Thông báo lịch cắt điện", status="scheduled")
    assert titles("lịch cắt điện") == []
    later = search(SearchParams(q="lịch cắt điện"), now=utcnow() + timedelta(days=2))
    assert [hit.article.title for hit in later.page.items] == [scheduled.title]


def test_unpublishing_and_editing_change_what_is_found_at_once(db):
    editor = make_user(role="editor")
    article = story("Khánh thành nhà văn hóa khu phố 3")
    with write_transaction():
        article.title = "Khánh thành nhà sinh hoạt cộng đồng khu phố 3"
    assert titles('"nhà văn hóa"') == []
    assert titles("nhà sinh hoạt cộng đồng") == [article.title]
    workflow.unpublish(article, actor=editor)
    assert titles("nhà sinh hoạt cộng đồng") == []


def test_a_change_rolled_back_leaves_the_index_as_it_was(db):
    article = story("Giải bóng đá thiếu niên")
    with pytest.raises(RuntimeError), write_transaction():
        article.title = "Giải bơi lội thiếu niên"
        db.session.flush()
        raise RuntimeError("the save failed")
    db.session.expire_all()
    assert titles("bóng đá") == ["Giải bóng đá thiếu niên"]
    assert titles("bơi lội") == []


def test_renaming_a_keyword_renames_it_in_the_index(db):
    article = story("Một bài có từ khóa", keywords=["Chuyen doi so"])
    keyword = article.keywords[0]
    rename_keyword(keyword, name="Chuyển đổi số quốc gia", update_slug=False, actor=None)
    assert titles("quốc gia") == [article.title]


def test_snippets_keep_the_original_accents_and_mark_the_words(db):
    story("Hội nghị", body="Năm nay, quận đẩy mạnh chuyển đổi số ở tất cả các phường. " + FILLER)
    [hit] = search(SearchParams(q="chuyen doi so")).page.items
    assert "<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>" in str(hit.snippet)
    assert "Năm nay, quận đẩy mạnh" in str(hit.snippet)


def test_markup_in_a_story_never_becomes_markup_in_a_snippet(db):
    story("Ký tự đặc biệt", body="Công thức &lt;script&gt;alert(1)&lt;/script&gt; chuyển đổi số.")
    [hit] = search(SearchParams(q="chuyen doi so")).page.items
    assert "<script>" not in str(hit.snippet)
    assert "&lt;script&gt;" in str(hit.snippet)


@pytest.mark.parametrize(
    "query",
    [
        'chuyển "đổi số',
        "AND OR NOT NEAR(chuyen doi)",
        "chuyen* ^doi -so +x title:abc {body}: (((",
        "'; DROP TABLE articles; --",
        "%_\\",
        "x" * 10_000,
        "…!?.,:;",
        "chuyển\x00đổi",
        "a:b c-d e/f \"\" '' ``",
    ],
)
def test_hostile_queries_get_a_normal_page(client, digital, query):
    response = client.get("/tim-kiem", query_string={"q": query})
    assert response.status_code == 200
    assert parse(response.data).one("h1").text == "Tìm kiếm"


def test_invalid_utf8_in_the_query_string_gets_a_normal_page(client, digital):
    response = client.get("/tim-kiem?q=%C3%28%ff%fe%20chuy%E1%BB%83n")
    assert response.status_code == 200


def test_the_page_shows_the_count_highlighted_titles_and_snippets(client, digital):
    page = parse(client.get("/tim-kiem", query_string={"q": "chuyển đổi số"}).data)
    assert page.one(".search-status").text == "3 bài viết khớp với “chuyển đổi số”."
    first = page.select(".search-result")[0]
    assert first.one("h2 a").text == digital[0].title
    assert [mark.text for mark in first.select("h2 mark")] == ["chuyển", "đổi", "số"]
    assert first.select(".search-result__snippet")


def test_bad_filters_are_reported_beside_their_field_and_ignored(client, digital):
    response = client.get(
        "/tim-kiem", query_string={"q": "chuyen doi so", "since": "31/02/2026", "format": "x"}
    )
    assert response.status_code == 200
    page = parse(response.data)
    assert "24/11/2026" in page.one("#since-error").text
    assert len(page.select(".search-result")) == 3


def test_a_search_from_the_header_box_shows_no_filter_errors(client, digital):
    """The header's box sends only q: the filters it did not send are not errors."""
    page = parse(client.get("/tim-kiem", query_string={"q": "chuyển đổi số"}).data)
    assert not page.select(".field-error, [id$='-error']")
    assert "Vui lòng chọn một giá trị" not in page.text


def test_an_empty_or_punctuation_only_query_asks_for_words(client, db):
    assert client.get("/tim-kiem").status_code == 200
    page = parse(client.get("/tim-kiem", query_string={"q": "?!…"}).data)
    assert "Vui lòng nhập từ cần tìm" in page.one(".search-status").text


def test_zero_results_suggest_close_keywords_and_sections(client, db):
    make_section("An toàn giao thông")
    story("Một bài", keywords=["Chuyển đổi số"])
    page = parse(client.get("/tim-kiem", query_string={"q": "chuyn doi so an toan giao thng"}).data)
    assert "Không có bài viết nào khớp" in page.one(".search-status").text
    suggestions = page.one(".search-suggestions")
    assert "Chuyển đổi số" in suggestions.text or "An toàn giao thông" in suggestions.text


def test_search_as_you_type_suggests_titles_from_two_letters(client, digital):
    data = client.get("/tim-kiem/goi-y", query_string={"q": "chuyển đổi số tr"}).get_json()
    assert digital[0].title in [article["title"] for article in data["articles"]]
    assert client.get("/tim-kiem/goi-y", query_string={"q": "\x00"}).get_json() == {"articles": []}


def test_the_reindex_command_rebuilds_the_index(runner, digital):
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert "Đã lập chỉ mục 3 bài viết" in result.output
    assert len(titles("chuyen doi so")) == 3


def test_several_words_that_match_nothing_give_an_empty_page_not_an_error(client, digital):
    assert titles("xyzzy quux") == []
    assert client.get("/tim-kiem/goi-y", query_string={"q": "xyzzy quux"}).get_json() == {"articles": []}


def test_a_quoted_phrase_of_three_words_is_not_found_from_its_pairs_apart(db):
    whole = story("Chuyển đổi số ở phường", body="Phường làm chuyển đổi số từ năm ngoái. " + FILLER)
    story("Hai việc khác", body="Chuyển đổi mô hình quản lý, rồi đổi số nhà cho dân. " + FILLER)
    assert titles('"chuyển đổi số"') == [whole.title]
    assert titles('"chuyen doi so"') == [whole.title]
    assert search(SearchParams(q='"chuyen doi so"')).total == 1


def test_a_phrase_with_other_words_needs_both(db):
    both = story("Hội nghị chuyển đổi số", body="Hội nghị bàn về chuyển đổi số. " + FILLER)
    story("Hội nghị giao ban", body="Hội nghị bàn về chuyển đổi mô hình. " + FILLER)
    story("Chuyển đổi số ở trường học", body="Chuyển đổi số trong giáo dục.")
    assert titles('hội nghị "chuyển đổi số"') == [both.title]


def test_phrases_can_be_sorted_newest_first_and_narrowed_by_date(db):
    now = utcnow()
    old = story("Cũ: an toàn giao thông", published_at=now - timedelta(days=40))
    new = story("Mới: an toàn giao thông", published_at=now - timedelta(days=2))
    story("Khác: an toàn thực phẩm, giao thông đô thị", published_at=now - timedelta(days=1))
    assert titles('"an toàn giao thông"', newest_first=True) == [new.title, old.title]
    assert titles('"an toan giao thong"', since=now - timedelta(days=10)) == [new.title]


def test_a_phrase_added_by_an_edit_is_found_and_one_removed_is_not(db):
    article = story("Khánh thành nhà văn hóa", lead="Buổi lễ diễn ra sáng nay.")
    assert titles('"lễ khánh thành"') == []
    with write_transaction():
        article.lead = "Lễ khánh thành diễn ra sáng nay."
    assert titles('"lễ khánh thành"') == [article.title]
    with write_transaction():
        article.lead = "Buổi lễ diễn ra sáng nay."
    assert titles('"lễ khánh thành"') == []


def test_stories_published_at_the_same_moment_are_all_found(db):
    moment = utcnow() - timedelta(hours=3)
    stories = [story(f"Thông báo lịch tiếp dân số {n}", published_at=moment) for n in range(3)]
    assert set(titles("lịch tiếp dân")) == {article.title for article in stories}
    assert set(titles("lịch tiếp dân", newest_first=True)) == {article.title for article in stories}


def test_a_long_last_word_matches_the_longer_words_it_begins(db):
    story("Mô hình cổng trường an toàn giao thông")
    assert titles("giao thôn") == ["Mô hình cổng trường an toàn giao thông"]
    assert titles("an toàn giao thong") == ["Mô hình cổng trường an toàn giao thông"]


def test_upgrading_a_database_with_articles_indexes_them_for_words_and_phrases(tmp_path):
    """The migration that keys documents by date and adds word pairs fills them from the articles."""
    application = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'upgrade.db'}",
            "SECRET_KEY": "x",
            "MEDIA_ROOT": str(tmp_path / "media"),
        }
    )
    with application.app_context():
        upgrade()
        story("Phường Đồng Tâm đẩy mạnh chuyển đổi số", keywords=["Cải cách hành chính"])
        _db.session.remove()
        downgrade(revision=f"{PAIRS_REVISION}-1")
        upgrade()
        assert titles('"chuyen doi so"') == ["Phường Đồng Tâm đẩy mạnh chuyển đổi số"]
        assert titles('"cải cách hành chính" dong tam') == ["Phường Đồng Tâm đẩy mạnh chuyển đổi số"]
        _db.session.remove()
        _db.engine.dispose()
