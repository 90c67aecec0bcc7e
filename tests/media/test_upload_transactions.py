"""Uploads against concurrency: images are processed outside the write transaction, and two uploads of
the same image at once (a double click) end with one row whose files are all there, never a 500."""

import io
import random
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from app.articles import workflow
from app.articles.services import ArticleInput, input_from_snapshot, save_article, snapshot
from app.campaigns.services import CampaignInput, create_campaign
from app.core.db import _write_intent
from app.extensions import db
from app.media import services
from app.media.galleries import add_photos
from app.media.library import update_media_details, upload_images
from app.media.models import Media
from app.media.storage import get_storage, media_key
from app.media.videos import set_poster
from app.sections.services import SectionInput, create_section
from app.settings.services import SettingsInput, save_site_settings
from tests.factories import make_article, make_section, make_user

pytestmark = pytest.mark.database


@pytest.fixture(autouse=True)
def media_root(app, tmp_path, monkeypatch) -> Path:
    root = tmp_path / "media"
    monkeypatch.setitem(app.config, "MEDIA_ROOT", str(root))
    return root


def photo(seed: int) -> bytes:
    image = Image.frombytes("RGB", (96, 64), random.Random(seed).randbytes(96 * 64 * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def rows_of(data: bytes) -> list[Media]:
    sha256 = services.hashlib.sha256(data).hexdigest()
    return list(db.session.scalars(select(Media).where(Media.sha256 == sha256)))


def missing_files(media: Media) -> list[str]:
    storage = get_storage()
    keys = [media.original_key, *(variant["key"] for variant in media.variants)]
    return [key for key in keys if not storage.exists(key)]


def test_a_double_click_gets_the_first_uploads_row_with_all_its_files(db, monkeypatch, figures):
    """The other click's row commits between this upload's re-check and its insert (PostgreSQL runs
    transactions side by side): the insert meets the unique sha256 and must hand back that row."""
    editor, other_editor = make_user(), make_user()
    data = photo(1)
    prepared_by_other = services.prepare_upload(data, field="file")
    real_lookup, lookups, raced = services._by_sha256, [], []

    def other_click_commits_after_the_check(sha256):
        lookups.append(sha256)
        if len(lookups) == 2:  # 1: before processing, 2: the re-check inside the write transaction
            raced.append(
                services.store_prepared(prepared_by_other, uploaded_by=other_editor, filename="b.png")
            )
            return None
        return real_lookup(sha256)

    monkeypatch.setattr(services, "_by_sha256", other_click_commits_after_the_check)

    results = upload_images([("a.png", data)], actor=editor)

    missing = len(missing_files(raced[0])) if raced else "?"
    line = f"double click: {len(results)} result, {len(rows_of(data))} row, {missing} file missing"
    figures(line)
    assert raced, "the race was not reproduced"
    assert results[0].error == "" and results[0].media is not None
    assert results[0].media.id == raced[0].id
    assert [row.filename for row in rows_of(data)] == ["b.png"]
    assert missing_files(results[0].media) == []


def test_a_failed_upload_keeps_the_files_a_stored_row_of_the_same_image_names(db, monkeypatch):
    """The same photo stored by another worker while this one's writing fails (disk full): the files
    are content-addressed, so this one's cleanup must not delete the ones the other row uses."""
    data = photo(2)
    sha256 = services.hashlib.sha256(data).hexdigest()
    original_key = media_key(sha256, "", "jpg", private=True)
    real_encode, encoded = services.encode, []

    def other_row_then_disk_full(*args, **kwargs):
        if len(encoded) == 2:  # the original and one variant are written by now
            db.session.add(
                Media(
                    sha256=sha256, original_key=original_key, mime="image/jpeg", bytes=len(data), variants=[]
                )
            )
            db.session.flush()
            raise OSError(28, "No space left on device")
        encoded.append(args)
        return real_encode(*args, **kwargs)

    monkeypatch.setattr(services, "encode", other_row_then_disk_full)
    with pytest.raises(OSError):
        services.prepare_upload(data, field="file")

    storage = get_storage()
    left = sorted(path.name for path in storage.root.rglob("*") if path.is_file())
    assert left == [Path(original_key).name]  # the row's file kept, the unnamed variant removed


@pytest.fixture
def during_write(monkeypatch) -> list[bool]:
    """For each image encode, whether it ran inside a write transaction."""
    real_encode, found = services.encode, []

    def spy(*args, **kwargs):
        found.append(_write_intent.get())
        return real_encode(*args, **kwargs)

    monkeypatch.setattr(services, "encode", spy)
    return found


def test_images_are_never_encoded_while_a_write_transaction_is_open(db, during_write, figures):
    """Library uploads, gallery photos, article covers, focal-point crops: SQLite's write lock lasts the
    whole write transaction, so a slow encode inside it makes every other writer wait (and time out)."""
    editor = make_user()
    upload_images([("a.png", photo(3))], actor=editor)
    story = make_article(section=make_section(kind="photo"), status="draft", format="photo")
    add_photos(story, actor=editor, uploads=[("b.png", photo(4))])
    article = make_article(status="draft", cover_upload=photo(5))
    edited = input_from_snapshot(snapshot(article))
    edited.cover_upload = new_cover = photo(6)
    save_article(article, edited, actor=editor, expected_version=article.version)
    update_media_details(
        article.cover,
        actor=editor,
        alt="Ảnh",
        caption="",
        credit="",
        is_decorative=False,
        focal_x=0.2,
        focal_y=0.8,
    )

    encodes, inside = len(during_write), sum(during_write)
    line = f"image encodes (library, gallery, cover, focal crop): {encodes}, in a write transaction: {inside}"
    figures(line)
    assert during_write and not any(during_write)
    assert db.session.scalar(select(func.count()).select_from(Media)) == 4
    assert article.cover is not None and article.cover.sha256 == rows_of(new_cover)[0].sha256
    assert (article.cover.focal_x, article.cover.focal_y) == (0.2, 0.8)
    assert all(get_storage().exists(variant["key"]) for variant in article.cover.variants)


def test_the_editors_form_processes_a_cover_before_its_write_transaction(db, during_write):
    editor = make_user()
    article = workflow.create_and_apply(
        ArticleInput(title="Ảnh bìa mới", section=make_section(), cover_upload=photo(7)), None, actor=editor
    )
    edited = input_from_snapshot(snapshot(article))
    edited.cover_upload = photo(8)
    workflow.save_and_apply(article, edited, None, actor=editor, expected_version=article.version)

    assert during_write and not any(during_write), during_write
    assert article.cover is not None and article.cover.sha256 == rows_of(photo(8))[0].sha256


def test_banners_logos_and_posters_are_encoded_before_their_write_transaction(db, during_write):
    admin = make_user(role="admin")
    create_section(SectionInput(name="Chuyên mục có ảnh", banner=photo(9)), actor=admin)
    create_campaign(
        CampaignInput(title="Phong trào có ảnh", starts_on=date(2026, 1, 1), banner=photo(10)), actor=admin
    )
    save_site_settings(SettingsInput(site_name="Bản tin quận An Phú", logo=photo(11)), actor=admin)
    set_poster(make_article(status="draft", format="video"), photo(12), actor=admin)

    assert len(during_write) >= 4 and not any(during_write), during_write
