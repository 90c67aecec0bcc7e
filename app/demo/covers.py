"""Cover pictures drawn with Pillow for the demo: landscapes of sky, sea, hills and town."""

import io
import random

from PIL import Image, ImageDraw

PALETTES = {
    "news": ((24, 78, 140), (250, 190, 120)),
    "column": ((120, 24, 30), (245, 205, 150)),
    "exemplary": ((150, 90, 10), (255, 230, 160)),
    "photo": ((20, 110, 120), (250, 220, 190)),
    "video": ((40, 40, 70), (240, 150, 120)),
}


def draw_cover(seed: int, kind: str = "news", size: tuple[int, int] = (1200, 675)) -> bytes:
    """A deterministic JPEG for `seed`: the same seed gives the same bytes, so re-seeding dedupes."""
    rng = random.Random(seed)
    width, height = size
    top, bottom = PALETTES.get(kind, PALETTES["news"])
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    sun_x, sun_y, radius = rng.randint(100, width - 100), rng.randint(80, height // 2), rng.randint(40, 90)
    draw.ellipse([sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill=(255, 236, 180))
    horizon = int(height * rng.uniform(0.55, 0.7))
    for layer in range(3):
        shade = 60 + layer * 35
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, horizon - rng.randint(0, 120) + layer * 40))
        points.append((width, height))
        draw.polygon(points, fill=(shade // 2, shade, shade // 2 + 20))
    x = rng.randint(0, 120)
    while x < width:
        building_width, building_height = rng.randint(40, 110), rng.randint(60, 260)
        draw.rectangle([x, horizon + 40 - building_height, x + building_width, height], fill=(38, 42, 52))
        for wy in range(horizon + 55 - building_height, height - 20, 22):
            for wx in range(x + 8, x + building_width - 8, 18):
                if rng.random() < 0.45:
                    draw.rectangle([wx, wy, wx + 7, wy + 10], fill=(255, 214, 120))
        x += building_width + rng.randint(4, 30)
    draw.rectangle([0, int(height * 0.9), width, height], fill=(30, 90, 130))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
