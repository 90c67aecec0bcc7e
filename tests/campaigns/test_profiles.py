"""The exemplary profile in the article editor: saved with the article, validated, kept in revisions."""

from datetime import datetime

import pytest
from sqlalchemy import func, select

from app.articles.autosave import draft_input, form_values, store_autosave
from app.articles.forms import initial_data
from app.articles.models import Article, ArticleFormat, Revision
from app.articles.services import ArticleInput, save_article
from app.audit.models import AuditEvent
from app.campaigns.models import ExemplaryProfile, SubjectKind
from app.campaigns.profiles import FIELDS, ProfileInput
from app.core.errors import InvalidInput
from app.extensions import db
from tests.factories import NON_PUBLIC, make_article, make_campaign, make_profile, make_section, make_user
from tests.pages import csrf_token, parse


def profile_form(**overrides) -> dict:
    return {
        "profile_subject_name": "Nguyễn Thị Hoa",
        "profile_subject_kind": "individual",
        "profile_unit": "Trường Tiểu học An Phú",
        "profile_ward": "An Phú",
        "profile_field": "Giáo dục",
        "profile_achievement": "Mười năm liền là giáo viên dạy giỏi cấp quận.",
        "profile_campaign_id": "",
        **overrides,
    }


def new_story(section, **overrides) -> dict:
    return {
        "title": "Cô giáo mười năm gieo chữ ở An Phú",
        "lead": "Chân dung một giáo viên tiểu học.",
        "body": "<p>Đoạn văn thứ nhất.</p>",
        "section_id": str(section.id),
        "format": "exemplary",
        "comments_enabled": "y",
        **profile_form(),
        **overrides,
    }


def post_new(client, data):
    return client.post("/admin/articles/new", data={**data, "csrf_token": csrf_token(client)})


def edit_form(article_id: int, **changes) -> dict:
    """What the editor posts back for an article, with some fields changed."""
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


def post_edit(client, article_id: int, **changes):
    data = {**edit_form(article_id, **changes), "csrf_token": csrf_token(client)}
    return client.post(f"/admin/articles/{article_id}/edit", data=data)


def newest_article() -> Article | None:
    return db.session.scalar(select(Article).order_by(Article.id.desc()).limit(1))


def stored_profile(article_id: int) -> ExemplaryProfile | None:
    db.session.expire_all()
    return db.session.scalar(select(ExemplaryProfile).where(ExemplaryProfile.article_id == article_id))


def exemplary_story(campaign=None, **profile) -> Article:
    article = make_article("Tổ dân phố số 5 làm sạch kênh", format="exemplary")
    make_profile(article, campaign, **profile)
    return article


def test_an_editor_writes_an_exemplary_story_with_its_profile_in_one_save(client, login_as):
    login_as("editor")
    campaign = make_campaign("Dân vận khéo")

    response = post_new(
        client,
        new_story(make_section(), profile_campaign_id=str(campaign.id), profile_subject_kind="collective"),
    )

    assert response.status_code == 302
    article = newest_article()
    profile = stored_profile(article.id)
    assert article.format is ArticleFormat.EXEMPLARY
    assert (profile.subject_name, profile.subject_kind) == ("Nguyễn Thị Hoa", SubjectKind.COLLECTIVE)
    assert (profile.unit, profile.ward, profile.field) == ("Trường Tiểu học An Phú", "An Phú", "Giáo dục")
    assert profile.achievement == "Mười năm liền là giáo viên dạy giỏi cấp quận."
    assert profile.campaign_id == campaign.id
    revision = db.session.scalar(select(Revision).where(Revision.article_id == article.id))
    assert revision.data["profile"]["subject_name"] == "Nguyễn Thị Hoa"


def test_editing_the_profile_updates_it_and_the_audit_names_it(client, login_as):
    login_as("editor")
    article = exemplary_story(ward="Đồng Tâm")

    response = post_edit(client, article.id, profile_ward="Tân Thành", profile_field="Môi trường")

    assert response.status_code == 302
    profile = stored_profile(article.id)
    assert (profile.ward, profile.field) == ("Tân Thành", "Môi trường")
    assert db.session.scalar(select(func.count()).select_from(ExemplaryProfile)) == 1
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "article.save").order_by(AuditEvent.id.desc())
    )
    assert "profile" in event.summary


def test_the_editor_opens_with_the_stored_profile_filled_in(client, login_as):
    login_as("editor")
    campaign = make_campaign("Dân vận khéo")
    article = exemplary_story(campaign, subject_name="Tổ dân phố số 5", subject_kind=SubjectKind.COLLECTIVE)

    page = parse(client.get(f"/admin/articles/{article.id}/edit").data)

    fieldset = page.one("fieldset[data-profile-fields]")
    assert fieldset.one("legend:not(fieldset fieldset legend)").text == "Hồ sơ điển hình"
    assert "Chỉ dùng cho loại bài “Điển hình tiên tiến”" in fieldset.one("#profile-fields-hint").text
    assert page.one("#profile_subject_name")["value"] == "Tổ dân phố số 5"
    assert page.one('input[name="profile_subject_kind"][value="collective"]').has_attr("checked")
    assert page.one("#profile_field option[selected]").text == "Chuyển đổi số"
    assert page.one("#profile_campaign_id option[selected]").text == "Dân vận khéo"
    assert page.texts("#profile_field option")[1:] == list(FIELDS)


def test_the_ward_suggestions_come_from_public_stories_only(client, login_as):
    login_as("editor")
    exemplary_story(ward="Hải Thành")
    hidden = make_article(status="draft", format="exemplary")
    make_profile(hidden, ward="Phường Bí Mật")

    page = parse(client.get("/admin/articles/new").data)

    assert [option["value"] for option in page.select("#profile-ward-suggestions option")] == ["Hải Thành"]
    assert page.one("#profile_ward")["list"] == "profile-ward-suggestions"


def test_changing_the_format_away_from_exemplary_deletes_the_profile(client, login_as):
    login_as("editor")
    article = exemplary_story()

    response = post_edit(client, article.id, format="standard")

    assert response.status_code == 302
    assert stored_profile(article.id) is None


def test_a_standard_article_keeps_no_profile_whatever_the_fieldset_holds(client, login_as):
    login_as("editor")
    response = post_new(client, new_story(make_section(), format="standard"))
    assert response.status_code == 302
    assert stored_profile(newest_article().id) is None


def test_an_exemplary_story_without_a_name_is_refused_next_to_the_field_and_the_input_is_kept(
    client, login_as
):
    login_as("editor")

    response = post_new(client, new_story(make_section(), profile_subject_name="  "))

    assert response.status_code == 400
    page = parse(response.data)
    assert page.one("#profile_subject_name-error").text == (
        "Vui lòng nhập tên cá nhân hoặc tập thể được nêu gương."
    )
    assert page.one("#profile_ward")["value"] == "An Phú"
    assert page.one("#profile_achievement").text == "Mười năm liền là giáo viên dạy giỏi cấp quận."
    assert newest_article() is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("profile_ward", "P" * 101, "Nội dung quá dài."),
        ("profile_unit", "Đ" * 201, "Nội dung quá dài."),
        ("profile_field", "Thể thao", "Vui lòng chọn một giá trị trong danh sách."),
        ("profile_subject_kind", "family", "Vui lòng chọn một giá trị trong danh sách."),
        ("profile_campaign_id", "999999", "Vui lòng chọn một giá trị trong danh sách."),
    ],
)
def test_a_profile_value_out_of_bounds_is_refused_in_vietnamese_next_to_its_field(
    client, login_as, field, value, message
):
    login_as("editor")
    article = exemplary_story(ward="Đồng Tâm")

    response = post_edit(client, article.id, **{field: value})

    assert response.status_code == 400
    assert message in parse(response.data).one(f"#{field}-error").text
    assert stored_profile(article.id).ward == "Đồng Tâm"


def test_the_service_refuses_a_nameless_profile_and_a_campaign_deleted_meanwhile(db):
    editor = make_user(role="editor")
    article = exemplary_story()
    data = ArticleInput(title=article.title, section=article.section, format=ArticleFormat.EXEMPLARY)

    with pytest.raises(InvalidInput, match="Vui lòng nhập tên") as nameless:
        save_article(article, _with(data, ""), actor=editor, expected_version=article.version)
    with pytest.raises(InvalidInput, match="Phong trào này không còn tồn tại") as gone:
        save_article(article, _with(data, "Tổ 5", 999_999), actor=editor, expected_version=article.version)

    assert (nameless.value.field, gone.value.field) == ("profile_subject_name", "profile_campaign_id")
    assert stored_profile(article.id).subject_name == "Nguyễn Thị B"


def _with(data: ArticleInput, name: str, campaign_id: int | None = None) -> ArticleInput:
    data.profile = ProfileInput(subject_name=name, campaign_id=campaign_id)
    return data


def test_a_field_from_before_the_fixed_list_is_kept_when_the_story_is_edited(client, login_as):
    login_as("editor")
    article = exemplary_story(field="An ninh trật tự")

    page = parse(client.get(f"/admin/articles/{article.id}/edit").data)
    response = post_edit(client, article.id, profile_unit="Công an phường")

    assert page.one("#profile_field option[selected]").text == "An ninh trật tự"
    assert response.status_code == 302
    profile = stored_profile(article.id)
    assert (profile.field, profile.unit) == ("An ninh trật tự", "Công an phường")


def test_saving_without_profile_values_leaves_the_stored_profile_alone(db):
    """Imports and the demo save exemplary articles without a profile input: the profile stays."""
    editor = make_user(role="editor")
    article = exemplary_story(ward="Minh Đức")
    data = ArticleInput(title="Tên mới", section=article.section, format=ArticleFormat.EXEMPLARY)

    save_article(article, data, actor=editor, expected_version=article.version)

    assert stored_profile(article.id).ward == "Minh Đức"


def test_the_revision_diff_shows_the_profile_change_and_restore_puts_the_old_profile_back(client, login_as):
    login_as("editor")
    assert post_new(client, new_story(make_section(), profile_ward="Đồng Tâm")).status_code == 302
    article = newest_article()
    assert post_edit(client, article.id, profile_ward="Đa Phúc").status_code == 302
    first = db.session.scalar(
        select(Revision).where(Revision.article_id == article.id).order_by(Revision.id).limit(1)
    )

    diff = parse(client.get(f"/admin/articles/{article.id}/revisions/compare").data)
    restored = client.post(
        f"/admin/articles/{article.id}/revisions/{first.id}/restore", data={"csrf_token": csrf_token(client)}
    )

    change = diff.one("#change-profile")
    assert "Hồ sơ điển hình" in change.one("h3").text
    assert change.one("del").text.endswith("Đồng Tâm]") and change.one("ins").text.endswith("Đa Phúc]")
    assert restored.status_code == 302
    assert stored_profile(article.id).ward == "Đồng Tâm"


def test_restoring_a_standard_version_of_an_exemplary_story_removes_its_profile(client, login_as):
    login_as("editor")
    article = make_article(status="draft")
    assert post_edit(client, article.id, format="exemplary", **profile_form()).status_code == 302
    assert stored_profile(article.id) is not None
    first = db.session.scalar(
        select(Revision).where(Revision.article_id == article.id).order_by(Revision.id).limit(1)
    )

    response = client.post(
        f"/admin/articles/{article.id}/revisions/{first.id}/restore", data={"csrf_token": csrf_token(client)}
    )

    assert response.status_code == 302
    assert stored_profile(article.id) is None


def test_a_conflicting_save_lists_the_profile_among_the_differences(client, login_as):
    other = make_user(role="editor", full_name="Lê Thị Biên")
    login_as("editor")
    article = exemplary_story(ward="Đồng Tâm")
    stale = edit_form(article.id, profile_ward="Minh Đức")
    data = ArticleInput(
        title=article.title,
        section=article.section,
        format=ArticleFormat.EXEMPLARY,
        profile=ProfileInput(subject_name="Nguyễn Thị B", ward="Hòa Nghĩa"),
    )
    save_article(article, data, actor=other, expected_version=article.version)

    response = client.post(
        f"/admin/articles/{article.id}/edit", data={**stale, "csrf_token": csrf_token(client)}
    )

    assert response.status_code == 409
    rows = {
        row.one("th").text: [cell.text for cell in row.select("td")]
        for row in parse(response.data).select(".conflict__diff tbody tr")
    }
    mine, theirs = rows["Hồ sơ điển hình"]
    assert "Minh Đức" in mine and "Hòa Nghĩa" in theirs


def test_an_autosave_keeps_the_typed_profile_and_restores_it_into_the_editor(client, login_as):
    editor = login_as("editor")
    article = exemplary_story(ward="Đồng Tâm")
    fields = {
        name: [value] for name, value in edit_form(article.id, profile_ward="Hải Thành").items() if value
    }

    autosave = store_autosave(article, fields, actor=editor, base_version=article.version)
    page = parse(client.get(f"/admin/articles/{article.id}/edit?restore=autosave").data)

    assert form_values(autosave)["profile_ward"] == "Hải Thành"
    assert page.one("#profile_ward")["value"] == "Hải Thành"


def test_a_draft_created_by_autosave_gets_the_profile_once_it_names_someone(db):
    editor = make_user(role="editor")
    section = make_section()
    typed = {name: [value] for name, value in new_story(section, profile_field="Thể thao").items()}

    data = draft_input(typed, actor=editor)
    nameless = draft_input({**typed, "profile_subject_name": [""]}, actor=editor)

    assert (data.profile.subject_name, data.profile.field) == ("Nguyễn Thị Hoa", "")
    assert nameless.profile is None


@pytest.mark.parametrize("status", NON_PUBLIC)
def test_the_public_page_of_a_hidden_story_never_shows_its_profile(client, status):
    article = make_article(status=status, format="exemplary")
    make_profile(article, subject_name="Người chưa được công bố")
    response = client.get(f"/{article.section.slug}/{article.slug}-{article.id}.html")
    assert response.status_code == 404
    assert "Người chưa được công bố" not in response.get_data(as_text=True)
