"""The article editor: writing, validating and saving every field, cover uploads, who may open what."""

import io
from datetime import UTC, datetime

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.articles.forms import initial_data
from app.articles.models import Article, ArticleStatus, Revision
from app.audit.models import AuditEvent
from app.core.db import write_transaction
from app.extensions import db
from app.keywords.models import Keyword
from app.media.models import Media
from tests.factories import make_article, make_section, make_user
from tests.pages import csrf_token, parse


def authored(user, status: str = "draft", **overrides) -> Article:
    """An article written by `user` (the factory creates articles without an author)."""
    article = make_article(status=status, **overrides)
    with write_transaction():
        article.created_by_id = user.id
    return article


def new_article_data(section, **overrides) -> dict:
    return {
        "title": "Quận An Phú đẩy mạnh chuyển đổi số",
        "slug": "",
        "lead": "Năm nay, quận hoàn thành dịch vụ công trực tuyến toàn trình.",
        "body": "<p>Đoạn văn thứ nhất.</p>",
        "section_id": str(section.id),
        "keywords": "",
        "format": "standard",
        "comments_enabled": "y",
        "byline": "TRẦN THỊ HOA",
        **overrides,
    }


def edit_data(article_id: int, **changes) -> dict:
    """What the editor page posts back for an article, with some fields changed."""
    article = db.session.get(Article, article_id)
    db.session.refresh(article)
    data = {}
    for name, value in {**initial_data(article), **changes}.items():
        if isinstance(value, bool):
            if value:
                data[name] = "y"
        elif isinstance(value, datetime):
            data[name] = value.strftime("%Y-%m-%dT%H:%M")
        elif value is not None:
            data[name] = value
    return data


def post_new(client, data, **kwargs):
    return client.post("/admin/articles/new", data={**data, "csrf_token": csrf_token(client)}, **kwargs)


def post_edit(client, article_id, data, **kwargs):
    return client.post(
        f"/admin/articles/{article_id}/edit", data={**data, "csrf_token": csrf_token(client)}, **kwargs
    )


def newest_article() -> Article:
    return db.session.scalar(select(Article).order_by(Article.id.desc()).limit(1))


def png_bytes(size=(640, 360)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_contributor_writes_a_draft_with_a_slug_from_the_title_and_new_keywords(client, login_as):
    author = login_as("contributor")
    section = make_section()
    make_article(keywords=["Chuyển đổi số"])
    data = new_article_data(section, keywords="chuyển đổi số, Dịch vụ công trực tuyến")

    response = post_new(client, data)

    article = newest_article()
    assert response.status_code == 302
    assert response.location.endswith(f"/admin/articles/{article.id}/edit")
    assert article.status is ArticleStatus.DRAFT
    assert article.created_by_id == author.id
    assert article.slug == "quan-an-phu-day-manh-chuyen-doi-so"
    assert sorted(k.name for k in article.keywords) == ["Chuyển đổi số", "Dịch vụ công trực tuyến"]
    assert db.session.scalar(select(func.count()).select_from(Keyword)) == 2
    follow = client.get(response.location)
    assert "Đã lưu bài viết." in follow.get_data(as_text=True)


def test_a_typed_slug_is_kept(client, login_as):
    login_as("editor")
    post_new(client, new_article_data(make_section(), slug="ke-hoach-2026"))
    assert newest_article().slug == "ke-hoach-2026"


@pytest.mark.parametrize("slug", ["Có dấu", "CHU-HOA", "hai--gach", "-dau-gach", "ky_tu"])
def test_a_slug_that_is_not_lowercase_ascii_with_hyphens_is_refused_next_to_the_field(client, login_as, slug):
    login_as("editor")
    response = post_new(client, new_article_data(make_section(), slug=slug))
    assert response.status_code == 400
    error = parse(response.data).one("#slug-error").text
    assert "chữ thường không dấu" in error
    assert newest_article() is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Vui lòng nhập tiêu đề."),
        ("title", "x" * 301, "Nội dung quá dài."),
        ("section_id", "", "Vui lòng chọn chuyên mục."),
        ("section_id", "999999", "Vui lòng chọn một giá trị trong danh sách."),
        ("format", "podcast", "Vui lòng chọn một giá trị trong danh sách."),
        ("meta_description", "m" * 301, "Nội dung quá dài."),
    ],
    ids=["no-title", "long-title", "no-section", "unknown-section", "unknown-format", "long-description"],
)
def test_bad_input_gets_a_vietnamese_message_next_to_its_field(client, login_as, field, value, message):
    login_as("editor")
    response = post_new(client, new_article_data(make_section(), **{field: value}))
    assert response.status_code == 400
    assert parse(response.data).one(f"#{field}-error").text == message


def test_the_body_is_sanitized_when_created_and_when_saved_again(client, login_as):
    login_as("editor")
    dirty = '<p onclick="steal()">Chào <sub>2</sub><sup>3</sup><script>alert(1)</script></p>'
    post_new(client, new_article_data(make_section(), body=dirty))
    article_id = newest_article().id
    assert newest_article().body == "<p>Chào <sub>2</sub><sup>3</sup></p>"

    post_edit(client, article_id, edit_data(article_id, body='<a href="javascript:alert(1)">x</a>'))

    assert db.session.get(Article, article_id).body == '<a rel="noopener noreferrer">x</a>'


def test_an_editor_publishes_at_a_vietnam_time_which_is_stored_in_utc_and_schedules_it(client, login_as):
    login_as("editor")
    data = new_article_data(make_section(), publish_at="2030-08-10T09:47", action="publish")
    response = post_new(client, data)
    article = newest_article()
    assert response.status_code == 302
    assert article.status is ArticleStatus.PUBLISHED
    assert article.published_at == datetime(2030, 8, 10, 2, 47, tzinfo=UTC)
    assert article.first_published_at == article.published_at
    assert "Bài viết sẽ được đăng lúc 09:47 10/08/2030." in client.get(response.location).get_data(
        as_text=True
    )


def test_a_malformed_publication_time_is_refused_in_vietnamese(client, login_as):
    login_as("editor")
    response = post_new(client, new_article_data(make_section(), publish_at="mai", action="publish"))
    assert response.status_code == 400
    assert "Vui lòng nhập ngày giờ" in parse(response.data).one("#publish_at-error").text


def test_contributors_get_neither_the_featured_flag_nor_the_publication_time(client, login_as):
    login_as("contributor")
    page = parse(client.get("/admin/articles/new").data)
    assert page.select("#is_featured") == [] and page.select("#publish_at") == []
    assert [b["value"] for b in page.select("button[name=action]")] == ["save", "submit"]

    post_new(client, new_article_data(make_section(), is_featured="y"))

    assert newest_article().is_featured is False


def test_editors_see_every_field_and_the_publish_button(client, login_as):
    login_as("editor")
    page = parse(client.get("/admin/articles/new").data)
    for selector in (
        "#title",
        "#slug",
        "#lead",
        "#body",
        "#section_id",
        "#keywords",
        "#cover",
        "#cover_caption",
        "#cover_alt",
        "#cover_credit",
        "#byline",
        "#source",
        "#format",
        "#is_featured",
        "#comments_enabled",
        "#meta_description",
        "#publish_at",
        "#related_ids",
    ):
        page.one(selector)
    assert [b["value"] for b in page.select("button[name=action]")] == ["save", "submit", "publish"]


def test_a_cover_upload_is_stored_with_its_caption_credit_and_alternative_text(client, login_as):
    login_as("editor")
    data = new_article_data(
        make_section(),
        cover=(io.BytesIO(png_bytes()), "anh-bia.png"),
        cover_caption="Cán bộ phường hướng dẫn người dân.",
        cover_alt="Cán bộ đứng cạnh máy tính",
        cover_credit="Ảnh: Minh Phong",
    )
    response = post_new(client, data, content_type="multipart/form-data")
    article = newest_article()
    assert response.status_code == 302
    assert article.cover.width == 640 and article.cover.mime == "image/jpeg"
    assert (article.cover.alt, article.cover.credit) == ("Cán bộ đứng cạnh máy tính", "Ảnh: Minh Phong")
    assert article.cover_caption == "Cán bộ phường hướng dẫn người dân."


@pytest.mark.parametrize(
    "upload",
    [
        b"%PDF-1.4 not an image",
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
        png_bytes()[:60],
        b"",
    ],
    ids=["pdf", "svg", "truncated-png", "empty"],
)
def test_a_file_that_is_not_an_image_is_refused_next_to_the_cover_field(client, login_as, upload):
    login_as("editor")
    data = new_article_data(make_section(), cover=(io.BytesIO(upload), "tep.png"))
    response = post_new(client, data, content_type="multipart/form-data")
    if upload == b"":
        # An empty file part is what a browser sends when no file was chosen: the article is saved.
        assert response.status_code == 302
        assert newest_article().cover is None
        return
    assert response.status_code == 400
    assert "không phải là ảnh" in parse(response.data).one("#cover-error").text
    assert newest_article() is None
    assert db.session.scalar(select(func.count()).select_from(Media)) == 0


def test_uploads_are_limited_to_20_mb_and_larger_ones_get_the_413_page(app, client, login_as, monkeypatch):
    assert app.config["MAX_CONTENT_LENGTH"] == 20 * 1024 * 1024
    login_as("editor")
    token = csrf_token(client)
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 10_000)
    data = {
        **new_article_data(make_section()),
        "cover": (io.BytesIO(b"x" * 20_000), "lon.jpg"),
        "csrf_token": token,
    }
    response = client.post("/admin/articles/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 413
    assert "vượt quá dung lượng cho phép" in response.get_data(as_text=True)


def test_removing_the_cover_keeps_the_image_in_the_library(client, login_as):
    from tests.factories import make_image

    login_as("editor")
    article = make_article(status="draft", cover=make_image())
    post_edit(client, article.id, edit_data(article.id, remove_cover=True))
    assert db.session.get(Article, article.id).cover_id is None
    assert db.session.get(Media, article.cover_id) is not None


def test_related_articles_are_saved_in_the_chosen_order_and_listed_first_on_the_public_page(client, login_as):
    login_as("editor")
    section = make_section()
    first, second = (
        make_article("Tin liên quan một", hours_ago=5),
        make_article("Tin liên quan hai", hours_ago=4),
    )
    article = make_article(section=section, keywords=["Giao thông"])
    sharing = make_article("Tin cùng từ khoá", keywords=["Giao thông"])

    post_edit(client, article.id, edit_data(article.id, related_ids=[str(second.id), str(first.id)]))

    page = parse(client.get(f"/{section.slug}/{article.slug}-{article.id}.html").data)
    titles = page.one("section[aria-labelledby='related-title']").texts("li a")
    assert titles == ["Tin liên quan hai", "Tin liên quan một", sharing.title]
    edit_page = parse(client.get(f"/admin/articles/{article.id}/edit").data)
    assert [o["value"] for o in edit_page.select("#related_ids option[selected]")] == [
        str(second.id),
        str(first.id),
    ]


def test_the_editor_shows_the_current_values_and_the_autosave_hooks(app, client, login_as):
    login_as("editor")
    article = make_article(status="draft", keywords=["Văn hoá", "Thể thao"], byline="LÊ VĂN B")
    page = parse(client.get(f"/admin/articles/{article.id}/edit").data)
    form = page.one("form[data-article-form]")
    assert page.one("#title")["value"] == article.title
    assert page.one("#keywords")["value"] == "Thể thao, Văn hoá"
    assert page.one("#byline")["value"] == "LÊ VĂN B"
    assert page.one("input[name=version]")["value"] == str(article.version)
    assert form.get("enctype") == "multipart/form-data"
    if "autosave_admin.save" in app.view_functions:
        assert form["data-autosave-url"].endswith(f"/{article.id}/autosave")
    else:
        assert not form.has_attr("data-autosave-url")


def test_a_save_writes_a_revision_and_an_audit_event_from_the_editors_address(client, login_as):
    editor = login_as("editor")
    article = make_article(status="draft")
    post_edit(client, article.id, edit_data(article.id, title="Tiêu đề mới", byline="NGUYỄN C"))
    revision = db.session.scalar(
        select(Revision).where(Revision.article_id == article.id).order_by(Revision.id.desc()).limit(1)
    )
    assert revision.created_by_id == editor.id
    assert revision.data["title"] == "Tiêu đề mới" and revision.data["byline"] == "NGUYỄN C"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "article.save"))
    assert (event.actor_id, event.object_id, event.ip) == (editor.id, article.id, "127.0.0.1")
    assert "title" in event.summary and "byline" in event.summary


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_contributor_cannot_open_or_change_another_contributors_draft(client, login_as, method):
    other = make_user(role="contributor")
    article = authored(other, "draft", title="Bản nháp của người khác")
    login_as("contributor")
    if method == "get":
        response = client.get(f"/admin/articles/{article.id}/edit")
    else:
        response = post_edit(client, article.id, edit_data(article.id, title="Sửa trộm"))
    assert response.status_code == 403
    assert db.session.get(Article, article.id).title == "Bản nháp của người khác"


@pytest.mark.parametrize(
    ("status", "code"), [("draft", 200), ("rejected", 200), ("pending", 403), ("published", 403)]
)
def test_a_contributor_edits_their_own_article_only_while_draft_or_returned(client, login_as, status, code):
    author = login_as("contributor")
    article = authored(author, status)
    assert client.get(f"/admin/articles/{article.id}/edit").status_code == code


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_editors_and_admins_edit_anyones_article_in_any_status(client, login_as, role):
    article = authored(make_user(role="contributor"), "pending")
    login_as(role)
    assert client.get(f"/admin/articles/{article.id}/edit").status_code == 200


def test_an_unknown_article_is_not_found(client, login_as):
    login_as("editor")
    assert client.get("/admin/articles/999999/edit").status_code == 404


def test_a_save_based_on_an_old_version_is_refused_and_shows_both_versions(client, login_as):
    first, second = make_user(role="editor", full_name="Lê Thị Biên"), make_user(role="editor")
    article = make_article("Tiêu đề gốc", status="pending", lead="Sapo gốc")
    loaded_by_first = edit_data(article.id, title="Bản của chị Biên")
    loaded_by_second = edit_data(article.id, title="Bản của người thứ hai", lead="Sapo mới")
    login_as(first)
    assert post_edit(client, article.id, loaded_by_first).status_code == 302

    login_as(second)
    response = post_edit(client, article.id, loaded_by_second)

    assert response.status_code == 409
    page = parse(response.data)
    assert "thay đổi của bạn chưa được lưu" in page.one(".conflict").text
    assert "Người lưu gần nhất: Lê Thị Biên." in page.one(".conflict").text
    rows = [[cell.text for cell in row.select("th, td")] for row in page.select(".conflict__diff tbody tr")]
    assert rows == [
        ["Tiêu đề", "Bản của người thứ hai", "Bản của chị Biên"],
        ["Sapo", "Sapo mới", "Sapo gốc"],
    ]
    assert page.one("#title")["value"] == "Bản của người thứ hai"
    assert db.session.get(Article, article.id).title == "Bản của chị Biên"

    deliberate = {**loaded_by_second, "version": page.one("input[name=version]")["value"]}
    assert post_edit(client, article.id, deliberate).status_code == 302
    assert db.session.get(Article, article.id).title == "Bản của người thứ hai"
