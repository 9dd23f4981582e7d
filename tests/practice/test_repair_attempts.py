"""Time-to-repair on hand-made ruptures: open ones stay open (never zero), a repair before its
rupture is refused, DST does not bend the minutes, and the phrase bank is ours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bowlby import models
from bowlby.errors import InputError
from bowlby.practice.repair_attempts import (
    RepairInput,
    RuptureInput,
    format_minutes,
    median_by_month,
    open_minutes,
    phrase_bank,
    phrases_for,
    repaired_draft,
    rolling_median,
    rupture_draft,
    rupture_view,
)

NEW_YORK = ZoneInfo("America/New_York")
START = datetime(2026, 3, 1, 20, tzinfo=UTC)


def stored(draft: models.EntryDraft, entry_id: str = "r1") -> models.Entry:
    return models.Entry(
        **draft.model_dump(),
        id=entry_id,
        owner_id="p1",
        owner_name="Alex",
        created_at=draft.occurred_at,
        updated_at=draft.occurred_at,
    )


def rupture(when: datetime, entry_id: str = "r1") -> models.Entry:
    return stored(rupture_draft(RuptureInput(occurred_at=when, what_happened="dishes")), entry_id)


def repaired(entry: models.Entry, after: timedelta, how=("apology",), by="me") -> models.Entry:
    repair = RepairInput(repaired_at=entry.occurred_at + after, how=list(how), initiated_by=by)
    return stored(repaired_draft(entry, repair), entry.id)


def test_a_rupture_is_open_until_repaired_and_its_age_is_not_a_repair_time():
    opened = rupture_view(rupture(START))
    assert opened.is_open
    assert opened.minutes_to_repair is None
    assert open_minutes(opened, START + timedelta(hours=5)) == 300
    assert median_by_month([opened], NEW_YORK) == []
    assert rolling_median([opened], NEW_YORK) == []


def test_the_repair_is_added_to_the_same_entry_with_minutes_and_who_began_it():
    entry = rupture(START)
    done = repaired(entry, timedelta(minutes=45), how=("Validation", "apology"), by="my partner")
    view = rupture_view(done)
    assert (view.id, view.what_happened, view.intensity) == ("r1", "dishes", 5)
    assert view.minutes_to_repair == 45
    assert view.how == ["validation", "apology"]
    assert (view.initiated_by, view.initiated_by_label) == ("partner", "my partner")
    assert done.values["status"] == "repaired"


def test_a_repair_before_its_rupture_is_refused_on_the_repair_time():
    with pytest.raises(InputError) as refused:
        repaired(rupture(START), timedelta(minutes=-1))
    assert refused.value.field == "repaired_at"
    assert refused.value.detail == (
        "the repair cannot come before the rupture; check the time of the repair."
    )


def test_a_repair_needs_a_known_way_and_a_known_initiator():
    with pytest.raises(InputError) as unknown:
        RepairInput(repaired_at=START, how=["flowers"], initiated_by="me")
    assert unknown.value.field == "how"
    with pytest.raises(InputError):
        RepairInput(repaired_at=START, how=[""], initiated_by="me")
    with pytest.raises(ValueError, match="initiated_by"):
        RepairInput(repaired_at=START, how=["apology"], initiated_by="the dog")


def test_minutes_across_spring_forward_and_fall_back_are_real_minutes():
    spring = datetime(2026, 3, 8, 1, 30, tzinfo=NEW_YORK)
    spring_repair = datetime(2026, 3, 8, 3, 30, tzinfo=NEW_YORK)  # wall clock says 2 hours
    entry = rupture(spring)
    fixed = RepairInput(repaired_at=spring_repair, how=["reconnection"], initiated_by="both")
    assert rupture_view(stored(repaired_draft(entry, fixed))).minutes_to_repair == 60
    fall = datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=0)
    fall_repair = datetime(2026, 11, 1, 1, 20, tzinfo=NEW_YORK, fold=1)  # wall clock goes back
    entry = rupture(fall)
    later = RepairInput(repaired_at=fall_repair, how=["apology"], initiated_by="me")
    assert rupture_view(stored(repaired_draft(entry, later))).minutes_to_repair == 50


def test_the_trend_is_the_median_per_local_month_and_rolling():
    ruptures = [
        rupture_view(repaired(rupture(START, "a"), timedelta(days=2))),
        rupture_view(repaired(rupture(START + timedelta(days=3), "b"), timedelta(hours=10))),
        rupture_view(repaired(rupture(START + timedelta(days=6), "c"), timedelta(hours=20))),
        # 31 March 23:00 in New York is 1 April in UTC: it belongs to March there.
        rupture_view(
            repaired(rupture(datetime(2026, 4, 1, 3, tzinfo=UTC), "d"), timedelta(minutes=90))
        ),
        rupture_view(
            repaired(rupture(datetime(2026, 4, 20, 20, tzinfo=UTC), "e"), timedelta(minutes=30))
        ),
        rupture_view(rupture(datetime(2026, 4, 25, tzinfo=UTC), "open")),
    ]
    months = median_by_month(ruptures, NEW_YORK)
    assert [(m.label, m.median_minutes, m.repaired) for m in months] == [
        ("2026-03", 900, 4),  # median of 90, 600, 1200 and 2880
        ("2026-04", 30, 1),
    ]
    rolling = rolling_median(ruptures, NEW_YORK, count=3)
    assert [r.median_minutes for r in rolling] == [2880, 1740, 1200, 600, 90]


def test_durations_read_as_minutes_hours_and_days():
    assert format_minutes(0.4) == "less than a minute"
    assert format_minutes(1) == "1 minute"
    assert format_minutes(45.4) == "45 minutes"
    assert format_minutes(60) == "1 hour"
    assert format_minutes(125) == "2 hours 5 minutes"
    assert format_minutes(24 * 60 + 61) == "1 day 1 hour"
    assert format_minutes(3 * 24 * 60) == "3 days"


def test_the_phrase_bank_has_every_purpose_and_finds_one():
    bank = phrase_bank()
    assert [p.id for p in bank.purposes] == ["feel", "sorry", "yes", "calm", "stop", "appreciate"]
    assert all(len(p.phrases) >= 5 for p in bank.purposes)
    assert phrases_for("calm")[0].title == "I need to calm down…"
    assert phrases_for("I feel")[0].id == "feel"
    assert len(phrases_for(None)) == 6
    with pytest.raises(InputError) as unknown:
        phrases_for("shout")
    assert unknown.value.field == "purpose"
