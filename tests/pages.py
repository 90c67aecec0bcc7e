"""Reading rendered pages as elements: BeautifulSoup with a few helpers tests use everywhere."""

from bs4 import BeautifulSoup, Tag


class Lookups:
    """Whitespace-collapsed text and the lookups our assertions need, for tags and documents."""

    @property
    def text(self) -> str:
        """The element's text as a reader sees it: runs of whitespace collapsed."""
        return " ".join(self.get_text().split())

    @property
    def position(self) -> tuple[int, int]:
        """Where the element starts in the source, to compare document order."""
        return (self.sourceline, self.sourcepos)

    def one(self, selector: str) -> "Element":
        """The single element matching a CSS selector (fails loudly when there are none or several)."""
        found = self.select(selector)
        assert len(found) == 1, f"expected one {selector!r}, found {len(found)}"
        return found[0]

    def texts(self, selector: str) -> list[str]:
        return [element.text for element in self.select(selector)]

    def links(self, selector: str = "a") -> list[str]:
        return [element.get("href", "") for element in self.select(selector)]


class Element(Lookups, Tag):
    pass


class Document(Lookups, BeautifulSoup):
    pass


def parse(html: str | bytes) -> Document:
    """The document as an element tree."""
    return Document(html, "html.parser", element_classes={Tag: Element})


def csrf_token(client, path: str = "/admin/") -> str:
    """The token a browser would send: from the page's <meta name="csrf-token">."""
    page = client.get(path)
    assert page.status_code == 200, (path, page.status_code)
    return parse(page.data).one('meta[name="csrf-token"]')["content"]
