"""Chat messages as scored turns for the couple model: each message's labels and tone give a
score, a partner's run of consecutive messages is one turn, and a long silence starts a new
conversation (pairs are built within a conversation only).

The rules, each explainable in one sentence (weights in ``data/turn_weights.json``):
- A *message* with labels scores the weight of its most negative label, or of its most
  positive one when none is negative (negativity weighs first, as in SPAFF coding); a message
  without labels scores its tone: negative −1, neutral 0, positive +1.
- A *turn* is a run of consecutive messages by one partner. It scores its most intense
  message (the largest distance from 0; a tie goes to the negative one), so a turn of neutral
  messages is exactly 0 and one contemptuous line is not averaged away by "ok" around it.
- A *conversation* ends at a silence of ``timing.LONG_SILENCE`` (6 hours) or more, the same
  line the chat report draws between a slow reply and a new start.
Only the two people being modelled count; anyone else's messages in a group chat are left out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from importlib import resources

from bowlby.chats.episodes import Reading
from bowlby.chats.messages import ChatMessage
from bowlby.chats.timing import LONG_SILENCE
from bowlby.dynamics.conversations import Conversation, Turn, clip_score


@dataclass(frozen=True)
class TurnWeights:
    """The documented weights: per analyser label, per tone, and what each score means."""

    version: str
    note: str
    labels: dict[str, int]
    valence: dict[str, int]
    scale: dict[int, str]


@cache
def turn_weights() -> TurnWeights:
    """The shipped weights (``data/turn_weights.json``)."""
    text = resources.files("bowlby.dynamics").joinpath("data/turn_weights.json")
    data = json.loads(text.read_text("utf-8"))
    return TurnWeights(
        version=data["version"],
        note=data["note"],
        labels={label: int(weight) for label, weight in data["labels"].items()},
        valence={tone: int(weight) for tone, weight in data["valence"].items()},
        scale={int(score): meaning for score, meaning in data["scale"].items()},
    )


SCORING_VERSION = turn_weights().version


def message_score(reading: Reading) -> int:
    """One message's score: its most negative label, else its most positive, else its tone."""
    weights = turn_weights()
    given = [weights.labels[label] for label in reading.labels if label in weights.labels]
    negative = [weight for weight in given if weight < 0]
    if negative:
        return min(negative)
    positive = [weight for weight in given if weight > 0]
    if positive:
        return max(positive)
    return weights.valence.get(reading.valence, 0)


def turn_score(scores: Sequence[int]) -> int:
    """A turn's score: its most intense message's, the negative one on a tie; 0 when empty."""
    if not scores:
        return 0
    return int(clip_score(min(scores, key=lambda score: (-abs(score), score))))


def split_at_silences(
    messages: Sequence[ChatMessage], gap: timedelta = LONG_SILENCE
) -> list[range]:
    """Index ranges of the conversations: a new one starts after a silence of ``gap`` or more."""
    ranges: list[range] = []
    start = 0
    for index in range(1, len(messages) + 1):
        if index == len(messages) or messages[index].sent_at - messages[index - 1].sent_at >= gap:
            ranges.append(range(start, index))
            start = index
    return [span for span in ranges if len(span)]


def score_turns(
    messages: Sequence[ChatMessage], readings: Sequence[Reading], span: range
) -> tuple[Turn, ...]:
    """The turns of one conversation: runs of consecutive messages by one sender."""
    turns: list[Turn] = []
    scores: list[int] = []
    for index in span:
        sender = messages[index].sender
        if scores and sender != turns[-1].partner:
            turns[-1] = Turn(turns[-1].partner, turn_score(scores))
            scores = []
        if not scores:
            turns.append(Turn(sender, 0))
        scores.append(message_score(readings[index]))
    if turns:
        turns[-1] = Turn(turns[-1].partner, turn_score(scores))
    return tuple(turns)


def chat_conversations(
    messages: Sequence[ChatMessage],
    readings: Sequence[Reading],
    people: tuple[str, str],
    *,
    chat_id: str = "chat",
) -> list[Conversation]:
    """A chat's conversations between ``people`` (others' messages left out), each with its
    scored turns; ``readings`` runs parallel to ``messages``. Ids are ``chat_id:n`` (from 1)."""
    if len(messages) != len(readings):
        raise ValueError("every message needs its reading")
    kept = [index for index, message in enumerate(messages) if message.sender in people]
    talk = [messages[index] for index in kept]
    read = [readings[index] for index in kept]
    return [
        Conversation(f"{chat_id}:{number}", score_turns(talk, read, span), SCORING_VERSION)
        for number, span in enumerate(split_at_silences(talk), start=1)
    ]


def two_people(messages: Sequence[ChatMessage], me: str) -> tuple[str, str] | None:
    """``me`` and the other person who wrote most (None when nobody else wrote)."""
    counts: dict[str, int] = {}
    for message in messages:
        if message.sender and message.sender != me:
            counts[message.sender] = counts.get(message.sender, 0) + 1
    if not counts:
        return None
    partner = max(counts, key=lambda sender: counts[sender])
    return me, partner
