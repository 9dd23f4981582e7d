"""Demo data: ratio."""

from __future__ import annotations

import random
from datetime import datetime

from bowlby import models
from bowlby.store.engine import Store


def seed(
    store: Store, maya: models.Keyring, jordan: models.Keyring, rng: random.Random, start: datetime
) -> None:
    """Add this tool's demo records for the couple, from `start` (90 days ago) to now."""
