"""Timing in a chat: how long each person takes to reply, runs of messages sent without a reply
(double-texting), and who writes first after a long silence.

Definitions (kept simple, so each number can be explained in one sentence):
- A *reply* is a message whose previous message came from someone else; its latency is the
  time since that previous message (the last one of the other person's turn). System
  messages are left out everywhere.
- A gap of ``LONG_SILENCE`` (6 hours) or more is a *silence*, not a slow reply: it is left
  out of the latencies (nights and busy days would swamp them), and the message after it is
  an *initiation* by its sender.
- A *burst* is two or more messages in a row by one person, none of them answered, each
  within ``LONG_SILENCE`` of the one before (a silence starts a new run).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise

from bowlby.chats.messages import ChatMessage, MessageKind

LONG_SILENCE = timedelta(hours=6)
MIN_BURST = 2


@dataclass(frozen=True)
class Reply:
    """One reply: who replied, when, and after how many seconds."""

    sender: str
    sent_at: datetime
    seconds: float


@dataclass(frozen=True)
class Burst:
    sender: str
    first_at: datetime
    last_at: datetime
    messages: int


@dataclass(frozen=True)
class Initiation:
    """The first message after a long silence."""

    sender: str
    sent_at: datetime
    silence_seconds: float


@dataclass
class PersonTiming:
    """One person's timing over the chat (latencies in seconds; None without replies)."""

    name: str
    messages: int = 0
    replies: int = 0
    median_reply: float | None = None
    p90_reply: float | None = None
    bursts: int = 0
    longest_burst: int = 0
    burst_messages: int = 0
    initiations: int = 0


@dataclass
class TimingSummary:
    people: list[PersonTiming] = field(default_factory=list)
    slower: str | None = None
    faster: str | None = None
    asymmetry: float | None = None  # the slower median reply over the faster one

    def person(self, name: str) -> PersonTiming:
        return next(person for person in self.people if person.name == name)


def conversation(messages: Iterable[ChatMessage]) -> list[ChatMessage]:
    """The messages people sent, without system notices, in time order."""
    return [m for m in messages if m.sender and m.kind is not MessageKind.SYSTEM]


def find_replies(messages: Sequence[ChatMessage]) -> list[Reply]:
    """Every reply and its latency; replies after a long silence are left out."""
    replies = []
    for before, message in pairwise(messages):
        gap = message.sent_at - before.sent_at
        if message.sender != before.sender and gap < LONG_SILENCE:
            replies.append(Reply(message.sender, message.sent_at, gap.total_seconds()))
    return replies


def find_bursts(messages: Sequence[ChatMessage]) -> list[Burst]:
    """Runs of at least two unanswered messages by one person (a silence breaks a run)."""
    bursts = []
    start = 0
    for index in range(1, len(messages) + 1):
        ends = index == len(messages) or _breaks_run(messages[index - 1], messages[index])
        if not ends:
            continue
        if index - start >= MIN_BURST:
            first, last = messages[start], messages[index - 1]
            bursts.append(Burst(first.sender, first.sent_at, last.sent_at, index - start))
        start = index
    return bursts


def _breaks_run(before: ChatMessage, message: ChatMessage) -> bool:
    return message.sender != before.sender or message.sent_at - before.sent_at >= LONG_SILENCE


def find_initiations(messages: Sequence[ChatMessage]) -> list[Initiation]:
    """Who wrote first after each silence of LONG_SILENCE or more (not the chat's opening)."""
    return [
        Initiation(
            message.sender, message.sent_at, (message.sent_at - before.sent_at).total_seconds()
        )
        for before, message in pairwise(messages)
        if message.sent_at - before.sent_at >= LONG_SILENCE
    ]


def percentile(values: Sequence[float], share: float) -> float | None:
    """The value below which ``share`` (0..1) of the values lie, interpolating linearly
    between the closest ranks (numpy's default); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summarise_timing(messages: Sequence[ChatMessage]) -> TimingSummary:
    """Latency, bursts and initiations per person, and how uneven the replies are."""
    talk = conversation(messages)
    people: dict[str, PersonTiming] = {}
    for message in talk:
        people.setdefault(message.sender, PersonTiming(message.sender)).messages += 1
    _add_latencies(people, find_replies(talk))
    for burst in find_bursts(talk):
        person = people[burst.sender]
        person.bursts += 1
        person.burst_messages += burst.messages
        person.longest_burst = max(person.longest_burst, burst.messages)
    for initiation in find_initiations(talk):
        people[initiation.sender].initiations += 1
    summary = TimingSummary(people=list(people.values()))
    _add_asymmetry(summary)
    return summary


def _add_latencies(people: dict[str, PersonTiming], replies: Sequence[Reply]) -> None:
    waits: dict[str, list[float]] = {}
    for reply in replies:
        waits.setdefault(reply.sender, []).append(reply.seconds)
    for name, seconds in waits.items():
        person = people[name]
        person.replies = len(seconds)
        person.median_reply = percentile(seconds, 0.5)
        person.p90_reply = percentile(seconds, 0.9)


def _add_asymmetry(summary: TimingSummary) -> None:
    """The two most active people's median replies compared: slower over faster."""
    timed = [p for p in summary.people if p.median_reply is not None]
    timed.sort(key=lambda p: -p.messages)
    if len(timed) < 2:
        return
    first, second = timed[0], timed[1]
    slower, faster = sorted((first, second), key=lambda p: -(p.median_reply or 0.0))
    summary.slower, summary.faster = slower.name, faster.name
    if faster.median_reply:
        summary.asymmetry = (slower.median_reply or 0.0) / faster.median_reply
