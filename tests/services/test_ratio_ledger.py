"""The 5:1 ledger through its use cases, on both databases: one entry per moment, tables by
local day and week, a partner sees only what was shared, and safety mode pauses it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bowlby import models
from bowlby.errors import PausedForSafety
from bowlby.practice.ratio_ledger import InteractionInput, Tally
from bowlby.services import entries, records, safety, sharing
from bowlby.services import ratio_ledger as service

NEW_YORK = ZoneInfo("America/New_York")
TODAY = date(2026, 3, 8)  # the spring-forward Sunday in New York


def log(store, keyring, when, sign="positive", shared=False, **extra):
    moment = InteractionInput(occurred_at=when, sign=sign, shared_with_partner=shared, **extra)
    return service.log_interaction(store, keyring, moment)


def linked(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    return alex, sam


def test_each_moment_is_an_entry_with_its_note_encrypted_and_read_back(store, make_profile):
    alex = make_profile("Alex")
    saved = log(store, alex, datetime(2026, 3, 8, 14, tzinfo=UTC), "-", note="snapped about dishes")
    assert (saved.sign, saved.source, saved.note) == ("negative", "logged", "snapped about dishes")
    entry = entries.read_entry(store, alex, saved.id)
    assert entry.kind == "interaction"
    assert entry.values == {"sign": "negative", "kind": None, "source": "logged"}
    assert [m.id for m in service.list_interactions(store, alex)] == [saved.id]


def test_the_table_counts_local_days_and_leaves_empty_days_empty(store, make_profile):
    alex = make_profile("Alex")
    log(store, alex, datetime(2026, 3, 8, 3, 30, tzinfo=UTC))  # 22:30 on the 7th in New York
    log(store, alex, datetime(2026, 3, 8, 6, 30, tzinfo=UTC))  # 01:30, before the jump
    log(store, alex, datetime(2026, 3, 8, 7, 30, tzinfo=UTC), "negative")  # 03:30 EDT
    log(store, alex, datetime(2026, 3, 9, 3, 30, tzinfo=UTC))  # 23:30 EDT on the 8th
    log(store, alex, datetime(2026, 3, 9, 5, tzinfo=UTC))  # tomorrow: not in the table
    days = service.ratio_table(store, alex, NEW_YORK, today=TODAY, days=3)
    assert [(d.label, d.tally) for d in days] == [
        ("2026-03-06", None),
        ("2026-03-07", Tally(positive_logged=1)),
        ("2026-03-08", Tally(positive_logged=2, negative_logged=1)),
    ]
    weeks = service.ratio_table(store, alex, NEW_YORK, today=TODAY, days=3, by="week")
    assert [(w.label, w.tally) for w in weeks] == [
        ("2026-W10", Tally(positive_logged=3, negative_logged=1))
    ]
    rolling = service.ratio_table(store, alex, NEW_YORK, today=TODAY, days=1, by="rolling")
    assert [(r.label, r.tally) for r in rolling] == [
        ("2026-03-08", Tally(positive_logged=3, negative_logged=1))
    ]


def test_a_partner_sees_only_the_shared_moments(store, make_profile):
    alex, sam = linked(store, make_profile)
    when = datetime(2026, 3, 7, 18, tzinfo=UTC)
    log(store, alex, when, note="private hug")
    shared = log(store, alex, when, "negative", shared=True, note="sharp words")
    seen = service.list_interactions(store, sam, whose="shared")
    assert [(m.id, m.note) for m in seen] == [(shared.id, "sharp words")]
    days = service.ratio_table(store, sam, NEW_YORK, today=TODAY, days=2, whose="shared")
    assert days[0].tally == Tally(negative_logged=1)
    assert service.list_interactions(store, sam) == []


def test_safety_mode_pauses_the_ledger(store, make_profile):
    alex = make_profile("Alex")
    safety.set_safety_mode(store, alex, True)
    with pytest.raises(PausedForSafety) as paused:
        log(store, alex, datetime(2026, 3, 7, 18, tzinfo=UTC))
    assert paused.value.message == records.PAUSED_FOR_SAFETY
    assert service.list_interactions(store, alex) == []
