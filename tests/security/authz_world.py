"""A small seeded site for the authorization proofs: six identities, one object of every kind, and a
client helper that signs any request as any identity with a valid CSRF token of that identity's session.

Contributor A owns the drafts and the media; contributor B is the attacker of the IDOR checks.
"""

import hashlib
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from flask import Flask
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import inspect, select, text

from app.accounts.models import User
from app.accounts.services import set_user_active
from app.accounts.sessions import session_values
from app.articles.models import Article, ArticleFormat, Revision
from app.articles.services import ArticleInput, create_article
from app.captcha.models import CaptchaChallenge
from app.captcha.services import issue_challenge
from app.comments.forms import sign_started
from app.comments.policy import get_comment_policy
from app.core.db import write_transaction
from app.curation.home import pick_for_home
from app.curation.pins import pin_story
from app.curation.threads import add_to_thread, create_thread, entries_of
from app.extensions import db
from app.keywords.models import Keyword
from app.media.models import GalleryItem
from app.notifications.services import notify
from tests.factories import make_article, make_campaign, make_comment, make_image, make_section, make_user
from tests.pages import parse

IDENTITIES = ("anonymous", "contributor_a", "contributor_b", "editor", "admin", "disabled")
CSRF_RAW = "authz-matrix-raw-csrf-token"
CSRF_MESSAGE = "Phiên làm việc đã hết hạn"
LOGIN_PATH = "/admin/login"


@dataclass
class World:
    users: dict[str, User | None]
    section: object
    published: Article
    draft: Article
    gallery_item: GalleryItem
    revision: Revision
    media: object
    comment: object
    official_reply: object
    campaign: object
    keyword: Keyword
    thread: object
    thread_entry: object
    pin: object
    notification: object
    captcha_token: str
    extra: dict = field(default_factory=dict)

    def argument(self, endpoint: str, name: str):
        """A real value for URL argument `name` of `endpoint`: the seeded object it names."""
        public = endpoint.split(".")[0] in ("api", "articles", "comments", "feeds", "sections", "public")
        by_name = {
            "article_id": self.published.id if public else self.draft.id,
            "section_slug": self.section.slug,
            "article_slug": self.published.slug,
            "item_id": self.gallery_item.id,
            "revision_id": self.revision.id,
            "media_id": self.media.id,
            "comment_id": self.official_reply.id
            if endpoint == "comments_admin.delete_reply"
            else self.comment.id,
            "campaign_id": self.campaign.id,
            "keyword_id": self.keyword.id,
            "section_id": self.section.id,
            "pin_id": self.pin.id,
            "thread_id": self.thread.id,
            "entry_id": self.thread_entry.id,
            "slot": 1,
            "notification_id": self.notification.id,
            "user_id": self.users["contributor_a"].id,
            "token": self.captcha_token,
            "key": self.media.variants[0]["key"],
            "filename": "css/site.css",
            "number": 1,
        }
        if name == "slug":
            return {
                "campaigns": self.campaign.slug,
                "api": self.campaign.slug,
                "keywords": self.keyword.slug,
                "feeds": self.keyword.slug,
            }[endpoint.split(".")[0]]
        return by_name[name]


@dataclass(frozen=True)
class Route:
    endpoint: str
    method: str
    path: str


def all_routes(app: Flask, world: World) -> list[Route]:
    """Every rule of the URL map × every method it accepts (HEAD and OPTIONS aside), with real ids."""
    routes = []
    for rule in app.url_map.iter_rules():
        values = {name: world.argument(rule.endpoint, name) for name in rule.arguments}
        with app.test_request_context():
            path = app.url_for(rule.endpoint, **values)
        routes += [
            Route(rule.endpoint, method, path) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
        ]
    return routes


def seed_world() -> World:
    """Everything the matrix needs, created through the services where they exist."""
    users = {
        "anonymous": None,
        "contributor_a": make_user(role="contributor", email="phong-vien-a@anphu.example"),
        "contributor_b": make_user(role="contributor", email="phong-vien-b@anphu.example"),
        "editor": make_user(role="editor", email="bien-tap@anphu.example"),
        "admin": make_user(role="admin", email="quan-tri@anphu.example"),
        "disabled": make_user(role="admin", email="da-nghi@anphu.example"),
    }
    set_user_active(users["disabled"], active=False, actor=users["admin"])
    get_comment_policy()  # the singleton row a first reader's request would create
    author = users["contributor_a"]
    section = make_section(slug="thoi-su")
    published = make_article(section=section, keywords=["an toàn giao thông"])
    draft = create_article(
        ArticleInput(
            title="Bản nháp của phóng viên A",
            section=section,
            body="<p>Nháp.</p>",
            format=ArticleFormat.PHOTO,
        ),
        actor=author,
    )
    media = make_image(uploaded_by=author, alt="Ảnh của A")
    with write_transaction():
        gallery_item = GalleryItem(article_id=draft.id, media_id=media.id, position=1, caption="")
        db.session.add(gallery_item)
    revision = db.session.scalar(select(Revision).where(Revision.article_id == draft.id))
    comment = make_comment(published)
    official_reply = make_comment(
        parent=comment, status="approved", is_official=True, author_name="Ban biên tập"
    )
    thread = create_thread(title="Dòng sự kiện", description="", actor=users["editor"])
    add_to_thread(thread, published, actor=users["editor"])
    [thread_entry] = entries_of(thread)
    pin = pin_story(section, published, actor=users["editor"])
    pick_for_home(published, 1, actor=users["editor"])
    with write_transaction():
        notification = notify(author.id, kind="returned", message="Bài bị trả lại", article=draft)
    return World(
        users=users,
        section=section,
        published=published,
        draft=draft,
        gallery_item=gallery_item,
        revision=revision,
        media=media,
        comment=comment,
        official_reply=official_reply,
        campaign=make_campaign(slug="thi-dua-chuyen-doi-so"),
        keyword=db.session.scalar(select(Keyword).where(Keyword.slug == "an-toan-giao-thong")),
        thread=thread,
        thread_entry=thread_entry,
        pin=pin,
        notification=notification,
        captcha_token=issue_challenge(),
    )


def csrf_token_for(app: Flask, raw: str = CSRF_RAW) -> str:
    """The signed form token Flask-WTF would render for a session holding `raw` (its generate_csrf)."""
    return URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="wtf-csrf-token").dumps(raw)


def become(client, user: User | None, *, raw_csrf: str = CSRF_RAW) -> None:
    """Reset the client's session to `user`'s freshly signed-in session (anonymous: an empty one)."""
    with client.session_transaction() as session:
        session.clear()
        if user is not None:
            session.update(session_values(user))
        session["csrf_token"] = raw_csrf


def is_login_redirect(response) -> bool:
    return (
        response.status_code in (301, 302, 303, 307, 308) and urlsplit(response.location).path == LOGIN_PATH
    )


def is_csrf_refusal(response) -> bool:
    return response.status_code == 400 and CSRF_MESSAGE in response.get_data(as_text=True)


def database_fingerprint() -> dict[str, str]:
    """One digest per table of every row it holds, to prove a request changed nothing."""
    connection = db.session.connection()
    digests = {}
    for table in sorted(inspect(connection).get_table_names()):
        rows = connection.execute(text(f'SELECT * FROM "{table}"')).all()
        digests[table] = hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()
    return digests


def comment_data(app, client, db, world) -> dict:
    """A filled comment form for the published article: its hidden fields, the captcha solved, filled in
    long enough ago to pass as a person."""
    page = client.get(f"/bai-viet/{world.published.id}/binh-luan")
    form = parse(page.data).one("form#comment-form")
    data = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    data["captcha_answer"] = db.session.get(CaptchaChallenge, data["captcha_token"]).answer
    with app.test_request_context():
        data["started"] = sign_started(time.time() - 60)
    return data | {
        "author_name": "Trần Thị Bình",
        "author_email": "binh@example.vn",
        "body": "Tôi đồng tình với bài viết này.",
        "consent": "y",
    }
