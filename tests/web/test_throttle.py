"""Passphrase guessing through the web app is slowed after a few wrong attempts."""

from __future__ import annotations

import pytest

from bowlby.errors import TooManyAttempts
from bowlby.web.throttle import FREE_ATTEMPTS, SignInThrottle
from tests.conftest import PASSPHRASES
from tests.web.helpers import FakeClock, form_token


def test_the_pause_starts_after_the_free_attempts_and_grows():
    clock = FakeClock()
    throttle = SignInThrottle(clock)
    for _ in range(FREE_ATTEMPTS - 1):
        throttle.failed("Alex")
        throttle.check("Alex")
    throttle.failed("Alex")
    with pytest.raises(TooManyAttempts, match="Try again in 30 seconds"):
        throttle.check("alex")
    clock.advance(seconds=31)
    throttle.check("Alex")
    throttle.failed("Alex")
    with pytest.raises(TooManyAttempts, match="Try again in 60 seconds"):
        throttle.check("Alex")


def test_a_right_passphrase_clears_the_count_and_other_profiles_are_not_touched():
    throttle = SignInThrottle(FakeClock())
    for _ in range(FREE_ATTEMPTS):
        throttle.failed("Alex")
    throttle.check("Sam")
    throttle.succeeded("Alex")
    throttle.check("Alex")


def test_the_api_answers_429_and_even_the_right_passphrase_waits(app, client):
    client.post("/api/profiles", json={"name": "Alex", "passphrase": PASSPHRASES["Alex"]})
    for _ in range(FREE_ATTEMPTS):
        wrong = client.post("/api/session", json={"name": "Alex", "passphrase": "not it at all"})
        assert wrong.status_code == 401
    right = client.post("/api/session", json={"name": "Alex", "passphrase": PASSPHRASES["Alex"]})
    assert right.status_code == 429
    assert right.json()["error"]["code"] == "too_many_attempts"


def test_the_sign_in_page_says_to_wait(app, client):
    client.post("/api/profiles", json={"name": "Alex", "passphrase": "alex passphrase"})
    for _ in range(FREE_ATTEMPTS):
        client.post("/api/session", json={"name": "Alex", "passphrase": "not it at all"})
    token = form_token(client.get("/signin").text)
    answer = client.post(
        "/signin", data={"name": "Alex", "passphrase": "alex passphrase", "csrf_token": token}
    )
    assert answer.status_code == 429
    assert "Too many wrong passphrases for this profile" in answer.text
