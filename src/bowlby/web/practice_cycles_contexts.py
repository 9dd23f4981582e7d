"""One typed context per cycle page: built here, rendered by a template, returned by the API.

The cycle page carries the loop three ways: as steps (for the text list beside the drawing),
as inline SVG, and as plain lines; in safety mode only the person's own words are left.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from bowlby import models
from bowlby.insights import plot_catalogue
from bowlby.practice import cycle_maps as maps
from bowlby.practice.cycle_maps import CycleView, LoopLane, SideView
from bowlby.services import cycle_maps, records
from bowlby.store.engine import Store


class CycleRow(BaseModel):
    id: str
    name: str
    owner_name: str
    mine: bool
    occurred_at: datetime
    updated_at: datetime
    shared_with_partner: bool
    shared_with_therapist: bool
    url: str

    @classmethod
    def of(cls, cycle: CycleView, keyring: models.Keyring) -> CycleRow:
        return cls(
            **cycle.model_dump(
                include={
                    "id", "name", "owner_name", "occurred_at", "updated_at",
                    "shared_with_partner", "shared_with_therapist",
                }
            ),
            mine=cycle.owner_id == keyring.profile_id,
            url=f"/practice/cycles/{cycle.id}",
        )  # fmt: skip


class CyclesPage(BaseModel):
    cycles: list[CycleRow]
    paused_for_safety: bool
    paused_message: str | None


class LoopStepView(BaseModel):
    key: str
    lane: str
    role: str
    heading: str
    text: str
    guess: bool


class LaneView(BaseModel):
    lane: str
    name: str
    legend: str
    filled: bool
    guess: bool

    @classmethod
    def of(cls, lane: LoopLane) -> LaneView:
        return cls(
            lane=lane.lane,
            name=lane.name,
            legend=lane.legend,
            filled=lane.side is not None,
            guess=lane.guessed_by is not None,
        )


class CyclePage(BaseModel):
    """One cycle: the loop (steps, lines and drawing), every side the reader may see, and
    whether they may write a side; in safety mode only the paused message and own sides."""

    cycle: CycleRow
    can_write_side: bool
    steps: list[LoopStepView]
    lanes: list[LaneView]
    lines: list[str]
    svg: str | None
    sides: list[SideView]
    paused_for_safety: bool
    paused_message: str | None


def build_cycles_page(store: Store, keyring: models.Keyring) -> CyclesPage:
    paused = records.coaching_paused(store, keyring)
    return CyclesPage(
        cycles=[CycleRow.of(c, keyring) for c in cycle_maps.list_cycles(store, keyring)],
        paused_for_safety=paused,
        paused_message=records.PAUSED_FOR_SAFETY if paused else None,
    )


def build_cycle_page(store: Store, keyring: models.Keyring, cycle_id: str) -> CyclePage:
    """The cycle as the reader may see it. In safety mode the loop is not drawn: a dangerous
    relationship must not be framed as a dance two people share."""
    mapped = cycle_maps.map_cycle(store, keyring, cycle_id)
    paused = records.coaching_paused(store, keyring)
    row = CycleRow.of(mapped.cycle, keyring)
    if paused:
        own = [side for side in mapped.sides if side.owner_id == keyring.profile_id]
        return CyclePage(
            cycle=row, can_write_side=False, steps=[], lanes=[], lines=[], svg=None, sides=own,
            paused_for_safety=True, paused_message=records.PAUSED_FOR_SAFETY,
        )  # fmt: skip
    loop = mapped.loop
    couple = mapped.mine or mapped.cycle.owner_id in cycle_maps.partner_ids(store, keyring)
    return CyclePage(
        cycle=row,
        can_write_side=couple,
        steps=[
            LoopStepView(
                key=step.key,
                lane=step.lane,
                role=step.role,
                heading=step.heading,
                text=step.text,
                guess=step.guess,
            )
            for step in loop.steps
        ],
        lanes=[LaneView.of(loop.first), LaneView.of(loop.second)],
        lines=maps.loop_lines(loop),
        svg=plot_catalogue.cycle(loop).svg(),
        sides=mapped.sides,
        paused_for_safety=False,
        paused_message=None,
    )
