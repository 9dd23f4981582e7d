"""The cycle map's use cases on both databases: each person writes only their own side, the
partner's side shows only when shared, history is kept, and safety mode pauses it all."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bowlby import models
from bowlby.errors import NotFound, PausedForSafety
from bowlby.practice.cycle_maps import CycleInput, SideInput
from bowlby.services import cycle_maps, entries, records, safety, sharing

NOW = datetime(2026, 3, 1, 19, tzinfo=UTC)


@pytest.fixture
def couple(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    return alex, sam


def start(store, keyring, shared=True, name="After plans fall through"):
    cycle = CycleInput(occurred_at=NOW, name=name, shared_with_partner=shared)
    return cycle_maps.start_cycle(store, keyring, cycle)


def write_side(store, keyring, cycle_id, shared=True, **words):
    values = {"trigger": "Plans fall through", "feelings": ["lonely"], "move": "go_quiet"}
    side = SideInput(
        occurred_at=NOW, cycle_id=cycle_id, shared_with_partner=shared, **{**values, **words}
    )
    return cycle_maps.save_side(store, keyring, side)


def test_each_partner_writes_their_side_and_the_loop_joins_them(store, couple):
    alex, sam = couple
    cycle = start(store, alex)
    write_side(store, alex, cycle.id, move="reach_out_again")
    write_side(store, sam, cycle.id, trigger="Questions come fast")
    for reader in (alex, sam):
        mapped = cycle_maps.map_cycle(store, reader, cycle.id)
        assert sorted(s.owner_name for s in mapped.sides) == ["Alex", "Sam"]
        assert [lane.name for lane in (mapped.loop.first, mapped.loop.second)] == ["Alex", "Sam"]
        assert mapped.loop.steps[3].text == "Questions come fast"
    assert cycle_maps.map_cycle(store, alex, cycle.id).mine
    assert not cycle_maps.map_cycle(store, sam, cycle.id).mine
    assert [c.name for c in cycle_maps.list_cycles(store, sam)] == ["After plans fall through"]


def test_the_partner_sees_the_other_side_only_when_it_is_shared(store, couple):
    alex, sam = couple
    cycle = start(store, alex)
    write_side(store, alex, cycle.id, shared=False, trigger="Private words")
    write_side(store, sam, cycle.id, shared=False)
    seen_by_sam = cycle_maps.map_cycle(store, sam, cycle.id)
    assert [s.owner_name for s in seen_by_sam.sides] == ["Sam"]
    assert seen_by_sam.loop.first.side is None
    assert "Private words" not in str(seen_by_sam.loop.steps)
    assert [s.owner_name for s in cycle_maps.map_cycle(store, alex, cycle.id).sides] == ["Alex"]


def test_a_cycle_not_shared_is_not_readable_and_takes_no_side_from_others(store, couple):
    alex, sam = couple
    cycle = start(store, alex, shared=False)
    with pytest.raises(NotFound, match="no cycle"):
        cycle_maps.map_cycle(store, sam, cycle.id)
    with pytest.raises(NotFound, match="no cycle"):
        write_side(store, sam, cycle.id)
    assert cycle_maps.list_cycles(store, sam) == []
    assert entries.list_entries(store, sam, kinds=["cycle_side"]) == []


def test_a_stranger_cannot_read_or_add_to_a_cycle(store, couple, make_profile):
    alex, _ = couple
    robin = make_profile("Robin")
    cycle = start(store, alex)
    with pytest.raises(NotFound):
        cycle_maps.map_cycle(store, robin, cycle.id)
    with pytest.raises(NotFound):
        write_side(store, robin, cycle.id)


def test_a_side_for_something_that_is_not_a_cycle_is_refused(store, couple):
    alex, _ = couple
    side = write_side(store, alex, start(store, alex).id)
    with pytest.raises(NotFound, match="no cycle"):
        write_side(store, alex, side.id)
    with pytest.raises(NotFound, match="no cycle"):
        write_side(store, alex, "no-such-id")


def test_revising_a_side_or_the_name_keeps_the_earlier_version(store, couple):
    alex, _ = couple
    cycle = start(store, alex)
    first = write_side(store, alex, cycle.id, trigger="First words")
    again = write_side(store, alex, cycle.id, trigger="Better words")
    assert again.id == first.id
    history = entries.entry_history(store, alex, first.id)
    assert [v.text["trigger"] for v in history] == ["First words"]
    renamed = cycle_maps.rename_cycle(
        store, alex, cycle.id, CycleInput(occurred_at=NOW, name="Dinner plans")
    )
    assert renamed.name == "Dinner plans"
    assert (
        entries.entry_history(store, alex, cycle.id)[0].text["name"] == "After plans fall through"
    )


def test_alone_a_person_fills_both_sides_the_second_a_guess(store, make_profile):
    robin = make_profile("Robin")
    cycle = start(store, robin, shared=False)
    write_side(store, robin, cycle.id, shared=False)
    write_side(store, robin, cycle.id, shared=False, guess=True, trigger="Feels chased")
    mapped = cycle_maps.map_cycle(store, robin, cycle.id)
    assert len(mapped.sides) == 2
    assert mapped.loop.second.legend == "My partner, as Robin guesses it"
    assert mapped.loop.steps[3].text == "Feels chased"


def test_only_the_owner_renames_a_cycle(store, couple):
    alex, sam = couple
    cycle = start(store, alex)
    with pytest.raises(NotFound):
        cycle_maps.rename_cycle(store, sam, cycle.id, CycleInput(occurred_at=NOW, name="Mine"))


def test_safety_mode_pauses_starting_and_filling_in_a_cycle(store, couple):
    alex, _ = couple
    cycle = start(store, alex, shared=False)
    safety.set_safety_mode(store, alex, True)
    with pytest.raises(PausedForSafety) as raised:
        start(store, alex, shared=False)
    assert raised.value.message == records.PAUSED_FOR_SAFETY
    with pytest.raises(PausedForSafety):
        write_side(store, alex, cycle.id, shared=False)
    with pytest.raises(PausedForSafety):
        cycle_maps.rename_cycle(store, alex, cycle.id, CycleInput(occurred_at=NOW, name="X"))
    assert cycle_maps.map_cycle(store, alex, cycle.id).cycle.name == "After plans fall through"


def test_the_demo_cycle_is_shared_filled_by_each_owner_and_revised_once(store, couple):
    import random
    from datetime import timedelta

    from bowlby.demo import practice_cycles

    alex, sam = couple
    practice_cycles.seed(store, alex, sam, random.Random(5), NOW - timedelta(days=90))
    (cycle,) = cycle_maps.list_cycles(store, sam)
    mapped = cycle_maps.map_cycle(store, sam, cycle.id)
    assert mapped.loop.first.legend == "Alex, in their own words"
    assert mapped.loop.second.legend == "Sam, in their own words"
    assert all(side.shared_with_partner for side in mapped.sides)
    alex_side = next(side for side in mapped.sides if side.owner_id == alex.profile_id)
    assert len(entries.entry_history(store, alex, alex_side.id)) == 1
    assert all(side.occurred_at < NOW for side in mapped.sides)
