"""Typed records shared by the journal and the practice tools."""

from __future__ import annotations

import pytest

from bowlby.errors import NotFound, NotShared, PausedForSafety
from bowlby.services import entries, records, safety
from tests.services.test_entries import draft


def test_reading_back_one_of_my_records_refuses_other_kinds_and_other_people(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    mine = entries.write_entry(store, alex, draft("A trigger", kind="trigger"))
    assert records.read_own(store, alex, mine.id, "trigger", "trigger").id == mine.id
    with pytest.raises(NotFound, match="There is no repair"):
        records.read_own(store, alex, mine.id, "repair", "repair")
    with pytest.raises(NotShared):
        records.read_own(store, sam, mine.id, "trigger", "trigger")


def test_safety_mode_pauses_closeness_coaching_with_a_calm_message(store, make_profile):
    alex = make_profile("Alex")
    records.refuse_coaching_in_safety_mode(store, alex)
    safety.set_safety_mode(store, alex, on=True)
    with pytest.raises(PausedForSafety, match="Self-soothing and Get help are always here"):
        records.refuse_coaching_in_safety_mode(store, alex)
    assert PausedForSafety.exit_code == 8
    assert PausedForSafety.http_status == 403
