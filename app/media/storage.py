"""Where media bytes live: content-addressed files under MEDIA_ROOT, written atomically.

One class with a small interface (write, exists, open, path, delete) so an object-storage backend
can replace it later without touching callers. Keys under `private/` (the kept originals) are
stored like the others but never served.

Crash safety: bytes go to a temp file in MEDIA_ROOT/.tmp (same filesystem, so the rename is atomic),
are fsynced, renamed into place, and the folder entry fsynced, all before the caller commits the row.
A process killed mid-write leaves only a temp file, which the next start sweeps once it is older than
MEDIA_TEMP_GRACE_SECONDS; a kill between the files and the commit leaves files no row names: harmless,
content-addressed bytes that the same upload reuses when it comes again.
"""

import hashlib
import os
import re
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from flask import Flask, current_app

PRIVATE_PREFIX = "private/"
TEMP_FOLDER = ".tmp"
TEMP_PREFIX = ".upload-"
_KEY = re.compile(r"^(private/)?[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}(-[0-9a-z-]{1,40})?\.[a-z0-9]{2,5}$")


def is_public(key: str) -> bool:
    return not key.startswith(PRIVATE_PREFIX)


class LocalStorage:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def path(self, key: str) -> Path:
        """The file for a well-formed key; anything else (`../`, absolute, NUL, too long) is a ValueError."""
        if len(key) > 200 or not _KEY.fullmatch(key):
            raise ValueError(f"not a media key: {key[:80]!r}")
        return self.root / key

    def exists(self, key: str) -> bool:
        return self.path(key).is_file()

    def open(self, key: str) -> BinaryIO:
        return self.path(key).open("rb")

    def write(self, key: str, data: bytes) -> bool:
        """Write to a temp file, fsync, then rename: readers never see half a file, nor does a crash.

        Returns False when the key already existed (content-addressed: same key, same bytes).
        """
        target = self.path(key)
        if target.exists():
            return False
        fd, tmp_name = self._temp_file()
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            self._move_into_place(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return True

    def write_stream(self, chunks: Iterable[bytes], extension: str) -> tuple[str, str, int]:
        """Stream chunks to a temp file while hashing, then rename it to its content key.

        For large files (video) that must never be held in memory. Returns (key, sha256, size);
        an existing file with the same content is kept and the temp file dropped.
        """
        fd, tmp_name = self._temp_file()
        digest, size = hashlib.sha256(), 0
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in chunks:
                    digest.update(chunk)
                    size += len(chunk)
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            key = media_key(digest.hexdigest(), "", extension)
            target = self.path(key)
            if target.exists():
                Path(tmp_name).unlink()
            else:
                self._move_into_place(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return key, digest.hexdigest(), size

    def sweep_temp_files(self, grace_seconds: float) -> int:
        """Delete temp files left by writers killed mid-write; returns how many.

        Only files untouched for `grace_seconds`: another worker's upload in flight stays.
        """
        folder = self.root / TEMP_FOLDER
        if not folder.is_dir():
            return 0
        cutoff, swept = time.time() - grace_seconds, 0
        for entry in os.scandir(folder):
            try:
                if entry.name.startswith(TEMP_PREFIX) and entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)
                    swept += 1
            except FileNotFoundError:
                continue  # another worker starting at the same moment took it
        return swept

    def _temp_file(self) -> tuple[int, str]:
        folder = self.root / TEMP_FOLDER
        if not folder.is_dir():
            _make_folders(folder)
        return tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX)

    def _move_into_place(self, tmp_name: str, target: Path) -> None:
        """Rename the finished temp file to its key and make the new name itself survive a power cut."""
        if not target.parent.is_dir():
            _make_folders(target.parent)
        os.replace(tmp_name, target)
        sync_folder(target.parent)

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)


def media_key(sha256: str, suffix: str, extension: str, *, private: bool = False) -> str:
    """`ab/cd/<sha256><suffix>.<ext>`: two fan-out levels keep folders small."""
    prefix = PRIVATE_PREFIX if private else ""
    return f"{prefix}{sha256[:2]}/{sha256[2:4]}/{sha256}{suffix}.{extension}"


def get_storage() -> LocalStorage:
    return LocalStorage(current_app.config["MEDIA_ROOT"])


def sweep_at_start(app: Flask) -> None:
    """Called by create_app: each process that starts (worker, CLI) clears what a killed one left."""
    storage = LocalStorage(app.config["MEDIA_ROOT"])
    try:
        swept = storage.sweep_temp_files(app.config["MEDIA_TEMP_GRACE_SECONDS"])
    except OSError as error:  # an unreadable media folder must not stop the site from starting
        app.logger.warning("media: temp sweep skipped: %s", error)
        return
    if swept:
        app.logger.warning("media: removed %d unfinished upload file(s) left by a killed process", swept)


def _make_folders(folder: Path) -> None:
    """mkdir -p, fsyncing each new folder's parent so the folder outlives a power cut too."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir(exist_ok=True)
        sync_folder(new.parent)


def sync_folder(folder: Path) -> None:
    """Make a new name inside `folder` (a rename, a new subfolder) survive a power cut."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
