"""What every form in the back office shares."""

from flask_wtf import FlaskForm

from app.core.errors import InvalidInput


def add_error(form: FlaskForm, error: InvalidInput) -> None:
    """Put a service's message next to its field, or above the form when no field matches."""
    field = form[error.field] if error.field and error.field in form else None
    if field is None:
        form.form_errors.append(error.message)
    else:
        field.errors = [*field.errors, error.message]
