"""The home-page curation page in the back office: slots, search and pick, unpick, block and box order."""

import pytest
from sqlalchemy import select

from app.articles.workflow import unpublish
from app.curation.home import pick_for_home
from app.curation.models import HomePick
from app.extensions import db as _db
from tests.factories import make_article, make_section
from tests.pages import csrf_token, parse

INDEX = "/admin/home/"


def post(client, url, data=None):
    return client.post(url, data={"csrf_token": csrf_token(client, INDEX), **(data or {})})


def picks() -> dict[int, int]:
    _db.session.expire_all()
    return dict(_db.session.execute(select(HomePick.slot, HomePick.article_id)).all())


def path_of(article) -> str:
    return f"/{article.section.slug}/{article.slug}-{article.id}.html"


def slot_panel(client, slot: int, query: str = ""):
    url = f"{INDEX}?slot={slot}&q={query}" if query else INDEX
    response = client.get(url)
    assert response.status_code == 200
    return parse(response.data).one(f"section#slot-{slot}")


def test_an_empty_slot_says_it_shows_the_latest_story_automatically(client, login_as):
    login_as("editor")
    newest = make_article("Tin mới nhất", hours_ago=1)

    panel = slot_panel(client, 0)

    assert "Tự động: bài mới nhất" in panel.text
    assert path_of(newest) in panel.links()
    assert panel.select("form[action$='/unpick']") == []


def test_a_pick_that_was_unpublished_is_shown_as_fallen_back_with_the_reason(client, login_as):
    editor = login_as("editor")
    picked = make_article("Bài được chọn rồi bị gỡ", hours_ago=30)
    newest = make_article("Tin mới nhất", hours_ago=1)
    pick_for_home(picked, 0, actor=editor)
    unpublish(picked, actor=editor)

    panel = slot_panel(client, 0)

    assert "Tự động: bài mới nhất" in panel.text
    assert "bài đã gỡ" in panel.text and picked.title in panel.text
    assert path_of(newest) in panel.links()


def test_an_editor_finds_a_story_without_accents_and_pins_it_as_the_top_story(client, login_as):
    login_as("editor")
    old = make_article("Chợ truyền thống Hòa Nghĩa hoàn thành cải tạo", hours_ago=300)
    make_article("Tin mới nhất", hours_ago=1)

    panel = slot_panel(client, 0, "cho truyen thong hoa nghia")
    choice = panel.one(f"input[type=radio][value='{old.id}']")
    response = post(client, f"{INDEX}slots/0/pick", {"article_id": choice["value"]})

    assert response.status_code == 302
    assert response.location.endswith("/admin/home/#slot-0")
    assert picks() == {0: old.id}
    confirmation = parse(client.get(INDEX).data)
    assert "đã được đặt vào vị trí “Tin chính”" in confirmation.one(".flashes").text
    hero = parse(client.get("/").data).one("article.teaser--hero")
    assert hero.links(".teaser__title a") == [path_of(old)]


def test_search_results_offer_only_public_stories(client, login_as):
    login_as("editor")
    public = make_article("Lễ hội cầu ngư Hải Thành", hours_ago=5)
    scheduled = make_article("Lễ hội cầu ngư Hải Thành năm sau", status="scheduled")
    draft = make_article("Lễ hội cầu ngư Hải Thành bản nháp", status="draft")

    panel = slot_panel(client, 2, "le hoi cau ngu")

    offered = [radio["value"] for radio in panel.select("input[type=radio]")]
    assert offered == [str(public.id)]
    assert str(scheduled.id) not in offered and str(draft.id) not in offered


def test_a_search_without_match_says_so(client, login_as):
    login_as("editor")
    make_article("Tin bất kỳ")

    panel = slot_panel(client, 1, "khong co bai nao nhu the")

    assert "Không có bài đã đăng nào khớp" in panel.text


def test_posting_a_scheduled_story_is_refused_with_a_vietnamese_message(client, login_as):
    login_as("editor")
    scheduled = make_article("Tin hẹn giờ", status="scheduled")

    response = post(client, f"{INDEX}slots/0/pick", {"article_id": str(scheduled.id)})

    assert response.status_code == 400
    assert "chưa được đăng" in parse(response.data).one(".form-errors").text
    assert picks() == {}


@pytest.mark.parametrize("article_id", ["", "abc", "-3", "99999999999", "999999"])
def test_a_missing_or_malformed_story_is_refused_with_400(client, login_as, article_id):
    login_as("editor")

    response = post(client, f"{INDEX}slots/0/pick", {"article_id": article_id})

    assert response.status_code == 400
    assert "Vui lòng chọn một bài trong kết quả tìm kiếm." in parse(response.data).one(".form-errors").text
    assert picks() == {}


def test_there_is_no_sixth_slot(client, login_as):
    login_as("editor")
    story = make_article()

    assert post(client, f"{INDEX}slots/5/pick", {"article_id": str(story.id)}).status_code == 404
    assert post(client, f"{INDEX}slots/5/unpick").status_code == 404


def test_the_remove_button_empties_the_slot(client, login_as):
    editor = login_as("editor")
    old = make_article("Bài chọn cũ", hours_ago=40)
    newest = make_article("Tin mới nhất", hours_ago=1)
    pick_for_home(old, 3, actor=editor)
    panel = slot_panel(client, 3)
    assert panel.one(".home-slot__pick").links() == [path_of(old)]

    response = post(client, panel.one("form[action$='/unpick']")["action"])

    assert response.status_code == 302
    assert picks() == {}
    assert parse(client.get("/").data).one("article.teaser--hero").links(".teaser__title a") == [
        path_of(newest)
    ]


def order_form_data(form) -> dict:
    return {"section_ids": [field["value"] for field in form.select("input[name=section_ids]")]}


def test_the_down_button_moves_a_home_block_below_the_next(client, login_as):
    login_as("editor")
    first, second = make_section("Khối một", on_home=True), make_section("Khối hai", on_home=True)
    for section in (first, second):
        make_article(section=section)
    page = parse(client.get(INDEX).data)
    down = page.one("#blocks tbody tr:first-child").select("form")[1]

    response = post(client, down["action"], order_form_data(down))

    assert response.status_code == 302
    public = parse(client.get("/").data)
    assert [h2["id"] for h2 in public.select("h2[id^='block-']")] == [
        f"block-{second.slug}",
        f"block-{first.slug}",
    ]


def test_the_up_button_moves_a_sidebar_box_above_the_previous(client, login_as):
    login_as("editor")
    first = make_section("Hộp một", kind="column", in_sidebar=True)
    second = make_section("Hộp hai", kind="column", in_sidebar=True)
    for section in (first, second):
        make_article(section=section)
    page = parse(client.get(INDEX).data)
    up = page.one("#boxes tbody tr:last-child").select("form")[0]

    response = post(client, up["action"], order_form_data(up))

    assert response.status_code == 302
    public = parse(client.get("/").data)
    boxes = [h2["id"] for h2 in public.select("aside h2[id^='box-']")]
    assert boxes.index(f"box-{second.slug}") < boxes.index(f"box-{first.slug}")


def test_an_order_from_a_stale_page_is_refused_with_409(client, login_as):
    login_as("editor")
    first, second = make_section(on_home=True), make_section(on_home=True)
    page = parse(client.get(INDEX).data)
    down = page.one("#blocks tbody tr:first-child").select("form")[1]
    make_section(on_home=True)

    response = post(client, down["action"], order_form_data(down))

    assert response.status_code == 409
    assert "Vui lòng tải lại trang" in parse(response.data).one(".form-errors").text
    assert (first.home_position, second.home_position) == (0, 0)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", INDEX),
        ("POST", f"{INDEX}slots/0/pick"),
        ("POST", f"{INDEX}slots/0/unpick"),
        ("POST", f"{INDEX}blocks"),
        ("POST", f"{INDEX}boxes"),
    ],
)
def test_contributors_may_not_curate_the_home_page(client, login_as, method, path):
    login_as("contributor")
    story = make_article()

    response = client.open(
        path, method=method, data={"csrf_token": csrf_token(client), "article_id": story.id}
    )

    assert response.status_code == 403
    assert picks() == {}


def test_a_pick_without_the_form_token_is_refused(client, login_as):
    login_as("editor")
    story = make_article()

    response = client.post(f"{INDEX}slots/0/pick", data={"article_id": str(story.id)})

    assert response.status_code == 400
    assert "Phiên làm việc đã hết hạn" in response.get_data(as_text=True)
    assert picks() == {}
