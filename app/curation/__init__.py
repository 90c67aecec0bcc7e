"""Editors' curation of the public site: the home page's top stories, pinned column stories, story threads."""
