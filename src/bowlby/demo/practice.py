"""Demo data for the practice tools: each tool seeds its own records."""

from __future__ import annotations

import random
from datetime import datetime

from bowlby import models
from bowlby.demo import (
    practice_checkins,
    practice_cycles,
    practice_ratio,
    practice_repairs,
    practice_soothing,
    practice_talk,
    practice_unsaid,
    practice_vulnerability,
)
from bowlby.store.engine import Store


def seed_practice(
    store: Store, maya: models.Keyring, jordan: models.Keyring, rng: random.Random, start: datetime
) -> None:
    for tool in (
        practice_checkins,
        practice_soothing,
        practice_vulnerability,
        practice_ratio,
        practice_repairs,
        practice_cycles,
        practice_unsaid,
        practice_talk,
    ):
        tool.seed(store, maya, jordan, rng, start)
