"""The guide's use cases on both databases: the person's figures gathered from their own
records only (a partner's shared ones never count), the without-data wording when there is
nothing, the variant from their latest questionnaire, and safety mode marking paused tools."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

import pytest

from bowlby import models
from bowlby.chats.messages import ChatMessage, MessageKind, ParseReport
from bowlby.errors import InputError, NotFound
from bowlby.journal.triggers import TriggerInput
from bowlby.learn.wording import FIGURES
from bowlby.practice.repair_attempts import RepairInput, RuptureInput
from bowlby.practice.soothing import SoothingInput
from bowlby.services import (
    chats,
    entries,
    journal,
    learn,
    personal_figures,
    repairs,
    safety,
    sharing,
    soothing,
)
from tests.services.test_assessments import ECR_S_HIGH, ECR_S_LOW, take

NOW = datetime(2026, 4, 10, 20, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


class Read(NamedTuple):
    labels: tuple[str, ...]


def keyword_reading(text: str) -> Read:
    """NEG… protest, AWAY… withdrawal and stonewalling, ALWAYS… criticism; else neutral."""
    for cue, labels in (
        ("NEG", ("protest",)),
        ("AWAY", ("withdrawal", "stonewalling")),
        ("ALWAYS", ("criticism", "protest")),
    ):
        if text.startswith(cue):
            return Read(labels)
    return Read(("neutral",))


def log_trigger(store, keyring, action, days_ago=1, shared=False):
    journal.record_trigger(
        store,
        keyring,
        TriggerInput(
            occurred_at=NOW - timedelta(days=days_ago),
            what_happened="it happened",
            partner_action=action,
            urge="text_again",
            strength=6,
            shared_with_partner=shared,
        ),
    )


def rupture_repaired(store, keyring, minutes, days_ago, shared=False):
    when = NOW - timedelta(days=days_ago)
    made = repairs.record_rupture(
        store,
        keyring,
        RuptureInput(occurred_at=when, what_happened="a fight", shared_with_partner=shared),
    )
    repair = RepairInput(
        repaired_at=when + timedelta(minutes=minutes), how=["apology"], initiated_by="me"
    )
    repairs.record_repair(store, keyring, made.id, repair)


def soothe(store, keyring, before, after, shared=False):
    soothing.record_session(
        store,
        keyring,
        SoothingInput(
            occurred_at=NOW - timedelta(days=2),
            exercise="breathing_478",
            anxiety_before=before,
            anxiety_after=after,
            shared_with_partner=shared,
        ),
    )


def said(days_ago: float, sender: str, text: str) -> ChatMessage:
    when = NOW - timedelta(days=days_ago)
    return ChatMessage(when, sender, text, MessageKind.TEXT, "chat.txt", 1)


CHAT = [
    said(40, "Alex", "NEG too old to count"),
    said(10, "Alex", "NEG where are you"),
    said(10, "Jordan", "NEG not now"),
    said(9, "Alex", "NEG where are you"),
    said(8, "Alex", "AWAY I'm done talking"),
    said(7, "Alex", "ALWAYS you always do this"),
    said(6, "Alex", "see you at 6"),
    said(5, "Jordan", "AWAY whatever"),
]


def couple(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    return alex, sam


def give_sam_shared_records(store, alex, sam):
    """Everything Sam shares with Alex: none of it may count as Alex's."""
    shared = take(store, sam, ECR_S_LOW)
    entries.set_sharing(store, sam, shared.assessment.id, partner=True, therapist=False)
    for _ in range(4):
        log_trigger(store, sam, "request_for_space", shared=True)
    rupture_repaired(store, sam, 5, days_ago=3, shared=True)
    soothe(store, sam, 9, 1, shared=True)


def figures_of(store, keyring):
    return learn.gather_figures(store, keyring, BERLIN, now=NOW, analyse=keyword_reading)


def test_figures_come_from_the_persons_own_records_only(store, make_profile):
    alex, sam = couple(store, make_profile)
    give_sam_shared_records(store, alex, sam)
    take(store, alex, ECR_S_HIGH)
    for action, times in (("delayed_reply", 3), ("cancelled_plans", 2), ("criticism", 1)):
        for _ in range(times):
            log_trigger(store, alex, action)
    log_trigger(store, alex, "seemed_distant", days_ago=120)  # older than 90 days
    for days_ago, minutes in zip(range(30, 24, -1), (600, 500, 60, 50, 40, 30), strict=True):
        rupture_repaired(store, alex, minutes, days_ago)
    for before, after in ((8, 4), (7, 4), (6, 4)):
        soothe(store, alex, before, after)
    chats.import_chat(store, alex, CHAT, me="Alex", format="whatsapp", report=ParseReport())

    found = figures_of(store, alex)
    assert (found.position.instrument, found.position.region) == ("ECR-S", "fearful_disorganized")
    assert (found.position.anxiety, found.position.avoidance) == pytest.approx((6.0, 5.5))
    assert found.position.taken_on == datetime.now(BERLIN).date()
    assert [(t.label, t.count) for t in found.top_triggers] == [
        ("a late or missing reply", 3),
        ("cancelled or changed plans", 2),
        ("criticised or complained", 1),
    ]
    assert found.chat_moves.model_dump() == {
        "messages": 5,
        "protest": 3,
        "withdrawal": 1,
        "horsemen": {"criticism": 1, "contempt": 0, "defensiveness": 0, "stonewalling": 1},
        "capped_at": None,
    }
    repair = found.time_to_repair
    assert (repair.repairs, repair.median_minutes, repair.earlier_median_minutes) == (5, 50, 600)
    assert repair.trend == "quicker"
    assert (found.soothing_effect.sessions, found.soothing_effect.mean_drop) == (3, 3.0)
    assert found.soothing_effect.low < 3.0 < found.soothing_effect.high


def test_a_partners_shared_records_alone_give_the_without_data_wording(store, make_profile):
    alex, sam = couple(store, make_profile)
    give_sam_shared_records(store, alex, sam)
    assert figures_of(store, alex).model_dump() == {
        "position": None,
        "top_triggers": (),
        "chat_moves": None,
        "time_to_repair": None,
        "soothing_effect": None,
    }
    reading = learn.read_article(store, alex, "protest-and-withdrawal", BERLIN, now=NOW)
    assert (reading.variant, reading.another_reading) == ("unknown", None)
    boxes = [part.figure for part in reading.parts if part.figure is not None]
    assert {box.name for box in boxes} == {"position", "chat_moves"}
    for box in boxes:
        assert box.has_data is False
        assert box.sentences == (FIGURES[box.name].without,)


def test_the_article_reads_for_the_latest_position_or_the_one_asked_for(store, make_profile):
    alex = make_profile("Alex")
    take(store, alex, ECR_S_LOW)
    take(store, alex, ECR_S_HIGH)
    reading = learn.read_article(store, alex, "the-patterns", BERLIN, now=NOW)
    assert reading.variant == "fearful"
    (position,) = [p.figure for p in reading.parts if p.figure is not None]
    assert position.has_data
    assert "fearful/disorganized" in " ".join(position.sentences)
    other = learn.read_article(store, alex, "the-patterns", BERLIN, as_variant="avoidant")
    assert other.variant == "avoidant"
    assert other.another_reading.startswith("You are reading the version written for the avoid")
    with pytest.raises(InputError):
        learn.read_article(store, alex, "the-patterns", BERLIN, as_variant="dismissive")
    with pytest.raises(NotFound):
        learn.read_article(store, alex, "no-such-article", BERLIN)


def test_safety_mode_marks_the_coaching_tools_paused_but_the_article_stays(store, make_profile):
    alex = make_profile("Alex")
    slug = "protest-and-withdrawal"
    assert [p.paused for p in learn.read_article(store, alex, slug, BERLIN).practice] == [False]
    safety.set_safety_mode(store, alex, True)
    reading = learn.read_article(store, alex, slug, BERLIN)
    assert [(p.href, p.paused) for p in reading.practice] == [("/practice/cycles", True)]
    assert reading.paused_note is not None
    assert reading.parts


def test_only_the_latest_own_messages_are_read_when_there_are_many(
    store, make_profile, monkeypatch
):
    alex = make_profile("Alex")
    chats.import_chat(store, alex, CHAT, me="Alex", format="whatsapp", report=ParseReport())
    monkeypatch.setattr(personal_figures, "MAX_OWN_MESSAGES", 2)
    moves = figures_of(store, alex).chat_moves
    assert (moves.messages, moves.protest, moves.capped_at) == (2, 1, 2)


def test_the_contents_list_the_articles_in_order():
    contents = learn.list_articles()
    assert [a.order for a in contents] == sorted(a.order for a in contents)
    assert contents[0].slug == "where-patterns-come-from"
