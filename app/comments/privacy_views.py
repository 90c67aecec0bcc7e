"""The public privacy notice (personal data of readers who comment)."""

from flask import Blueprint

blueprint = Blueprint("privacy", __name__)
