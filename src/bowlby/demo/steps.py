"""The demo couple's five-steps records: triggers, named emotions, thought records, success
moments and reflections spread over the demo period, easing as the weeks go by."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from importlib import resources
from typing import Any

from bowlby import models
from bowlby.journal.emotions import EmotionInput
from bowlby.journal.reflections import ReflectionInput
from bowlby.journal.successes import SuccessInput
from bowlby.journal.thought_records import ThoughtRecordInput
from bowlby.journal.triggers import TriggerInput
from bowlby.services import journal
from bowlby.store.engine import Store

DAYS = 90


def seed_steps(store: Store, keyring: models.Keyring, rng: random.Random, start: datetime) -> None:
    data = json.loads(resources.files("bowlby.demo").joinpath("steps.json").read_text("utf-8"))
    mine: dict[str, Any] = data[keyring.name]
    _seed_triggers(store, keyring, rng, start, mine["triggers"])
    _seed_emotions(store, keyring, rng, start, mine["emotions"])
    success_ids = _seed_successes(store, keyring, rng, start, mine["successes"])
    _seed_thoughts(store, keyring, start, mine["thoughts"], success_ids)
    for index, reflection in enumerate(mine["reflections"]):
        journal.write_reflection(
            store,
            keyring,
            ReflectionInput(
                occurred_at=start + timedelta(days=20 + 30 * index, hours=21),
                prompt_id=reflection["prompt"],
                answer=reflection["answer"],
            ),
        )


def _moment(rng: random.Random, start: datetime, fraction: float) -> datetime:
    """A plausible local evening or lunchtime at that fraction of the demo period."""
    day = start + timedelta(days=int(fraction * (DAYS - 1)))
    return day.replace(hour=rng.choice([8, 12, 13, 18, 20, 21, 22]), minute=rng.randrange(60))


def _seed_triggers(
    store: Store, keyring: models.Keyring, rng: random.Random, start: datetime, logs: list[Any]
) -> None:
    count = len(logs) * 3
    for index in range(count):
        log = logs[index % len(logs)]
        fraction = index / count
        journal.record_trigger(
            store,
            keyring,
            TriggerInput(
                occurred_at=_moment(rng, start, fraction),
                what_happened=log["what"],
                partner_action=log["action"],
                urge=log["urge"],
                strength=max(1, min(10, round(8 - 4 * fraction + rng.uniform(-1.5, 1.5)))),
                tags=log["tags"],
                shared_with_partner=index % 5 == 4,
            ),
        )


def _seed_emotions(
    store: Store, keyring: models.Keyring, rng: random.Random, start: datetime, named: list[Any]
) -> None:
    count = len(named) * 3
    for index in range(count):
        emotion = named[index % len(named)]
        fraction = index / count
        journal.name_emotion(
            store,
            keyring,
            EmotionInput(
                occurred_at=_moment(rng, start, fraction),
                family=emotion["family"],
                name=emotion["name"],
                core_fear=emotion["core_fear"],
                intensity=max(1, min(10, round(7 - 3 * fraction + rng.uniform(-1, 1)))),
            ),
        )


def _seed_successes(
    store: Store, keyring: models.Keyring, rng: random.Random, start: datetime, moments: list[Any]
) -> list[str]:
    ids = []
    for index, moment in enumerate(moments):
        view = journal.record_success(
            store,
            keyring,
            SuccessInput(
                occurred_at=_moment(rng, start, (index + 0.5) / len(moments)),
                what_happened=moment["what"],
                quality=moment["quality"],
                shared_with_partner=index % 2 == 0,
            ),
        )
        ids.append(view.id)
    return ids


def _seed_thoughts(
    store: Store,
    keyring: models.Keyring,
    start: datetime,
    records: list[Any],
    success_ids: list[str],
) -> None:
    for index, record in enumerate(records):
        fraction = (index + 1) / (len(records) + 1)
        before = round(90 - 20 * fraction)
        journal.record_thought(
            store,
            keyring,
            ThoughtRecordInput(
                occurred_at=start + timedelta(days=int(fraction * DAYS), hours=22),
                situation=record["situation"],
                automatic_thought=record["thought"],
                belief_before=before,
                distortions=record["distortions"],
                evidence_against=record["against"],
                evidence_success_ids=success_ids[: index + 1],
                balanced_thought=record["balanced"],
                belief_after=round(before * (0.6 - 0.25 * fraction)),
            ),
        )
