"""Online backups of the database and the media files, with a manifest of sums to verify and restore."""
