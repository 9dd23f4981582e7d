"""The demo couple: two linked profiles and about 90 days of realistic data.

`bowlby serve --demo` runs on its own SQLite file in the demo folder, never on a person's
real database, so a newcomer can look at every feature with something in it.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, time, timedelta
from importlib import resources
from typing import Any

from bowlby import models
from bowlby.demo.chat import seed_chat
from bowlby.demo.dynamics import seed as seed_dynamics
from bowlby.demo.practice import seed_practice
from bowlby.demo.steps import seed_steps
from bowlby.errors import NotFound
from bowlby.services import accounts, entries, sharing
from bowlby.settings import Settings
from bowlby.store.engine import Store, open_store

DEMO_DAYS = 90
DEMO_LOGINS = [("Maya", "maya demo passphrase"), ("Jordan", "jordan demo passphrase")]


def demo_settings(settings: Settings) -> Settings:
    """The same settings pointed at the demo folder and its own SQLite file."""
    return settings.model_copy(update={"home": settings.home / "demo", "database_url": None})


def ensure_demo(settings: Settings, today: datetime | None = None) -> list[tuple[str, str]]:
    """Create the demo couple if this database does not have it yet; return the logins."""
    store = open_store(settings)
    try:
        existing = {profile.name for profile in accounts.list_profiles(store)}
        if not all(name in existing for name, _ in DEMO_LOGINS):
            seed_demo(store, settings, today or datetime.now(UTC))
    finally:
        store.dispose()
    return list(DEMO_LOGINS)


def seed_demo(store: Store, settings: Settings, today: datetime) -> None:
    keyrings = {}
    for name, passphrase in DEMO_LOGINS:
        try:
            keyrings[name] = accounts.unlock_profile(store, name, passphrase)
        except NotFound:
            accounts.create_profile(store, settings, name, passphrase)
            keyrings[name] = accounts.unlock_profile(store, name, passphrase)
    maya, jordan = keyrings["Maya"], keyrings["Jordan"]
    if not sharing.list_links(store, maya):
        code = sharing.create_invitation(store, maya, models.LinkRole.PARTNER)
        sharing.accept_invitation(store, jordan, code)
    rng = random.Random(1958)
    start = today - timedelta(days=DEMO_DAYS)
    texts = json.loads(resources.files("bowlby.demo").joinpath("journal.json").read_text("utf-8"))
    for keyring in (maya, jordan):
        for draft in journal_drafts(rng, start, texts[keyring.name]):
            entries.write_entry(store, keyring, draft)
    for keyring in (maya, jordan):
        seed_assessments(store, keyring, rng, start)
        seed_steps(store, keyring, rng, start)
    seed_practice(store, maya, jordan, rng, start)
    seed_chat(store, maya, rng, start, settings.zone)
    seed_dynamics(store, maya, jordan, rng, start)
    sharing.share_pending_entries(store, maya)


# ECR-R means (anxiety, avoidance) at days 0, 45 and 90: both move toward the secure corner,
# still far enough apart at the end for the anxious-avoidant pairing to show.
DEMO_TRAJECTORIES = {
    "Maya": ((5.7, 2.6), (5.2, 2.5), (4.8, 2.4)),
    "Jordan": ((2.6, 5.7), (2.5, 5.2), (2.4, 4.8)),
}


def seed_assessments(
    store: Store, keyring: models.Keyring, rng: random.Random, start: datetime
) -> None:
    """Three ECR-R results, 45 days apart, shared with the partner so the couple view shows."""
    from bowlby.assess.instruments import get_instrument
    from bowlby.services import assessments

    instrument = get_instrument("ecr-r")
    for day, means in zip((0, 45, 90), DEMO_TRAJECTORIES[keyring.name], strict=True):
        answers = {}
        for subscale, mean in zip(("anxiety", "avoidance"), means, strict=True):
            items = [i for i in instrument.items if i.subscale == subscale]
            for item, keyed in zip(items, keyed_answers(rng, mean, len(items)), strict=True):
                answers[item.id] = 8 - keyed if item.reverse else keyed
        sitting = assessments.start_assessment(store, keyring, "ecr-r")
        assessments.save_answers(store, keyring, sitting.id, answers)
        assessments.complete_assessment(store, keyring, sitting.id)
        written = entries.read_entry(store, keyring, sitting.id)
        backdated = written.model_copy(
            update={
                "occurred_at": start + timedelta(days=day, hours=-2),
                "shared_with_partner": True,
            }
        )
        draft = models.EntryDraft.model_validate(backdated.model_dump(include=_DRAFT_FIELDS))
        entries.update_entry(store, keyring, sitting.id, draft, keep_history=False)


_DRAFT_FIELDS = set(models.EntryDraft.model_fields)


def keyed_answers(rng: random.Random, mean: float, count: int) -> list[int]:
    """Answers (after reverse keying) that vary like a person's but average ``mean``."""
    total = round(mean * count)
    values = [total // count + (1 if i < total % count else 0) for i in range(count)]
    for _ in range(count):
        up, down = rng.randrange(count), rng.randrange(count)
        if values[up] < 7 and values[down] > 1 and up != down:
            values[up] += 1
            values[down] -= 1
    rng.shuffle(values)
    return values


def journal_drafts(
    rng: random.Random, start: datetime, texts: list[dict[str, Any]]
) -> list[models.EntryDraft]:
    """Spread the written entries over the demo period, in order, at plausible hours."""
    drafts = []
    step = DEMO_DAYS / len(texts)
    for index, text in enumerate(texts):
        day = start + timedelta(days=int(index * step + rng.uniform(0, step * 0.8)))
        moment = datetime.combine(day.date(), time(rng.choice([7, 12, 19, 21, 22])), UTC)
        drafts.append(
            models.EntryDraft(
                kind="journal",
                occurred_at=moment + timedelta(minutes=rng.randrange(60)),
                text={"title": text["title"], "body": text["body"]},
                shared_with_partner=text["shared"],
            )
        )
    return drafts
