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
    sharing.share_pending_entries(store, maya)


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
