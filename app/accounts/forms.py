"""Forms for signing in, managing one's own account, and the users admin."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from app.accounts.models import Role

TOO_LONG = _l("This is too long.")
ROLE_LABELS = {
    Role.CONTRIBUTOR: _l("Contributor"),
    Role.EDITOR: _l("Editor"),
    Role.ADMIN: _l("Admin"),
}


def _password(label, message, autocomplete="current-password"):
    return PasswordField(
        label,
        validators=[DataRequired(message=message), Length(max=1024, message=TOO_LONG)],
        render_kw={"autocomplete": autocomplete},
    )


def _role_field():
    """Choices are checked by the service (WTForms' own message has no Vietnamese translation)."""
    return SelectField(
        _l("Role"),
        choices=[SelectChoice(role.value, label) for role, label in ROLE_LABELS.items()],
        validate_choice=False,
    )


class LoginForm(FlaskForm):
    email = EmailField(
        _l("Email"),
        validators=[DataRequired(message=_l("Please enter your email.")), Length(max=254, message=TOO_LONG)],
    )
    password = _password(_l("Password"), _l("Please enter your password."))


class CodeForm(FlaskForm):
    """A six-digit code from the authenticator app (or, at login, a recovery code)."""

    code = StringField(
        _l("Code"),
        validators=[DataRequired(message=_l("Please enter the code.")), Length(max=64, message=TOO_LONG)],
        render_kw={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"},
    )


class PasswordConfirmForm(FlaskForm):
    password = _password(_l("Your password"), _l("Please enter your password."))


class ChangePasswordForm(FlaskForm):
    current_password = _password(_l("Current password"), _l("Please enter your current password."))
    password = PasswordField(
        _l("New password"),
        validators=[
            DataRequired(message=_l("Please enter a new password.")),
            Length(max=1024, message=TOO_LONG),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    password_confirm = PasswordField(
        _l("New password again"),
        validators=[
            DataRequired(message=_l("Please enter the new password again.")),
            EqualTo("password", message=_l("The two new passwords do not match.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )


class UserCreateForm(FlaskForm):
    full_name = StringField(
        _l("Full name"),
        validators=[DataRequired(message=_l("Please enter a full name.")), Length(max=120, message=TOO_LONG)],
    )
    email = EmailField(
        _l("Email"),
        validators=[DataRequired(message=_l("Please enter an email.")), Length(max=254, message=TOO_LONG)],
    )
    role = _role_field()
    password = PasswordField(
        _l("Initial password"),
        validators=[DataRequired(message=_l("Please enter a password.")), Length(max=1024, message=TOO_LONG)],
        render_kw={"autocomplete": "new-password"},
    )


class RoleForm(FlaskForm):
    role = _role_field()


class ResetPasswordForm(FlaskForm):
    password = PasswordField(
        _l("New password"),
        validators=[
            DataRequired(message=_l("Please enter a new password.")),
            Length(max=1024, message=TOO_LONG),
        ],
        render_kw={"autocomplete": "new-password"},
    )


class ButtonForm(FlaskForm):
    """A button that changes something: only the CSRF token."""
