"""Timing on synthetic chats whose latencies, bursts and silences are known exactly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bowlby.chats.messages import ChatMessage, MessageKind
from bowlby.chats.timing import (
    conversation,
    find_bursts,
    find_initiations,
    find_replies,
    percentile,
    summarise_timing,
)

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def said(minutes: float, sender: str, text: str = "hi") -> ChatMessage:
    kind = MessageKind.SYSTEM if not sender else MessageKind.TEXT
    return ChatMessage(START + timedelta(minutes=minutes), sender, text, kind, "", 0)


# Maya replies after 1, 3 and 5 minutes; Jordan after 10, 20, 30 and 40 (and once after a
# night, which is a silence, not a reply). Maya double-texts twice (3 and 2 messages).
CHAT = [
    said(0, "", "Messages are end-to-end encrypted"),
    said(0, "Maya"),
    said(10, "Jordan"),
    said(11, "Maya"),
    said(12, "Maya"),
    said(13, "Maya"),
    said(33, "Jordan"),
    said(36, "Maya"),
    said(66, "Jordan"),
    said(71, "Maya"),
    said(72, "Maya"),
    said(112, "Jordan"),
    said(112 + 8 * 60, "Maya", "good morning"),  # after 8 hours: an initiation
    said(112 + 9 * 60, "Jordan"),  # after 1 hour: not a reply? it is: under 6 hours
    said(112 + 9 * 60 + 1, "Jordan"),
]


def test_system_messages_are_left_out():
    talk = conversation(CHAT)
    assert len(talk) == len(CHAT) - 1
    assert all(message.sender for message in talk)


def test_each_reply_is_timed_from_the_message_before_it():
    replies = find_replies(conversation(CHAT))
    by_maya = [r.seconds / 60 for r in replies if r.sender == "Maya"]
    by_jordan = [r.seconds / 60 for r in replies if r.sender == "Jordan"]
    assert by_maya == [1, 3, 5]
    assert by_jordan == [10, 20, 30, 40, 60]


def test_median_and_90th_percentile_per_person_and_the_asymmetry():
    summary = summarise_timing(CHAT)
    maya, jordan = summary.person("Maya"), summary.person("Jordan")
    assert (maya.messages, jordan.messages) == (8, 6)
    assert (maya.replies, maya.median_reply, maya.p90_reply) == (
        3,
        180.0,
        276.0,
    )  # 3 + 0.8 * (5 - 3) minutes
    assert (jordan.replies, jordan.median_reply) == (5, 1800.0)
    assert jordan.p90_reply == 3120.0  # 40 + 0.6 * (60 - 40) minutes
    assert (summary.slower, summary.faster) == ("Jordan", "Maya")
    assert summary.asymmetry == 10.0


def test_bursts_count_unanswered_runs_by_person():
    bursts = find_bursts(conversation(CHAT))
    assert [(b.sender, b.messages) for b in bursts] == [("Maya", 3), ("Maya", 2), ("Jordan", 2)]
    summary = summarise_timing(CHAT)
    maya = summary.person("Maya")
    assert (maya.bursts, maya.longest_burst, maya.burst_messages) == (2, 3, 5)
    assert summary.person("Jordan").bursts == 1


def test_a_silence_breaks_a_burst_and_the_message_after_it_is_an_initiation():
    chat = [said(0, "Maya"), said(5, "Maya"), said(5 + 6 * 60, "Maya"), said(5 + 6 * 60 + 1, "Jo")]
    assert [b.messages for b in find_bursts(chat)] == [2]
    starts = find_initiations(chat)
    assert [(i.sender, i.silence_seconds) for i in starts] == [("Maya", 6 * 3600.0)]
    assert summarise_timing(chat).person("Maya").initiations == 1
    assert summarise_timing(CHAT).person("Maya").initiations == 1


def test_a_reply_after_a_long_silence_is_not_a_latency():
    chat = [said(0, "Maya"), said(7 * 60, "Jordan"), said(7 * 60 + 2, "Maya")]
    summary = summarise_timing(chat)
    assert summary.person("Jordan").replies == 0
    assert summary.person("Jordan").median_reply is None
    assert summary.person("Maya").median_reply == 120.0
    assert summary.asymmetry is None


def test_percentile_interpolates_between_ranks():
    assert percentile([], 0.5) is None
    assert percentile([4.0], 0.9) == 4.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert percentile([10.0, 20.0, 30.0, 40.0, 50.0], 0.9) == 46.0
