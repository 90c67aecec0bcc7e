"""Reading feeds and sitemaps as XML: parsed by lxml, sitemaps validated against the protocol's schemas."""

from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
_schemas: dict[str, etree.XMLSchema] = {}


def xml(response) -> etree._Element:
    """The response's document root; a parse error fails the test."""
    assert response.status_code == 200, response.status_code
    return etree.fromstring(response.data)


def valid(response, schema: str) -> etree._Element:
    """The root, after checking the document against tests/feeds/schemas/<schema>.xsd."""
    if schema not in _schemas:
        _schemas[schema] = etree.XMLSchema(etree.parse(str(SCHEMAS / f"{schema}.xsd")))
    root = xml(response)
    _schemas[schema].assertValid(root)
    return root


def rss_items(response) -> list[etree._Element]:
    root = xml(response)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.findall("channel/item")


def rss_links(response) -> list[str]:
    return [item.findtext("link") for item in rss_items(response)]


def atom_entries(response) -> list[etree._Element]:
    root = xml(response)
    assert root.tag == f"{{{NS['atom']}}}feed"
    return root.findall("atom:entry", NS)


def atom_links(response) -> list[str]:
    return [entry.findtext("atom:id", namespaces=NS) for entry in atom_entries(response)]


def sitemap_locs(response) -> list[str]:
    return [loc.text for loc in xml(response).iterfind("sm:url/sm:loc", NS)]


def rfc822(text: str) -> datetime:
    """An RSS date; it must carry its zone."""
    value = parsedate_to_datetime(text)
    assert value.tzinfo is not None, text
    return value


def rfc3339(text: str) -> datetime:
    """An Atom or sitemap date; it must carry its zone."""
    value = datetime.fromisoformat(text)
    assert value.tzinfo is not None, text
    return value
