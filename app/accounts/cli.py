"""`flask users create`: make a staff account from the command line."""

import sys

import click
from flask.cli import AppGroup

from app.accounts.models import Role
from app.accounts.services import create_user
from app.core.errors import InvalidInput

users_cli = AppGroup("users", help="Manage staff accounts.")


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--name", "full_name", required=True)
@click.option("--role", type=click.Choice([role.value for role in Role]), required=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create_command(email: str, full_name: str, role: str, password_stdin: bool) -> None:
    """Create an account; the password is prompted (twice) or read from stdin."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Mật khẩu", hide_input=True, confirmation_prompt="Nhập lại mật khẩu")
    try:
        user = create_user(email=email, full_name=full_name, role=role, password=password, actor=None)
    except InvalidInput as error:
        raise click.ClickException(error.message) from None
    click.echo(f"Đã tạo tài khoản {user.email} ({user.role.value}).")
