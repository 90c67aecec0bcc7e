"""The production entry point: `gunicorn "app:create_app()"` serves the site."""

import urllib.request

from tests.servers import first_page, free_port, gunicorn, migrated_sqlite


def test_gunicorn_serves_the_home_page_in_vietnamese(tmp_path):
    port = free_port()
    arguments = ("--bind", f"127.0.0.1:{port}", "--workers", "2", "--no-control-socket")
    with gunicorn(*arguments, env=migrated_sqlite(tmp_path)) as server:
        status, body = first_page(server, f"http://127.0.0.1:{port}/")
        assert status == 200
        assert '<html lang="vi">' in body
        assert "Trang chủ" in body

        # Each worker renders the page once, then readers get the stored copy from the fast path.
        again = []
        for _ in range(6):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                again.append((response.status, response.headers["X-Cache"], response.read().decode()))
        assert {status for status, _, _ in again} == {200}
        assert "HIT" in {cached for _, cached, _ in again}
        assert all(page == body for _, _, page in again)
