"""Crash safety of media uploads: workers and the whole server are SIGKILLed at random moments while
an editor uploads large photos; after a restart no file is half-written, no row names a missing file,
every upload the server acknowledged is intact, and the temp files of killed writes are swept."""

import json
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from hashlib import sha256
from pathlib import Path

import pytest
import requests
from PIL import Image

from app.config import Defaults
from app.media.storage import LocalStorage
from tests.reliability.live_site import Server, logged_in, page_csrf, photo, seed_site
from tests.servers import ROOT

UPLOADS = 50
UPLOADERS = 2  # both workers busy, so a kill lands inside an upload
WORKER_KILLS = 7  # each kills both workers
SERVER_KILLS = 3  # each costs a full restart, the slowest part of the run
MAX_ATTEMPTS = 6
GRACE_SECONDS = Defaults.MEDIA_TEMP_GRACE_SECONDS  # the product default, which the server runs with


class Uploads:
    """The editor's side: each photo is sent until the server acknowledges it (as a person retries)."""

    def __init__(self, server: Server, email: str):
        self.server = server
        self.email = email
        self.acknowledged: dict[str, int] = {}  # sha256 of the bytes sent → media id in the answer
        self.attempts = self.interrupted = self.server_errors = 0
        self.lock = threading.Lock()
        self.done = threading.Event()

    def send_all(self, numbers: range) -> None:
        session, token = self.sign_in()
        for number in numbers:
            data = photo(number)
            for _ in range(MAX_ATTEMPTS):
                with self.lock:
                    self.attempts += 1
                try:
                    response = session.post(
                        f"{self.server.url}/admin/media/upload",
                        data={"csrf_token": token},
                        files={"file": (f"anh-{number}.png", data, "image/png")},
                        headers={"Accept": "application/json"},
                        timeout=60,
                    )
                except requests.ConnectionError:
                    with self.lock:
                        self.interrupted += 1
                    session, token = self.sign_in()
                    continue
                if response.status_code == 200:
                    with self.lock:
                        self.acknowledged[sha256(data).hexdigest()] = response.json()["results"][0]["id"]
                    break
                with self.lock:
                    self.server_errors += response.status_code >= 500
                assert response.status_code >= 500, (response.status_code, response.text[:300])

    def sign_in(self) -> tuple[requests.Session, str]:
        """Log in again once the server answers (it may be restarting)."""
        deadline = time.monotonic() + 60
        while True:
            try:
                session = logged_in(self.server, self.email)
                return session, page_csrf(session, f"{self.server.url}/admin/media/")
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)


def kill_at_random(server: Server, uploads: Uploads, chooser: random.Random) -> dict:
    """SIGKILL every worker (the master forks new ones) or the whole server (then start it again) at
    random moments while the uploads run."""
    schedule = ["server"] * SERVER_KILLS + ["workers"] * WORKER_KILLS
    chooser.shuffle(schedule)
    kills = {"workers": 0, "server": 0}
    for target in schedule:
        if uploads.done.wait(chooser.uniform(0.5, 2.5)):
            break
        if target == "server":
            server.kill_all()
            kills["server"] += 1
            server.start()
        else:
            kills["workers"] += server.kill_workers()
    return kills


def media_rows(database: Path) -> list[tuple[int, str, str, list]]:
    with sqlite3.connect(database, timeout=30) as connection:
        rows = connection.execute("SELECT id, sha256, original_key, variants FROM media").fetchall()
    return [(id_, digest, original, json.loads(variants)) for id_, digest, original, variants in rows]


def whole_image(path: Path) -> tuple[int, int] | None:
    """The image's size if every byte of it decodes; None for a partial or corrupt file."""
    try:
        with Image.open(path) as image:
            image.load()
            return image.size
    except OSError:
        return None


def temp_files(media_root: Path) -> list[Path]:
    return sorted((media_root / ".tmp").glob(".upload-*"))


@pytest.mark.reliability
def test_killed_uploads_leave_no_partial_file_no_dangling_row_and_temp_files_are_swept(tmp_path, figures):
    site = seed_site(tmp_path)
    seed = int(os.environ.get("CRASH_SEED") or time.time())
    server = Server(site)
    server.start()
    try:
        uploads = Uploads(server, site.editors[0])
        started = time.monotonic()
        with ThreadPoolExecutor(UPLOADERS + 1) as pool:
            killer = pool.submit(kill_at_random, server, uploads, random.Random(seed))
            senders = [pool.submit(uploads.send_all, range(n, UPLOADS, UPLOADERS)) for n in range(UPLOADERS)]
            try:
                for sender in senders:
                    sender.result()
            finally:
                uploads.done.set()
            kills = killer.result()
        server.kill_all()  # the last crash: nothing is shut down cleanly
        seconds = time.monotonic() - started

        # The restart comes after the grace period (backdated here rather than waited for). One partial
        # file like a kill mid-write leaves is planted, so the sweep is proven even on a run where no
        # kill happened to land inside a write.
        planted = site.media_root / ".tmp" / ".upload-planted"
        planted.write_bytes(photo(-1)[:100_000])
        left_by_kills = len(temp_files(site.media_root)) - 1
        young = site.media_root / ".tmp" / ".upload-in-flight"
        young.write_bytes(b"an upload another worker is writing right now")
        for path in temp_files(site.media_root):
            if path != young:
                old = time.time() - GRACE_SECONDS - 60
                os.utime(path, (old, old))
        server.start()
    finally:
        server.stop()

    remaining = temp_files(site.media_root)
    storage = LocalStorage(site.media_root)
    rows = media_rows(site.database)
    named = {key for _, _, original, variants in rows for key in [original, *(v["key"] for v in variants)]}
    files = [p for p in site.media_root.rglob("*") if p.is_file() and ".tmp" not in p.parts]
    partial = [p for p in files if whole_image(p) is None]
    dangling = [key for key in named if not storage.exists(key)]
    wrong_size = [
        v["key"]
        for _, _, _, variants in rows
        for v in variants
        if storage.exists(v["key"]) and whole_image(storage.path(v["key"])) != (v["width"], v["height"])
    ]
    stored = {digest: id_ for id_, digest, _, _ in rows}
    lost = {digest for digest in uploads.acknowledged if digest not in stored}
    orphans = [p for p in files if str(p.relative_to(site.media_root)) not in named]
    figures(
        f"crash safety: {UPLOADS} uploads in {uploads.attempts} attempts ({uploads.interrupted} cut by a "
        f"kill, {uploads.server_errors} 5xx), {kills['workers']} workers + {kills['server']} whole-server "
        f"SIGKILLs (seed {seed}), {len(files)} files checked, {len(partial)} partial, {len(dangling)} rows "
        f"pointing at missing files, {len(lost)} acknowledged uploads lost, {left_by_kills} temp files left "
        f"by kills + 1 planted swept at restart, {len(orphans)} orphan files (no row; harmless), "
        f"{seconds:.0f} s"
    )

    assert kills["workers"] + kills["server"] > 0
    assert len(uploads.acknowledged) == UPLOADS  # every photo got in eventually
    assert not partial, partial
    assert not dangling and not wrong_size, (dangling, wrong_size)
    assert not lost, lost
    assert all(stored[digest] == media_id for digest, media_id in uploads.acknowledged.items())
    assert remaining == [young]  # stale temp files swept; a write still in flight left alone
    assert "unfinished upload file" in server.log_text()


@pytest.mark.parametrize("age", [GRACE_SECONDS + 1, GRACE_SECONDS - 60])
def test_the_sweep_removes_only_temp_files_older_than_the_grace_period(tmp_path, age):
    storage = LocalStorage(tmp_path)
    key = "ab/cd/" + "ab" * 32 + ".jpg"
    storage.write(key, b"stored")
    temp = tmp_path / ".tmp" / ".upload-x1"
    temp.write_bytes(b"half a fi")
    os.utime(temp, (time.time() - age, time.time() - age))

    swept = storage.sweep_temp_files(GRACE_SECONDS)

    assert swept == (1 if age > GRACE_SECONDS else 0)
    assert temp.exists() is (age < GRACE_SECONDS)
    assert storage.exists(key)


ENDLESS_WRITER = """
import sys, time
from app.config import Defaults
from app.media.storage import LocalStorage

def endless():
    while True:
        yield b"x" * 65536
        time.sleep(0.001)

LocalStorage(sys.argv[1]).write_stream(endless(), "mp4")
"""


def test_a_writer_killed_mid_file_leaves_only_a_temp_file_which_the_sweep_removes(tmp_path):
    writer = subprocess.Popen([sys.executable, "-c", ENDLESS_WRITER, str(tmp_path)], cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while not any(path.stat().st_size > 1_000_000 for path in temp_files(tmp_path)):
            assert time.monotonic() < deadline and writer.poll() is None
            time.sleep(0.05)
    finally:
        writer.kill()
        writer.wait()

    left = temp_files(tmp_path)
    assert len(left) == 1
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == left  # nothing under a media key
    assert LocalStorage(tmp_path).sweep_temp_files(GRACE_SECONDS) == 0  # might still be someone's upload
    old = time.time() - GRACE_SECONDS - 1
    os.utime(left[0], (old, old))
    assert LocalStorage(tmp_path).sweep_temp_files(GRACE_SECONDS) == 1
    assert not temp_files(tmp_path)
