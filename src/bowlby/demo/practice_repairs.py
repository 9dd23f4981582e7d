"""Demo data: repairs. About twelve ruptures over the ninety days, logged by Maya or Jordan,
repaired after a day or two at first and in under an hour by the end; most are shared."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from bowlby import models
from bowlby.practice.repair_attempts import RepairInput, RuptureInput
from bowlby.services import repairs
from bowlby.store.engine import Store

# (day, hour, who logs it, what happened, intensity, minutes to repair, how, who began it)
RUPTURES = (
    (3, 21, "Maya", "He went silent after I asked about moving in", 8, 2 * 24 * 60,
     ["apology", "reconnection"], "me"),
    (10, 20, "Jordan", "She called me five times while I was at the gym", 7, 30 * 60,
     ["validation"], "partner"),
    (17, 22, "Maya", "Fight about his phone at dinner", 7, 26 * 60, ["apology"], "me"),
    (24, 19, "Jordan", "I left the room in the middle of her sentence", 6, 20 * 60,
     ["apology", "validation"], "me"),
    (31, 21, "Maya", "I said he never makes plans", 6, 11 * 60, ["apology", "validation"], "me"),
    (39, 18, "Jordan", "Argued about her sister's visit", 5, 6 * 60, ["reconnection"], "both"),
    (46, 20, "Maya", "He forgot our dinner plans", 6, 4 * 60, ["validation", "reconnection"],
     "partner"),
    (54, 21, "Jordan", "I got defensive about money", 5, 2 * 60, ["apology"], "me"),
    (62, 19, "Maya", "I read too much into a short text", 4, 90, ["validation"], "both"),
    (70, 20, "Jordan", "Snapped about the dishes", 4, 55, ["apology", "reconnection"], "me"),
    (78, 21, "Maya", "Tense talk about his parents", 5, 35, ["validation", "reconnection"],
     "both"),
    (85, 18, "Jordan", "I went quiet when she was upset", 4, 20, ["apology", "validation"],
     "me"),
)  # fmt: skip
PRIVATE = {2, 7}  # the few each kept to themselves


def seed(
    store: Store, maya: models.Keyring, jordan: models.Keyring, rng: random.Random, start: datetime
) -> None:
    """Add this tool's demo records for the couple, from `start` (90 days ago) to now."""
    people = {"Maya": maya, "Jordan": jordan}
    for index, (day, hour, who, what, intensity, minutes, how, began) in enumerate(RUPTURES):
        keyring = people[who]
        when = (start + timedelta(days=day)).replace(hour=hour, minute=rng.randrange(60))
        rupture = repairs.record_rupture(
            store,
            keyring,
            RuptureInput(
                occurred_at=when,
                what_happened=what,
                intensity=intensity,
                shared_with_partner=index not in PRIVATE,
            ),
        )
        repaired_at = when + timedelta(minutes=minutes * rng.uniform(0.85, 1.15))
        repair = RepairInput(repaired_at=repaired_at, how=how, initiated_by=began)  # type: ignore[arg-type]
        repairs.record_repair(store, keyring, rupture.id, repair)
