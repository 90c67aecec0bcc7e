"""`flask seed-demo` and `flask seed-bulk`: demo content for people, synthetic content for benchmarks."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from app.core.db import write_transaction
from app.demo.bulk import seed_bulk as insert_bulk
from app.demo.seed import seed_demo as load_demo
from app.demo.seed import seed_sections
from app.extensions import db
from app.sections.models import Section


@click.command("seed-demo")
@click.option(
    "--if-empty", is_flag=True, help="Do nothing when the site already has sections (first run only)."
)
@with_appcontext
def seed_demo(if_empty: bool) -> None:
    """Load the Vietnamese demo site; running it again adds only what is missing."""
    if if_empty and db.session.scalar(select(Section.id).limit(1)):
        click.echo("Dữ liệu đã có sẵn, bỏ qua bước tạo dữ liệu mẫu.")
        return
    instance = Path(current_app.instance_path)
    report = load_demo(instance)
    click.echo(f"Đã tạo {report.sections} chuyên mục và {report.articles} bài viết mẫu.")
    if report.users:
        click.echo("Tài khoản mẫu (mật khẩu chỉ hiện một lần, đã lưu vào instance/demo-credentials.txt):")
        for role, email, password in report.users:
            click.echo(f"  {role:<12} {email:<28} {password}")


@click.command("seed-bulk")
@click.option(
    "--articles", "count", type=click.IntRange(1, 5_000_000), required=True, help="How many articles."
)
@click.option("--seed", default=2026, show_default=True, help="Random seed, for repeatable corpora.")
@with_appcontext
def seed_bulk(count: int, seed: int) -> None:
    """Insert synthetic published articles for benchmarks."""
    if not db.session.scalar(select(Section.id).limit(1)):
        with write_transaction():
            seed_sections()
    with click.progressbar(length=count, label="Đang tạo bài viết") as bar:
        insert_bulk(count, seed=seed, progress=bar.update)
    click.echo(f"Đã tạo {count} bài viết.")
