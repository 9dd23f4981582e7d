"""Conflict episodes in a chat: clusters of negative messages close in time, how each one ended,
how soon a repair came, and whether it had a pursue–withdraw shape.

Definitions (each number on the report can be explained with one of these):
- A message is *negative* when its valence is negative, or it carries a conflict label
  (protest, withdrawal or one of the four horsemen) and no repair label.
- An *episode* is a run of at least ``MIN_NEGATIVE`` negative messages, each within
  ``EPISODE_GAP`` (30 minutes) of the negative one before. It starts at its first negative
  message and ends at its last; the messages in between belong to it.
- How it *ended*: among the messages in the ``EPISODE_GAP`` after its last negative message,
  a repair → "repair"; else a positive message → "positive turn"; no message at all →
  "silence"; only neutral ones → "unresolved" (the talk moved on without a repair).
- *Time to repair*: from the episode's start to the first repair message, looked for until
  ``REPAIR_HORIZON`` (2 days) or the next episode, whichever comes first.
- The *pursue–withdraw index* compares the episode's two halves (split at its middle in time).
  The pursuer is whoever sent more messages in it, the withdrawer the other most active
  person. Pursuit = (pursuer's messages in the second half − in the first) / all of theirs;
  withdrawal = the same for the withdrawer's mean wait before answering a pursuer's message
  (a wait runs until the withdrawer's next message, at most until ``EPISODE_GAP`` after the
  episode). The index is the smaller of the two, from −1 to 1: above 0 only when the
  pursuer wrote faster while the withdrawer answered slower.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal, Protocol

from bowlby.chats.messages import ChatMessage

EPISODE_GAP = timedelta(minutes=30)
REPAIR_HORIZON = timedelta(days=2)
MIN_NEGATIVE = 2
CONFLICT_LABELS = frozenset(
    {"protest", "withdrawal", "criticism", "contempt", "defensiveness", "stonewalling"}
)
REPAIR = "repair"

Ending = Literal["repair", "positive turn", "silence", "unresolved"]
ENDINGS: tuple[Ending, ...] = ("repair", "positive turn", "silence", "unresolved")


class Reading(Protocol):
    """What the episodes need from a message's analysis (bowlby.chats.patterns.Analysis)."""

    @property
    def labels(self) -> tuple[str, ...]: ...

    @property
    def valence(self) -> str: ...


@dataclass(frozen=True)
class PursueWithdraw:
    pursuer: str
    withdrawer: str
    pursuit: float
    withdrawal: float

    @property
    def index(self) -> float:
        return min(self.pursuit, self.withdrawal)


@dataclass(frozen=True)
class Episode:
    """One conflict episode; ``first``..``last`` index the conversation it was found in."""

    first: int
    last: int
    started_at: datetime
    ended_at: datetime
    ending: Ending
    messages: dict[str, int] = field(default_factory=dict)
    negative: dict[str, int] = field(default_factory=dict)
    flagged: tuple[int, ...] = ()
    repair_at: datetime | None = None
    repaired_by: str | None = None
    pursue_withdraw: PursueWithdraw | None = None

    @property
    def duration(self) -> timedelta:
        return self.ended_at - self.started_at

    @property
    def time_to_repair(self) -> timedelta | None:
        return None if self.repair_at is None else self.repair_at - self.started_at

    @property
    def negative_total(self) -> int:
        return sum(self.negative.values())


def is_negative(reading: Reading) -> bool:
    if reading.valence == "negative":
        return True
    labels = set(reading.labels)
    return bool(labels & CONFLICT_LABELS) and REPAIR not in labels


def find_episodes(messages: Sequence[ChatMessage], readings: Sequence[Reading]) -> list[Episode]:
    """The conflict episodes of a conversation (no system messages), oldest first;
    ``readings`` runs parallel to ``messages``."""
    if len(messages) != len(readings):
        raise ValueError("every message needs its reading")
    clusters = _negative_clusters(messages, readings)
    episodes = []
    for number, flagged in enumerate(clusters):
        stop = clusters[number + 1][0] if number + 1 < len(clusters) else len(messages)
        episodes.append(_episode(messages, readings, flagged, stop))
    return episodes


def _negative_clusters(
    messages: Sequence[ChatMessage], readings: Sequence[Reading]
) -> list[list[int]]:
    clusters: list[list[int]] = []
    current: list[int] = []
    for index, reading in enumerate(readings):
        if not is_negative(reading):
            continue
        if current and messages[index].sent_at - messages[current[-1]].sent_at > EPISODE_GAP:
            clusters.append(current)
            current = []
        current.append(index)
    clusters.append(current)
    return [cluster for cluster in clusters if len(cluster) >= MIN_NEGATIVE]


def _episode(
    messages: Sequence[ChatMessage], readings: Sequence[Reading], flagged: list[int], stop: int
) -> Episode:
    """``stop``: where the next episode starts (a repair is looked for before it)."""
    first, last = flagged[0], flagged[-1]
    inside = messages[first : last + 1]
    repair = _first_repair(messages, readings, first, stop)
    return Episode(
        first=first,
        last=last,
        started_at=messages[first].sent_at,
        ended_at=messages[last].sent_at,
        ending=_ending(messages, readings, last),
        messages=_count_by_sender(inside),
        negative=_count_by_sender([messages[index] for index in flagged]),
        flagged=tuple(flagged),
        repair_at=None if repair is None else messages[repair].sent_at,
        repaired_by=None if repair is None else messages[repair].sender,
        pursue_withdraw=pursue_withdraw(inside, _following(messages, last)),
    )


def _count_by_sender(messages: Sequence[ChatMessage]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for message in messages:
        counts[message.sender] = counts.get(message.sender, 0) + 1
    return counts


def _following(messages: Sequence[ChatMessage], last: int) -> Sequence[ChatMessage]:
    """The messages in the EPISODE_GAP after an episode's last negative message."""
    limit = messages[last].sent_at + EPISODE_GAP
    stop = last + 1
    while stop < len(messages) and messages[stop].sent_at <= limit:
        stop += 1
    return messages[last + 1 : stop]


def _ending(messages: Sequence[ChatMessage], readings: Sequence[Reading], last: int) -> Ending:
    window = range(last + 1, last + 1 + len(_following(messages, last)))
    if any(REPAIR in readings[index].labels for index in window):
        return "repair"
    if any(readings[index].valence == "positive" for index in window):
        return "positive turn"
    return "unresolved" if window else "silence"


def _first_repair(
    messages: Sequence[ChatMessage], readings: Sequence[Reading], first: int, stop: int
) -> int | None:
    limit = messages[first].sent_at + REPAIR_HORIZON
    for index in range(first, stop):
        if messages[index].sent_at > limit:
            return None
        if REPAIR in readings[index].labels:
            return index
    return None


def pursue_withdraw(
    messages: Sequence[ChatMessage], after: Sequence[ChatMessage] = ()
) -> PursueWithdraw | None:
    """The episode's pursue–withdraw shape (see the module's docstring); None unless two
    people wrote in it. ``after``: the messages in the EPISODE_GAP after it."""
    counts = _count_by_sender(messages)
    if len(counts) < 2:
        return None
    order = {sender: n for n, sender in reversed(list(enumerate(m.sender for m in messages)))}
    pursuer, withdrawer = sorted(counts, key=lambda sender: (-counts[sender], order[sender]))[:2]
    middle = messages[0].sent_at + (messages[-1].sent_at - messages[0].sent_at) / 2
    halves: tuple[list[int], list[int]] = ([], [])
    for index, message in enumerate(messages):
        if message.sender == pursuer:
            halves[message.sent_at >= middle].append(index)
    limit = messages[-1].sent_at + EPISODE_GAP
    answers = _next_answers([*messages, *after], withdrawer, limit)
    waits = [_mean_wait(messages, answers, half) for half in halves]
    return PursueWithdraw(
        pursuer=pursuer,
        withdrawer=withdrawer,
        pursuit=_rise(len(halves[0]), len(halves[1])),
        withdrawal=_rise(waits[0], waits[1]),
    )


def _next_answers(
    messages: Sequence[ChatMessage], withdrawer: str, limit: datetime
) -> list[datetime]:
    """For each message, the withdrawer's next message after it (at most ``limit``)."""
    answers = []
    answer = limit
    for message in reversed(messages):
        answers.append(answer)
        if message.sender == withdrawer:
            answer = min(message.sent_at, limit)
    answers.reverse()
    return answers


def _mean_wait(
    messages: Sequence[ChatMessage], answers: Sequence[datetime], sent: list[int]
) -> float:
    """The mean wait, in seconds, before these messages were answered."""
    if not sent:
        return 0.0
    waits = [(answers[index] - messages[index].sent_at).total_seconds() for index in sent]
    return sum(waits) / len(waits)


def _rise(before: float, after: float) -> float:
    """From −1 (all before) to 1 (all after)."""
    total = before + after
    return 0.0 if total <= 0 else (after - before) / total
