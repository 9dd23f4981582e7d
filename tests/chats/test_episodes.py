"""Conflict episodes on synthetic chats with hand-made readings (not the analyser's): the
clusters, how each ended, the time to the first repair and the pursue–withdraw index."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import NamedTuple

import pytest

from bowlby.chats.episodes import find_episodes, is_negative, pursue_withdraw
from bowlby.chats.messages import ChatMessage, MessageKind

START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


class Read(NamedTuple):
    labels: tuple[str, ...]
    valence: str


NEG = Read(("protest",), "negative")
COLD = Read(("withdrawal",), "neutral")
CALM = Read(("neutral",), "neutral")
WARM = Read(("appreciation",), "positive")
SORRY = Read(("repair",), "positive")


def chat(*lines: tuple[float, str, Read]) -> tuple[list[ChatMessage], list[Read]]:
    messages = [
        ChatMessage(START + timedelta(minutes=m), who, "…", MessageKind.TEXT, "", 0)
        for m, who, _ in lines
    ]
    return messages, [read for _, _, read in lines]


def test_negative_means_negative_valence_or_a_conflict_label_without_repair():
    assert is_negative(NEG)
    assert is_negative(COLD)
    assert not is_negative(CALM)
    assert not is_negative(Read(("withdrawal", "repair"), "neutral"))


def test_negatives_within_30_minutes_make_one_episode_and_a_lone_one_makes_none():
    messages, readings = chat(
        (0, "Maya", NEG),
        (10, "Jordan", COLD),
        (15, "Maya", CALM),
        (40, "Maya", NEG),  # 30 minutes after the last negative: still the same episode
        (45, "Jordan", CALM),
        (180, "Maya", NEG),  # alone: not an episode
        (300, "Maya", NEG),
        (331, "Jordan", NEG),  # 31 minutes later: too far, so no episode either
    )
    (episode,) = find_episodes(messages, readings)
    assert (episode.first, episode.last, episode.flagged) == (0, 3, (0, 1, 3))
    assert episode.duration == timedelta(minutes=40)
    assert episode.messages == {"Maya": 3, "Jordan": 1}
    assert episode.negative == {"Maya": 2, "Jordan": 1}
    assert episode.negative_total == 3
    assert episode.ending == "unresolved"


@pytest.mark.parametrize(
    ("after", "ending"),
    [
        ([(25, "Jordan", CALM), (28, "Jordan", SORRY)], "repair"),
        ([(25, "Jordan", WARM)], "positive turn"),
        ([(25, "Jordan", CALM)], "unresolved"),
        ([(36, "Jordan", SORRY)], "silence"),  # the repair came after the 30 minutes
        ([], "silence"),
    ],
)
def test_how_an_episode_ended(after, ending):
    messages, readings = chat((0, "Maya", NEG), (5, "Jordan", NEG), *after)
    (episode,) = find_episodes(messages, readings)
    assert episode.ending == ending


def test_time_to_repair_counts_from_the_start_even_after_a_silence():
    messages, readings = chat(
        (0, "Maya", NEG), (5, "Jordan", COLD), (600, "Jordan", SORRY), (610, "Maya", SORRY)
    )
    (episode,) = find_episodes(messages, readings)
    assert episode.ending == "silence"
    assert episode.time_to_repair == timedelta(hours=10)
    assert episode.repaired_by == "Jordan"


def test_a_repair_is_not_looked_for_past_the_next_episode_or_two_days():
    messages, readings = chat(
        (0, "Maya", NEG),
        (5, "Jordan", NEG),
        (120, "Maya", NEG),
        (125, "Jordan", NEG),
        (130, "Jordan", SORRY),
        (5000, "Maya", NEG),
        (5001, "Jordan", NEG),
        (5001 + 2 * 24 * 60 + 1, "Jordan", SORRY),
    )
    first, second, third = find_episodes(messages, readings)
    assert first.time_to_repair is None
    assert second.time_to_repair == timedelta(minutes=10)
    assert second.ending == "repair"
    assert third.time_to_repair is None


def test_pursue_withdraw_rises_when_one_writes_faster_and_the_other_answers_slower():
    messages, readings = chat(
        (0, "Maya", NEG),
        (2, "Jordan", NEG),
        (10, "Maya", NEG),
        (12, "Jordan", CALM),
        (30, "Maya", NEG),
        (31, "Maya", NEG),
        (32, "Maya", NEG),
        (33, "Maya", NEG),
        (53, "Jordan", CALM),  # after the episode, inside its 30 minutes: still an answer
    )
    (episode,) = find_episodes(messages, readings)
    shape = episode.pursue_withdraw
    assert shape is not None
    assert (shape.pursuer, shape.withdrawer) == ("Maya", "Jordan")
    # Maya: 2 messages before the middle (16.5 min), 4 after → (4 - 2) / 6.
    assert shape.pursuit == pytest.approx(1 / 3)
    # Jordan's mean wait: 2 minutes, then (23 + 22 + 21 + 20) / 4 = 21.5 minutes.
    assert shape.withdrawal == pytest.approx(19.5 / 23.5)
    assert shape.index == pytest.approx(1 / 3)


def test_pursue_withdraw_is_negative_when_the_other_comes_closer():
    messages, _ = chat(
        (0, "Maya", NEG),
        (1, "Maya", NEG),
        (2, "Maya", NEG),
        (20, "Jordan", NEG),
        (40, "Maya", NEG),
        (41, "Jordan", NEG),
    )
    shape = pursue_withdraw(messages)
    assert shape is not None
    assert shape.pursuit == pytest.approx((1 - 3) / 4)
    # Jordan's mean wait: (20 + 19 + 18) / 3 = 19 minutes, then 1 minute.
    assert shape.withdrawal == pytest.approx((1 - 19) / 20)
    assert shape.index == pytest.approx(-0.9)


def test_one_person_alone_has_no_pursue_withdraw_shape():
    messages, _ = chat((0, "Maya", NEG), (1, "Maya", NEG))
    assert pursue_withdraw(messages) is None


def test_readings_must_match_the_messages():
    messages, readings = chat((0, "Maya", NEG))
    with pytest.raises(ValueError, match="reading"):
        find_episodes(messages, [*readings, CALM])
