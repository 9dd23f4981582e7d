"""Typed records on top of entries, shared by the journal and the practice tools: list one kind
as views, read back one of the person's own records, and pause closeness coaching while safety
mode is on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypedDict, TypeVar

from bowlby import models
from bowlby.errors import NotFound, PausedForSafety
from bowlby.services import entries, preferences
from bowlby.store.engine import Store

View = TypeVar("View")

PAUSED_FOR_SAFETY = (
    "While safety mode is on, Bowlby pauses the exercises that coach closeness with your "
    "partner, because they are not safe to practise with someone who may hurt you. What you "
    "wrote before is still yours to read. Self-soothing and Get help are always here. You can "
    "turn safety mode off in Safety settings whenever you decide."
)


class ListQuery(TypedDict, total=False):
    """Which records to list: whose (mine, shared, all), a time window, how many."""

    whose: str
    since: datetime | None
    until: datetime | None
    limit: int | None


def list_views(
    store: Store,
    keyring: models.Keyring,
    kind: str,
    to_view: Callable[[models.Entry], View],
    *,
    whose: str = "mine",
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int | None = None,
) -> list[View]:
    """The records of one kind the person can read, newest first, as views."""
    found = entries.list_entries(
        store, keyring, whose=whose, kinds=[kind], since=since, until=until, limit=limit
    )
    return [to_view(entry) for entry in found]


def read_own(
    store: Store, keyring: models.Keyring, entry_id: str, kind: str, label: str
) -> models.Entry:
    """One of the person's own records of this kind; anything else reads as not found."""
    entry = entries.read_entry(store, keyring, entry_id)
    if entry.kind != kind or entry.owner_id != keyring.profile_id:
        raise NotFound(f"There is no {label} {entry_id} of yours.")
    return entry


def coaching_paused(store: Store, keyring: models.Keyring) -> bool:
    """True while safety mode is on: the couple exercises step aside for safety."""
    return preferences.load(store, keyring).safety_mode


def refuse_coaching_in_safety_mode(store: Store, keyring: models.Keyring) -> None:
    """Call before saving anything from a tool that coaches closeness with the partner."""
    if coaching_paused(store, keyring):
        raise PausedForSafety(PAUSED_FOR_SAFETY)
