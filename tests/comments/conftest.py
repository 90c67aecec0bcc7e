"""Posting comments as a reader would: open the form, solve its captcha, send it."""

import time

import pytest

from app.captcha.models import CaptchaChallenge
from app.comments.forms import sign_started
from app.extensions import db as _db
from tests.pages import parse

READER = {
    "author_name": "Trần Thị Bình",
    "author_email": "Binh.Tran@Example.VN",
    "body": "Tôi rất đồng tình với chủ trương chuyển đổi số của phường.",
    "consent": "y",
}


@pytest.fixture
def comment_form(client, app):
    """Open the comment form of `article` like a reader: returns the fields a browser would send,
    with the captcha solved (read from the server's store) and the form opened a minute ago."""

    def open_form(article, *, solve: bool = True, seconds_ago: float = 60, **fields) -> dict:
        page = client.get(f"/bai-viet/{article.id}/binh-luan")
        assert page.status_code == 200, page.status_code
        form = parse(page.data).one("form#comment-form")
        data = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
        if solve:
            data["captcha_answer"] = _db.session.get(CaptchaChallenge, data["captcha_token"]).answer
        with app.test_request_context():
            data["started"] = sign_started(time.time() - seconds_ago)
        merged = {**data, **READER, **fields}
        return {name: value for name, value in merged.items() if value is not None}

    return open_form


@pytest.fixture
def send_comment(client, comment_form):
    """Post a solved comment form for `article`; keyword arguments override the reader's fields."""

    def send(article, **fields):
        return client.post(f"/bai-viet/{article.id}/binh-luan", data=comment_form(article, **fields))

    return send
