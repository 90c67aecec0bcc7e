"""Captcha image and audio: /captcha/<token>.png and /captcha/<token>.wav."""

from flask import Blueprint

blueprint = Blueprint("captcha", __name__)
