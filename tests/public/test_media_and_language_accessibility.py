"""What a screen-reader or deaf reader gets from the pages: the page language and marked foreign passages,
a text alternative for every image (empty for decorative ones), captions and credits as text, subtitles
for videos, and no sound that starts by itself."""

import io
import re
from pathlib import Path

import pytest

from app.core.db import write_transaction
from app.core.html import sanitize_html
from app.media.galleries import add_photos
from app.media.videos import set_embed, set_subtitles, upload_video
from tests.factories import make_article, make_campaign, make_image, make_section, make_user
from tests.pages import parse

TEMPLATES = Path(__file__).parents[2] / "templates"
MP4 = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00\x00\x00\x08free" + b"clip" * 64
VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào bà con\n".encode()


def article_path(article) -> str:
    return f"/{article.section.slug}/{article.slug}-{article.id}.html"


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ('<p>Khẩu hiệu <span lang="en">Smart City</span></p>', '<span lang="en">Smart City</span>'),
        ('<p lang="fr">Liberté, égalité</p>', '<p lang="fr">'),
        ('<blockquote lang="en">We shall</blockquote>', '<blockquote lang="en">'),
        ('<p><q lang="de">Guten Tag</q></p>', '<q lang="de">'),
        ('<div lang="zh-Hans"><p>你好</p></div>', '<div lang="zh-Hans">'),
        ('<ul><li lang="pt-BR">Olá</li></ul>', '<li lang="pt-BR">'),
        ('<table><tbody><tr><td lang="es-419">Hola</td></tr></tbody></table>', '<td lang="es-419">'),
    ],
)
def test_a_passage_marked_as_another_language_keeps_its_lang(source, kept):
    assert kept in sanitize_html(source)


@pytest.mark.parametrize(
    "bad",
    [
        "x onload",
        "en&quot; onmouseover=&quot;alert(1)",
        "javascript:alert(1)",
        "VI",
        "EN-US",
        "x-none",
        "en_US",
        "",
        "e",
    ],
)
def test_anything_but_a_language_tag_in_lang_is_dropped(bad):
    cleaned = sanitize_html(f'<p>Đoạn <span lang="{bad}">chữ</span> <em lang="{bad}">nghiêng</em></p>')
    assert cleaned == "<p>Đoạn chữ <em>nghiêng</em></p>"


def test_span_and_div_without_a_language_leave_only_their_text():
    cleaned = sanitize_html('<div class="WordSection1"><p><span style="mso-x:1">Một</span> hai</p></div>')
    assert cleaned == "<p>Một hai</p>"


def test_article_page_shows_the_marked_passage_language(client, db):
    article = make_article(body='<p>Dự án <span lang="en">Smart City</span> của phường.</p>')
    page = parse(client.get(article_path(article)).data)
    assert page.one(".story__body span[lang]")["lang"] == "en"
    assert page.one(".story__body span[lang]").text == "Smart City"


def test_every_page_type_says_it_is_in_vietnamese(client, db, login_as):
    section = make_section()
    article = make_article(section=section, keywords=["môi trường"])
    campaign = make_campaign()
    paths = ["/", f"/{section.slug}/", article_path(article), f"/tu-khoa/{article.keywords[0].slug}"]
    paths += ["/tim-kiem?q=phường", f"/phong-trao/{campaign.slug}", "/khong-co-trang-nay", "/admin/login"]
    seen = {}
    for path in paths:
        response = client.get(path)
        seen[path] = (response.status_code, parse(response.data).one("html").get("lang"))
    login_as("admin")
    for path in ("/admin/", "/admin/articles/new", "/admin/khong-co"):
        response = client.get(path)
        seen[path] = (response.status_code, parse(response.data).one("html").get("lang"))
    assert {lang for _status, lang in seen.values()} == {"vi"}, seen
    assert seen["/khong-co-trang-nay"][0] == 404


@pytest.fixture
def illustrated(db):
    """A published photo story: a decorative cover, a credited gallery and a library image in the body."""
    section = make_section()
    ornament = make_image(alt="", credit="Đồ hoạ: Toà soạn")
    with write_transaction():
        ornament.is_decorative = True
    inline = make_image(alt="Cầu mới bắc qua kênh")
    image = f'<img src="/media/{inline.variants[0]["key"]}">'
    body = f"<p>Mở đầu.</p><figure>{image}<figcaption>Cầu mới</figcaption></figure>"
    article = make_article(section=section, format="photo", cover=ornament, body=body, cover_caption="Bìa")
    photos = [make_image(alt="Người dân đi trên cầu"), make_image(alt="")]
    editor = make_user(role="editor")
    items = add_photos(article, actor=editor, media_ids=[photo.id for photo in photos])
    with write_transaction():
        items[0].caption, items[0].credit = "Sáng khánh thành", "Trần Bình"
    return article


def test_every_image_on_public_pages_has_an_alt_attribute(client, illustrated, figures):
    paths = ["/", f"/{illustrated.section.slug}/", article_path(illustrated), "/tim-kiem?q=khánh"]
    images = [image for path in paths for image in parse(client.get(path).data).select("img")]
    missing = [image.get("src") for image in images if not image.has_attr("alt")]
    figures(f"alt text: {len(images)} images on {len(paths)} public pages, {len(missing)} without alt")
    assert images and missing == []


def test_a_decorative_cover_is_read_as_empty_alt_and_an_inline_image_gets_its_library_alt(
    client, illustrated
):
    page = parse(client.get(article_path(illustrated)).data)
    assert page.one(".story__cover img")["alt"] == ""
    assert page.one(".story__body img")["alt"] == "Cầu mới bắc qua kênh"
    section = parse(client.get(f"/{illustrated.section.slug}/").data)
    assert [image["alt"] for image in section.select(".teaser img")] == [""]


def test_captions_and_credits_are_text_in_figcaptions(client, illustrated):
    page = parse(client.get(article_path(illustrated)).data)
    assert page.one(".story__cover figcaption").text == "Bìa Đồ hoạ: Toà soạn"
    captions = page.texts(".gallery figcaption")
    assert captions == ["Sáng khánh thành Ảnh: Trần Bình"]
    alts = [image["alt"] for image in page.select(".gallery__item img")]
    assert alts == ["Người dân đi trên cầu", illustrated.title]


@pytest.fixture
def video_with_subtitles(db):
    editor = make_user(role="editor")
    article = make_article(format="video")
    upload_video(article, io.BytesIO(MP4), filename="clip.mp4", limit=10_000_000, actor=editor)
    set_subtitles(article, VTT, actor=editor)
    return article


def test_a_video_with_subtitles_offers_a_vietnamese_subtitle_track(client, video_with_subtitles):
    page = parse(client.get(article_path(video_with_subtitles)).data)
    track = page.one("video track")
    assert (track["kind"], track["srclang"], track["label"]) == ("subtitles", "vi", "Tiếng Việt")
    with client.get(track["src"]) as served:
        assert served.get_data() == VTT


def test_no_template_starts_sound_by_itself():
    """A media element may autoplay only muted; an embed never asks the player to autoplay."""
    offending = []
    for template in TEMPLATES.rglob("*.html"):
        for tag in re.findall(r"<(?:video|audio|iframe)\b[^>]*>", template.read_text(encoding="utf-8")):
            if re.search(r"\bautoplay\b", tag) and (
                tag.startswith("<audio") or not re.search(r"\bmuted\b", tag)
            ):
                offending.append(f"{template.relative_to(TEMPLATES)}: {tag}")
    assert offending == []


def test_rendered_video_and_captcha_pages_do_not_autoplay(client, video_with_subtitles):
    article = make_article(format="video", body="<p>Clip.</p>")
    set_embed(
        article, "https://www.youtube.com/watch?v=dQw4w9WgXcQ&autoplay=1", actor=make_user(role="editor")
    )
    pages = [
        article_path(video_with_subtitles),
        article_path(article),
        f"/bai-viet/{video_with_subtitles.id}/binh-luan",
    ]
    media = []
    for path in pages:
        media += parse(client.get(path).data).select("video, audio, iframe")
    assert {element.name for element in media} == {"video", "audio", "iframe"}
    for element in media:
        assert not element.has_attr("autoplay") or (element.name == "video" and element.has_attr("muted"))
        assert "autoplay" not in element.get("src", "") and "autoplay" not in element.get("allow", "")
