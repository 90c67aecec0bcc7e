"""Managing sections and featured columns in the back office: the tree, forms, order, deletion."""

import io

import pytest
from PIL import Image
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.extensions import db as _db
from app.sections.models import Section, SectionKind
from tests.factories import make_article, make_section
from tests.pages import csrf_token, parse


def post(client, url, data, *, form_url="/admin/sections/new"):
    return client.post(url, data={"csrf_token": csrf_token(client, form_url), **data})


def png_bytes(size=(600, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 120, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def audit_column(column, section_id: int) -> list:
    return list(
        _db.session.scalars(
            select(column)
            .where(AuditEvent.object_type == "sections", AuditEvent.object_id == section_id)
            .order_by(AuditEvent.id)
        )
    )


def audit_actions(section_id: int) -> list[str]:
    return audit_column(AuditEvent.action, section_id)


def audit_summaries(section_id: int) -> list[str]:
    return audit_column(AuditEvent.summary, section_id)


def reloaded(section_id: int) -> Section | None:
    _db.session.expire_all()
    return _db.session.get(Section, section_id)


def section_form(**fields) -> dict:
    return {"name": "Chuyển đổi số", "kind": "news", "parent_id": "", "in_menu": "y", **fields}


def test_the_tree_lists_sections_with_their_sub_sections_kind_flags_and_article_counts(client, login_as):
    login_as("admin")
    news = make_section("Tin tức", slug="tin-tuc-x", position=1, in_menu=True, on_home=True)
    column = make_section(
        "Pháp luật", slug="phap-luat-x", position=2, kind=SectionKind.COLUMN, in_sidebar=True
    )
    local = make_section("Tin địa phương", slug="tin-dia-phuong-x", parent_id=news.id, in_menu=False)
    make_article(section=local)
    make_article(section=local, status="draft")

    page = parse(client.get("/admin/sections/").get_data(as_text=True))

    rows = page.select("table.section-tree tbody tr")
    names = [row.select("td")[0].a.text for row in rows]
    assert names[names.index("Tin tức") + 1] == "Tin địa phương"
    legal = page.one(f"#section-{column.id}")
    assert "Chuyên trang" in legal.text and "Cột bên" in legal.text and "Trang chủ" not in legal.text
    child = page.one(f"#section-{local.id}")
    assert "section-tree__row--level-1" in child["class"]
    assert child.one(".section-tree__count").text == "2"
    assert "Trang chủ" in page.one(f"#section-{news.id}").text


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_only_admins_manage_sections(client, login_as, role):
    login_as(role)
    assert client.get("/admin/sections/").status_code == 403
    assert client.get("/admin/sections/new").status_code == 403


def test_a_new_section_gets_its_address_from_the_name_and_goes_last(client, login_as, db):
    login_as("admin")
    make_section("Đầu tiên", slug="dau-tien-x")

    response = post(client, "/admin/sections/new", section_form(name="Chuyển đổi số Đắk Lắk"))

    assert response.status_code == 302
    section = db.session.scalar(select(Section).where(Section.name == "Chuyển đổi số Đắk Lắk"))
    assert section.slug == "chuyen-doi-so-dak-lak"
    assert section.position == max(s.position for s in db.session.scalars(select(Section)))
    assert audit_actions(section.id) == ["section.create"]
    assert client.get("/chuyen-doi-so-dak-lak/").status_code == 200


def test_an_address_typed_by_the_editor_is_normalised(client, login_as, db):
    login_as("admin")
    post(client, "/admin/sections/new", section_form(slug="  Bản tin Pháp Luật  "))
    assert (
        db.session.scalar(select(Section.slug).where(Section.name == "Chuyển đổi số")) == "ban-tin-phap-luat"
    )


@pytest.mark.parametrize(
    ("fields", "field", "status", "message"),
    [
        ({"name": "   "}, "name", 400, "Vui lòng nhập tên"),
        ({"name": "x" * 121}, "name", 400, "120"),
        ({"slug": "tu-khoa"}, "slug", 400, "được trang web sử dụng"),
        ({"slug": "!!!"}, "slug", 400, "chữ cái hoặc chữ số"),
        ({"slug": "da-co"}, "slug", 409, "đã dùng địa chỉ"),
        ({"kind": "blog"}, "kind", 400, "Vui lòng chọn loại"),
        ({"parent_id": "999999"}, "parent_id", 400, "Vui lòng chọn chuyên mục cha"),
        ({"parent_id": "abc"}, "parent_id", 400, "Vui lòng chọn chuyên mục cha"),
        ({"parent_id": "99999999999999999999"}, "parent_id", 400, "Vui lòng chọn chuyên mục cha"),
    ],
)
def test_bad_input_is_explained_next_to_the_field(client, login_as, db, fields, field, status, message):
    login_as("admin")
    make_section("Đã có", slug="da-co")
    before = db.session.scalar(select(Section.id).order_by(Section.id.desc()))

    response = post(client, "/admin/sections/new", section_form(**fields))

    assert response.status_code == status
    page = parse(response.get_data(as_text=True))
    assert message in page.one(f"#{field}-error").text
    assert db.session.scalar(select(Section.id).order_by(Section.id.desc())) == before


def test_a_sub_section_cannot_have_sub_sections(client, login_as, db):
    login_as("admin")
    top = make_section("Cha")
    child = make_section("Con", parent_id=top.id)
    response = post(client, "/admin/sections/new", section_form(parent_id=str(child.id)))
    assert response.status_code == 400
    assert "hai cấp" in parse(response.get_data(as_text=True)).one("#parent_id-error").text


def test_the_parent_list_offers_only_top_level_sections_other_than_itself(client, login_as):
    login_as("admin")
    top = make_section("Cha")
    other = make_section("Khác")
    child = make_section("Con", parent_id=top.id)
    page = parse(client.get(f"/admin/sections/{top.id}").get_data(as_text=True))
    offered = [option["value"] for option in page.select("#parent_id option")]
    assert str(other.id) in offered and "" in offered
    assert str(top.id) not in offered and str(child.id) not in offered


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("itself", "không thể là chuyên mục cha của chính nó"),
        ("own_child", "chuyên mục con của chính nó"),
        ("has_children", "phải ở cấp cao nhất"),
    ],
)
def test_a_section_cannot_move_under_itself_or_its_child(client, login_as, db, case, message):
    login_as("admin")
    top = make_section("Cha")
    child = make_section("Con", parent_id=top.id)
    other = make_section("Khác")
    parent_id = {"itself": top.id, "own_child": child.id, "has_children": other.id}[case]
    url = f"/admin/sections/{top.id}"

    response = post(
        client, url, section_form(name="Cha", slug=top.slug, parent_id=str(parent_id)), form_url=url
    )

    assert response.status_code == 400
    assert message in parse(response.get_data(as_text=True)).one("#parent_id-error").text
    assert reloaded(top.id).parent_id is None


def test_editing_saves_the_fields_and_flags_and_is_audited(client, login_as, db):
    login_as("admin")
    top = make_section("Cha")
    section = make_section("Cũ", slug="cu-x", in_menu=True)
    url = f"/admin/sections/{section.id}"

    response = post(
        client,
        url,
        {
            "name": "Mới",
            "slug": "",
            "description": "Mô tả",
            "kind": "column",
            "parent_id": str(top.id),
            "on_home": "y",
            "in_sidebar": "y",
        },
        form_url=url,
    )

    assert response.status_code == 302
    saved = reloaded(section.id)
    assert (saved.name, saved.slug, saved.description, saved.kind, saved.parent_id) == (
        "Mới",
        "moi",
        "Mô tả",
        SectionKind.COLUMN,
        top.id,
    )
    assert (saved.in_menu, saved.on_home, saved.in_sidebar) == (False, True, True)
    assert audit_actions(section.id) == ["section.update"]
    assert "slug: cu-x → moi" in audit_summaries(section.id)[-1]


def test_a_column_banner_is_stored_as_an_image(client, login_as, db):
    login_as("admin")
    section = make_section("Pháp luật", kind=SectionKind.COLUMN)
    url = f"/admin/sections/{section.id}"
    data = section_form(name="Pháp luật", slug=section.slug, kind="column")
    data["banner"] = (io.BytesIO(png_bytes()), "banner.png")

    response = post(client, url, data, form_url=url)

    assert response.status_code == 302
    banner = reloaded(section.id).banner
    assert (banner.width, banner.height) == (600, 200)
    assert "banner" in audit_summaries(section.id)[-1]
    page = parse(client.get(url).get_data(as_text=True))
    assert page.one(".current-image img")["src"].startswith("/media/")


def test_a_file_that_is_not_an_image_is_refused_next_to_the_banner_field(client, login_as, db):
    login_as("admin")
    section = make_section("Pháp luật", kind=SectionKind.COLUMN)
    url = f"/admin/sections/{section.id}"
    data = section_form(name="Đổi tên", slug=section.slug, kind="column")
    data["banner"] = (io.BytesIO(b"%PDF-1.4 not a picture"), "banner.jpg")

    response = post(client, url, data, form_url=url)

    assert response.status_code == 400
    error = parse(response.get_data(as_text=True)).one("#banner-error").text
    assert "JPEG" in error and "This file" not in error
    assert reloaded(section.id).name == "Pháp luật"


def test_moving_a_section_down_swaps_it_with_the_next_and_renumbers_siblings(client, login_as, db):
    login_as("admin")
    top = make_section("Cha")
    first = make_section("A", parent_id=top.id, position=5)
    make_section("B", parent_id=top.id, position=9)
    make_section("C", parent_id=top.id, position=9)

    response = post(
        client, f"/admin/sections/{first.id}/move", {"direction": "down"}, form_url="/admin/sections/"
    )

    assert response.status_code == 302
    assert [(s.name, s.position) for s in reloaded(top.id).children] == [("B", 1), ("A", 2), ("C", 3)]
    assert audit_actions(first.id) == ["section.move"]


def test_the_first_section_cannot_move_up(client, login_as, db):
    login_as("admin")
    top = make_section("Cha")
    first = make_section("A", parent_id=top.id, position=1)
    make_section("B", parent_id=top.id, position=2)

    post(client, f"/admin/sections/{first.id}/move", {"direction": "up"}, form_url="/admin/sections/")

    assert [s.name for s in reloaded(top.id).children] == ["A", "B"]
    assert audit_actions(first.id) == []


def test_an_unknown_direction_is_a_bad_request(client, login_as):
    login_as("admin")
    section = make_section()
    response = post(client, f"/admin/sections/{section.id}/move", {"direction": "sideways"})
    assert response.status_code == 400


def test_an_empty_section_can_be_deleted(client, login_as, db):
    login_as("admin")
    section = make_section("Tạm thời")
    response = post(client, f"/admin/sections/{section.id}/delete", {})
    assert response.status_code == 302
    assert reloaded(section.id) is None
    assert audit_actions(section.id) == ["section.delete"]


def test_a_section_with_articles_or_sub_sections_is_not_deleted(client, login_as, db):
    login_as("admin")
    with_articles = make_section("Có bài")
    make_article(section=with_articles, status="draft")
    with_children = make_section("Có con")
    make_section("Con", parent_id=with_children.id)

    first = post(client, f"/admin/sections/{with_articles.id}/delete", {})
    second = post(client, f"/admin/sections/{with_children.id}/delete", {})

    assert first.status_code == second.status_code == 409
    assert "còn 1 bài viết" in parse(first.get_data(as_text=True)).one(".form-errors").text
    assert "chuyên mục con" in parse(second.get_data(as_text=True)).one(".form-errors").text
    assert reloaded(with_articles.id) is not None and reloaded(with_children.id) is not None


def test_an_article_url_with_the_old_section_address_redirects_after_a_rename(client, login_as, db):
    login_as("admin")
    section = make_section("Cũ", slug="dia-chi-cu")
    article = make_article("Bài viết còn đó", section=section)
    old_url = f"/dia-chi-cu/{article.slug}-{article.id}.html"
    url = f"/admin/sections/{section.id}"
    post(client, url, section_form(name="Cũ", slug="dia-chi-moi"), form_url=url)

    response = client.get(old_url)

    assert response.status_code == 301
    assert response.location.endswith(f"/dia-chi-moi/{article.slug}-{article.id}.html")


@pytest.mark.parametrize("url", ["/admin/sections/999999", "/admin/sections/99999999999"])
def test_an_unknown_section_is_not_found(client, login_as, url):
    login_as("admin")
    assert client.get(url).status_code == 404


def test_forms_without_the_csrf_token_are_refused(client, login_as, db):
    login_as("admin")
    response = client.post("/admin/sections/new", data=section_form())
    assert response.status_code == 400
    assert db.session.scalar(select(Section.id).where(Section.name == "Chuyển đổi số")) is None
