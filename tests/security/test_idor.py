"""Object-level access: contributor B, with a valid session and CSRF token, cannot read, change or move
contributor A's draft or A's files, whichever id-bearing address B tries; A can (the control)."""

import pytest
from sqlalchemy import func, select

from app.articles.models import Article, Autosave, Revision
from app.media.models import Media
from tests.security.authz_world import become, csrf_token_for, database_fingerprint, seed_world


@pytest.fixture
def world(db):
    return seed_world()


def article_form(world, token: str, **overrides) -> dict:
    """The editor form of A's draft as a browser would send it, with a new title."""
    draft = world.draft
    return {
        "csrf_token": token,
        "title": "Tiêu đề do người khác sửa",
        "section_id": str(draft.section_id),
        "format": draft.format.value,
        "body": "<p>Nội dung bị thay.</p>",
        "version": str(draft.version),
        "comments_enabled": "y",
        "action": "save",
        **overrides,
    }


def attempts(world, token: str) -> list[tuple[str, str, dict | None]]:
    """Everything B might try on A's objects: (method, path, form data)."""
    draft, media = world.draft.id, world.media.id
    base = f"/admin/articles/{draft}"
    posted = {"csrf_token": token}
    return [
        ("GET", f"{base}/edit", None),
        ("POST", f"{base}/edit", article_form(world, token)),
        ("GET", f"{base}/preview", None),
        ("POST", f"{base}/transition", {**posted, "action": "submit"}),
        ("POST", f"{base}/autosave", {**posted, "title": "Tự lưu trộm", "version": str(world.draft.version)}),
        ("POST", f"{base}/autosave/discard", posted),
        ("GET", f"{base}/revisions", None),
        ("GET", f"{base}/revisions/compare", None),
        ("POST", f"{base}/revisions/{world.revision.id}/restore", posted),
        ("GET", f"{base}/gallery", None),
        ("POST", f"{base}/gallery/texts", {**posted, f"caption-{world.gallery_item.id}": "Chú thích trộm"}),
        ("POST", f"{base}/gallery/{world.gallery_item.id}/remove", posted),
        ("GET", f"{base}/video", None),
        ("POST", f"{base}/video/embed", {**posted, "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"}),
        ("GET", f"/admin/media/{media}", None),
        ("POST", f"/admin/media/{media}", {**posted, "alt": "Alt do B sửa", "caption": "", "credit": ""}),
        ("POST", f"/admin/media/{media}/delete", posted),
        ("POST", f"/admin/notifications/{world.notification.id}/read", posted),
    ]


def test_contributor_b_can_do_nothing_to_contributor_a_s_draft_or_files(app, client, db, world, figures):
    token = csrf_token_for(app)
    before = database_fingerprint()
    refused = []
    for method, path, data in attempts(world, token):
        become(client, world.users["contributor_b"])
        response = client.open(path, method=method, data=data, headers={"X-CSRFToken": token})
        refused.append((method, path, response.status_code))
    figures(
        f"IDOR: contributor B tried {len(refused)} actions on contributor A's objects, "
        f"{sum(status not in (403, 404) for *_, status in refused)} got through"
    )
    assert [(m, p, s) for m, p, s in refused if s not in (403, 404)] == []
    assert database_fingerprint() == before, "nothing of A's changed"


def test_contributor_a_can_do_the_same_to_their_own_draft(app, client, db, world):
    """The control: the refusals above are about ownership, not broken requests."""
    token = csrf_token_for(app)
    become(client, world.users["contributor_a"])
    assert (
        client.post(f"/admin/articles/{world.draft.id}/edit", data=article_form(world, token)).status_code
        == 302
    )
    become(client, world.users["contributor_a"])
    response = client.post(
        f"/admin/media/{world.media.id}",
        data={"csrf_token": token, "alt": "Alt do A sửa", "caption": "", "credit": ""},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Article, world.draft.id).title == "Tiêu đề do người khác sửa"
    assert db.session.get(Media, world.media.id).alt == "Alt do A sửa"
    assert (
        db.session.scalar(
            select(func.count()).select_from(Revision).where(Revision.article_id == world.draft.id)
        )
        == 2
    )


def test_an_editor_may_describe_anyone_s_file(app, client, db, world):
    token = csrf_token_for(app)
    become(client, world.users["editor"])
    response = client.post(
        f"/admin/media/{world.media.id}", data={"csrf_token": token, "alt": "Alt do biên tập sửa"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Media, world.media.id).alt == "Alt do biên tập sửa"


def test_b_s_autosave_under_a_s_draft_stores_nothing(app, client, db, world):
    token = csrf_token_for(app)
    become(client, world.users["contributor_b"])
    response = client.post(
        f"/admin/articles/{world.draft.id}/autosave",
        data={"csrf_token": token, "title": "Tự lưu trộm", "version": str(world.draft.version)},
    )
    assert response.status_code == 403
    assert response.get_json()["ok"] is False
    assert db.session.scalar(select(func.count()).select_from(Autosave)) == 0
