"""Feeds, sitemaps and robots.txt: what machines read, built from public articles only.

Addresses (app/feeds/views.py):
    /rss.xml, /atom.xml                                  the whole site, 30 newest public articles
    /<section-slug>/rss.xml, /<section-slug>/atom.xml     one section, its sub-sections included
    /tu-khoa/<slug>/rss.xml, /tu-khoa/<slug>/atom.xml     one keyword (a former slug answers 301)
    /sitemap.xml                                         a urlset, or past 50,000 URLs an index of
    /sitemap-<n>.xml                                     paged children of at most 50,000 URLs each
    /sitemap-news.xml                                    Google News: published in the last 48 hours
    /robots.txt
Each feed or sitemap address has a dot in its last segment or sits under /tu-khoa/, so no section
slug (slugify keeps letters, digits and dashes) and no keyword can take it.
"""
