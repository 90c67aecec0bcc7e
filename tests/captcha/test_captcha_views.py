"""The captcha a reader sees and hears: a readable PNG and a Vietnamese WAV, never cached, 404 when stale."""

import io
import math
import wave
from datetime import timedelta

import pytest
from PIL import Image

from app.captcha.rendering import IMAGE_HEIGHT, IMAGE_WIDTH, VOICES_DIR, audio_captcha, challenge_audio
from app.captcha.services import consume_challenge, issue_challenge
from app.core.dates import utcnow
from tests.captcha.conftest import stored_answer
from tests.pages import parse

VIETNAMESE_DIGITS = "0123456789"


def spoken(response) -> wave.Wave_read:
    assert response.data[:4] == b"RIFF" and response.data[8:12] == b"WAVE"
    return wave.open(io.BytesIO(response.data))


def duration(recording: wave.Wave_read) -> float:
    return recording.getnframes() / recording.getframerate()


def loudness(recording: wave.Wave_read) -> float:
    """RMS of 8-bit unsigned samples around their midpoint 128 (0 for silence)."""
    samples = recording.readframes(recording.getnframes())
    return math.sqrt(sum((sample - 128) ** 2 for sample in samples) / len(samples))


def assert_not_stored_or_sniffed(response, mimetype: str) -> None:
    assert response.mimetype == mimetype
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_image_is_a_png_of_the_expected_size(client):
    response = client.get(f"/captcha/{issue_challenge()}.png")
    assert response.status_code == 200
    assert_not_stored_or_sniffed(response, "image/png")
    picture = Image.open(io.BytesIO(response.data))
    assert (picture.format, picture.size) == ("PNG", (IMAGE_WIDTH, IMAGE_HEIGHT))
    picture.verify()


def test_the_audio_is_a_wav_in_which_someone_speaks(client):
    response = client.get(f"/captcha/{issue_challenge()}.wav")
    assert response.status_code == 200
    assert_not_stored_or_sniffed(response, "audio/wav")
    recording = spoken(response)
    assert (recording.getframerate(), recording.getnchannels(), recording.getsampwidth()) == (8000, 1, 1)
    assert duration(recording) > 5
    assert loudness(recording) > 3


def test_a_longer_answer_makes_a_longer_recording(client, app, monkeypatch):
    recordings = {}
    for length in (1, 8):
        monkeypatch.setitem(app.config, "CAPTCHA_LENGTH", length)
        recordings[length] = duration(spoken(client.get(f"/captcha/{issue_challenge()}.wav")))
    assert recordings[8] > recordings[1] + 3


def test_every_digit_has_a_vietnamese_voice_in_the_format_the_library_expects(app):
    assert set(app.config["CAPTCHA_ALPHABET"]) <= set(VIETNAMESE_DIGITS)
    for digit in VIETNAMESE_DIGITS:
        with wave.open(str(VOICES_DIR / digit / "default.wav")) as voice:
            assert (voice.getframerate(), voice.getnchannels(), voice.getsampwidth()) == (8000, 1, 1)
            assert 0.15 < duration(voice) < 1
            assert loudness(voice) > 10


def test_the_audio_speaks_our_voices_not_the_librarys_english_ones():
    assert sorted(audio_captcha().choices) == list(VIETNAMESE_DIGITS)  # the English set also has A-Z
    assert VIETNAMESE_DIGITS.isdigit()
    with pytest.raises(ValueError, match="No captcha voice"):
        challenge_audio("A1")


def test_drawing_and_speaking_a_challenge_leaves_it_answerable(client):
    token = issue_challenge()
    assert client.get(f"/captcha/{token}.png").status_code == 200
    assert client.get(f"/captcha/{token}.wav").status_code == 200
    assert consume_challenge(token, stored_answer(token)) is True


@pytest.mark.parametrize("suffix", ["png", "wav"])
def test_a_used_or_expired_challenge_is_a_vietnamese_404(client, suffix):
    used = issue_challenge()
    consume_challenge(used, stored_answer(used))
    expired = issue_challenge(now=utcnow() - timedelta(seconds=601))
    for token in (used, expired, "khong-co-ma-nay"):
        response = client.get(f"/captcha/{token}.{suffix}")
        assert response.status_code == 404
        assert "Không tìm thấy trang" in parse(response.data).text


@pytest.mark.parametrize(
    "token",
    ["x" * 65, "x" * 10_240, "abc%24def", "%00", "abc%00def", "ti%E1%BA%BFng", "a%20b", "..", "a.b"],
    ids=lambda token: token if len(token) < 20 else f"{len(token)} chars",
)
def test_malformed_tokens_are_a_404_not_an_error(client, token):
    for suffix in ("png", "wav"):
        response = client.get(f"/captcha/{token}.{suffix}")
        assert response.status_code == 404
        assert "Không tìm thấy trang" in parse(response.data).text


def test_drawing_the_same_code_again_and_again_is_limited_per_address(client, app, throttling, monkeypatch):
    monkeypatch.setitem(app.config, "CAPTCHA_RENDER_LIMITS", "2 per minute")
    token = issue_challenge()
    statuses = [client.get(f"/captcha/{token}.{suffix}").status_code for suffix in ("png", "wav", "png")]
    assert statuses == [200, 200, 429]
