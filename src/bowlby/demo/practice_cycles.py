"""Demo data: the couple's cycle. Maya names it and shares it; each fills in their own side;
a month later Maya revises hers in gentler words, and the earlier version stays in history."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from bowlby import models
from bowlby.practice.cycle_maps import CycleInput, SideInput
from bowlby.services import cycle_maps
from bowlby.store.engine import Store

CYCLE_NAME = "The quiet evening after dinner plans fall through"
MAYA_FIRST: dict[str, Any] = {
    "trigger": "Jordan texts that dinner is off, and then nothing more all evening",
    "feelings": ["abandoned", "hurt"],
    "core_fear": "abandonment",
    "feel": "like I am the thing that gets cancelled",
    "move": "reach_out_again",
    "do": "I call, then text, then ask why he always does this",
}
MAYA_REVISED: dict[str, Any] = {
    **MAYA_FIRST,
    "feelings": ["lonely", "let down", "anxious"],
    "feel": "scared that I matter less to him than work does",
    "do": "I send message after message, and it comes out as blame",
}
JORDAN_SIDE: dict[str, Any] = {
    "trigger": "Maya's messages pile up and sound like a verdict on me",
    "feelings": ["overwhelmed", "not enough"],
    "core_fear": "engulfment",
    "feel": "that whatever I say now will be wrong",
    "move": "go_quiet",
    "do": "I put the phone face down and wait for it to blow over",
}


def seed(
    store: Store, maya: models.Keyring, jordan: models.Keyring, rng: random.Random, start: datetime
) -> None:
    """Add this tool's demo records for the couple, from `start` (90 days ago) to now."""
    named_at = start + timedelta(days=24, hours=21, minutes=rng.randrange(30))
    cycle = cycle_maps.start_cycle(
        store, maya, CycleInput(occurred_at=named_at, name=CYCLE_NAME, shared_with_partner=True)
    )
    for keyring, words, days in ((maya, MAYA_FIRST, 24), (jordan, JORDAN_SIDE, 26)):
        side = SideInput(
            occurred_at=start + timedelta(days=days, hours=21, minutes=40),
            cycle_id=cycle.id,
            shared_with_partner=True,
            **words,
        )
        cycle_maps.save_side(store, keyring, side)
    revised = SideInput(
        occurred_at=start + timedelta(days=58, hours=20),
        cycle_id=cycle.id,
        shared_with_partner=True,
        **MAYA_REVISED,
    )
    cycle_maps.save_side(store, maya, revised)
