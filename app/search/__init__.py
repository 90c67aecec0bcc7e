"""Vietnamese full-text search over published articles: one service, an FTS5 and a PostgreSQL engine."""
