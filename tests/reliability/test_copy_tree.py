"""Copying media for a backup or a restore: unfinished uploads are not copied, and the copy's own
unfinished files live only in `.tmp/`, where the startup sweep removes what a killed restore left."""

import os
import time

from app.backups import services
from app.media.storage import LocalStorage

CONTENT = "ab/cd/" + "ab" * 32 + "-320.webp"


def media_folder(root):
    (root / "ab" / "cd").mkdir(parents=True)
    (root / CONTENT).write_bytes(b"webp bytes")
    (root / ".tmp").mkdir()
    (root / ".tmp" / ".upload-in-flight").write_bytes(b"half an upload")
    (root / "ab" / "cd" / ".upload-old").write_bytes(b"a temp file beside its target (older versions)")
    return root


def files_under(root):
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def test_a_copy_leaves_out_uploads_in_flight_and_no_temp_folder(tmp_path, figures):
    source, target = media_folder(tmp_path / "media"), tmp_path / "backup" / "media"

    copied = services.copy_tree(source, target)

    line = (
        f"copy_tree: {copied} file copied of {len(files_under(source))} under the media folder (2 unfinished)"
    )
    print(line)
    figures(line)
    assert copied == 1
    assert files_under(target) == [CONTENT]
    assert not (target / ".tmp").exists()


def test_a_restore_writes_its_partial_files_only_where_the_startup_sweep_looks(tmp_path, monkeypatch):
    source, target = media_folder(tmp_path / "backup"), tmp_path / "media"
    real_copy, partials = services.shutil.copyfile, []

    def recording_copy(src, dst):
        partials.append(dst)
        return real_copy(src, dst)

    monkeypatch.setattr(services.shutil, "copyfile", recording_copy)
    services.copy_tree(source, target)

    assert [os.path.dirname(name) for name in partials] == [str(target / ".tmp")]
    assert all(os.path.basename(name).startswith(".upload-") for name in partials)
    # What a restore killed mid-copy leaves there (its folder too: a finished copy removes it when empty)
    # goes at the next start, once past the grace period.
    left = target / ".tmp" / os.path.basename(partials[0])
    left.parent.mkdir()
    left.write_bytes(b"half a photo")
    os.utime(left, (time.time() - 3600, time.time() - 3600))
    assert LocalStorage(target).sweep_temp_files(grace_seconds=60) == 1
    assert files_under(target) == [CONTENT]
