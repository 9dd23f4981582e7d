"""Safety messages: one per category, kind and specific, never diagnosing, never 'stay'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bowlby.errors import InputError
from bowlby.safety import messages
from bowlby.safety.risk_language import find_risk_language
from bowlby.safety.risk_phrases import CATEGORIES

DATA = Path(__file__).resolve().parents[2] / "src" / "bowlby" / "safety" / "data"
NEVER_SAY = (
    "you should stay",
    "stay with him",
    "stay with her",
    "work it out",
    "give them another chance",
    "you are being abused",
    "you are in an abusive relationship",
    "your partner is an abuser",
    "you have",  # a diagnosis would start like this
    "disorder",
    "narcissist",
    "calm down",
)


def every_text() -> list[str]:
    def walk(value) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [text for item in value.values() for text in walk(item)]
        if isinstance(value, list):
            return [text for item in value for text in walk(item)]
        return []

    return walk(json.loads((DATA / "messages.json").read_text("utf-8")))


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_has_a_calm_message(category):
    message = messages.message_for(category)
    assert all((message.title, message.body, message.action))
    assert message.resources in ("crisis", "domestic_abuse")


def test_self_harm_asks_to_reach_out_now_to_a_crisis_line():
    message = messages.message_for("self_harm")
    assert message.resources == "crisis"
    assert message.title == "You matter, and help is there right now"
    assert "Please reach out now: a crisis line" in message.body
    assert "emergency" in message.body


@pytest.mark.parametrize("category", ["threat_of_violence", "fear_of_partner", "stalking"])
def test_violence_fear_and_stalking_say_it_is_not_your_fault(category):
    message = messages.message_for(category)
    assert message.resources == "domestic_abuse"
    body = message.body.lower()
    assert "not your fault" in body or "not to blame" in body
    assert "emergency number" in body


def test_coercive_control_describes_and_does_not_diagnose():
    body = messages.message_for("coercive_control").body
    assert "is not making a diagnosis" in body
    assert "describes" in body


def test_the_stance_is_stated():
    stance = " ".join(messages.stance())
    assert "never diagnoses" in stance
    assert "never tell you to stay in a relationship" in stance
    assert "Nothing you write is blocked" in stance


def test_no_text_tells_anyone_to_stay_or_diagnoses():
    offending = [
        (phrase, text) for text in every_text() for phrase in NEVER_SAY if phrase in text.lower()
    ]
    assert offending == []


def test_messages_for_signals_come_most_urgent_first_once_each():
    signals = find_risk_language(
        "He checks my phone. He checks my messages. I don't want to be alive."
    )
    shown = messages.messages_for(signals)
    assert [message.category for message in shown] == ["self_harm", "coercive_control"]


def test_someone_elses_risk_gets_the_reported_message():
    [shown] = messages.messages_for(find_risk_language("My friend is suicidal"))
    assert shown.reported is True
    assert shown.title == "Someone may be at risk"


def test_the_persons_own_words_win_over_reported_ones():
    signals = find_risk_language("My friend is suicidal. Honestly I want to die too.")
    [shown] = messages.messages_for(signals)
    assert shown.reported is False


def test_unknown_category_is_refused():
    with pytest.raises(InputError) as caught:
        messages.message_for("sadness")
    assert caught.value.field == "category"


def test_screen_texts_exist_for_every_outcome():
    for screen in ("hark", "wast_short"):
        for outcome in ("positive", "negative", "incomplete"):
            assert messages.screen_text(screen, outcome)
    with pytest.raises(InputError):
        messages.screen_text("hits", "positive")
