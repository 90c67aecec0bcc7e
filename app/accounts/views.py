"""Signing in and out of the back office, and each staff member's own account pages."""

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from app.accounts import two_factor
from app.accounts.forms import (
    ChangePasswordForm,
    CodeForm,
    LoginForm,
    PasswordConfirmForm,
)
from app.accounts.permissions import require
from app.accounts.queries import unused_recovery_codes
from app.accounts.services import change_password as change_own_password
from app.accounts.services import log_in, log_out, normalise_email
from app.accounts.sessions import (
    PENDING_USER,
    begin_second_step,
    end_session,
    pending_next,
    pending_user,
    start_session,
)
from app.admin import no_store, require_staff_login
from app.core.errors import InvalidInput
from app.core.forms import add_error
from app.extensions import limiter
from app.settings.queries import get_site_settings

blueprint = Blueprint("accounts", __name__, url_prefix="/admin")
blueprint.after_request(no_store)

SIGN_IN_ENDPOINTS = frozenset({"accounts.login", "accounts.login_two_factor", "accounts.logout"})
ENROLMENT_ENDPOINTS = frozenset({"accounts.two_factor", "accounts.enable_two_factor", "accounts.logout"})
PENDING_SECRET = "pending_totp_secret"


def login_failed_message() -> str:
    """One message for every refusal, so the page never tells whether an email has an account."""
    return _("Wrong email or password, or the account is locked or disabled.")


def per_ip_limit() -> str:
    return current_app.config["LOGIN_LIMIT_PER_IP"]


def per_account_limit() -> str:
    return current_app.config["LOGIN_LIMIT_PER_ACCOUNT"]


def submitted_account() -> str:
    """The per-account throttling key: the email as typed (normalised), whether or not it exists."""
    return "account:" + normalise_email(request.form.get("email", ""))[:254]


def pending_account() -> str:
    return "pending:" + str(session.get(PENDING_USER, ""))


def safe_next(default: str) -> str:
    """Only a path on this site may be the target after login (no open redirect)."""
    target = request.args.get("next", "")
    parts = urlsplit(target)
    if (
        target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
        and not parts.scheme
        and not parts.netloc
        and all(ch.isprintable() and not ch.isspace() for ch in target)
    ):
        return target
    return default


@blueprint.before_request
def guard_account_pages():
    """Everything here but signing in and out is for logged-in staff, like the rest of /admin."""
    if request.endpoint not in SIGN_IN_ENDPOINTS:
        return require_staff_login()
    return None


@blueprint.before_app_request
def enforce_two_factor_policy():
    """When the site requires it, editors and admins without two-factor may only enrol (or leave)."""
    if (
        not request.path.startswith("/admin")
        or not current_user.is_authenticated
        or request.endpoint in ENROLMENT_ENDPOINTS
        or not two_factor.must_enrol(current_user)
    ):
        return None
    if request.method != "GET":
        abort(403)
    flash(
        _("This site requires two-factor sign-in for editors and admins. Please turn it on first."), "warning"
    )
    return redirect(url_for("accounts.two_factor"))


@blueprint.route("/login", methods=["GET", "POST"])
@limiter.limit(per_ip_limit, methods=["POST"])
@limiter.limit(per_account_limit, key_func=submitted_account, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("admin.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = log_in(form.email.data, form.password.data, ip=request.remote_addr or "")
        target = safe_next(url_for("admin.dashboard"))
        if user is not None and user.has_two_factor:
            begin_second_step(user, target)
            return redirect(url_for("accounts.login_two_factor"))
        if user is not None:
            start_session(user)
            return redirect(target)
        form.form_errors.append(login_failed_message())
    return render_template("accounts/login.html", form=form), 400 if form.errors or form.form_errors else 200


@blueprint.route("/login/two-factor", methods=["GET", "POST"])
@limiter.limit(per_ip_limit, methods=["POST"])
@limiter.limit(per_account_limit, key_func=pending_account, methods=["POST"])
def login_two_factor():
    """The second login step: a code from the app or a recovery code."""
    user = pending_user()
    if user is None:
        flash(_("Please log in again."), "warning")
        return redirect(url_for("accounts.login"))
    form = CodeForm()
    if form.validate_on_submit():
        if two_factor.verify_login_code(user, form.code.data, ip=request.remote_addr or ""):
            target = pending_next() or url_for("admin.dashboard")
            start_session(user)
            return redirect(target)
        form.code.errors.append(_("The code is not correct."))
    return render_template("accounts/login_two_factor.html", form=form), 400 if form.errors else 200


@blueprint.post("/logout")
def logout():
    """Log out everywhere: every session of this user ends, copied cookies included."""
    if current_user.is_authenticated:
        log_out(current_user._get_current_object(), ip=request.remote_addr or "")
        end_session()
    flash(_("You have logged out."), "success")
    return redirect(url_for("accounts.login"))


@blueprint.route("/account/password", methods=["GET", "POST"])
@require("admin.access")
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            change_own_password(
                user,
                current_password=form.current_password.data,
                new_password=form.password.data,
                ip=request.remote_addr or "",
            )
        except InvalidInput as error:
            add_error(form, error)
            return render_template("accounts/change_password.html", form=form), 400
        start_session(user)
        flash(_("Your password has been changed. Your other sessions have ended."), "success")
        return redirect(url_for("admin.dashboard"))
    return render_template("accounts/change_password.html", form=form), 400 if form.errors else 200


@blueprint.get("/account/two-factor", endpoint="two_factor")
@require("admin.access")
def two_factor_page():
    if current_user.has_two_factor:
        return render_template(
            "accounts/two_factor.html",
            disable_form=PasswordConfirmForm(),
            unused_codes=unused_recovery_codes(current_user),
        )
    return render_enrolment(CodeForm())


def render_enrolment(form: CodeForm, status: int = 200):
    """The enrolment page: a secret kept in the session until a code confirms it."""
    secret = session.get(PENDING_SECRET) or two_factor.new_secret()
    session[PENDING_SECRET] = secret
    uri = two_factor.provisioning_uri(secret, email=current_user.email, issuer=get_site_settings().site_name)
    return render_template(
        "accounts/two_factor_enrol.html",
        form=form,
        qr_code=two_factor.qr_code_svg(uri),
        uri=uri,
        secret=two_factor.group_secret(secret),
    ), status


@blueprint.post("/account/two-factor/enable")
@require("admin.access")
def enable_two_factor():
    if current_user.has_two_factor:
        return redirect(url_for("accounts.two_factor"))
    form = CodeForm()
    if not form.validate_on_submit():
        return render_enrolment(form, 400)
    if PENDING_SECRET not in session:
        form.form_errors.append(_("The set-up has expired. Please scan the new QR code."))
        return render_enrolment(form, 400)
    try:
        codes = two_factor.enable_two_factor(
            current_user._get_current_object(), secret=session[PENDING_SECRET], code=form.code.data
        )
    except InvalidInput as error:
        add_error(form, error)
        return render_enrolment(form, 400)
    session.pop(PENDING_SECRET)
    flash(_("Two-factor sign-in is on."), "success")
    return render_template("accounts/recovery_codes.html", codes=codes)


@blueprint.post("/account/two-factor/disable")
@require("admin.access")
def disable_two_factor():
    if not current_user.has_two_factor:
        return redirect(url_for("accounts.two_factor"))
    form = PasswordConfirmForm()
    if form.validate_on_submit():
        try:
            two_factor.disable_two_factor(current_user._get_current_object(), password=form.password.data)
        except InvalidInput as error:
            add_error(form, error)
        else:
            flash(_("Two-factor sign-in is off."), "success")
            return redirect(url_for("accounts.two_factor"))
    return render_template(
        "accounts/two_factor.html",
        disable_form=form,
        unused_codes=unused_recovery_codes(current_user),
    ), 400
