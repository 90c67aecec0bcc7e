"""Exemplary stories in Chromium: a reader filters the index by ward; the editor shows the profile."""

import re

import pytest
from flask import Flask
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app.articles.models import Article, ArticleFormat
from app.articles.queries import is_public
from app.campaigns.models import ExemplaryProfile
from app.extensions import db
from tests.browser.staff import log_in

pytestmark = pytest.mark.browser

INDEX = "/dien-hinh-tien-tien/"
WARD = "Hải Thành"


def public_titles_in_ward(live_app: Flask, ward: str) -> list[str]:
    """What the demo's database says the reader should get, newest first."""
    with live_app.app_context():
        return list(
            db.session.scalars(
                select(Article.title)
                .join(ExemplaryProfile, ExemplaryProfile.article_id == Article.id)
                .where(is_public(), Article.format == ArticleFormat.EXEMPLARY, ExemplaryProfile.ward == ward)
                .order_by(Article.published_at.desc(), Article.id.desc())
            )
        )


def test_a_reader_filters_exemplary_stories_by_ward(page: Page, live_app: Flask):
    expected = public_titles_in_ward(live_app, WARD)
    assert len(expected) >= 2, "the demo seeds several public stories in this ward"
    page.goto(INDEX)
    expect(page.locator("h1")).to_have_text("Điển hình tiên tiến")
    items = page.locator(".exemplary-item")
    everything = items.count()
    assert everything > len(expected)

    page.get_by_label("Phường", exact=True).select_option(label=WARD)
    page.get_by_role("button", name="Lọc", exact=True).click()

    expect(page).to_have_url(re.compile(r"[?&]ward=H"))
    expect(items).to_have_count(len(expected))
    expect(page.locator(".exemplary-count")).to_have_text(f"{len(expected)} gương điển hình")
    expect(page.locator(".exemplary-item .teaser__title")).to_have_text(expected)
    for index in range(len(expected)):
        expect(items.nth(index).locator(".profile-card__ward")).to_have_text(WARD)
    expect(page.get_by_label("Phường", exact=True)).to_have_value(WARD)

    page.get_by_role("link", name="Xem tất cả").click()
    expect(items).to_have_count(everything)


def test_the_editor_shows_the_profile_only_for_an_exemplary_story(page: Page, demo_credentials):
    log_in(page, *demo_credentials["editor"])
    page.goto("/admin/articles/new")
    profile = page.locator("fieldset[data-profile-fields]")
    expect(profile).to_be_hidden()

    page.get_by_label("Loại bài").select_option("exemplary")

    expect(profile).to_be_visible()
    expect(profile.get_by_label("Tên cá nhân, tập thể điển hình")).to_be_editable()
    page.get_by_label("Loại bài").select_option("photo")
    expect(profile).to_be_hidden()
