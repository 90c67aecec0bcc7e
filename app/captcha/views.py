"""Captcha image and audio: /captcha/<token>.png and /captcha/<token>.wav."""

from flask import Blueprint, Response, abort, current_app

from app.captcha.rendering import challenge_audio, challenge_image
from app.captcha.services import find_live_answer
from app.extensions import limiter

blueprint = Blueprint("captcha", __name__)

# Drawing costs CPU (a spoken code about 0.2 s), so fetching one token's picture or sound again and
# again is limited per IP, like issuing codes.
rendering_limit = limiter.shared_limit(
    lambda: current_app.config["CAPTCHA_RENDER_LIMITS"], scope="captcha-render"
)


@blueprint.get("/captcha/<token>.png")
@rendering_limit
def image(token: str):
    return uncached(challenge_image(live_answer_or_404(token)), "image/png")


@blueprint.get("/captcha/<token>.wav")
@rendering_limit
def audio(token: str):
    """The spoken alternative to the image, for readers who cannot see it."""
    return uncached(challenge_audio(live_answer_or_404(token)), "audio/wav")


def live_answer_or_404(token: str) -> str:
    """Unknown, used, expired and malformed tokens all look the same: the Vietnamese 404 page."""
    answer = find_live_answer(token)
    if answer is None:
        abort(404)
    return answer


def uncached(body: bytes, mimetype: str) -> Response:
    """Never stored by a browser or proxy (each fetch draws fresh noise; the token is short-lived)."""
    response = Response(body, mimetype=mimetype)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
