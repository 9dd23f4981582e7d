"""Demo data: self-soothing. Maya (anxious) soothes herself about 25 times over the 90 days;
paced breathing calms her clearly more than waiting before texting, and she starts each
session a little less anxious as the weeks go by. Some sessions are shared with Jordan.
Jordan, after a hard day, tries each exercise too (mostly grounding and a walk while the timer
runs), less anxious to begin with; his evenings give his own feedback loop enough days."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from bowlby import models
from bowlby.practice.soothing import SoothingInput
from bowlby.services import soothing
from bowlby.store.engine import Store

DAYS = 90
# exercise, typical drop in anxiety, minutes, rounds
PLAN = (
    ("breathing_478", 3.6, 1.3, 4),
    ("wait_20", 1.2, 20.0, None),
    ("resonance_breathing", 3.0, 2.0, 12),
    ("grounding_54321", 2.2, 4.0, None),
    ("breathing_478", 3.6, 1.3, 4),
    ("wait_20", 1.2, 20.0, None),
)
NOTES = {
    "breathing_478": (
        "No reply since lunch. Breathing first, phone later.",
        "Shoulders dropped by the end.",
        "",
        "The counting gave my mind something else to hold.",
    ),
    "wait_20": (
        "Waited. Still wanted to text, a bit less.",
        "Walked round the block while the timer ran.",
        "Made tea. The urge was still there at the end.",
        "",
    ),
    "resonance_breathing": ("Calmer than I expected.", "", "Slow and steady helped."),
    "grounding_54321": (
        "Jordan went quiet after the call; I noticed the spiral starting.",
        "The cold window glass helped most.",
        "",
    ),
}


# exercise, typical drop, minutes, rounds, note: what Jordan reaches for after a hard day.
JORDAN_PLAN = (
    ("grounding_54321", 2.0, 4.0, None, "Came home wound up; named five things, then said hi."),
    ("wait_20", 1.4, 20.0, None, "Walked while the timer ran instead of going silent."),
    ("grounding_54321", 2.0, 4.0, None, ""),
    ("breathing_478", 1.8, 1.3, 4, "Before answering her message."),
    ("resonance_breathing", 1.6, 2.0, 12, ""),
)


def seed(
    store: Store, maya: models.Keyring, jordan: models.Keyring, rng: random.Random, start: datetime
) -> None:
    """Add this tool's demo records for the couple, from `start` (90 days ago) to now."""
    seed_jordan(store, jordan, random.Random(1959), start)
    count = 25
    for index in range(count):
        exercise, drop, minutes, rounds = PLAN[index % len(PLAN)]
        fraction = index / count
        before = max(3, min(10, round(8.5 - 2.5 * fraction + rng.uniform(-1, 1))))
        after = max(0, min(before, round(before - drop + rng.uniform(-1.2, 1.2))))
        day = start + timedelta(days=int(fraction * (DAYS - 2)) + 1)
        soothing.record_session(
            store,
            maya,
            SoothingInput(
                occurred_at=day.replace(
                    hour=rng.choice([13, 18, 21, 22]), minute=rng.randrange(60)
                ),
                exercise=exercise,
                anxiety_before=before,
                anxiety_after=after,
                minutes=minutes,
                rounds=rounds,
                note=NOTES[exercise][index % len(NOTES[exercise])],
                shared_with_partner=index % 4 == 3,
            ),
        )


def seed_jordan(store: Store, jordan: models.Keyring, rng: random.Random, start: datetime) -> None:
    """About two evenings in three from day 20, rated before and after (his own rng, so the
    rest of the demo stays as it was)."""
    for day_number in range(20, DAYS - 1):
        if rng.random() > 0.65:
            continue
        exercise, drop, minutes, rounds, note = JORDAN_PLAN[day_number % len(JORDAN_PLAN)]
        before = max(2, min(8, round(6 - 2 * day_number / DAYS + rng.uniform(-1.5, 1.5))))
        evening = start + timedelta(days=day_number, hours=19, minutes=rng.randrange(50))
        session = SoothingInput(
            occurred_at=evening,
            exercise=exercise,
            anxiety_before=before,
            anxiety_after=max(0, min(before, round(before - drop + rng.uniform(-1, 1)))),
            minutes=minutes,
            rounds=rounds,
            note=note,
            shared_with_partner=day_number % 6 == 0,
        )
        soothing.record_session(store, jordan, session)
