"""`flask check-deploy`: every setting that is unsafe in production, like Django's `check --deploy`."""

import math
import os
import runpy
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.engine import make_url

from app.backups.services import list_backups
from app.config import FALSE_WORDS

ROOT = Path(__file__).resolve().parents[2]
SEVERITIES = {"critical": "NGHIÊM TRỌNG", "error": "LỖI", "warning": "CẢNH BÁO"}
# Defaults from tutorials and examples, and the keys our own tests and servers use.
KNOWN_SECRETS = frozenset(
    {
        "dev",
        "development",
        "secret",
        "secret-key",
        "secretkey",
        "change-me",
        "changeme",
        "change_me",
        "please-change-me",
        "your-secret-key",
        "default",
        "test",
        "test-secret-key",
        "served-test",
        "x",
    }
)
MIN_SECRET_LENGTH = 32
# Filesystems whose locks SQLite cannot rely on: the database can be corrupted (sqlite.org/useovernet.html).
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smbfs",
        "smb3",
        "ncpfs",
        "sshfs",
        "fuse.sshfs",
        "9p",
        "glusterfs",
        "fuse.glusterfs",
        "ceph",
        "fuse.ceph",
        "cephfs",
        "afs",
        "lustre",
        "davfs",
        "fuse.davfs",
        "fuse.rclone",
        "fuse.s3fs",
        "gpfs",
        "ocfs2",
        "gfs2",
    }
)
SIMPLE_CACHES = frozenset({"SimpleCache", "simple", "flask_caching.backends.SimpleCache"})


@dataclass(frozen=True)
class Problem:
    severity: str
    setting: str
    message: str

    def __str__(self) -> str:
        return f"[{SEVERITIES[self.severity]}] {self.setting}: {self.message}"


@dataclass(frozen=True)
class Surroundings:
    """What the checks read besides the config, injectable for the tests."""

    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    mounts: Path = Path("/proc/mounts")
    now: datetime = field(default_factory=lambda: datetime.now(UTC))


def find_problems(config: Mapping, around: Surroundings | None = None) -> list[Problem]:
    around = around or Surroundings()
    checks = (
        debug,
        testing,
        secret_key,
        https,
        protections,
        shared_state,
        sqlite_filesystem,
        media_root,
        backups,
    )
    return [problem for check in checks for problem in check(config, around)]


def debug(config: Mapping, around: Surroundings) -> Iterator[Problem]:
    flag = around.environ.get("FLASK_DEBUG", "").strip().lower()
    if config.get("DEBUG") or (flag and flag not in FALSE_WORDS):
        yield Problem(
            "critical",
            "DEBUG / FLASK_DEBUG",
            "chế độ gỡ lỗi đang bật: lỗi hiện mã nguồn và trình gỡ lỗi chạy được mã tuỳ ý. "
            "Bỏ FLASK_DEBUG khỏi môi trường và DEBUG khỏi instance/config.py.",
        )


def testing(config: Mapping, around: Surroundings) -> Iterator[Problem]:
    if config.get("TESTING"):
        yield Problem(
            "error",
            "TESTING",
            "chế độ kiểm thử đang bật: lỗi không được xử lý như production. Đặt TESTING = False.",
        )


def secret_key(config: Mapping, around: Surroundings) -> Iterator[Problem]:
    key = config.get("SECRET_KEY") or ""
    key = key.decode("latin-1") if isinstance(key, bytes) else str(key)
    if key.strip().lower() in KNOWN_SECRETS:
        reason = "là một giá trị mặc định ai cũng biết"
    elif len(key) < MIN_SECRET_LENGTH:
        reason = f"chỉ dài {len(key)} ký tự (cần ít nhất {MIN_SECRET_LENGTH})"
    elif low_entropy(key):
        reason = "quá dễ đoán (lặp lại, ít ký tự khác nhau)"
    else:
        return
    yield Problem(
        "critical",
        "SECRET_KEY",
        f"khoá bí mật {reason}: ai biết nó giả được phiên đăng nhập. Bỏ SECRET_KEY để dùng tệp "
        "instance/secret_key tự sinh, hoặc đặt SECRET_KEY bằng kết quả của "
        "python -c 'import secrets; print(secrets.token_hex(32))'.",
    )


def low_entropy(key: str) -> bool:
    """Few bits per character, or a pattern that compresses well: typed by a person, not generated. A random
    hex key of 32 characters measures at least 2.8 bits per character and does not compress."""
    counts = Counter(key)
    bits = -sum(n / len(key) * math.log2(n / len(key)) for n in counts.values())
    return bits < 2.5 or len(zlib.compress(key.encode())) < 0.75 * len(key)


def https(config: Mapping, around: Surroundings) -> Iterator[Problem]:
    if config.get("PREFERRED_URL_SCHEME") != "https":
        yield Problem(
            "warning",
            "PREFERRED_URL_SCHEME",
            f"là {config.get('PREFERRED_URL_SCHEME')!r}: liên kết tuyệt đối (RSS, sitemap, thư) dùng http. "
            'Đặt PREFERRED_URL_SCHEME = "https" và phục vụ trang qua HTTPS.',
        )
    elif config.get("HTTPS_REDIRECT", True) and not config.get("PROXY_FIX_X_FOR"):
        yield Problem(
            "warning",
            "PROXY_FIX_X_FOR",
            "là 0 trong khi trang chạy HTTPS: sau nginx mọi yêu cầu trông như http, nên chuyển hướng sang "
            "HTTPS lặp vô tận và địa chỉ bạn đọc là của nginx. Đặt PROXY_FIX_X_FOR=1 "
            "(bỏ qua nếu chính gunicorn giữ chứng chỉ TLS).",
        )
    if not config.get("SESSION_COOKIE_SECURE"):
        yield Problem(
            "error",
            "SESSION_COOKIE_SECURE",
            "đang tắt: cookie phiên có thể bị gửi qua HTTP không mã hoá. Đặt SESSION_COOKIE_SECURE = True.",
        )


def protections(config: Mapping, around: Surroundings) -> Iterator[Problem]:
    if config.get("WTF_CSRF_ENABLED") is False:
        yield Problem("critical", "WTF_CSRF_ENABLED", "chống giả mạo yêu cầu (CSRF) đang tắt. Bỏ dòng này.")
    if config.get("RATELIMIT_ENABLED") is False:
        yield Problem(
            "error",
            "RATELIMIT_ENABLED",
            "giới hạn tần suất (đăng nhập, bình luận, API) đang tắt. Bỏ dòng này.",
        )


def shared_state(config: Mapping, around: Surroundings) -> Iterator[Problem]:
    """State kept in each worker's memory is not shared: with several workers a limit is N times looser."""
    workers = worker_count(around.environ)
    if workers < 2:
        return
    if str(config.get("RATELIMIT_STORAGE_URI", "")).startswith("memory://"):
        yield Problem(
            "error",
            "RATELIMIT_STORAGE_URI",
            f"giới hạn tần suất lưu trong bộ nhớ của từng worker ({workers} worker): kẻ tấn công được thử "
            f"gấp {workers} lần và bộ đếm mất khi khởi động lại. Đặt REDIS_URL (ví dụ redis://127.0.0.1:6379/0).",
        )
    if config.get("CACHE_TYPE") in SIMPLE_CACHES:
        yield Problem(
            "warning",
            "CACHE_TYPE",
            f"SimpleCache giữ một bản cache riêng trong mỗi worker ({workers} worker): "
            f"tốn bộ nhớ gấp {workers} lần và mỗi worker tự dựng lại trang. "
            "Đặt REDIS_URL để các worker dùng chung Redis.",
        )


def worker_count(environ: Mapping[str, str]) -> int:
    """How many workers `gunicorn -c gunicorn.conf.py` starts: WORKERS, WEB_CONCURRENCY, else its default."""
    for name in ("WORKERS", "WEB_CONCURRENCY"):
        value = environ.get(name, "").strip()
        if value.isdigit():
            return int(value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))["default_workers"]()


def sqlite_filesystem(config: Mapping, around: Surroundings) -> Iterator[Problem]:
    url = make_url(config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return
    path = os.path.realpath(url.database)
    kind, mount_point = filesystem_of(path, around.mounts)
    if kind in NETWORK_FILESYSTEMS:
        yield Problem(
            "critical",
            "SQLALCHEMY_DATABASE_URI",
            f"cơ sở dữ liệu SQLite {path} nằm trên hệ thống tệp mạng {kind} ({mount_point}): khoá tệp "
            "không tin cậy, dữ liệu có thể hỏng. Chuyển tệp sang đĩa cục bộ "
            "hoặc dùng PostgreSQL (DATABASE_URL).",
        )


def filesystem_of(path: str, mounts: Path) -> tuple[str | None, str | None]:
    """(type, mount point) of the deepest mount holding `path`, from a /proc/mounts-style file."""
    best = (None, None)
    try:
        lines = mounts.read_text().splitlines()
    except OSError:
        return best
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].encode().decode("unicode_escape")  # "\040" is a space in a mount point
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and (best[1] is None or len(point) >= len(best[1])):
            best = (fields[2], point)
    return best


def media_root(config: Mapping, around: Surroundings) -> Iterator[Problem]:
    """Try what an upload does: create the folder if needed and write a file in it."""
    root = Path(config["MEDIA_ROOT"])
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=root):
            pass
    except OSError as error:
        yield Problem(
            "error",
            "MEDIA_ROOT",
            f"không ghi được vào {root} ({error.strerror}): ảnh và video tải lên sẽ lỗi. Tạo thư mục và cấp "
            "quyền ghi cho người dùng chạy dịch vụ (chạy lệnh này bằng chính người dùng đó).",
        )


def backups(config: Mapping, around: Surroundings) -> Iterator[Problem]:
    folder, days = config["BACKUP_DIR"], config["BACKUP_MAX_AGE_DAYS"]
    found = list_backups(folder)
    fix = "Chạy `flask backup create` theo lịch (deploy/systemd/bantin-backup.timer)."
    if not found:
        yield Problem("warning", "BACKUP_DIR", f"chưa có bản sao lưu hoàn chỉnh nào trong {folder}. {fix}")
        return
    newest = datetime.fromisoformat(found[0][1]["created_at"])
    if newest < around.now - timedelta(days=days):
        yield Problem(
            "warning",
            "BACKUP_MAX_AGE_DAYS",
            f"bản sao lưu mới nhất trong {folder} có từ {newest:%d/%m/%Y %H:%M} UTC, "
            f"cũ hơn {days} ngày. {fix}",
        )


def summary(problems: list[Problem]) -> str:
    if not problems:
        return "Không phát hiện vấn đề nào: cấu hình sẵn sàng cho production."
    counts = Counter(problem.severity for problem in problems)
    parts = ", ".join(f"{counts[s]} {label.lower()}" for s, label in SEVERITIES.items() if counts[s])
    return f"Tổng cộng {len(problems)} vấn đề ({parts})."


@click.command("check-deploy")
@click.option(
    "--mounts", type=click.Path(dir_okay=False, path_type=Path), default="/proc/mounts", hidden=True
)
@with_appcontext
def check_deploy(mounts: Path) -> None:
    """List every setting unsafe in production; exit 1 if there is one (run it as the service's user)."""
    problems = find_problems(current_app.config, Surroundings(mounts=mounts))
    for problem in problems:
        click.echo(str(problem))
    click.echo(summary(problems))
    if problems:
        raise click.exceptions.Exit(1)
