"""The five steps' records as pure logic: validation, patterns, belief change, resurfacing,
search."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from bowlby import models
from bowlby.errors import InputError
from bowlby.journal import emotions, search, successes, thought_records, triggers, vocabulary

MONDAY_9PM_UTC = datetime(2026, 3, 2, 21, tzinfo=UTC)


def as_entry(draft: models.EntryDraft, entry_id: str = "e1") -> models.Entry:
    return models.Entry(
        **draft.model_dump(),
        id=entry_id,
        owner_id="p1",
        owner_name="Alex",
        created_at=draft.occurred_at,
        updated_at=draft.occurred_at,
    )


def trigger(action="delayed_reply", urge="text_again", strength=7, when=MONDAY_9PM_UTC, tags=()):
    log = triggers.TriggerInput(
        occurred_at=when,
        what_happened="no reply for three hours",
        partner_action=action,
        urge=urge,
        strength=strength,
        tags=list(tags),
    )
    return triggers.trigger_view(as_entry(triggers.trigger_draft(log)))


def test_a_trigger_keeps_categories_plain_and_words_in_the_text():
    log = triggers.TriggerInput(
        occurred_at=MONDAY_9PM_UTC,
        what_happened="He said he'd call and didn't",
        partner_action="delayed_reply",
        partner_action_detail="no call at 8",
        urge="text_again",
        strength=8,
        tags=["Evening ", "phone", "evening"],
    )
    draft = triggers.trigger_draft(log)
    assert draft.values == {
        "partner_action": "delayed_reply",
        "urge": "text_again",
        "urge_direction": "protest",
        "strength": 8,
    }
    assert draft.text["tags"] == "evening,phone"
    assert "He said he'd call" in draft.text["what_happened"]


def test_an_unknown_choice_or_strength_is_refused_with_the_field():
    with pytest.raises(InputError) as caught:
        trigger(action="ghosted")
    assert caught.value.field == "partner_action"
    with pytest.raises(ValidationError):
        trigger(strength=11)


def test_recurring_triggers_are_ranked_by_count_then_strength_in_local_time():
    logs = [
        trigger("delayed_reply", strength=8, tags=["phone"]),
        trigger("delayed_reply", strength=6, tags=["phone", "work"]),
        trigger("request_for_space", urge="withdraw", strength=9),
        trigger("criticism", urge="attack", strength=3, when=MONDAY_9PM_UTC + timedelta(days=5)),
    ]
    patterns = triggers.find_trigger_patterns(logs, ZoneInfo("Pacific/Auckland"))
    assert [(r.key, r.count, r.mean_strength) for r in patterns.actions] == [
        ("delayed_reply", 2, 7.0),
        ("request_for_space", 1, 9.0),
        ("criticism", 1, 3.0),
    ]
    assert patterns.tags[0].key == "phone"
    # 21:00 UTC on a Monday is 10:00 on Tuesday in Auckland (UTC+13 in March).
    assert patterns.by_weekday["Tue"] == 3
    assert patterns.by_time_of_day["morning"] == 4
    assert patterns.protest_share == pytest.approx(3 / 4)


def test_an_emotion_must_come_from_its_family_and_offers_the_core_fear_statement():
    note = emotions.EmotionInput(
        occurred_at=MONDAY_9PM_UTC,
        family="fear",
        name="abandoned",
        intensity=7,
        core_fear="rejection",
    )
    view = emotions.emotion_view(as_entry(emotions.emotion_draft(note)))
    assert view.statement == "I am feeling the fear of rejection right now."
    assert view.core_fear_label == "fear of rejection"
    with pytest.raises(InputError) as caught:
        emotions.EmotionInput(
            occurred_at=MONDAY_9PM_UTC, family="fear", name="grateful", intensity=2
        )
    assert caught.value.field == "name"


def test_every_core_fear_of_the_seed_is_offered():
    assert [fear.id for fear in vocabulary.core_fears()] == [
        "unloved",
        "rejection",
        "abandonment",
        "engulfment",
    ]


def test_a_thought_record_stores_both_ratings_and_the_drop_is_derived():
    record = thought_records.ThoughtRecordInput(
        occurred_at=MONDAY_9PM_UTC,
        situation="No reply all afternoon",
        automatic_thought="They will definitely leave me",
        belief_before=90,
        distortions=["catastrophising", "mind_reading", "catastrophising"],
        evidence_against="They booked our trip last week",
        balanced_thought="They are busy; they have been reliable",
        belief_after=35,
    )
    view = thought_records.thought_record_view(
        as_entry(thought_records.thought_record_draft(record))
    )
    assert view.distortions == ["catastrophising", "mind_reading"]
    assert view.belief_drop == 55
    summary = thought_records.summarise_belief_change([view])
    assert (summary.completed, summary.mean_drop) == (1, 55)
    assert summary.distortion_counts[0] == ("catastrophising", 1)


def test_every_distortion_explains_itself():
    for distortion in vocabulary.distortions():
        assert distortion.detail.endswith(".")
        assert distortion.extra.endswith("?")


def test_remember_when_is_calm_the_same_all_day_and_prefers_older_moments():
    def moment(days_ago: int, entry_id: str):
        draft = successes.success_draft(
            successes.SuccessInput(
                occurred_at=datetime(2026, 3, 20, tzinfo=UTC) - timedelta(days=days_ago),
                what_happened=f"kind thing {entry_id}",
                quality="caring",
            )
        )
        return successes.success_view(as_entry(draft, entry_id))

    moments = [moment(1, "new"), moment(10, "a"), moment(20, "b"), moment(30, "c")]
    today = date(2026, 3, 20)
    picked = successes.remember_when(moments, today)
    assert picked.id in {"a", "b", "c"}
    assert successes.remember_when(moments, today).id == picked.id
    assert successes.remember_when([], today) is None
    assert successes.remember_when([moments[0]], today).id == "new"


def test_search_is_case_and_accent_insensitive_and_needs_every_word():
    first = as_entry(
        models.EntryDraft(
            occurred_at=MONDAY_9PM_UTC, kind="journal", text={"body": "Café with Sam, calm"}
        ),
        "one",
    )
    second = as_entry(
        models.EntryDraft(occurred_at=MONDAY_9PM_UTC, kind="journal", text={"body": "cafe alone"}),
        "two",
    )
    hits = search.search_entries([first, second], "CAFE sam")
    assert [hit.entry.id for hit in hits] == ["one"]
    assert "Café with Sam" in hits[0].snippet
    assert search.search_entries([first, second], "   ") == []
