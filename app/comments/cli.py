"""`flask comments …`: housekeeping for readers' personal data."""

import click
from flask.cli import AppGroup

from app.comments.personal_data import remove_expired_personal_data
from app.comments.policy import get_comment_policy

comments_cli = AppGroup("comments", help="Readers' comments and their personal data.")


@comments_cli.command("purge-personal-data")
def purge_personal_data_command() -> None:
    """Remove personal data older than the comment policy's retention period.

    Approved comments are anonymised (their text stays public as "Bạn đọc"); pending, rejected
    and spam comments older than the period are deleted. Meant to run once a day from cron or a
    systemd timer, e.g. `15 3 * * * cd /srv/bantin && .venv/bin/flask comments purge-personal-data`.
    """
    days = get_comment_policy().retention_days
    if days <= 0:
        click.echo("Thời hạn lưu trữ là 0 (giữ vĩnh viễn): không xoá dữ liệu cá nhân nào.")
        return
    count = remove_expired_personal_data()
    click.echo(f"Đã xoá dữ liệu cá nhân của {count} bình luận cũ hơn {days} ngày.")
