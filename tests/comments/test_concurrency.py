"""Two processes posting comments at once on one SQLite file: nothing lost, never "database is locked"."""

import multiprocessing
import time

from flask_migrate import upgrade
from sqlalchemy import func, select

from app import create_app
from app.captcha.models import CaptchaChallenge
from app.comments.forms import sign_started
from app.comments.models import Comment
from app.extensions import db
from tests.factories import make_article
from tests.pages import parse

PROCESSES = 2
POSTS_PER_PROCESS = 200


def configured_app(database: str, media: str):
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
            "SECRET_KEY": "concurrency-test",
            "MEDIA_ROOT": media,
            "RATELIMIT_ENABLED": False,
            "COMMENT_MIN_FILL_SECONDS": 0,
        }
    )


def post_comments(database: str, media: str, article_id: int, number: int, start, results) -> None:
    """One process: open the form and post a solved comment, POSTS_PER_PROCESS times, as a reader would."""
    app = configured_app(database, media)
    client = app.test_client()
    failures: list[str] = []
    start.wait()
    for index in range(POSTS_PER_PROCESS):
        form = parse(client.get(f"/bai-viet/{article_id}/binh-luan").data).one("form#comment-form")
        fields = {name: form.one(f"input[name={name}]")["value"] for name in ("csrf_token", "captcha_token")}
        with app.app_context():
            answer = db.session.get(CaptchaChallenge, fields["captcha_token"]).answer
            started = sign_started(time.time() - 60)
        response = client.post(
            f"/bai-viet/{article_id}/binh-luan",
            data={
                **fields,
                "captcha_answer": answer,
                "started": started,
                "author_name": f"Bạn đọc {number}",
                "author_email": f"ban-doc-{number}@example.vn",
                "body": f"Ý kiến số {index} của tiến trình {number}.",
                "consent": "y",
            },
        )
        if response.status_code != 302:
            failures.append(f"{response.status_code}: {response.get_data(as_text=True)[:200]}")
    results.put((number, failures))


def test_two_processes_posting_at_once_lose_nothing(tmp_path):
    database, media = str(tmp_path / "comments.db"), str(tmp_path / "media")
    app = configured_app(database, media)
    with app.app_context():
        upgrade()
        article_id = make_article("Bài viết nhiều người bình luận").id
        db.engine.dispose()

    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(PROCESSES), context.Queue()
    workers = [
        context.Process(target=post_comments, args=(database, media, article_id, number, start, results))
        for number in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    reports = dict(results.get(timeout=300) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)

    assert reports == {number: [] for number in range(PROCESSES)}
    with app.app_context():
        stored = db.session.scalar(select(func.count()).select_from(Comment))
        db.engine.dispose()
    assert stored == PROCESSES * POSTS_PER_PROCESS
