"""Anonymous full-page caching and HTTP caching for public pages, feeds and the API.

Readers arrive in bursts; most of them see exactly the same page. A public response is rendered once
per *content generation* and then served from the cache (in-process, or Redis when REDIS_URL is set)
until anything a reader can see changes. The generation lives in the database, so every gunicorn
worker, on every machine, stops serving a page on the very next request after a change commits.
"""
