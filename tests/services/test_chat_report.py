"""A chat's report and its estimated 5:1 counts as use cases, read back from the encrypted
store, with a tiny keyword analyser so the numbers are exact; only the importer may read."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

import pytest

from bowlby.chats.chat_report import periods_by_day, tally_days
from bowlby.chats.messages import ChatMessage, MessageKind, ParseReport
from bowlby.errors import InputError, NotShared
from bowlby.services import chat_report, chats, safety

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


class Evidence(NamedTuple):
    label: str
    signal: str
    text: str


class Read(NamedTuple):
    labels: tuple[str, ...]
    valence: str
    evidence: tuple[Evidence, ...] = ()


def keyword_reading(text: str) -> Read:
    """NEG… is protest, SORRY… a repair, YAY… warm; anything else neutral."""
    if text.startswith("NEG"):
        return Read(("protest",), "negative", (Evidence("protest", "words", "NEG"),))
    if text.startswith("SORRY"):
        return Read(("repair",), "positive", (Evidence("repair", "words", "SORRY"),))
    if text.startswith("YAY"):
        return Read(("appreciation",), "positive")
    return Read(("neutral",), "neutral")


def said(minutes: float, sender: str, text: str = "ok", start: datetime = START) -> ChatMessage:
    kind = MessageKind.SYSTEM if not sender else MessageKind.TEXT
    return ChatMessage(start + timedelta(minutes=minutes), sender, text, kind, "chat.txt", 1)


CHAT = [
    said(0, "", "Messages are end-to-end encrypted"),
    said(0, "Maya", "are you home soon?"),
    said(10, "Jordan", "YAY yes, 20 min"),
    said(12, "Maya", "NEG hello??"),
    said(14, "Maya", "NEG why are you ignoring me"),
    said(44, "Jordan", "NEG I need space"),
    said(104, "Jordan", "SORRY I went quiet"),
    said(24 * 60 + 104, "Maya", "YAY morning"),
]


def import_messages(store, keyring, messages=CHAT) -> str:
    summary = chats.import_chat(
        store, keyring, messages, me="Maya", format="whatsapp", report=ParseReport()
    )
    return summary.chat_id


def report_of(store, keyring, chat_id, **window):
    return chat_report.build_chat_report(
        store, keyring, chat_id, BERLIN, analyse=keyword_reading, **window
    )


def test_the_report_reads_the_stored_chat_once_and_times_it(store, make_profile):
    alex = make_profile("Alex")
    chat_id = import_messages(store, alex)
    result = report_of(store, alex, chat_id)
    report = result.report
    assert result.chat.id == chat_id
    assert len(report.talk) == 7
    assert report.people == ["Maya", "Jordan"]
    maya, jordan = report.timing.person("Maya"), report.timing.person("Jordan")
    assert (maya.replies, maya.median_reply) == (1, 120.0)
    assert (jordan.replies, jordan.median_reply) == (2, 1200.0)
    assert (maya.bursts, maya.longest_burst) == (1, 2)
    assert maya.initiations == 1
    (episode,) = report.episodes
    assert episode.negative == {"Maya": 2, "Jordan": 1}
    assert episode.ending == "silence"
    assert episode.time_to_repair == timedelta(minutes=92)
    assert (report.ratio_total.positive, report.ratio_total.negative) == (3, 3)
    assert not result.coaching_paused
    assert result.risky == frozenset()


def test_a_period_in_local_days_keeps_only_its_messages(store, make_profile):
    alex = make_profile("Alex")
    chat_id = import_messages(store, alex)
    since, until = chat_report.window_of(BERLIN, date(2026, 3, 3), date(2026, 3, 3))
    assert since == datetime(2026, 3, 2, 23, 0, tzinfo=UTC)
    assert until == datetime(2026, 3, 3, 23, 0, tzinfo=UTC)
    report = report_of(store, alex, chat_id, since=since, until=until).report
    assert [m.text for m in report.talk] == ["YAY morning"]
    with pytest.raises(InputError, match="swap"):
        chat_report.window_of(BERLIN, date(2026, 3, 3), date(2026, 3, 2))


def test_nobody_else_can_read_the_report_and_a_short_id_will_do(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    chat_id = import_messages(store, alex)
    with pytest.raises(NotShared):
        report_of(store, sam, chat_id)
    with pytest.raises(NotShared):
        report_of(store, sam, chat_id[:8])
    assert report_of(store, alex, chat_id[:8]).chat.id == chat_id


def test_safety_mode_and_risk_words_set_the_coaching_aside(store, make_profile):
    alex = make_profile("Alex")
    risky = [
        said(0, "Maya", "NEG he hit me last night"),
        said(1, "Jordan", "NEG stop"),
    ]
    chat_id = import_messages(store, alex, risky)
    result = report_of(store, alex, chat_id)
    assert result.risky == frozenset({0})
    safety.set_safety_mode(store, alex, True)
    assert report_of(store, alex, chat_id).coaching_paused


def test_estimated_counts_group_by_local_day_across_the_spring_dst_change():
    # Berlin moves its clocks forward on 29 March 2026; that day has 23 hours.
    night = datetime(2026, 3, 28, 22, 30, tzinfo=UTC)  # 23:30 on the 28th in Berlin
    talk = [
        said(0, "Maya", "YAY night", night),
        said(60, "Jordan", "NEG 01:30 CET", night),  # 00:30 on the 29th
        said(60 * 21, "Maya", "YAY 21:30 CEST", night),  # 19:30 UTC: 21:30 on the 29th
        said(60 * 22 + 30, "Jordan", "NEG 23:00 CEST", night),  # still the 29th
        said(60 * 23 + 30, "Maya", "YAY 00:00 CEST", night),  # midnight: the 30th
    ]
    days = tally_days(talk, [keyword_reading(m.text) for m in talk], BERLIN)
    counted = {day: (t.positive_estimated, t.negative_estimated) for day, t in days.items()}
    assert counted == {
        date(2026, 3, 28): (1, 0),
        date(2026, 3, 29): (1, 2),
        date(2026, 3, 30): (1, 0),
    }
    periods = periods_by_day(days, date(2026, 3, 27), date(2026, 3, 30))
    assert [p.tally is None for p in periods] == [True, False, False, False]
    assert all(p.tally is None or p.tally.logged_only().total == 0 for p in periods)


def test_the_ledger_feed_is_computed_for_its_window_only(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    import_messages(store, alex)
    found = chat_report.estimate_ratio(
        store, alex, BERLIN, date(2026, 3, 3), date(2026, 3, 9), analyse=keyword_reading
    )
    (estimate,) = found
    assert estimate.name == "Chat with Jordan"
    assert {d: t.positive_estimated for d, t in estimate.days.items()} == {date(2026, 3, 3): 1}
    before = chat_report.estimate_ratio(
        store, alex, BERLIN, date(2026, 2, 1), date(2026, 2, 28), analyse=keyword_reading
    )
    assert before == []
    assert (
        chat_report.estimate_ratio(
            store, sam, BERLIN, date(2026, 3, 1), date(2026, 3, 9), analyse=keyword_reading
        )
        == []
    )


def test_the_demo_chat_shows_episodes_growing_rarer_and_repair_sooner(settings):
    """Maya's demo chat, read by the real analyser: the story the demo tells is visible."""
    from bowlby.demo import DEMO_LOGINS, demo_settings, ensure_demo
    from bowlby.services import accounts
    from bowlby.store.engine import open_store

    demo = demo_settings(settings)
    ensure_demo(demo, today=datetime(2026, 11, 24, 12, tzinfo=UTC))
    store = open_store(demo)
    try:
        maya = accounts.unlock_profile(store, *DEMO_LOGINS[0])
        (chat,) = chats.list_chats(store, maya)
        trend = chat_report.build_chat_report(store, maya, chat.id, BERLIN).report.trend
    finally:
        store.dispose()
    assert trend is not None
    assert trend.rarer
    assert trend.repair_sooner
