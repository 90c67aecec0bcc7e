"""Sessions and brute force, beyond tests/accounts: replayed cookies cannot act, planted sessions do not
survive a login (password or 2FA step), idle and absolute expiry on a frozen clock through a real login,
a lockout no spoofed X-Forwarded-For resets, unknown and known emails answered alike and as slowly, and
no `next=` trick leaves the site."""

import re
import statistics
import time
from datetime import timedelta
from urllib.parse import urlsplit

import pyotp
import pytest
from sqlalchemy import select

from app.accounts import sessions
from app.accounts.models import User
from app.accounts.services import hash_password
from app.accounts.two_factor import enable_two_factor, new_secret
from app.articles.models import Article
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.extensions import db as _db
from tests.factories import PASSWORD, make_article, make_user
from tests.pages import csrf_token, parse

SITE = "http://bantin.test"
EVIL_TARGETS = [
    "//evil.com",
    "///evil.com",
    "https://evil.com",
    "http:evil.com",
    "https:/evil.com",
    "/\\evil.com",
    "\\\\evil.com",
    "\\/evil.com",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "%2F%2Fevil.com",
    "/%2F%2Fevil.com",
    "%5C%5Cevil.com",
    "/admin@evil.com",
    "//bantin.test@evil.com",
    " //evil.com",
    "\t//evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n//evil.com",
    "\u3000//evil.com",
    "／／evil.com",
    "/\u2044evil.com",
    "//evil。com",
    "/\u202e/evil.com",
    "https://evil.com%00.bantin.test",
]


def stays_on_site(location: str) -> bool:
    """Where a browser goes: this origin only. Browsers skip tabs and newlines, read `\\` as `/`, and
    on an HTTPS page resolve `http:evil.com` to evil.com, so any scheme but our own origin is off-site."""
    cleaned = re.sub(r"[\t\n\r]", "", location).strip()
    if "\\" in cleaned or cleaned.startswith("//"):
        return False
    parts = urlsplit(cleaned)
    if parts.scheme or parts.netloc:
        return (parts.scheme, parts.netloc) == ("http", "bantin.test")
    return cleaned.startswith("/")


class Clock:
    """time.time() for app/accounts/sessions.py, moved by the test."""

    def __init__(self):
        self.now = time.time()

    def time(self) -> float:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta).total_seconds()


@pytest.fixture
def clock(monkeypatch) -> Clock:
    frozen = Clock()
    monkeypatch.setattr(sessions, "time", frozen)
    return frozen


def session_cookie(client) -> str | None:
    cookie = client.get_cookie(client.application.config["SESSION_COOKIE_NAME"], domain="bantin.test")
    return cookie.value if cookie else None


def browser_with(app, cookie: str):
    """Another browser holding a copy of a session cookie."""
    other = app.test_client()
    other.set_cookie(app.config["SESSION_COOKIE_NAME"], cookie, domain="bantin.test")
    return other


def signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


# --- replay -----------------------------------------------------------------------------------------


def test_a_cookie_copied_before_logout_can_neither_read_nor_write_afterwards(app, client, db, log_in):
    author = make_user(role="contributor", email="phat-lai@anphu.example")
    assert log_in(author.email).status_code == 302
    draft = make_article(status="draft")
    with write_transaction():
        draft.created_by_id = author.id
    stolen_token = csrf_token(client, f"/admin/articles/{draft.id}/edit")
    stolen_cookie = session_cookie(client)  # holds the secret the stolen token was made from

    client.post("/admin/logout", data={"csrf_token": csrf_token(client, "/admin/")})

    thief = browser_with(app, stolen_cookie)
    response = thief.post(
        f"/admin/articles/{draft.id}/edit",
        data={"csrf_token": stolen_token, "title": "Sửa bằng cookie cũ", "section_id": str(draft.section_id)},
    )
    assert response.status_code in (302, 401) and urlsplit(response.location or "").path in (
        "",
        "/admin/login",
    )
    _db.session.expire_all()
    assert _db.session.get(Article, draft.id).title != "Sửa bằng cookie cũ"
    assert not signed_in(browser_with(app, stolen_cookie)), "replaying twice changes nothing"


# --- fixation ---------------------------------------------------------------------------------------


def test_a_planted_pre_login_session_does_not_survive_the_login(app, client, db, log_in):
    user = make_user(email="co-dinh@anphu.example")
    csrf_token(client, "/admin/login")  # the victim opened the login page: the session has a CSRF secret
    with client.session_transaction() as session:
        session["planted"] = "kẻ tấn công cài sẵn"
        planted_secret = session["csrf_token"]
    planted_cookie = session_cookie(client)

    assert log_in(user.email).status_code == 302

    assert session_cookie(client) != planted_cookie
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session.get("csrf_token") != planted_secret, "the old form secret is gone too"
        assert session["_user_id"] == user.get_id()
    assert not signed_in(browser_with(app, planted_cookie)), "the attacker's copy is still nobody"


def test_the_half_signed_in_session_is_replaced_when_the_code_is_given(app, client, db, log_in, submit):
    user = make_user(email="hai-buoc@anphu.example")
    secret = new_secret()
    enable_two_factor(user, secret=secret, code=pyotp.TOTP(secret).now())
    assert log_in(user.email).status_code == 302
    pending_cookie = session_cookie(client)
    code = pyotp.TOTP(secret).at(time.time() + 30)

    assert submit("/admin/login/two-factor", {"code": code}).status_code == 302

    assert session_cookie(client) != pending_cookie
    with client.session_transaction() as session:
        assert sessions.PENDING_USER not in session
    assert signed_in(client)
    assert not signed_in(browser_with(app, pending_cookie)), "the pending cookie never opens anything"


# --- expiry on a frozen clock -----------------------------------------------------------------------


def test_a_real_login_ends_after_thirty_idle_minutes(client, db, log_in, clock):
    user = make_user(email="ngoi-yen@anphu.example")
    assert log_in(user.email).status_code == 302
    clock.advance(minutes=29)
    assert signed_in(client)
    clock.advance(minutes=29, seconds=59)
    assert signed_in(client), "29 min 59 s after the last request"
    clock.advance(minutes=30, seconds=1)
    response = client.get("/admin/articles/")
    assert response.status_code == 302 and urlsplit(response.location).path == "/admin/login"
    assert "Phiên làm việc đã kết thúc" in parse(client.get(response.location).data).text
    clock.advance(seconds=1)
    assert not signed_in(client), "and it stays ended"


def test_a_real_login_ends_after_twelve_hours_however_busy(client, db, log_in, clock):
    user = make_user(email="ban-ron@anphu.example")
    assert log_in(user.email).status_code == 302
    for _step in range(11 * 60 // 20 + 2):  # a request every 20 minutes up to 11 h 40
        clock.advance(minutes=20)
        assert signed_in(client)
    clock.advance(minutes=19)  # 11 h 59 after the login
    assert signed_in(client)
    clock.advance(minutes=2)  # 12 h 01
    assert not signed_in(client)


# --- lockout and spoofed addresses ------------------------------------------------------------------


def spoofed(n: int) -> dict:
    return {
        "environ_base": {"REMOTE_ADDR": "198.51.100.20"},
        "headers": {"X-Forwarded-For": f"203.0.113.{n}"},
    }


def test_a_spoofed_forwarded_for_does_not_reset_the_lockout(client, db, log_in):
    user = make_user(email="gia-ip@anphu.example")
    for n in range(5):
        assert log_in(user.email, "đoán bừa mật khẩu", **spoofed(n)).status_code == 400
    _db.session.expire_all()
    locked = _db.session.get(User, user.id)
    assert locked.failed_logins == 5 and locked.locked_until > utcnow()
    for n in range(5, 8):
        assert log_in(user.email, PASSWORD, **spoofed(n)).status_code == 400, "the right password, new 'IP'"
    assert not signed_in(client)


def test_with_rate_limits_on_a_spoofed_forwarded_for_is_not_a_new_address(
    app, client, db, log_in, throttling, monkeypatch
):
    monkeypatch.setitem(app.config, "LOGIN_LIMIT_PER_IP", "3 per minute")
    statuses = [log_in(f"nguoi{n}@anphu.example", "sai mật khẩu", **spoofed(n)).status_code for n in range(5)]
    assert statuses == [400, 400, 400, 429, 429]
    _db.session.expire_all()
    assert app.config["PROXY_FIX_X_FOR"] == 0, "no proxy is trusted unless the operator says so"


def test_with_rate_limits_on_the_account_limit_holds_across_spoofed_addresses(
    app, client, db, log_in, throttling
):
    user = make_user(email="muc-tieu-gia@anphu.example")
    statuses = [
        log_in(
            user.email,
            "sai mật khẩu",
            environ_base={"REMOTE_ADDR": f"192.0.2.{n}"},
            headers={"X-Forwarded-For": f"203.0.113.{n}"},
        ).status_code
        for n in range(7)
    ]
    assert statuses[:5] == [400] * 5 and set(statuses[5:]) == {429}
    _db.session.expire_all()
    assert _db.session.get(User, user.id).locked_until > utcnow()


def test_two_accounts_with_the_same_password_do_not_share_a_hash(app, db):
    first, second = (make_user(email=f"cung-mat-khau-{n}@anphu.example") for n in (1, 2))
    assert first.password_hash != second.password_hash
    assert hash_password(PASSWORD) != hash_password(PASSWORD)


# --- enumeration: same answer, similar time --------------------------------------------------------

TOKEN = re.compile(r'(name="csrf_token"[^>]*value="|name="csrf-token" content=")[^"]+')


def normalised(response, email: str) -> tuple[int, str]:
    body = TOKEN.sub(r"\1", response.get_data(as_text=True)).replace(email, "EMAIL")
    return response.status_code, body


def test_every_refusal_is_the_same_page_byte_for_byte(client, db, log_in):
    make_user(email="that@anphu.example")
    disabled = make_user(email="nghi@anphu.example")
    locked = make_user(email="khoa@anphu.example")
    with write_transaction():
        disabled.is_active = False
        locked.locked_until = utcnow() + timedelta(minutes=10)
    cases = {
        "unknown": ("khong-ai@anphu.example", "sai mật khẩu"),
        "wrong password": ("that@anphu.example", "sai mật khẩu"),
        "disabled": ("nghi@anphu.example", PASSWORD),
        "locked": ("khoa@anphu.example", PASSWORD),
    }
    pages = {name: normalised(log_in(email, password), email) for name, (email, password) in cases.items()}
    assert {status for status, _body in pages.values()} == {400}
    assert len({body for _status, body in pages.values()}) == 1, "the pages differ"


def test_unknown_and_known_emails_take_about_as_long(app, client, db, log_in, monkeypatch, figures):
    """With a hash as costly as production's, the hash dominates: an unknown email must cost one too."""
    monkeypatch.setitem(app.config, "PASSWORD_HASH_METHOD", "scrypt:16384:8:1")
    password = "mật khẩu riêng cho phép đo thời gian"
    make_user(email="do-gio@anphu.example", password=password)
    assert _db.session.scalar(
        select(User.password_hash).where(User.email == "do-gio@anphu.example")
    ).startswith("scrypt:16384")
    log_in("khoi-dong@anphu.example", "sai")  # warm the dummy hash of this method
    timings = {"unknown": [], "known": []}
    for n in range(5):
        for kind, email in (("unknown", f"khong-co-{n}@anphu.example"), ("known", "do-gio@anphu.example")):
            started = time.perf_counter()
            response = log_in(email, "sai mật khẩu nhé")
            timings[kind].append(time.perf_counter() - started)
            assert response.status_code == 400
    unknown, known = statistics.median(timings["unknown"]), statistics.median(timings["known"])
    ratio = unknown / known
    figures(
        f"login timing: median unknown email {unknown * 1000:.0f} ms, known email {known * 1000:.0f} ms, "
        f"ratio {ratio:.2f}"
    )
    assert 0.5 < ratio < 2.0


# --- open redirects ----------------------------------------------------------------------------------


@pytest.mark.parametrize("target", EVIL_TARGETS)
def test_login_never_redirects_off_site(client, db, log_in, target):
    user = make_user(email=f"next-{abs(hash(target))}@anphu.example")
    response = log_in(user.email, query_string={"next": target})
    assert response.status_code == 302
    assert stays_on_site(response.location), response.location


def test_a_local_next_is_still_followed(client, db, log_in):
    """The control: the refusals above are about the targets, not a next= that is always ignored."""
    user = make_user(email="next-local@anphu.example")
    response = log_in(user.email, query_string={"next": "/admin/articles/?trang=2"})
    assert response.location.removeprefix(SITE) == "/admin/articles/?trang=2"


@pytest.mark.parametrize("target", EVIL_TARGETS)
def test_the_two_factor_step_never_redirects_off_site(client, db, log_in, submit, target):
    user = make_user(email=f"hai-buoc-{abs(hash(target))}@anphu.example")
    secret = new_secret()
    enable_two_factor(user, secret=secret, code=pyotp.TOTP(secret).now())
    assert log_in(user.email, query_string={"next": target}).status_code == 302
    code = pyotp.TOTP(secret).at(time.time() + 30)
    response = submit(
        "/admin/login/two-factor",
        {"code": code},
        page="/admin/login/two-factor",
        query_string={"next": target},
    )
    assert response.status_code == 302
    assert stays_on_site(response.location), response.location


@pytest.mark.parametrize("target", EVIL_TARGETS)
def test_logout_never_redirects_off_site(client, db, login_as, target):
    login_as("editor")
    response = client.post(
        "/admin/logout", data={"csrf_token": csrf_token(client, "/admin/")}, query_string={"next": target}
    )
    assert response.status_code == 302
    assert urlsplit(response.location).path == "/admin/login" and stays_on_site(response.location)


def test_the_oracle_itself_tells_on_site_from_off_site():
    """The helper the redirect tests trust, checked on known answers."""
    assert stays_on_site("/admin/") and stays_on_site("http://bantin.test/admin/")
    for location in (
        "//evil.com",
        "https://evil.com",
        "/\\evil.com",
        "\\\\evil.com",
        "/\t/evil.com",
        "http:evil.com",
    ):
        assert not stays_on_site(location), location
