"""The read-only public JSON API under /api/v1: public articles, sections, keywords, campaigns, search."""
