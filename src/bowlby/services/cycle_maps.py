"""The cycle map as use cases: start a cycle, add or revise one's own side (or a guess at the
partner's), and read the loop as far as the reader may see it.

Each person writes only their own entries; the partner's side shows only when they shared it.
Everything that saves is paused in safety mode: a dangerous relationship must never be framed
as a cycle two people share the blame for.
"""

from __future__ import annotations

from dataclasses import dataclass

from bowlby import models
from bowlby.errors import NotFound, NotShared
from bowlby.practice import cycle_maps
from bowlby.practice.cycle_maps import CycleInput, CycleLoop, CycleView, SideInput, SideView
from bowlby.services import entries, records, sharing
from bowlby.store.engine import Store

LIST_COUNT = 200


@dataclass(frozen=True)
class CycleMap:
    """One cycle as the reader sees it: the cycle, every side they may read, and the loop."""

    cycle: CycleView
    sides: list[SideView]
    loop: CycleLoop
    mine: bool


def start_cycle(store: Store, keyring: models.Keyring, cycle: CycleInput) -> CycleView:
    """Name a new cycle; share it with the partner so that they can add their side."""
    records.refuse_coaching_in_safety_mode(store, keyring)
    return cycle_maps.cycle_view(entries.write_entry(store, keyring, cycle_maps.cycle_draft(cycle)))


def rename_cycle(
    store: Store, keyring: models.Keyring, cycle_id: str, cycle: CycleInput
) -> CycleView:
    """Rename one's own cycle (or change its sharing); the old name stays in its history."""
    records.refuse_coaching_in_safety_mode(store, keyring)
    records.read_own(store, keyring, cycle_id, cycle_maps.CYCLE_KIND, "cycle")
    draft = cycle_maps.cycle_draft(cycle)
    return cycle_maps.cycle_view(entries.update_entry(store, keyring, cycle_id, draft))


def list_cycles(store: Store, keyring: models.Keyring, whose: str = "all") -> list[CycleView]:
    """The cycles the person started or was shown, newest first."""
    return records.list_views(
        store, keyring, cycle_maps.CYCLE_KIND, cycle_maps.cycle_view, whose=whose,
        limit=LIST_COUNT,
    )  # fmt: skip


def read_cycle(store: Store, keyring: models.Keyring, cycle_id: str) -> CycleView:
    """A cycle the person started or was shown; any other id reads as not found."""
    try:
        entry = entries.read_entry(store, keyring, cycle_id)
    except NotShared as error:
        raise NotFound(f"There is no cycle {cycle_id} that you can see.") from error
    if entry.kind != cycle_maps.CYCLE_KIND:
        raise NotFound(f"There is no cycle {cycle_id} that you can see.")
    return cycle_maps.cycle_view(entry)


def cycle_sides(store: Store, keyring: models.Keyring, cycle_id: str) -> list[SideView]:
    """Every side of this cycle the person may read: their own, and others' shared ones."""
    found = entries.list_entries(store, keyring, whose="all", kinds=[cycle_maps.SIDE_KIND])
    sides = [cycle_maps.side_view(entry) for entry in found]
    return [side for side in sides if side.cycle_id == cycle_id]


def own_side(
    store: Store, keyring: models.Keyring, cycle_id: str, *, guess: bool = False
) -> SideView | None:
    """The person's own side of this cycle (or their guess at the partner's), if written."""
    return next(
        (
            side
            for side in cycle_sides(store, keyring, cycle_id)
            if side.owner_id == keyring.profile_id and side.guess == guess
        ),
        None,
    )


def save_side(store: Store, keyring: models.Keyring, side: SideInput) -> SideView:
    """Write the person's side of a cycle they can see, or revise it keeping the earlier
    version; one side and one guess per person per cycle."""
    records.refuse_coaching_in_safety_mode(store, keyring)
    cycle = read_cycle(store, keyring, side.cycle_id)
    if cycle.owner_id != keyring.profile_id and cycle.owner_id not in partner_ids(store, keyring):
        raise NotFound(f"There is no cycle {side.cycle_id} of yours or your partner's.")
    draft = cycle_maps.side_draft(side)
    earlier = own_side(store, keyring, side.cycle_id, guess=side.guess)
    if earlier is None:
        saved = entries.write_entry(store, keyring, draft)
    else:
        saved = entries.update_entry(store, keyring, earlier.id, draft, keep_history=True)
    return cycle_maps.side_view(saved)


def map_cycle(store: Store, keyring: models.Keyring, cycle_id: str) -> CycleMap:
    """The cycle, the sides the reader may see, and the loop they make."""
    cycle = read_cycle(store, keyring, cycle_id)
    sides = cycle_sides(store, keyring, cycle_id)
    mine = cycle.owner_id == keyring.profile_id
    other = partner_name(store, keyring) if mine else keyring.name
    loop = cycle_maps.build_loop(cycle, sides, other_name=other)
    return CycleMap(cycle=cycle, sides=sides, loop=loop, mine=mine)


def shared_loop(store: Store, keyring: models.Keyring, cycle_id: str) -> CycleLoop:
    """The loop to show or draw; paused in safety mode, when the framing itself is unsafe."""
    records.refuse_coaching_in_safety_mode(store, keyring)
    return map_cycle(store, keyring, cycle_id).loop


def partner_name(store: Store, keyring: models.Keyring) -> str:
    """The linked partner's name, or a plain stand-in for someone filling in both sides."""
    partners = _partners(store, keyring)
    return partners[0].name if partners else "My partner"


def partner_ids(store: Store, keyring: models.Keyring) -> set[str]:
    """Only the couple write sides: a therapist who was shown a cycle reads it."""
    return {link.profile_id for link in _partners(store, keyring)}


def _partners(store: Store, keyring: models.Keyring) -> list[models.LinkInfo]:
    links = sharing.list_links(store, keyring)
    return [link for link in links if link.role is models.LinkRole.PARTNER]
