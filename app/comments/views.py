"""The public comment form and posting: POST /bai-viet/<id>/binh-luan."""

from flask import Blueprint

blueprint = Blueprint("comments", __name__)
