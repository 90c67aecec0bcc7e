"""Captcha challenges: one try per token, ten minutes to answer, forgiving about case and spacing."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.captcha.models import CaptchaChallenge
from app.captcha.services import consume_challenge, find_live_answer, issue_challenge
from app.core.dates import utcnow
from app.core.db import write_transaction
from app.extensions import db as _db
from tests.captcha.conftest import stored_answer

WRONG_ANSWERS = [None, "", "0", "x" * 10_240, "\x00", "12\x0034", 12345, b"12345"]
GARBAGE_TOKENS = [
    None,
    "",
    "x" * 65,
    "x" * 10_240,
    "\x00",
    "abc\x00def",
    "../../etc",
    "tiếng-việt",
    "a b",
    42,
    b"abc",
]


def label(value) -> str:
    """A readable test id, even for a 10 KB string."""
    text = repr(value)
    return text if len(text) <= 20 else f"{text[:8]}…{len(value)} chars"


def full_width(text: str) -> str:
    """How a Vietnamese or East Asian input method may type digits and letters: ０１２…, ＡＢＣ…."""
    return "".join(chr(ord(character) + 0xFEE0) for character in text)


def test_a_new_challenge_is_an_unguessable_token_for_a_random_answer_of_the_configured_shape(db):
    tokens = {issue_challenge() for _ in range(20)}
    assert len(tokens) == 20
    for token in tokens:
        assert 40 <= len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum()
        answer = stored_answer(token)
        assert len(answer) == 5 and answer.isdigit()
    assert len({stored_answer(token) for token in tokens}) > 1


def test_the_right_answer_passes_once_and_a_replayed_token_fails(db):
    token = issue_challenge()
    answer = stored_answer(token)
    assert consume_challenge(token, answer) is True
    assert consume_challenge(token, answer) is False


def test_a_wrong_guess_uses_up_the_challenge(db):
    token = issue_challenge()
    answer = stored_answer(token)
    assert consume_challenge(token, "wrong") is False
    assert consume_challenge(token, answer) is False


def test_a_challenge_can_be_answered_for_ten_minutes_and_no_longer(db):
    issued_at = utcnow() - timedelta(hours=1)
    in_time = issue_challenge(now=issued_at)
    too_late = issue_challenge(now=issued_at)
    just_in_time, just_too_late = issued_at + timedelta(seconds=599), issued_at + timedelta(seconds=601)
    assert consume_challenge(in_time, stored_answer(in_time), now=just_in_time) is True
    assert consume_challenge(too_late, stored_answer(too_late), now=just_too_late) is False


def test_an_expired_challenge_is_gone_even_before_anyone_answers_it(db):
    issued_at = utcnow() - timedelta(hours=1)
    token = issue_challenge(now=issued_at)
    assert find_live_answer(token, now=issued_at + timedelta(seconds=599)) == stored_answer(token)
    assert find_live_answer(token, now=issued_at + timedelta(seconds=601)) is None


def test_looking_a_challenge_up_to_draw_it_does_not_use_it_up(db):
    token = issue_challenge()
    assert find_live_answer(token) == find_live_answer(token) == stored_answer(token)
    assert consume_challenge(token, stored_answer(token)) is True
    assert find_live_answer(token) is None


@pytest.mark.parametrize(
    ("alphabet", "typed"),
    [
        ("ABCDEFGH", str.lower),
        ("abcdefgh", str.upper),
        ("ABCDEFGH", lambda answer: " ".join(answer.lower())),
        ("0123456789", full_width),
        ("0123456789", lambda answer: f"  {answer[:2]}\u3000{answer[2:]}\t\n"),
        ("ABCDEFGH", lambda answer: full_width(answer.lower())),
    ],
    ids=["lower case", "upper case", "spaced out", "full-width digits", "odd spaces", "full-width letters"],
)
def test_answers_are_compared_ignoring_case_spaces_and_full_width_characters(
    db, app, monkeypatch, alphabet, typed
):
    monkeypatch.setitem(app.config, "CAPTCHA_ALPHABET", alphabet)
    token = issue_challenge()
    answer = stored_answer(token)
    assert set(answer) <= set(alphabet)
    assert typed(answer) != answer
    assert consume_challenge(token, typed(answer)) is True


@pytest.mark.parametrize("answer", WRONG_ANSWERS, ids=label)
def test_garbage_answers_fail_quietly_and_burn_the_challenge(db, answer):
    token = issue_challenge()
    assert consume_challenge(token, answer) is False
    assert consume_challenge(token, stored_answer(token) or "") is False


@pytest.mark.parametrize("token", GARBAGE_TOKENS, ids=label)
def test_garbage_tokens_fail_quietly(db, token):
    issue_challenge()
    assert consume_challenge(token, "12345") is False
    assert find_live_answer(token) is None


def test_a_challenge_is_checked_inside_a_callers_transaction(db):
    token = issue_challenge()
    answer = stored_answer(token)
    with write_transaction():
        assert consume_challenge(token, answer) is True
    assert consume_challenge(token, answer) is False


def test_issuing_a_challenge_clears_away_expired_ones(db):
    start = utcnow() - timedelta(hours=1)
    old = issue_challenge(now=start)
    recent = issue_challenge(now=start + timedelta(minutes=5))
    issue_challenge(now=start + timedelta(seconds=601))
    remaining = set(_db.session.scalars(select(CaptchaChallenge.token)))
    assert old not in remaining
    assert recent in remaining
