"""Synthetic published articles in bulk, for benchmarks: realistic Vietnamese-looking text, fast inserts."""

import random
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import insert, select

from app.articles.models import Article, ArticleFormat, ArticleStatus
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.core.text import slugify
from app.extensions import db
from app.keywords.models import article_keywords
from app.keywords.services import keywords_for_names
from app.search.indexing import sync_documents
from app.sections.models import Section

WORDS = [
    "chuyển",
    "đổi",
    "số",
    "quận",
    "phường",
    "người",
    "dân",
    "doanh",
    "nghiệp",
    "chính",
    "quyền",
    "dịch",
    "vụ",
    "công",
    "trực",
    "tuyến",
    "an",
    "toàn",
    "giao",
    "thông",
    "pháp",
    "luật",
    "tuyên",
    "truyền",
    "phong",
    "trào",
    "thi",
    "đua",
    "điển",
    "hình",
    "tiên",
    "tiến",
    "văn",
    "hoá",
    "xã",
    "hội",
    "kinh",
    "tế",
    "đô",
    "thị",
    "văn",
    "minh",
    "đường",
    "phố",
    "môi",
    "trường",
    "giáo",
    "dục",
    "y",
    "tế",
    "an",
    "sinh",
    "đồng",
    "bào",
    "cán",
    "bộ",
    "công",
    "chức",
    "triển",
    "khai",
    "kế",
    "hoạch",
    "nhiệm",
    "vụ",
    "mục",
    "tiêu",
    "giải",
    "pháp",
    "hiệu",
    "quả",
    "thiết",
    "thực",
    "nâng",
    "cao",
    "nhận",
    "thức",
    "trách",
    "nhiệm",
    "tổ",
    "chức",
    "thực",
    "hiện",
    "kết",
    "quả",
    "đánh",
    "giá",
    "sơ",
    "kết",
    "tổng",
    "kết",
    "khen",
    "thưởng",
    "biểu",
    "dương",
    "nhân",
    "rộng",
    "sáng",
    "tạo",
    "đổi",
    "mới",
    "phát",
    "triển",
    "bền",
    "vững",
    "hạ",
    "tầng",
    "dữ",
    "liệu",
    "thanh",
    "toán",
    "điện",
    "tử",
    "định",
    "danh",
    "học",
    "sinh",
    "thanh",
    "niên",
    "phụ",
    "nữ",
    "cựu",
    "chiến",
    "binh",
    "hội",
    "nông",
    "dân",
    "lễ",
    "hội",
    "di",
    "tích",
    "du",
    "lịch",
    "biển",
    "cảng",
    "chợ",
    "truyền",
    "thống",
    "đường",
    "giao",
    "thông",
    "dương",
    "liễu",
    "đường",
    "làng",
]
KEYWORD_POOL = (
    "Chuyển đổi số",
    "An toàn giao thông",
    "Phổ biến pháp luật",
    "Cải cách hành chính",
    "Đô thị văn minh",
    "An sinh xã hội",
    "Giáo dục",
    "Y tế",
    "Môi trường",
    "Du lịch",
    "Kinh tế biển",
    "Phong trào thi đua",
    "Điển hình tiên tiến",
    "Đường giao thông",
    "Dịch vụ công trực tuyến",
    "Thanh niên",
    "Văn hoá cơ sở",
    "Lễ hội",
    "Di tích",
    "Đầu tư công",
)
BATCH_SIZE = 2000


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(10, 22))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 5)))


def _row(rng: random.Random, number: int, section_ids: list[int], now) -> dict:
    title = " ".join(rng.choices(WORDS, k=rng.randint(8, 16))).capitalize() + f" ({number})"
    paragraphs = [_paragraph(rng) for _ in range(4)]
    published_at = now - timedelta(minutes=rng.randint(10, 60 * 24 * 365 * 3))
    return {
        "title": title,
        "slug": slugify(title, max_length=120),
        "lead": _sentence(rng),
        "body": "<h2>" + _sentence(rng) + "</h2>" + "".join(f"<p>{p}</p>" for p in paragraphs),
        "body_text": "\n".join(paragraphs),
        "section_id": rng.choice(section_ids),
        "format": ArticleFormat.STANDARD,
        "status": ArticleStatus.PUBLISHED,
        "byline": "BAN BIÊN TẬP",
        "published_at": published_at,
        "first_published_at": published_at,
        "created_at": published_at,
        "updated_at": published_at,
        "version": 1,
        "view_count": rng.randint(0, 5000),
    }


def seed_bulk(count: int, *, seed: int = 2026, progress: Callable[[int], None] = lambda n: None) -> int:
    """Insert `count` published articles with keywords, in batches of one transaction each."""
    rng = random.Random(seed)
    section_ids = list(db.session.scalars(select(Section.id)))
    if not section_ids:
        raise RuntimeError("no sections")
    with write_transaction():
        keyword_ids = [keyword.id for keyword in keywords_for_names(list(KEYWORD_POOL))]
    now = utcnow()
    offset = db.session.scalar(select(db.func.count(Article.id))) or 0
    done = 0
    while done < count:
        size = min(BATCH_SIZE, count - done)
        rows = [_row(rng, offset + done + i + 1, section_ids, now) for i in range(size)]
        with write_transaction():
            ids = db.session.scalars(insert(Article).returning(Article.id), rows).all()
            links = [
                {"article_id": article_id, "keyword_id": keyword_id}
                for article_id in ids
                for keyword_id in rng.sample(keyword_ids, rng.randint(3, 5))
            ]
            db.session.execute(insert(article_keywords), links)
            sync_documents(db.session.connection(), ids)
        done += size
        progress(size)
    return done
