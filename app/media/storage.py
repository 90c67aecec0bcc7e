"""Where media bytes live: content-addressed files under MEDIA_ROOT, written atomically.

One class with a small interface (write, exists, open, path, delete) so an object-storage backend
can replace it later without touching callers. Keys under `private/` (the kept originals) are
stored like the others but never served.
"""

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from flask import current_app

PRIVATE_PREFIX = "private/"
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
        """Write to a temp file in the same folder, fsync, then rename: readers never see half a file.

        Returns False when the key already existed (content-addressed: same key, same bytes).
        """
        target = self.path(key)
        if target.exists():
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=TEMP_PREFIX)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return True

    def write_stream(self, chunks: Iterable[bytes], extension: str) -> tuple[str, str, int]:
        """Stream chunks to a temp file while hashing, then rename it to its content key.

        For large files (video) that must never be held in memory. Returns (key, sha256, size);
        an existing file with the same content is kept and the temp file dropped.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=TEMP_PREFIX)
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
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return key, digest.hexdigest(), size

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)


def media_key(sha256: str, suffix: str, extension: str, *, private: bool = False) -> str:
    """`ab/cd/<sha256><suffix>.<ext>`: two fan-out levels keep folders small."""
    prefix = PRIVATE_PREFIX if private else ""
    return f"{prefix}{sha256[:2]}/{sha256[2:4]}/{sha256}{suffix}.{extension}"


def get_storage() -> LocalStorage:
    return LocalStorage(current_app.config["MEDIA_ROOT"])
