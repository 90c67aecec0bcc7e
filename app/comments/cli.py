"""`flask comments …`: housekeeping for readers' personal data."""

from flask.cli import AppGroup

comments_cli = AppGroup("comments", help="Readers' comments and their personal data.")
