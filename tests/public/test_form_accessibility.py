"""Every form the site renders, read the way a screen reader meets it: each field has a label, required
fields say so in words, and after a failed submit each error is tied to its field and announced.

The pages are found from the URL map (every GET page outside the API, feeds and files), so a new
screen with a form is checked without being listed here.
"""

import pytest
from flask import session, url_for

from app.accounts.sessions import begin_second_step
from app.core.db import write_transaction
from app.curation.models import StoryThread
from app.extensions import db as _db
from app.keywords.models import Keyword
from tests.factories import make_article, make_campaign, make_comment, make_image, make_section, make_user
from tests.pages import parse

REQUIRED_MARK = "(bắt buộc)"
NOT_FIELDS = {"hidden", "submit", "button", "reset", "image"}
NOT_PAGES = ("api.", "feeds.", "static", "media.serve", "captcha.")
# Pages that answer only JSON or only to a signed-in step taken elsewhere in this module.
NOT_HTML = {
    "articles_admin.keyword_suggestions",
    "search.suggestions",
    "keywords.suggestions",
    "media_admin.recent",
}
NOT_HTML |= {"campaigns_admin.report_csv", "accounts.login_two_factor"}
# Posting these empty ends the session or changes nothing a reader types; they have no fields to get wrong.
NOT_POSTED = (
    "/logout",
    "/read",
    "/discard",
    "/transition",
    "/restore",
    "/remove",
    "/move",
    "/disable",
    "/enable",
)


@pytest.fixture
def site(db):
    """One of everything a form page can be about."""
    section = make_section()
    cover = make_image(alt="Ảnh bìa")
    article = make_article(section=section, keywords=["giao thông"], cover=cover, cover_alt="Ảnh bìa")
    campaign = make_campaign()
    with write_transaction():
        thread = StoryThread(title="Dòng sự kiện", slug="dong-su-kien")
        _db.session.add(thread)
    keyword = _db.session.scalars(_db.select(Keyword)).first()
    return {
        "section_slug": section.slug,
        "section_id": section.id,
        "article_id": article.id,
        "article_slug": article.slug,
        "campaign_id": campaign.id,
        "comment_id": make_comment(article).id,
        "keyword_id": keyword.id,
        "media_id": cover.id,
        "thread_id": thread.id,
        "user_id": make_user(role="editor").id,
        "slug": {"campaigns.detail": campaign.slug, "keywords.detail": keyword.slug},
    }


def pages(app, values: dict) -> list[str]:
    """Every HTML page of the site with its arguments filled from `values`."""
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "GET" not in rule.methods or rule.endpoint.startswith(NOT_PAGES) or rule.endpoint in NOT_HTML:
                continue
            arguments = {name: values[name] for name in rule.arguments}
            if isinstance(arguments.get("slug"), dict):
                arguments["slug"] = arguments["slug"][rule.endpoint]
            found.append(url_for(rule.endpoint, **arguments))
    return sorted(set(found))


def label_text(document, control) -> str | None:
    """The control's name from a label[for], a wrapping label or aria-label(ledby); None without one."""
    if control.get("aria-label", "").strip():
        return control["aria-label"]
    if control.get("aria-labelledby"):
        named = [document.find(id=ref) for ref in control["aria-labelledby"].split()]
        return " ".join(element.text for element in named if element) or None
    if control.get("id"):
        label = document.select_one(f'label[for="{control["id"]}"]')
        if label is not None:
            return label.text
    wrapping = control.find_parent("label")
    return wrapping.text if wrapping is not None else None


def marker_text(document, control, name: str) -> str:
    """The label with the "(bắt buộc)" marker written right after it, as a sighted reader sees them."""
    label = document.select_one(f'label[for="{control.get("id")}"]') if control.get("id") else None
    after = label.find_next_sibling() if label is not None else None
    return name + (after.text if after is not None and "required" in after.get("class", []) else "")


def fields(form):
    return [
        control
        for control in form.select("input, select, textarea")
        if control.get("type", "text").lower() not in NOT_FIELDS
    ]


def label_problems(document, where: str) -> tuple[int, int, list[str]]:
    """(fields checked, required ones, problems): unlabelled fields, required ones without the text marker
    (or the marker on an optional one), hints not tied to their field."""
    checked, marked, problems = 0, 0, []
    for form in document.select("form"):
        for control in fields(form):
            checked += 1
            name = label_text(document, control)
            what = f"{where} {control.name}[name={control.get('name')}]"
            if not name or not name.strip():
                problems.append(f"unlabelled: {what}")
                continue
            required = control.has_attr("required") or control.get("aria-required") == "true"
            marked += required
            if required != (REQUIRED_MARK in marker_text(document, control, name)):
                problems.append(f"required={required} but label {name!r}: {what}")
        for hint in form.select(".field .hint"):
            if not hint.get("id") or not form.select(f'[aria-describedby~="{hint["id"]}"]'):
                problems.append(f"hint not tied to its field: {where} {hint.text!r}")
    return checked, marked, problems


def error_problems(document, where: str) -> tuple[int, list[str]]:
    """(errors checked, problems) on a page rendered after a failed submit."""
    problems = []
    errors = document.select(".field .error[id]")
    live = document.select('[role="alert"], [aria-live="assertive"], [aria-live="polite"], [role="status"]')
    announced = " ".join(region.text for region in live)
    if not errors and not document.select(".form-errors, .error-summary"):
        problems.append(f"no error shown: {where}")
    for error in errors:
        described = document.select(f'[aria-describedby~="{error["id"]}"]')
        if not described:
            problems.append(f"error not tied to a field: {where} #{error['id']}")
        elif any(control.get("aria-invalid") != "true" for control in described):
            problems.append(f"field not aria-invalid: {where} #{error['id']}")
        if error.text not in announced:
            problems.append(f"error not in a live region: {where} #{error['id']} {error.text!r}")
    return len(errors), problems


def posted_forms(document):
    """The POST forms on a page that take typed input (the ones a reader can get wrong)."""
    for form in document.select('form[method="post"], form[method="POST"]'):
        action = form.get("action", "")
        if any(control.has_attr("required") for control in fields(form)) and not action.endswith(NOT_POSTED):
            yield form


def submit_empty(client, path: str, form):
    """Send the form with only its hidden values (token, ids): what a reader pressing Send at once sends."""
    data = {hidden["name"]: hidden.get("value", "") for hidden in form.select('input[type="hidden"][name]')}
    return client.post(form.get("action") or path, data=data)


def walk(client, paths, totals):
    for path in paths:
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.content_type:
            continue
        document = parse(response.data)
        if not document.select("form"):
            continue
        totals["pages"].append(path)
        totals["forms"] += len(document.select("form"))
        checked, marked, problems = label_problems(document, path)
        totals["fields"] += checked
        totals["required"] += marked
        totals["problems"] += problems
        for form in posted_forms(document):
            answer = submit_empty(client, path, form)
            if answer.status_code in (301, 302, 303):
                continue
            totals["posted"] += 1
            errors, problems = error_problems(parse(answer.data), f"POST {form.get('action') or path}")
            totals["errors"] += errors
            totals["problems"] += problems


def test_every_form_is_labelled_and_its_errors_tied_and_announced(app, client, site, login_as, figures):
    totals = {"pages": [], "forms": 0, "fields": 0, "required": 0, "posted": 0, "errors": 0, "problems": []}
    everything = pages(app, site)
    public = [path for path in everything if not path.startswith("/admin")]
    walk(client, [*public, "/admin/login"], totals)
    user = make_user(role="editor")
    with app.test_request_context():
        begin_second_step(user, "/admin/")
        pending = dict(session)
    with client.session_transaction() as stored:
        stored.update(pending)
    walk(client, ["/admin/login/two-factor"], totals)
    login_as("admin")
    walk(
        client, [path for path in everything if path.startswith("/admin") and path != "/admin/login"], totals
    )

    unlabelled = sum(problem.startswith("unlabelled") for problem in totals["problems"])
    untied = sum("not tied" in problem or "not aria-invalid" in problem for problem in totals["problems"])
    figures(
        f"forms a11y: {len(totals['pages'])} pages, {totals['forms']} forms, "
        f"{totals['fields']} fields checked "
        f"({totals['required']} required), "
        f"{totals['posted']} forms posted invalid with {totals['errors']} field errors; "
        f"unlabelled {unlabelled}, errors not tied {untied}, other problems "
        f"{len(totals['problems']) - unlabelled - untied}"
    )
    assert totals["problems"] == []
    must_see = {
        "/admin/login",
        "/admin/login/two-factor",
        "/tim-kiem",
        "/admin/articles/new",
        "/admin/media/",
    }
    must_see.add(f"/bai-viet/{site['article_id']}/binh-luan")
    assert must_see <= set(totals["pages"])
    assert totals["posted"] >= 10 and totals["errors"] >= 10


def test_autosave_reports_its_status_in_a_live_region(client, login_as):
    """Autosave answers without a page load, so its news ("saved", "could not save") must be spoken."""
    login_as("editor")
    status = parse(client.get("/admin/articles/new").data).one("[data-autosave-status]")
    assert status["role"] == "status" or status.get("aria-live") in ("polite", "assertive")
