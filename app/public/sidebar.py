"""The sidebar every public page shows: featured-column, photo and video boxes, most read, top keywords."""

from dataclasses import dataclass

from app.articles import queries as articles
from app.articles.models import Article
from app.keywords.models import Keyword
from app.keywords.queries import popular_keywords
from app.sections.models import Section
from app.sections.queries import sidebar_sections

BOX_SIZE = 4
MOST_READ_SIZE = 5
POPULAR_KEYWORDS = 10


@dataclass
class Sidebar:
    boxes: list[tuple[Section, list[Article]]]
    most_read: list[Article]
    keywords: list[tuple[Keyword, int]]


def build_sidebar() -> Sidebar:
    sections = sidebar_sections()
    latest = articles.latest_per_section(sections, BOX_SIZE)
    return Sidebar(
        boxes=[(section, latest[section.id]) for section in sections if latest[section.id]],
        most_read=articles.most_read(MOST_READ_SIZE),
        keywords=popular_keywords(POPULAR_KEYWORDS),
    )
