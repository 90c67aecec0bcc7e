"""Ingest a 24-megapixel camera-like JPEG through the image pipeline and print what it costs and saves.

Run with `make bench` (not part of the test suite). Uses a throwaway SQLite database and MEDIA_ROOT.
"""

import io
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from flask_migrate import upgrade
from PIL import Image

from app import create_app
from app.core.db import write_transaction
from app.media.services import add_uploaded_image

SIZE = (6000, 4000)


def camera_like_jpeg() -> bytes:
    """Detail at every scale (noise octaves: shapes, texture, grain), like a real photo.

    Plain per-pixel noise would vanish in the downscaled variants and flatter the savings.
    """
    channels = []
    for seed in (20, 40, 60):
        layer = Image.new("L", SIZE, 128)
        for divisor, weight in ((256, 0.5), (64, 0.4), (16, 0.3), (4, 0.25), (1, 0.12)):
            octave = Image.effect_noise((SIZE[0] // divisor, SIZE[1] // divisor), seed + divisor)
            layer = Image.blend(layer, octave.resize(SIZE, Image.Resampling.BICUBIC), weight)
        channels.append(layer)
    buffer = io.BytesIO()
    Image.merge("RGB", channels).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def kb(n: int) -> str:
    return f"{n / 1024:,.0f} KiB"


def main() -> None:
    data = camera_like_jpeg()
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.db",
                "MEDIA_ROOT": f"{tmp}/media",
            }
        )
        with app.app_context():
            upgrade()
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            tracemalloc.start()
            started = time.perf_counter()
            with write_transaction():
                media = add_uploaded_image(data, field="file", alt="bench", filename="camera.jpg")
            elapsed = time.perf_counter() - started
            _, traced_peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            root = Path(app.config["MEDIA_ROOT"])
            megapixels = SIZE[0] * SIZE[1] / 1e6
            print(f"media_ingest: {SIZE[0]}×{SIZE[1]} JPEG ({megapixels:.0f} MP) through add_uploaded_image")
            print(f"  wall time            {elapsed:.2f} s (original + {len(media.variants)} variants)")
            print(f"  peak memory          tracemalloc {traced_peak / 2**20:.1f} MiB (Python objects only)")
            print(f"{'':23}ru_maxrss {rss_after / 1024:.0f} MiB (before: {rss_before / 1024:.0f})")
            sizes(data, media, root)


def sizes(data: bytes, media, root: Path) -> None:
    upload = len(data)
    print(f"  upload               {kb(upload):>12}")
    print(f"  kept original        {kb((root / media.original_key).stat().st_size):>12}  (private)")
    for variant in sorted(media.variants, key=lambda v: (bool(v.get("crop")), v["width"], v["format"])):
        size = (root / variant["key"]).stat().st_size
        label = f"{variant['width']}×{variant['height']} {variant['format']}"
        if variant.get("crop"):
            label += f" (crop {variant['crop']})"
        print(f"  {label:<28}{kb(size):>12}  {size / upload:6.1%} of the upload")
    whole = [v for v in media.variants if not v.get("crop")]
    webp_640 = next(v for v in whole if v["format"] == "webp" and v["width"] == 640)
    saved = upload - (root / webp_640["key"]).stat().st_size
    print(f"  saved per view by the 640-px WebP instead of the upload: {kb(saved)} ({saved / upload:.1%})")


if __name__ == "__main__":
    main()
