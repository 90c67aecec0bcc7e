"""Static files: content-hashed URLs kept for a year, compressed when small."""

import brotli

from tests.pages import parse


def stylesheet_url(client) -> str:
    page = parse(client.get("/").data)
    return next(url for url in page.links("link[rel=stylesheet]") if "/css/site.css" in url)


def test_pages_link_static_files_by_a_hash_of_their_content(client, app, tmp_path, monkeypatch):
    first = stylesheet_url(client)
    assert first.startswith("/static/css/site.css?v=")

    copy = tmp_path / "css" / "site.css"
    copy.parent.mkdir()
    copy.write_text("body { color: #222; }")
    monkeypatch.setattr(app, "static_folder", str(tmp_path))
    monkeypatch.setitem(app.config, "PAGE_CACHE", False)  # the home page cached above holds the old URL
    changed = stylesheet_url(client)

    assert changed.startswith("/static/css/site.css?v=")
    assert changed != first


def test_a_hashed_url_is_immutable_and_an_unhashed_one_is_revalidated(client):
    hashed = client.get(stylesheet_url(client))
    plain = client.get("/static/css/site.css")
    stale = client.get("/static/css/site.css?v=0123456789ab")

    assert hashed.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    for response in (plain, stale):
        assert response.status_code == 200
        assert "immutable" not in response.headers.get("Cache-Control", "")
        assert response.data == hashed.data


def test_stylesheets_are_compressed_for_browsers_that_accept_it(client):
    url = stylesheet_url(client)
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    compressed = client.get(url, headers={"Accept-Encoding": "br"})

    assert compressed.headers["Content-Encoding"] == "br"
    assert brotli.decompress(compressed.data) == plain.data
    assert len(compressed.data) < len(plain.data) / 3
