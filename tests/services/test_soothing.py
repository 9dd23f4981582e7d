"""Self-soothing through the use cases, on both databases: private unless shared, never paused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bowlby import models
from bowlby.errors import NotFound, NotShared
from bowlby.practice.soothing import SoothingInput
from bowlby.services import entries, safety, sharing, soothing

NOW = datetime(2026, 4, 10, 20, tzinfo=UTC)


def soothe(store, keyring, exercise="breathing_478", before=8, after=4, shared=False, days=0):
    return soothing.record_session(
        store,
        keyring,
        SoothingInput(
            occurred_at=NOW - timedelta(days=days),
            exercise=exercise,
            anxiety_before=before,
            anxiety_after=after,
            minutes=1.5,
            rounds=4,
            note="Calmer after the third round",
            shared_with_partner=shared,
        ),
    )


def couple(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    return alex, sam


def test_a_session_is_stored_with_its_note_encrypted_and_read_back(store, make_profile):
    alex = make_profile("Alex")
    saved = soothe(store, alex)
    assert (saved.exercise_title, saved.drop, saved.minutes, saved.rounds) == (
        "Paced breathing 4-7-8",
        4,
        1.5,
        4,
    )
    entry = entries.read_entry(store, alex, saved.id)
    assert entry.kind == "soothing"
    assert entry.values["anxiety_before"] == 8
    assert "note" not in entry.values
    assert entry.text["note"] == "Calmer after the third round"
    assert soothing.read_session(store, alex, saved.id).note == "Calmer after the third round"
    assert [s.id for s in soothing.list_sessions(store, alex)] == [saved.id]


def test_effects_come_from_the_persons_own_sessions(store, make_profile):
    alex, sam = couple(store, make_profile)
    for days, after in enumerate((4, 3, 5)):
        soothe(store, alex, after=after, days=days, shared=True)
    soothe(store, sam, exercise="wait_20", before=6, after=6)
    mine = {e.exercise: e for e in soothing.exercise_effects(store, alex)}
    assert (mine["breathing_478"].count, mine["breathing_478"].mean_drop) == (3, 4)
    assert mine["wait_20"].count == 0
    theirs = {e.exercise: e for e in soothing.exercise_effects(store, sam)}
    assert (theirs["breathing_478"].count, theirs["wait_20"].count) == (0, 1)


def test_a_partner_reads_only_shared_sessions(store, make_profile):
    alex, sam = couple(store, make_profile)
    private = soothe(store, alex, after=5)
    shared = soothe(store, alex, after=2, shared=True)
    assert [s.id for s in soothing.list_sessions(store, sam, whose="shared")] == [shared.id]
    assert soothing.list_sessions(store, sam) == []
    with pytest.raises(NotShared):
        entries.read_entry(store, sam, private.id)
    with pytest.raises(NotFound):
        soothing.read_session(store, sam, shared.id)  # readable, but not Sam's own


def test_another_persons_session_is_not_readable(store, make_profile):
    alex, robin = make_profile("Alex"), make_profile("Robin")
    saved = soothe(store, alex, shared=True)
    with pytest.raises((NotFound, NotShared)):
        soothing.read_session(store, robin, saved.id)
    assert soothing.list_sessions(store, robin, whose="all") == []


def test_safety_mode_does_not_pause_soothing(store, make_profile):
    alex = make_profile("Alex")
    safety.set_safety_mode(store, alex, True)
    assert soothe(store, alex).drop == 4
