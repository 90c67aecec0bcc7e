"""`flask backup …`: make, list, verify, restore and prune backups (app/backups/services.py)."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from app.backups.services import (
    BackupError,
    create_backup,
    list_backups,
    prune_backups,
    restore_backup,
    verify_backup,
)

backup_cli = AppGroup("backup", help="Online backups of the database and the media files.")


def fail(error: BackupError):
    click.echo(str(error), err=True)
    return click.exceptions.Exit(1)


def described(manifest: dict) -> str:
    files = manifest["files"]
    media = sum(1 for name in files if name.startswith("media/"))
    size = sum(entry["size"] for entry in files.values())
    rows = sum(manifest["database"]["tables"].values())
    return (
        f"{manifest['database']['engine']}, {len(manifest['database']['tables'])} bảng, {rows} dòng, "
        f"{media} tệp media, {size / 1e6:.1f} MB, lược đồ {manifest['schema_revision']}"
    )


@backup_cli.command("create")
@click.option("--to", "destination", type=click.Path(file_okay=False, path_type=Path), help="Parent folder.")
def create_command(destination: Path | None) -> None:
    """Back up the database and the media while the site keeps serving (default folder: BACKUP_DIR)."""
    try:
        folder, manifest = create_backup(destination)
    except BackupError as error:
        raise fail(error) from None
    click.echo(f"Đã sao lưu vào {folder}: {described(manifest)}.")


@backup_cli.command("verify")
@click.argument("path", type=click.Path(file_okay=False, path_type=Path))
def verify_command(path: Path) -> None:
    """Check every file of a backup against its manifest's sums."""
    try:
        manifest = verify_backup(path)
    except BackupError as error:
        raise fail(error) from None
    click.echo(
        f"Bản sao lưu nguyên vẹn: {len(manifest['files'])} tệp khớp tổng kiểm tra; {described(manifest)}."
    )


@backup_cli.command("restore")
@click.argument("path", type=click.Path(file_okay=False, path_type=Path))
def restore_command(path: Path) -> None:
    """Restore a verified backup into this EMPTY instance (DATABASE_URL, MEDIA_ROOT), then verify it."""
    try:
        manifest = restore_backup(path)
    except BackupError as error:
        raise fail(error) from None
    click.echo(f"Đã khôi phục và kiểm tra lại {len(manifest['files'])} tệp: {described(manifest)}.")
    click.echo("Chạy `flask db upgrade` nếu mã nguồn mới hơn bản sao lưu, rồi khởi động lại dịch vụ.")


@backup_cli.command("list")
def list_command() -> None:
    """The complete backups in BACKUP_DIR, newest first."""
    backups = list_backups()
    if not backups:
        click.echo(f"Chưa có bản sao lưu nào trong {current_app.config['BACKUP_DIR']}.")
    for folder, manifest in backups:
        click.echo(f"{folder.name}  {manifest['created_at']}  {described(manifest)}")


@backup_cli.command("prune")
@click.option(
    "--days", type=click.IntRange(min=1), help="Keep this many days (default BACKUP_RETENTION_DAYS)."
)
def prune_command(days: int | None) -> None:
    """Delete backups older than the retention period; the newest one is always kept."""
    deleted = prune_backups(days or current_app.config["BACKUP_RETENTION_DAYS"])
    click.echo(f"Đã xoá {len(deleted)} bản sao lưu cũ.")
