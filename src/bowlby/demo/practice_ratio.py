"""Demo data: the 5:1 ledger. Maya and Jordan each log moments most days; their ratio climbs
from about 2:1 toward 5:1 over the ninety days, and most moments are shared."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from bowlby import models
from bowlby.practice.ratio_ledger import InteractionInput, interaction_kinds
from bowlby.services import ratio_ledger
from bowlby.store.engine import Store

DAYS = 90
SKIP_DAY = 0.15
SHARED = 0.8
NOTE = 0.15
NOTES = {
    "Maya": {
        "positive": ["he brought me coffee in bed", "we laughed at the cat", "long hug at the door",
                     "he asked about my day and listened"],
        "negative": ["I snapped about the dishes", "he went quiet when I asked", "I texted three "
                     "times in an hour", "sharp tone about the weekend"],
    },
    "Jordan": {
        "positive": ["she thanked me for fixing the shelf", "silly dance in the kitchen",
                     "I answered her message right away", "held hands on the walk"],
        "negative": ["I rolled my eyes", "walked off mid-sentence", "got defensive about work",
                     "ignored her question at dinner"],
    },
}  # fmt: skip


def seed(
    store: Store, maya: models.Keyring, jordan: models.Keyring, rng: random.Random, start: datetime
) -> None:
    """Add this tool's demo records for the couple, from `start` (90 days ago) to now."""
    for keyring in (maya, jordan):
        for day in range(DAYS):
            if rng.random() < SKIP_DAY and day < DAYS - 3:  # the last few days show on the page
                continue
            for sign, when in _day_of_moments(rng, start + timedelta(days=day), day / (DAYS - 1)):
                ratio_ledger.log_interaction(store, keyring, _moment(rng, keyring.name, sign, when))


def _day_of_moments(
    rng: random.Random, day: datetime, progress: float
) -> list[tuple[str, datetime]]:
    """A few positives, and negatives at about 1 per (2 + 3·progress) positives."""
    positives = rng.randint(2, 5)
    target = 2 + 3 * progress
    negatives = max(0, round(positives / target + rng.uniform(-0.4, 0.4)))
    signs = ["positive"] * positives + ["negative"] * negatives
    return [(sign, _time_of_day(rng, day)) for sign in signs]


def _time_of_day(rng: random.Random, day: datetime) -> datetime:
    return day.replace(hour=rng.choice([7, 8, 12, 13, 18, 19, 20, 21]), minute=rng.randrange(60))


def _moment(rng: random.Random, name: str, sign: str, when: datetime) -> InteractionInput:
    kinds = interaction_kinds()[sign]
    return InteractionInput(
        occurred_at=when,
        sign=sign,  # type: ignore[arg-type]
        kind=rng.choice(kinds).id if rng.random() < 0.7 else None,
        note=rng.choice(NOTES[name][sign]) if rng.random() < NOTE else "",
        shared_with_partner=rng.random() < SHARED,
    )
