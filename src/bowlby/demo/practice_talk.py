"""Demo data: one "talk about how we talk". Two months in, with their cycle mapped, Maya and
Jordan sit down together, name the pattern and agree one change each; Maya saves it, shared
with Jordan, and a week later notes how it went."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from bowlby import models
from bowlby.practice import how_we_talk
from bowlby.practice.how_we_talk import FollowUpInput, TalkInput
from bowlby.services import cycle_maps
from bowlby.services import how_we_talk as talks
from bowlby.store.engine import Store

SITTING = {
    "pattern": "the chase after a quiet evening",
    "my_change": "When he goes quiet, I will say I'm uneasy once and give him the evening.",
    "their_change": "When I need space, I will say when I'll be back instead of just going.",
    "appreciation": "We both said we want the same thing: to feel safe with each other.",
    "notes": "We stopped once for ten minutes of breathing. It helped.",
}
FOLLOW_UP = "He said 'back at nine' twice this week, and was. I texted once, not five times."


def seed(
    store: Store, maya: models.Keyring, jordan: models.Keyring, rng: random.Random, start: datetime
) -> None:
    """Add this tool's demo record for the couple; `start` is 90 days ago."""
    cycle = next(iter(cycle_maps.list_cycles(store, maya, whose="mine")), None)
    sat_at = start + timedelta(days=64, hours=20, minutes=rng.randrange(30))
    sitting = TalkInput.model_validate(
        {
            "occurred_at": sat_at,
            "cycle_id": cycle.id if cycle else None,
            "steps_done": [step.id for step in how_we_talk.steps()],
            **SITTING,
        }
    )
    saved = talks.save_talk(store, maya, sitting)
    later = FollowUpInput(went="better", note=FOLLOW_UP, at=sat_at + timedelta(days=7))
    talks.follow_up(store, maya, saved.id, later)
