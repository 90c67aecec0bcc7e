"""The article page stays light on mobile data: HTML + CSS + JS ≤ 100 KB compressed (images excluded)."""

import gzip
import random

from app.articles.views import article_url
from app.demo.bulk import WORDS
from tests.factories import make_article, make_comment, make_section
from tests.pages import parse

BUDGET_BYTES = 100 * 1024


def long_body(paragraphs: int = 40, words: int = 80) -> str:
    """About 3,200 varied Vietnamese words (repeated text would compress unrealistically well)."""
    rng = random.Random(9)
    return "<h2>Kết quả nổi bật</h2>" + "".join(
        f"<p>{' '.join(rng.choice(WORDS) for _ in range(words)).capitalize()}.</p>" for _ in range(paragraphs)
    )


def compressed_size(body: bytes) -> int:
    return len(gzip.compress(body, 6))


def test_a_long_article_with_comments_weighs_under_the_budget(client):
    section = make_section("Chuyển đổi số", slug="chuyen-doi-so", on_home=True)
    for number in range(6):
        make_article(f"Tin liên quan số {number}", section=section, keywords=["Chuyển đổi số"])
    story = make_article(
        "Tổng kết chuyển đổi số năm 2026",
        section=section,
        body=long_body(),
        keywords=["Chuyển đổi số", "Dịch vụ công"],
    )
    for number in range(20):
        make_comment(story, status="approved", body=f"Ý kiến số {number}: dịch vụ công trực tuyến rất tiện.")

    page = client.get(article_url(story))
    document = parse(page.data)
    assets = list(document.links("link[rel=stylesheet]"))
    assets += [script["src"] for script in document.select("script[src]")]
    sizes = {"html": compressed_size(page.data)}
    for url in assets:
        assert url.startswith("/static/"), f"{url}: third-party requests cost readers a connection"
        sizes[url] = compressed_size(client.get(url, headers={"Accept-Encoding": "identity"}).data)

    total = sum(sizes.values())
    print(f"article page weight, gzip: {total / 1024:.1f} KB {sizes}")
    assert total <= BUDGET_BYTES, sizes
    assert len(page.data) > 30_000  # the page measured is a long one, not an empty shell
