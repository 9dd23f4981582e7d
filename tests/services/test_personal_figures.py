"""A person's own figures: only their own records count, each over its window, and a person
without records gets None (or empty), never a zero that reads as a result."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bowlby import models
from bowlby.journal.successes import SuccessInput
from bowlby.journal.thought_records import ThoughtRecordInput
from bowlby.journal.triggers import TriggerInput
from bowlby.practice.checkins import CheckinInput
from bowlby.practice.ratio_ledger import InteractionInput
from bowlby.practice.repair_attempts import RepairInput, RuptureInput
from bowlby.practice.soothing import SoothingInput
from bowlby.services import (
    assessment_reports,
    checkins,
    entries,
    journal,
    ratio_ledger,
    repairs,
    sharing,
    soothing,
)
from bowlby.services import personal_figures as figures
from tests.services.test_assessments import ECR_S_HIGH, ECR_S_LOW, NORMS, take

NOW = datetime(2026, 4, 10, 20, tzinfo=UTC)  # a Friday evening; in Berlin 22:00
BERLIN = ZoneInfo("Europe/Berlin")


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


@pytest.fixture
def couple(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    return alex, sam


def trigger(store, keyring, action, days, shared=False):
    journal.record_trigger(
        store,
        keyring,
        TriggerInput(
            occurred_at=ago(days),
            what_happened="it happened",
            partner_action=action,
            urge="text_again",
            strength=6,
            shared_with_partner=shared,
        ),
    )


def thought(store, keyring, before, after, days, shared=False):
    journal.record_thought(
        store,
        keyring,
        ThoughtRecordInput(
            occurred_at=ago(days),
            situation="no reply",
            automatic_thought="they are leaving",
            belief_before=before,
            belief_after=after,
            shared_with_partner=shared,
        ),
    )


def checkin(store, keyring, days, shared=False):
    checkins.record_checkin(
        store,
        keyring,
        CheckinInput(occurred_at=ago(days), feeling_word="calm", shared_with_partner=shared),
    )


def moment(store, keyring, sign, days, source="logged", shared=False):
    ratio_ledger.log_interaction(
        store,
        keyring,
        InteractionInput(
            occurred_at=ago(days), sign=sign, source=source, shared_with_partner=shared
        ),
    )


def repaired(store, keyring, minutes, days, shared=False):
    made = repairs.record_rupture(
        store,
        keyring,
        RuptureInput(occurred_at=ago(days), what_happened="a fight", shared_with_partner=shared),
    )
    when = ago(days) + timedelta(minutes=minutes)
    repairs.record_repair(
        store, keyring, made.id, RepairInput(repaired_at=when, how=["apology"], initiated_by="me")
    )


def soothe(store, keyring, before, after, days, shared=False):
    soothing.record_session(
        store,
        keyring,
        SoothingInput(
            occurred_at=ago(days),
            exercise="breathing_478",
            anxiety_before=before,
            anxiety_after=after,
            shared_with_partner=shared,
        ),
    )


def success(store, keyring, text, days, shared=False):
    journal.record_success(
        store,
        keyring,
        SuccessInput(occurred_at=ago(days), what_happened=text, shared_with_partner=shared),
    )


def test_a_person_without_records_has_no_figures(store, couple):
    alex, _ = couple
    assert figures.latest_position(store, alex, BERLIN) is None
    assert figures.position_change(store, alex, BERLIN) is None
    assert figures.checkin_streak(store, alex, BERLIN, NOW) is None
    assert figures.repair_trend(store, alex, BERLIN, NOW) is None
    assert figures.top_triggers(store, alex, BERLIN, NOW) == ()
    assert figures.belief_drop(store, alex, NOW) is None
    assert figures.soothing_effect(store, alex, NOW) is None
    assert figures.remember_when(store, alex, BERLIN, NOW) is None
    assert figures.chat_moves(store, alex, NOW) is None
    week = figures.week_ratio(store, alex, BERLIN, NOW).this_week
    assert (week.positive_logged, week.negative_logged, week.logged_ratio) == (0, 0, None)


def test_the_position_moves_from_the_first_to_the_latest_with_its_error(store, couple):
    alex, sam = couple
    shared = take(store, sam, ECR_S_HIGH)
    entries.set_sharing(store, sam, shared.assessment.id, partner=True, therapist=False)
    take(store, alex, ECR_S_HIGH)
    assert figures.position_change(store, alex, BERLIN).results == 1
    latest = take(store, alex, ECR_S_LOW)
    found = figures.position_change(store, alex, BERLIN)
    assert found.latest_id == latest.assessment.id
    assert (found.results, len(found.trail), found.direction) == (2, 2, "toward")
    assert found.corner_change < 0
    assert found.latest.anxiety < found.first.anxiety
    assert {item.subscale for item in found.subscales} == {"anxiety", "avoidance"}
    assert found.beyond_error is None  # no published reliability for ECR-S: not judged
    assessment_reports.load_norms(store, NORMS, "norms.toml")
    judged = figures.position_change(store, alex, BERLIN)
    assert judged.beyond_error is True  # high to low is far beyond the measurement error
    assert [(item.subscale, item.reliable) for item in judged.subscales] == [
        ("anxiety", True),
        ("avoidance", None),
    ]


def test_this_weeks_ratio_keeps_logged_and_estimated_apart(store, couple):
    alex, sam = couple
    for _ in range(5):
        moment(store, alex, "+", days=1)
    moment(store, alex, "-", days=2)
    moment(store, alex, "+", days=1, source="estimated")
    moment(store, alex, "-", days=1, source="estimated")
    moment(store, alex, "-", days=10)  # the week before: not this week's
    moment(store, sam, "-", days=1, shared=True)
    found = figures.week_ratio(store, alex, BERLIN, NOW)
    week = found.this_week
    assert week.first_day.isoformat() == "2026-04-06"
    assert (week.positive_logged, week.negative_logged) == (5, 1)
    assert (week.positive_estimated, week.negative_estimated) == (1, 1)
    assert (week.logged_ratio, week.ratio_with_estimates) == (5.0, 3.0)
    assert len(found.weeks) == figures.RATIO_WEEKS
    assert found.weeks[-2].negative_logged == 1


def test_the_checkin_streak_counts_days_in_the_persons_zone(store, couple):
    alex, sam = couple
    for days in (0, 1, 2, 5, 20, 40):
        checkin(store, alex, days)
    for days in range(10):
        checkin(store, sam, days, shared=True)
    found = figures.checkin_streak(store, alex, BERLIN, NOW)
    assert (found.current_run, found.run_includes_today, found.run_capped) == (3, True, False)
    assert (found.last_7, found.last_30) == (4, 5)
    assert len(found.days) == 30
    assert (found.days[-1], found.days[-4]) == (True, False)


def test_a_streak_longer_than_the_window_says_it_is_at_least_that_long(
    store, make_profile, monkeypatch
):
    alex = make_profile("Alex")
    monkeypatch.setattr(figures, "STREAK_DAYS", 4)
    for days in range(6):
        checkin(store, alex, days)
    found = figures.checkin_streak(store, alex, BERLIN, NOW)
    assert found.run_capped
    assert found.current_run == 4  # today and the three days before, inside the window


def test_time_to_repair_compares_the_latest_repairs_with_the_ones_before(store, couple):
    alex, sam = couple
    for index, minutes in enumerate([300, 300, 300, 300, 300, 30, 30, 30, 30, 30]):
        repaired(store, alex, minutes, days=60 - index)
    repaired(store, alex, 5, days=figures.REPAIR_DAYS + 30)  # outside the window
    repaired(store, sam, 1, days=2, shared=True)
    found = figures.repair_trend(store, alex, BERLIN, NOW)
    assert (found.latest.repairs, found.latest.median_minutes) == (5, 30)
    assert found.latest.earlier_median_minutes == 300
    assert found.latest.trend == "quicker"
    assert [label for label, _ in found.months] == ["2026-02"]
    assert figures.time_to_repair(store, alex, BERLIN, NOW) == found.latest


def test_top_triggers_count_the_last_ninety_days_only(store, couple):
    alex, sam = couple
    for action, times in (("delayed_reply", 3), ("cancelled_plans", 2), ("criticism", 1)):
        for _ in range(times):
            trigger(store, alex, action, days=5)
    for _ in range(5):
        trigger(store, alex, "conflict", days=figures.TRIGGER_DAYS + 5)
        trigger(store, sam, "request_for_space", days=1, shared=True)
    found = figures.top_triggers(store, alex, BERLIN, NOW)
    assert [(item.label, item.count) for item in found] == [
        ("a late or missing reply", 3),
        ("cancelled or changed plans", 2),
        ("criticised or complained", 1),
    ]


def test_belief_drop_averages_re_rated_thought_records_of_the_window(store, couple):
    alex, sam = couple
    thought(store, alex, 80, 40, days=3)
    thought(store, alex, 60, 40, days=10)
    thought(store, alex, 90, None, days=4)  # not re-rated yet: left out
    thought(store, alex, 100, 0, days=figures.THOUGHT_DAYS + 1)
    thought(store, sam, 100, 0, days=1, shared=True)
    found = figures.belief_drop(store, alex, NOW)
    assert (found.records, found.mean_before, found.mean_after, found.mean_drop) == (
        2,
        70.0,
        40.0,
        30.0,
    )


def test_the_soothing_effect_has_an_interval_from_the_persons_own_sessions(store, couple):
    alex, sam = couple
    for before, after in ((8, 5), (7, 4), (9, 6), (6, 2)):
        soothe(store, alex, before, after, days=2)
    soothe(store, alex, 9, 9, days=figures.SOOTHING_DAYS + 2)
    soothe(store, sam, 9, 0, days=1, shared=True)
    found = figures.soothing_effect(store, alex, NOW)
    assert (found.sessions, found.mean_drop) == (4, 3.25)
    assert found.low < 3.25 < found.high


def test_remember_when_picks_one_of_the_latest_own_moments(store, couple, monkeypatch):
    alex, sam = couple
    monkeypatch.setattr(figures, "REMEMBER_MOMENTS", 2)
    success(store, alex, "long ago", days=400)  # before the latest two
    success(store, alex, "we laughed at the lake", days=30)
    success(store, alex, "a call from the station", days=1)  # too fresh while older ones exist
    success(store, sam, "Sam's moment", days=30, shared=True)
    found = figures.remember_when(store, alex, BERLIN, NOW)
    assert found.what_happened == "we laughed at the lake"
    assert found == figures.remember_when(store, alex, BERLIN, NOW + timedelta(hours=1))
    two_years_on = NOW + timedelta(days=2 * 365)  # a pause in journaling keeps the moments
    assert figures.remember_when(store, alex, BERLIN, two_years_on).what_happened in {
        "we laughed at the lake",
        "a call from the station",
    }
