"""Stored and reflected XSS, proven in Chromium: no vector of our corpus runs on any public page.

Every vector reports itself by id (tests/security/xss_vectors.py); the probe (conftest.py) counts
dialogs, beacon requests, hijacked forms and navigations per page load. The calibration test shows
that the same vectors, inserted raw into a page, do run: a zero in the app means something.
"""

import re
import time
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pytest
from bs4 import BeautifulSoup
from flask import url_for
from markupsafe import escape
from sqlalchemy import update

from app.articles.models import Article
from app.articles.views import article_url
from app.core.db import write_transaction
from app.core.errors import InvalidInput
from app.core.text import clean_line, keyword_key
from app.extensions import db
from app.keywords.services import MAX_KEYWORD_LENGTH
from app.settings.queries import get_site_settings
from app.settings.services import TEXT_LIMITS
from tests.factories import make_article, make_comment, make_image, make_section
from tests.security.conftest import Hit, XssProbe
from tests.security.xss_vectors import CORPUS, Vector

pytestmark = pytest.mark.browser

CALIBRATION_FLOOR = 0.90


@pytest.mark.parametrize("full", [False, pytest.param(True, marks=pytest.mark.slow_security)])
def test_calibration_raw_vectors_fire_in_the_same_browser(xss_probe, figures, full):
    """Each vector, inserted raw into its context on a test-only page, runs: the probe sees it. Every
    run calibrates the representative sample the reflected test uses; CI's slow stage the whole corpus."""
    started = time.monotonic()
    vectors = CORPUS if full else sample(per_group=2)
    fired, misattributed = set(), []
    for vector in vectors:
        visit = xss_probe.visit(f"/__control__/{vector.context}/{vector.id}")
        fired |= visit.fired & {vector.id}
        misattributed += [hit for hit in visit.hits if hit.vector_id != vector.id]
    firable = {vector.id for vector in vectors if not vector.raw_blocker}
    share = len(fired & firable) / len(firable)
    blocked = [vector for vector in vectors if vector.raw_blocker and vector.id not in fired]
    unexplained = [vector for vector in vectors if vector.id in firable - fired]
    figures(
        f"XSS calibration ({'all' if full else 'sample'}): {len(fired)}/{len(vectors)} vectors fire raw, "
        f"{share:.1%} of the {len(firable)} "
        f"that Chromium can run ({len(unexplained)} silent); {len(blocked)} named as unable to fire in "
        f"Chromium; {sum(v.interaction for v in vectors)} fire on the click/hover sweep; "
        f"{len(vectors)} page loads in {time.monotonic() - started:.0f} s"
    )
    for vector in vectors:
        if vector.raw_blocker and vector.id in fired:
            print(
                f"fires raw despite its named blocker: {vector.id} {vector.raw_blocker}: {vector.payload!r}"
            )
    for vector in blocked + unexplained:
        reason = vector.raw_blocker or "UNEXPLAINED"
        print(f"silent raw: {vector.id} [{vector.family}] {reason}: {vector.payload!r}")
    assert not misattributed, f"hits attributed to the wrong vector: {misattributed[:5]}"
    assert share >= CALIBRATION_FLOOR, [vector.payload for vector in unexplained]


# ---- the app's sinks ---------------------------------------------------------------------------

PER_ARTICLE = 50
# Vectors of each family × context, for the pages that get one load per vector in the normal run.
SAMPLE_SIZE = 2


def sample(vectors=CORPUS, per_group: int = SAMPLE_SIZE) -> list[Vector]:
    """A representative subset: the first vectors of each family × context (the full set is slow_security)."""
    groups: dict[tuple[str, str], list[Vector]] = {}
    for vector in vectors:
        groups.setdefault((vector.family, vector.context), []).append(vector)
    return [vector for group in groups.values() for vector in group[:per_group]]


def chunks(items: list, size: int) -> list[list]:
    return [items[start : start + size] for start in range(0, len(items), size)]


@dataclass
class SeededSite:
    """Where each stored vector can be seen: pages holding many vectors, and a page per vector."""

    body_pages: list[str]  # article pages, PER_ARTICLE vectors each in body (also as alt text of an
    # uploaded image), comments and keyword list
    listing_pages: list[str]  # section pages and search results listing every title/lead
    title_pages: dict[int, str]  # article page whose title, lead, byline and description is the vector
    keyword_pages: dict[int, str]
    article_page: str  # an ordinary article (for reflected parameters)
    control_page: str  # an article whose body bypassed the sanitizer
    comment_form: str
    section_page: str
    keyword_page: str
    skipped: dict[str, int]


# Self-contained vectors that run on their own in a shared body: no navigation (the page must stay to
# count the rest), no unclosed <svg> or <script> that would swallow the vectors after it.
CONTROL_VECTORS = [
    vector
    for vector in CORPUS
    if vector.family in ("script tag", "event handler", "payload form", "encoding")
    and not vector.raw_blocker
    and vector.payload.startswith(("<img", "<input", "<details", "<video", "<audio", "<iframe", "<script>"))
    and (not vector.payload.startswith("<script>") or vector.payload.endswith("</script>"))
][::2]
CONTROL_BODY = [vector.payload for vector in CONTROL_VECTORS]


@pytest.fixture(scope="module")
def site(xss_app) -> SeededSite:
    """Every vector stored through the app's own services: article bodies go through the real sanitizer."""
    with xss_app.test_request_context():
        section = make_section("Kiểm thử XSS", slug="kiem-thu-xss")
        body_pages: list[str] = []
        keyword_pages: dict[int, str] = {}
        title_pages: dict[int, str] = {}
        skipped = {"title": 0}
        for number, group in enumerate(chunks(CORPUS, PER_ARTICLE), 1):
            article = make_article(
                f"Bài kiểm thử số {number}",
                section=section,
                body="\n".join(vector.payload for vector in group),
                keywords=[vector.payload[:MAX_KEYWORD_LENGTH] for vector in group],
            )
            for vector in group:
                make_comment(
                    article, status="approved", author_name=vector.payload[:100], body=vector.payload
                )
            body_pages.append(article_url(article))
            by_key = {keyword.name_key: keyword for keyword in article.keywords}
            for vector in group:
                keyword = by_key.get(keyword_key(clean_line(vector.payload[:MAX_KEYWORD_LENGTH])))
                if keyword is not None:
                    keyword_pages[vector.id] = url_for("keywords.detail", slug=keyword.slug)
        # Bodies whose images are uploaded media: the page rewrites those <img> tags (srcset, sizes), a
        # second pass over sanitized HTML; every vector is also the alt text of such an image.
        image = make_image()
        image_src = url_for("media.serve", key=image.variants[0]["key"])
        for number, group in enumerate(chunks(CORPUS, PER_ARTICLE), 1):
            article = make_article(
                f"Bài ảnh kiểm thử số {number}",
                section=section,
                body="\n".join(f'<p><img src="{image_src}" alt="{v.payload}">{v.payload}</p>' for v in group),
            )
            body_pages.append(article_url(article))
        for vector in CORPUS:
            try:
                article = make_article(
                    vector.payload[:300],
                    section=section,
                    lead=f"{vector.payload} kiemthu",
                    byline=vector.payload[:200],
                    meta_description=vector.payload[:300],
                    body="<p>kiemthu</p>",
                )
            except InvalidInput:  # a title of blanks only (NUL, NBSP...) is refused: nothing to show
                skipped["title"] += 1
                continue
            title_pages[vector.id] = article_url(article)
        # Enough pages for every article of the section (a page past the end is an ordinary 404).
        pages = -(-(len(title_pages) + len(body_pages) + 2) // xss_app.config["PAGE_SIZE"])
        section_url = url_for("sections.detail", section_slug=section.slug)
        listing_pages = [section_url] + [f"{section_url}?page={page}" for page in range(2, pages + 1)]
        listing_pages += [f"/tim-kiem?q=kiemthu&sort=newest&page={page}" for page in range(1, pages + 1)]
        plain = make_article("Bài viết bình thường", section=section, keywords=["bình thường"])
        control = make_article("Bài đối chứng", section=section)
        with write_transaction():  # TEST ONLY: a body stored without the sanitizer, for the control
            db.session.execute(
                update(Article).where(Article.id == control.id).values(body="\n".join(CONTROL_BODY))
            )
        return SeededSite(
            body_pages=body_pages,
            listing_pages=listing_pages,
            title_pages=title_pages,
            keyword_pages=keyword_pages,
            article_page=article_url(plain),
            control_page=article_url(control),
            comment_form=url_for("comments.form", article_id=plain.id),
            section_page=section_url,
            keyword_page=url_for("keywords.detail", slug=plain.keywords[0].slug),
            skipped=skipped,
        )


class Tally:
    """Page loads and executions of one sink."""

    def __init__(self, probe: XssProbe):
        self.probe = probe
        self.late_before = len(probe.late)
        self.loads = 0
        self.hits: list[tuple[str, Hit]] = []
        self.foreign: list[str] = []

    def visit(self, url: str, **options) -> None:
        visit = self.probe.visit(url, **options)
        self.loads += 1
        self.hits += [(url, hit) for hit in visit.hits]
        self.foreign += visit.foreign

    def report(self, figures, sink: str, vectors: int) -> None:
        self.hits += [("(after its page)", hit) for hit in self.probe.late[self.late_before :]]
        figures(
            f"XSS {sink}: {vectors} vectors, {self.loads} page loads, {len(self.hits)} executions, "
            f"{len(self.foreign)} requests to other hosts"
        )
        assert not self.hits, "\n".join(f"{url}: {hit}" for url, hit in self.hits[:20])


def test_control_the_article_page_runs_a_body_that_bypassed_the_sanitizer(xss_probe, site, figures):
    """The same article page and sweep do show execution when the sanitizer is bypassed: the zeros
    below come from the sanitizer and the escaping, not from the page or the harness."""
    visit = xss_probe.visit(site.control_page)
    wanted = {vector.id for vector in CONTROL_VECTORS}
    share = len(visit.fired & wanted) / len(wanted)
    figures(
        f"XSS control: {len(visit.fired & wanted)}/{len(wanted)} unsanitized vectors fire on the article page"
    )
    assert share >= CALIBRATION_FLOOR


def test_stored_vectors_never_run_in_article_bodies_comments_and_keyword_lists(xss_probe, site, figures):
    tally = Tally(xss_probe)
    comments = keywords = 0
    for url in site.body_pages:
        tally.visit(url)
        comments += xss_probe.page.locator(".comment__body").count()
        keywords += xss_probe.page.locator(".story__keywords a").count()
    # The vectors are really on the pages measured: every comment, and nearly every keyword (a few
    # payloads fold to the same keyword name).
    assert comments == len(CORPUS)
    assert keywords >= 0.9 * len(CORPUS)
    assert xss_probe.page.locator(".story__body img[srcset]").count() > 0  # the image pages were rewritten
    tally.report(figures, "stored (article body, image alt text, comments, keyword list)", len(CORPUS))


def test_stored_titles_leads_and_bylines_never_run_in_listings_and_search(xss_probe, site, figures):
    tally = Tally(xss_probe)
    search_hits = 0
    for url in site.listing_pages:
        tally.visit(url)
        search_hits += xss_probe.page.locator(".search-result").count()
    assert search_hits == len(site.title_pages)
    for vector in sample():
        if vector.id in site.title_pages:
            tally.visit(site.title_pages[vector.id])
    tally.report(
        figures, "stored (titles, leads, bylines: listings, search, sample of article pages)", len(CORPUS)
    )
    assert site.skipped["title"] < len(CORPUS) // 20


def test_stored_keyword_names_never_run_on_keyword_pages(xss_probe, site, figures):
    tally = Tally(xss_probe)
    vectors = [vector for vector in sample() if vector.id in site.keyword_pages]
    for vector in vectors:
        tally.visit(site.keyword_pages[vector.id])
    tally.report(figures, "stored (keyword pages, sample)", len(vectors))


@pytest.mark.slow_security
def test_every_stored_title_and_keyword_page(xss_probe, site, figures):
    tally = Tally(xss_probe)
    for url in site.title_pages.values():
        tally.visit(url)
    for url in site.keyword_pages.values():
        tally.visit(url)
    tally.report(figures, "stored (every title and keyword page)", len(CORPUS))


def store_settings(xss_app, payload: str) -> None:
    with xss_app.app_context(), write_transaction():
        settings = get_site_settings()
        for name, limit in SETTINGS_FIELDS.items():
            setattr(settings, name, payload[:limit])
        db.session.add(settings)


SETTINGS_FIELDS = TEXT_LIMITS


def settings_vectors(full: bool) -> list[Vector]:
    return CORPUS if full else sample(per_group=1)


@pytest.mark.parametrize("full", [pytest.param(False), pytest.param(True, marks=pytest.mark.slow_security)])
def test_site_settings_never_run_on_public_pages(xss_probe, site, xss_app, figures, full):
    tally = Tally(xss_probe)
    vectors = settings_vectors(full)
    try:
        for vector in vectors:
            store_settings(xss_app, vector.payload)
            tally.visit("/")
            tally.visit(site.article_page)
    finally:
        store_settings(xss_app, "Bản tin")
    tally.report(
        figures, "stored (site settings: home and article page)" + (" full" if full else ""), len(vectors)
    )


# ---- reflected: every parameter a public page reads -----------------------------------------------


def reflected_urls(site: SeededSite, payload: str) -> dict[str, str]:
    """Each public page that reads the query string or path, with every parameter it reads set to
    `payload` at once (one load per vector per page), plus unknown parameters the pager copies."""
    every = lambda *names: urlencode(dict.fromkeys(names, payload))  # noqa: E731
    path = quote(payload, safe="")
    return {
        "search": "/tim-kiem?" + every("q", "since", "until", "section", "format", "sort", "x"),
        "search page number": "/tim-kiem?q=kiemthu&" + every("page"),
        "section listing and pager": f"{site.section_page}?{every('x', 'utm_source', 'q')}&"
        + urlencode({payload: 1}),
        "section page number": f"{site.section_page}?{every('page')}",
        "home": "/?" + every("q", "x"),
        "keyword page": f"{site.keyword_page}?{every('q', 'x')}",
        "article page": f"{site.article_page}?{every('sort', 'x', 'q')}",
        "comment form": f"{site.comment_form}?{every('khung', 'x')}",
        "login next": "/admin/login?" + every("next"),
        "unknown keyword (404)": f"/tu-khoa/{path}",
        "unknown section (404)": f"/{path}/",
        "search suggestions (JSON)": "/tim-kiem/goi-y?" + every("q"),
        "keyword suggestions (JSON)": "/tu-khoa/goi-y?" + every("q"),
    }


def comment_sent_back(payload: str):
    """Fill the comment form page with `payload` and a wrong captcha and send it without JavaScript:
    the page measured is the form sent back with its error, echoing what was typed."""

    def prepare(page) -> None:
        with page.expect_navigation(wait_until="load"):
            page.evaluate(
                """(payload) => {
                  const form = document.querySelector("form#comment-form");
                  form.elements.author_name.value = payload.slice(0, 100);
                  form.elements.author_email.value = "ban@example.vn";
                  form.elements.body.value = payload;
                  form.elements.captcha_answer.value = "sai";
                  HTMLFormElement.prototype.submit.call(form);
                }""",
                payload,
            )

    return prepare


def run_reflected(xss_probe, site, vectors: list[Vector]) -> Tally:
    tally = Tally(xss_probe)
    echoed = 0
    for vector in vectors:
        for page, url in reflected_urls(site, vector.payload).items():
            tally.visit(url)
            if page == "search":
                echoed += xss_probe.page.input_value(".search-form input[name=q]") == vector.payload
        tally.visit(site.comment_form, prepare=comment_sent_back(vector.payload))
    # The search page really shows what was sent (the field keeps it as typed), so it was measured.
    assert echoed >= 0.9 * len(vectors), (
        f"only {echoed} of {len(vectors)} payloads came back in the search field"
    )
    return tally


def test_reflected_sample_never_runs_on_any_public_parameter(xss_probe, site, figures):
    vectors = sample(per_group=1)
    tally = run_reflected(xss_probe, site, vectors)
    pages = len(reflected_urls(site, "x")) + 1
    tally.report(figures, f"reflected sample ({pages} pages × parameters set at once)", len(vectors))


@pytest.mark.slow_security
def test_reflected_larger_sample_never_runs(xss_probe, site, figures):
    """Three vectors of each family × context on every page in Chromium; the whole corpus goes through
    every parameter below, over HTTP, where the server's escaping is checked byte for byte."""
    vectors = sample(per_group=3)
    tally = run_reflected(xss_probe, site, vectors)
    tally.report(figures, "reflected larger sample", len(vectors))


# Where a browser would take a URL from an attribute: a payload must never start one of these.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcdoc")
ACTIVE_SCHEMES = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)
HTML_SPECIALS = set("<>\"'")


def unescaped_echoes(html: str, payload: str) -> list[str]:
    """How a page echoes `payload` unsafely: verbatim with its markup characters (so it is parsed as
    markup, or closes an attribute), or as the start of a URL attribute with an active scheme."""
    found = []
    if HTML_SPECIALS & set(payload) and payload in html:
        found.append("verbatim")
    if ACTIVE_SCHEMES.match(payload):
        for element in BeautifulSoup(html, "html.parser").find_all(True):
            for name in URL_ATTRIBUTES:
                value = element.get(name)
                if isinstance(value, str) and ACTIVE_SCHEMES.match(value) and payload.strip()[:12] in value:
                    found.append(f"<{element.name} {name}>")
    return found


def test_every_vector_on_every_reflected_parameter_comes_back_escaped(xss_app, site, figures):
    """The whole corpus × every page and parameter the reflected test loads, plus the comment form sent
    back (about 7,000 requests): each answer is JSON, or HTML in which the payload appears only escaped."""
    client = xss_app.test_client()
    requests, echoed, findings = 0, 0, []

    def check(page: str, vector: Vector, response) -> None:
        nonlocal requests, echoed
        requests += 1
        assert response.status_code < 500, (page, vector.id, response.status_code)
        if response.mimetype == "application/json":
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            return
        html = response.get_data(as_text=True)
        echoed += str(escape(vector.payload)) in html
        findings.extend((page, vector.id, how) for how in unescaped_echoes(html, vector.payload))

    for vector in CORPUS:
        for page, url in reflected_urls(site, vector.payload).items():
            check(page, vector, client.get(url))
        check(
            "comment form sent back",
            vector,
            send_back_comment_form(client, site.comment_form, vector.payload),
        )
    figures(
        f"XSS reflected over HTTP: {len(CORPUS)} vectors × {len(reflected_urls(site, 'x')) + 1} pages, "
        f"{requests} requests, {echoed} answers echo the payload escaped, {len(findings)} unescaped echoes"
    )
    assert echoed >= 2 * len(CORPUS), "the pages did not echo the payloads: nothing was measured"
    assert not findings, findings[:10]


def send_back_comment_form(client, form_url: str, payload: str):
    """Post the comment form with `payload` in its fields and a wrong captcha: it comes back with errors."""
    form = BeautifulSoup(client.get(form_url).get_data(as_text=True), "html.parser").select_one(
        "form#comment-form"
    )
    fields = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    fields |= {
        "author_name": payload[:100],
        "author_email": "ban@example.vn",
        "body": payload,
        "captcha_answer": "sai",
    }
    return client.post(form.get("action") or form_url, data=fields)


def test_the_escaping_check_sees_an_unescaped_echo():
    """Calibration of the check above: a raw echo, a raw attribute break-out and a javascript: link are
    caught; the same payloads escaped are not."""
    payload, scheme = '"><img src=x onerror=alert(1)>', "javascript:alert(1)"
    assert unescaped_echoes(f"<p>{payload}</p>", payload) == ["verbatim"]
    assert unescaped_echoes(f'<input value="{payload}">', payload) == ["verbatim"]
    assert unescaped_echoes(f'<a href="{scheme}">x</a>', scheme) == ["<a href>"]
    assert unescaped_echoes(f"<p>{escape(payload)}</p>", payload) == []
    assert unescaped_echoes(f'<a href="/tim-kiem?q={scheme}">x</a>', scheme) == []
