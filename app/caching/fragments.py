"""Parts of the page every public page shares (the sidebar), rendered once per content generation.

The sidebar's boxes cost more than the article they sit beside (several listings and their
pictures); they change only when content does, or as readings move the most-read list, so a worker
renders them once per generation and at most every FRAGMENT_SECONDS, then reuses the HTML.
"""

from time import monotonic

from flask import Flask, current_app, g, render_template
from markupsafe import Markup

from app.caching import generation

EXTENSION = "page_fragments"


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION] = {}
    app.add_template_global(shared_fragment)


def shared_fragment(name: str, template: str) -> Markup:
    state = g.get("page_generation") or generation.current()
    g.page_generation = state
    stored: dict = current_app.extensions[EXTENSION]
    key = (name, state.number, state.changed_at)
    found = stored.get(key)
    now = monotonic()
    if found and found[0] > now:
        return found[1]
    html = Markup(render_template(template))
    for old in [known for known in stored if known[0] == name]:
        del stored[old]
    stored[key] = (now + current_app.config["FRAGMENT_SECONDS"], html)
    return html
