"""The ceiling for any Python page: a Flask app that returns a fixed 20 KB HTML string.

`bench/http_pages.py` serves it with the same gunicorn settings as Bản tin and compares every page
class with it. Run alone: `gunicorn -c gunicorn.conf.py --pythonpath bench ceiling_app:app`.
"""

from flask import Flask

BODY_BYTES = 20 * 1024


def page(size: int = BODY_BYTES) -> str:
    """An HTML document of exactly `size` bytes: a head, then paragraphs of Vietnamese-looking text."""
    head = (
        '<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>Ceiling</title></head><body>\n'
    )
    tail = "</body></html>\n"
    paragraph = "<p>Chuyen doi so trong quan ly nha nuoc tai dia phuong, phuc vu nguoi dan.</p>\n"
    filler = size - len(head) - len(tail)
    body = (paragraph * (filler // len(paragraph) + 1))[:filler]
    return head + body + tail


app = Flask(__name__)
BODY = page()


@app.get("/")
def ceiling() -> tuple[str, int, dict[str, str]]:
    return BODY, 200, {"Content-Type": "text/html; charset=utf-8"}
