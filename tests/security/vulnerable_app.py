"""The sqlmap scan's server: the real app plus a deliberately injectable control route. TESTS ONLY.

gunicorn "tests.security.vulnerable_app:create_vulnerable_app()" serves it. Nothing under app/ imports
this module, so the control route never exists in the product. It proves the scan measures something:
sqlmap must find the injection here, with the same options that find none in the app.

Two more test hooks let sqlmap drive the comment form without weakening it in the product:
- `/__control__/captcha` issues a challenge through the real captcha service and tells its answer,
  which sqlmap's --eval fetches before each comment post (the form's token is single-use);
- the duplicate-comment lookup answers "no", so the unchanged value sqlmap sends again and again to
  learn the page gets the same answer every time (302 to the article) instead of "already sent".
"""

import json
import sys
from pathlib import Path

from flask import Blueprint, Flask, request
from flask_migrate import upgrade
from sqlalchemy import select, text

from app import create_app
from app.articles.models import Article
from app.articles.queries import is_public
from app.campaigns.models import ExemplaryProfile
from app.captcha.models import CaptchaChallenge
from app.captcha.services import issue_challenge
from app.comments import services as comment_services
from app.demo.seed import seed_demo
from app.extensions import csrf, db
from app.sections.models import Section, SectionKind

# What the scan needs from the configuration: every request answered for real (no page cache, no rate
# limits, no minimum time to fill the comment form) and cheap password hashes so each login try is fast.
SCAN_CONFIG = {
    "PAGE_CACHE": False,
    "RATELIMIT_ENABLED": False,
    "COMMENT_MIN_FILL_SECONDS": 0,
    "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
}

control = Blueprint("control", __name__, url_prefix="/__control__")


@control.get("/article")
def article():
    """Injectable ON PURPOSE: the id is formatted into the SQL text."""
    title = db.session.execute(text(f"SELECT title FROM articles WHERE id = {request.args['id']}")).scalar()
    return {"title": title}


@control.get("/captcha")
def captcha():
    """A fresh challenge from the real service, as `<token> <answer>` for sqlmap's --eval."""
    token = issue_challenge()
    answer = db.session.scalar(select(CaptchaChallenge.answer).where(CaptchaChallenge.token == token))
    return f"{token} {answer}", 200, {"Content-Type": "text/plain"}


def create_vulnerable_app(overrides: dict | None = None) -> Flask:
    app = create_app({**SCAN_CONFIG, **(overrides or {})})
    csrf.exempt(control)
    app.register_blueprint(control)
    comment_services.is_duplicate = lambda *_args, **_kwargs: False
    return app


def prepare_site(folder: Path, database_url: str) -> dict:
    """Migrate and seed the demo site on an empty database, its media in `folder` (run in a child
    process: the scan's patches and the seeding app stay out of the test session). Returns the
    server's environment and the values the targets use: real slugs and an article that matches
    every filter, so each listing has results."""
    environment = {
        "DATABASE_URL": database_url,
        "SECRET_KEY": "sqlmap-scan",
        "MEDIA_ROOT": str(folder / "media"),
    }
    app = create_app(
        {
            **SCAN_CONFIG,
            "SQLALCHEMY_DATABASE_URI": environment["DATABASE_URL"],
            "SECRET_KEY": environment["SECRET_KEY"],
            "MEDIA_ROOT": environment["MEDIA_ROOT"],
            "IMAGE_WIDTHS": (320,),
        }
    )
    with app.app_context():
        upgrade()
        seed_demo(folder)  # demo-credentials.txt goes to `folder`, not to instance/
        profile = db.session.scalar(
            select(ExemplaryProfile)
            .join(Article, ExemplaryProfile.article_id == Article.id)
            .where(is_public(), ExemplaryProfile.campaign_id.is_not(None), ExemplaryProfile.ward != "")
            .order_by(Article.id)
        )
        article = profile.article
        exemplary = db.session.scalar(select(Section).where(Section.kind == SectionKind.EXEMPLARY))
        news = db.session.scalar(
            select(Section)
            .join(Article, Article.section_id == Section.id)
            .where(Section.kind == SectionKind.NEWS, is_public())
            .order_by(Section.position)
        )
        values = {
            "article_id": article.id,
            "article_path": f"/{article.section.slug}/{article.slug}-{article.id}.html",
            "section": article.section.slug,
            "exemplary_section": exemplary.slug,
            "news_section": news.slug,
            "format": article.format.value,
            "keyword": article.keywords[0].slug,
            "campaign": profile.campaign.slug,
            "ward": profile.ward,
            "field": profile.field,
            "kind": profile.subject_kind.value,
            "day": article.published_at.date().isoformat(),
            "word": next(word for word in article.title.split() if len(word) >= 4 and word.isalpha()),
            "comments_enabled": article.comments_enabled,
        }
        db.engine.dispose()
    return {"environment": environment, "values": values}


if __name__ == "__main__":
    print(json.dumps(prepare_site(Path(sys.argv[1]), sys.argv[2]), ensure_ascii=False))
