"""Repairs through their use cases, on both databases: the repair updates the rupture's own
entry and keeps its first version; only the owner may repair; safety mode pauses it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bowlby import models
from bowlby.errors import InputError, NotFound, NotShared, PausedForSafety
from bowlby.practice.repair_attempts import RepairInput, RuptureInput
from bowlby.services import entries, safety, sharing
from bowlby.services import repairs as service

WHEN = datetime(2026, 3, 7, 21, tzinfo=UTC)


def rupture(store, keyring, when=WHEN, shared=False, what="argued about his mother"):
    return service.record_rupture(
        store,
        keyring,
        RuptureInput(occurred_at=when, what_happened=what, intensity=7, shared_with_partner=shared),
    )


def repair(minutes: float, **extra) -> RepairInput:
    values = {"how": ["apology", "reconnection"], "initiated_by": "me", **extra}
    return RepairInput(repaired_at=WHEN + timedelta(minutes=minutes), **values)


def test_a_repair_updates_the_rupture_and_keeps_its_first_version(store, make_profile):
    alex = make_profile("Alex")
    opened = rupture(store, alex)
    assert opened.is_open
    done = service.record_repair(store, alex, opened.id, repair(95, note="hug on the stairs"))
    assert (done.id, done.minutes_to_repair, done.note) == (opened.id, 95, "hug on the stairs")
    assert done.how == ["apology", "reconnection"]
    history = entries.entry_history(store, alex, opened.id)
    assert [(v.values["status"], v.text) for v in history] == [
        ("open", {"what_happened": "argued about his mother"})
    ]
    assert [r.minutes_to_repair for r in service.list_ruptures(store, alex)] == [95]


def test_a_repair_before_the_rupture_is_refused_and_nothing_changes(store, make_profile):
    alex = make_profile("Alex")
    opened = rupture(store, alex)
    with pytest.raises(InputError) as refused:
        service.record_repair(store, alex, opened.id, repair(-10))
    assert refused.value.field == "repaired_at"
    assert service.read_rupture(store, alex, opened.id).is_open


def test_the_trend_leaves_open_ruptures_out(store, make_profile):
    alex = make_profile("Alex")
    first = rupture(store, alex)
    service.record_repair(store, alex, first.id, repair(24 * 60))
    rupture(store, alex, when=WHEN + timedelta(days=3))
    months, rolling = service.repair_trend(store, alex, ZoneInfo("America/New_York"))
    assert [(m.label, m.median_minutes, m.repaired) for m in months] == [("2026-03", 1440, 1)]
    assert len(rolling) == 1


def test_a_partner_sees_only_shared_ruptures_and_cannot_repair_them(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    rupture(store, alex, what="private one")
    shared = rupture(store, alex, shared=True, what="shared one")
    assert [r.what_happened for r in service.list_ruptures(store, sam, whose="shared")] == [
        "shared one"
    ]
    with pytest.raises(NotFound):
        service.record_repair(store, sam, shared.id, repair(10))
    with pytest.raises(NotFound):
        service.read_rupture(store, sam, shared.id)


def test_another_persons_rupture_is_not_readable(store, make_profile):
    alex, robin = make_profile("Alex"), make_profile("Robin")
    private = rupture(store, alex)
    with pytest.raises(NotShared):
        service.read_rupture(store, robin, private.id)
    assert service.list_ruptures(store, robin, whose="all") == []


def test_safety_mode_pauses_ruptures_and_repairs(store, make_profile):
    alex = make_profile("Alex")
    opened = rupture(store, alex)
    safety.set_safety_mode(store, alex, True)
    with pytest.raises(PausedForSafety):
        rupture(store, alex)
    with pytest.raises(PausedForSafety):
        service.record_repair(store, alex, opened.id, repair(30))
    assert service.read_rupture(store, alex, opened.id).is_open
