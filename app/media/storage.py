"""Where media bytes live: content-addressed files under MEDIA_ROOT, written atomically.

One class so an object-storage backend can replace it later without touching callers.
"""

import os
import re
import tempfile
from pathlib import Path

from flask import current_app

_KEY = re.compile(r"^[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}(-[0-9a-z]+)?\.[a-z0-9]{2,5}$")


class LocalStorage:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def path(self, key: str) -> Path:
        if not _KEY.match(key):
            raise ValueError(f"not a media key: {key!r}")
        return self.root / key

    def exists(self, key: str) -> bool:
        return self.path(key).exists()

    def write(self, key: str, data: bytes) -> None:
        """Write to a temp file in the same folder, fsync, then rename: readers never see half a file."""
        target = self.path(key)
        if target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise


def media_key(sha256: str, suffix: str, extension: str) -> str:
    """`ab/cd/<sha256><suffix>.<ext>`: two fan-out levels keep folders small."""
    return f"{sha256[:2]}/{sha256[2:4]}/{sha256}{suffix}.{extension}"


def get_storage() -> LocalStorage:
    return LocalStorage(current_app.config["MEDIA_ROOT"])
