"""Chat messages as scored turns: documented weights, neutral exactly 0, the most intense
message deciding a turn, runs of one sender as one turn, silences splitting conversations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import NamedTuple

import pytest

from bowlby.chats.messages import ChatMessage, MessageKind
from bowlby.chats.patterns import LABELS, analyse_text
from bowlby.dynamics.conversations import SCORE_LIMIT, Turn
from bowlby.dynamics.turn_scores import (
    SCORING_VERSION,
    chat_conversations,
    message_score,
    split_at_silences,
    turn_score,
    turn_weights,
    two_people,
)

START = datetime(2024, 5, 1, 20, 0, tzinfo=UTC)


class Read(NamedTuple):
    labels: tuple[str, ...]
    valence: str


def message(sender: str, minutes: float, text: str = "") -> ChatMessage:
    return ChatMessage(START + timedelta(minutes=minutes), sender, text, MessageKind.TEXT, "", 0)


def test_every_analyser_label_has_a_weight_and_neutral_is_exactly_zero():
    weights = turn_weights()
    assert set(weights.labels) == set(LABELS)
    assert weights.labels["neutral"] == 0
    assert weights.valence == {"negative": -1, "neutral": 0, "positive": 1}
    assert sorted(weights.scale) == list(range(-SCORE_LIMIT, SCORE_LIMIT + 1))
    assert all(abs(weight) <= SCORE_LIMIT for weight in weights.labels.values())
    assert SCORING_VERSION == "chat-labels-1"


def test_contempt_weighs_more_than_criticism_more_than_defensiveness():
    labels = turn_weights().labels
    assert labels["contempt"] < labels["criticism"] < labels["defensiveness"] < labels["protest"]
    assert labels["stonewalling"] == labels["defensiveness"]
    assert labels["appreciation"] > 0
    assert labels["repair"] > 0
    assert labels["vulnerability"] > 0


@pytest.mark.parametrize(
    ("labels", "valence", "score"),
    [
        ((), "neutral", 0),
        (("neutral",), "neutral", 0),
        ((), "negative", -1),
        ((), "positive", 1),
        (("contempt",), "negative", -4),
        (("criticism", "contempt"), "negative", -4),
        (("defensiveness", "repair"), "negative", -2),  # negativity weighs first
        (("repair", "vulnerability"), "positive", 2),
        (("vulnerability",), "neutral", 1),
        (("withdrawal",), "neutral", -1),
    ],
)
def test_a_message_scores_its_most_negative_label_else_its_most_positive_else_its_tone(
    labels, valence, score
):
    assert message_score(Read(labels, valence)) == score


def test_the_analysers_own_readings_score_as_documented():
    assert message_score(analyse_text("ok see you at 6")) == 0
    assert message_score(analyse_text("you always forget, you never listen")) == -3
    assert message_score(analyse_text("I'm sorry, I overreacted")) == 2


@pytest.mark.parametrize(
    ("scores", "turn"),
    [([], 0), ([0, 0, 0], 0), ([0, -4, 0], -4), ([2, -2], -2), ([1, 3, -1], 3), ([-1, 1], -1)],
)
def test_a_turn_scores_its_most_intense_message_the_negative_on_a_tie(scores, turn):
    assert turn_score(scores) == turn


def test_runs_of_one_sender_are_one_turn_and_others_in_a_group_are_left_out():
    talk = [
        message("Sam", 0, "a"),
        message("Sam", 1, "b"),
        message("Kim", 2, "c"),
        message("Lee", 3, "d"),
        message("Kim", 4, "e"),
        message("Sam", 5, "f"),
    ]
    readings = [
        Read((), "neutral"),
        Read(("criticism",), "negative"),
        Read(("defensiveness",), "negative"),
        Read(("contempt",), "negative"),  # Lee is not one of the two
        Read(("repair",), "positive"),
        Read(("appreciation",), "positive"),
    ]
    [talked] = chat_conversations(talk, readings, ("Sam", "Kim"), chat_id="c1")
    assert talked.id == "c1:1"
    assert talked.scoring_version == SCORING_VERSION
    assert talked.turns == (Turn("Sam", -3), Turn("Kim", -2), Turn("Sam", 2))


def test_a_silence_of_six_hours_starts_a_new_conversation():
    talk = [message("Sam", 0), message("Kim", 300), message("Sam", 300 + 6 * 60)]
    assert split_at_silences(talk) == [range(0, 2), range(2, 3)]
    readings = [Read((), "neutral")] * 3
    found = chat_conversations(talk, readings, ("Sam", "Kim"))
    assert [c.id for c in found] == ["chat:1", "chat:2"]
    assert [len(c.turns) for c in found] == [2, 1]
    assert split_at_silences([]) == []


def test_readings_must_run_parallel_to_messages():
    with pytest.raises(ValueError, match="every message needs its reading"):
        chat_conversations([message("Sam", 0)], [], ("Sam", "Kim"))


def test_the_two_people_are_me_and_whoever_else_wrote_most():
    talk = [message("Kim", 0), message("Lee", 1), message("Lee", 2), message("Sam", 3)]
    assert two_people(talk, "Sam") == ("Sam", "Lee")
    assert two_people([message("Sam", 0)], "Sam") is None
