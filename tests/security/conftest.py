"""The XSS harness: an app of our own on a live server, a Chromium that reports every vector that runs,
a test-only control route that renders vectors raw (calibration), and the figures summary.

The browser helpers come from tests/browser/conftest.py; its fixtures are not imported (its autouse
Chromium check would skip the security tests that need no browser).
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from flask import Blueprint, Flask, abort
from flask_migrate import upgrade
from playwright.sync_api import Error as PlaywrightError

from app import create_app
from app.extensions import db
from tests.browser.conftest import CHROMIUM_ARGS, required_chromium, served
from tests.security.xss_vectors import BEACON_HOST, BY_ID

ID_IN_URL = re.compile(r"/__xss__/(\d+)")

# Run in the page after each load: once the page has loaded, reach every element
# as a curious reader would (focus, hover, press, click) so that vectors needing a gesture get one.
# Following an ordinary link or submitting a form to an ordinary address would leave the page, so
# those are cancelled; a javascript: target is let through (that is the attack), and a form sent to
# the beacon is reported (a hijacked form is a finding even though its submission is cancelled).
SWEEP = """() => {
  const hijacked = [];
  const GESTURES = ["pointerover", "pointerenter", "mouseover", "mouseenter", "mousemove", "mousedown",
    "mouseup"];
  const scheme = (value) => {
    try { return new URL(value, document.baseURI).protocol; } catch (e) { return ""; }
  };
  const xlink = "http://www.w3.org/1999/xlink";
  const hrefOf = (a) => a.getAttribute("href") || a.getAttributeNS(xlink, "href") || "";
  const onClick = (event) => {
    const link = event.target.closest && event.target.closest("a, area");
    if (link && scheme(hrefOf(link)) !== "javascript:") event.preventDefault();
  };
  const onSubmit = (event) => {
    // formAction falls back to the page's own address without the attribute; read the form's action
    // through the prototype, since an input named "action" shadows the property.
    const submitter = event.submitter;
    const action = submitter && submitter.hasAttribute("formaction") ? submitter.formAction
      : Object.getOwnPropertyDescriptor(HTMLFormElement.prototype, "action").get.call(event.target);
    if (scheme(action) === "javascript:") return;
    event.preventDefault();
    if (action.includes("/__xss__/")) hijacked.push(action);
  };
  addEventListener("click", onClick, true);
  addEventListener("submit", onSubmit, true);
  try {
    for (const element of Array.from(document.querySelectorAll("body *"))) {
      if (element.focus) element.focus();
      for (const type of GESTURES) {
        const Kind = type.startsWith("pointer") ? PointerEvent : MouseEvent;
        element.dispatchEvent(new Kind(type, { bubbles: !type.endsWith("enter"), cancelable: true }));
      }
      element.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    }
  } finally {
    removeEventListener("click", onClick, true);
    removeEventListener("submit", onSubmit, true);
  }
  return hijacked;
}"""


@dataclass
class Hit:
    """One thing an attacker made the page do: a dialog, a beacon request, a hijacked form, a navigation."""

    vector_id: int | None
    how: str
    detail: str


@dataclass
class Visit:
    url: str
    hits: list[Hit] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    @property
    def fired(self) -> set[int]:
        return {hit.vector_id for hit in self.hits if hit.vector_id is not None}


class XssProbe:
    """One browser page that loads URLs and reports what each load made it do."""

    def __init__(self, context, origin: str, settle_ms: int = 120):
        self.origin = origin
        self.settle_ms = settle_ms
        self.late: list[Hit] = []  # hits that came after their page's visit had returned
        self.page = context.new_page()
        self.page.set_default_timeout(10_000)
        self.current: Visit | None = None
        self.page.on("dialog", self._on_dialog)
        self.page.on("request", self._on_request)
        self.page.on("framenavigated", self._on_navigation)
        self.page.route(lambda url: not url.startswith(origin), self._off_site)
        self.expected_url = ""

    def visit(self, url: str, *, prepare=None) -> Visit:
        """Load `url` (relative to the origin), wait for 'load', sweep, settle; `prepare(page)` may act
        on the loaded page first (fill and submit a form): the resulting page is the one measured."""
        visit = self.current = Visit(url)
        self.expected_url = ""
        self.page.goto(self.origin + url, wait_until="load")
        if prepare is not None:
            prepare(self.page)
        self.expected_url = self.page.url
        self.page.wait_for_timeout(self.settle_ms)
        try:
            hijacked = self.page.evaluate(SWEEP)
        except PlaywrightError as error:  # the page left during the sweep: that is a finding too
            visit.hits.append(Hit(_vector_id(self.page.url), "navigation", f"{self.page.url}: {error}"))
            hijacked = []
        visit.hits += [Hit(_vector_id(action), "form", action) for action in hijacked]
        self.page.wait_for_timeout(self.settle_ms // 2)
        self._until_quiet(visit)
        self.current = None
        return visit

    def _until_quiet(self, visit: Visit, limit_ms: int = 10_000) -> None:
        """A page that fired keeps the probe until no more dialogs or requests come (each dialog takes a
        round trip to be dismissed), so that no hit is counted against the next page or lost."""
        waited = 0
        while visit.hits and waited < limit_ms:
            seen = len(visit.hits)
            self.page.wait_for_timeout(self.settle_ms)
            waited += self.settle_ms
            if len(visit.hits) == seen:
                return

    def close(self) -> None:
        self.page.close()

    def _on_dialog(self, dialog) -> None:
        message = dialog.message.strip()
        vector_id = int(message) if message.isdigit() and int(message) in BY_ID else None
        self._record(Hit(vector_id, f"dialog:{dialog.type}", message))
        dialog.dismiss()

    def _record(self, hit: Hit) -> None:
        (self.current.hits if self.current is not None else self.late).append(hit)

    def _on_request(self, request) -> None:
        if "/__xss__/" in request.url or urlsplit(request.url).hostname == BEACON_HOST:
            self._record(Hit(_vector_id(request.url), "request", request.url))

    def _on_navigation(self, frame) -> None:
        if self.current is None or frame != self.page.main_frame or not self.expected_url:
            return
        if frame.url != self.expected_url:
            self.current.hits.append(Hit(_vector_id(frame.url), "navigation", frame.url))

    def _off_site(self, route) -> None:
        """Nothing leaves the machine: the beacon host gets an empty answer, other hosts are refused."""
        url = route.request.url
        if urlsplit(url).hostname == BEACON_HOST:
            route.fulfill(status=204)
            return
        if self.current is not None:
            self.current.foreign.append(url)
        route.abort()


def _vector_id(text: str) -> int | None:
    found = ID_IN_URL.search(text)
    return int(found.group(1)) if found and int(found.group(1)) in BY_ID else None


CONTROL_CONTEXTS = {
    "html": '<div class="story__body">{}</div>',
    "attr_dq": '<form><input name="q" value="{}"></form>',
    "attr_sq": "<form><input name='q' value='{}'></form>",
    "attr_uq": "<form><input name=q value={}></form>",
    "script": '<script>var q = "{}";</script>',
    "script_tpl": "<script>var q = `{}`;</script>",
}
CONTROL_PAGE = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Kiểm chứng</title></head>'
    '<body><header><a href="/">Bản tin</a></header><main><article class="story">{}</article></main>'
    "<footer><p>Chân trang</p></footer></body></html>"
)


def control_blueprint() -> Blueprint:
    """TEST ONLY: a page that puts a vector raw into its context, to prove the harness sees it fire."""
    blueprint = Blueprint("xss_control", __name__)

    @blueprint.get("/__control__/<context>/<int:vector_id>")
    def raw(context: str, vector_id: int):
        vector = BY_ID.get(vector_id)
        if vector is None or context not in CONTROL_CONTEXTS:
            abort(404)
        return CONTROL_PAGE.format(CONTROL_CONTEXTS[context].replace("{}", vector.payload))

    return blueprint


@pytest.fixture(scope="session")
def xss_chromium() -> str:
    return required_chromium()


@pytest.fixture(scope="session")
def xss_app(tmp_path_factory, xss_chromium) -> Iterator[Flask]:
    """The real app (real sanitizer, templates, page cache) plus the control route, on its own SQLite."""
    instance_path = tmp_path_factory.mktemp("xss-instance")
    site = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "xss-test-secret-key",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{instance_path / 'bantin.db'}",
            "MEDIA_ROOT": str(tmp_path_factory.mktemp("xss-media")),
            "IMAGE_WIDTHS": (320, 640),
            "RATELIMIT_ENABLED": False,
            "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
            "COMMENTS_PER_PAGE": 60,
        }
    )
    site.register_blueprint(control_blueprint())
    with site.app_context():
        upgrade()
    yield site
    with site.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def xss_server(xss_app: Flask) -> Iterator[str]:
    with served(xss_app, "xss-server") as url:
        yield url


@pytest.fixture(scope="session")
def xss_browser(playwright, xss_chromium):
    browser = playwright.chromium.launch(executable_path=xss_chromium, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def xss_probe(xss_browser, xss_server) -> Iterator[XssProbe]:
    """One page for a whole module. The context bypasses any Content-Security-Policy, so what is measured
    is the escaping and the sanitizer alone (a CSP is a second wall, not the first)."""
    context = xss_browser.new_context(bypass_csp=True, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    context.add_init_script("window.print = function () {};")
    harness = XssProbe(context, xss_server)
    yield harness
    harness.close()
    context.close()
