"""Values every public page shares, computed once per content generation: the sidebar's HTML, listing totals.

The sidebar's boxes cost more than the article they sit beside (several listings and their pictures);
a keyword's article count is a walk over thousands of rows. Both change only when content does (or,
for the most-read list, as readings add up), so a worker computes each once per generation, keeps it
at most FRAGMENT_SECONDS, and reuses it.
"""

from collections.abc import Callable, Hashable
from time import monotonic
from typing import TypeVar

from flask import Flask, current_app, g, render_template
from markupsafe import Markup

from app.caching import generation

EXTENSION = "page_fragments"
MAX_ENTRIES = 2000  # past this, a worker starts again from empty (entries are cheap to recompute)
T = TypeVar("T")


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION] = {}
    app.add_template_global(shared_fragment)


def per_generation(key: Hashable, load: Callable[[], T]) -> T:
    """`load()` once per content generation in this worker, and again after FRAGMENT_SECONDS."""
    state = g.get("page_generation") or generation.current()
    g.page_generation = state
    stored: dict = current_app.extensions[EXTENSION]
    now = monotonic()
    found = stored.get(key)
    if found and found[0] == (state.number, state.changed_at) and found[1] > now:
        return found[2]
    value = load()
    if len(stored) >= MAX_ENTRIES:
        stored.clear()
    stored[key] = ((state.number, state.changed_at), now + current_app.config["FRAGMENT_SECONDS"], value)
    return value


def shared_fragment(name: str, template: str, **context) -> Markup:
    """A template rendered once per generation and per value of `context`, e.g. the sidebar, or the
    menu with its current item: `{{ shared_fragment(name, template, current_menu=...) }}`."""
    key = ("fragment", name, *sorted(context.items()))
    return per_generation(key, lambda: Markup(render_template(template, **context)))
