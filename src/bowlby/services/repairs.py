"""Emotional repair as use cases: log a rupture, add its repair to the same entry later (the
first version kept), list ruptures one may read, and the time-to-repair trend."""

from __future__ import annotations

from datetime import tzinfo
from typing import Unpack

from bowlby import models
from bowlby.practice import repair_attempts as repairs
from bowlby.services import entries, records
from bowlby.services.records import ListQuery
from bowlby.store.engine import Store

LABEL = "rupture"


def record_rupture(
    store: Store, keyring: models.Keyring, rupture: repairs.RuptureInput
) -> repairs.RuptureView:
    records.refuse_coaching_in_safety_mode(store, keyring)
    draft = repairs.rupture_draft(rupture)
    return repairs.rupture_view(entries.write_entry(store, keyring, draft))


def record_repair(
    store: Store, keyring: models.Keyring, rupture_id: str, repair: repairs.RepairInput
) -> repairs.RuptureView:
    """Add (or correct) the repair of one of the person's own ruptures; history is kept."""
    records.refuse_coaching_in_safety_mode(store, keyring)
    rupture = records.read_own(store, keyring, rupture_id, repairs.KIND, LABEL)
    draft = repairs.repaired_draft(rupture, repair)
    return repairs.rupture_view(entries.update_entry(store, keyring, rupture_id, draft))


def read_rupture(store: Store, keyring: models.Keyring, rupture_id: str) -> repairs.RuptureView:
    """One of the person's own ruptures, to add its repair."""
    return repairs.rupture_view(records.read_own(store, keyring, rupture_id, repairs.KIND, LABEL))


def list_ruptures(
    store: Store, keyring: models.Keyring, **query: Unpack[ListQuery]
) -> list[repairs.RuptureView]:
    return records.list_views(store, keyring, repairs.KIND, repairs.rupture_view, **query)


def repair_trend(
    store: Store, keyring: models.Keyring, zone: tzinfo
) -> tuple[list[repairs.RepairTrendPoint], list[repairs.RepairTrendPoint]]:
    """The person's own median time-to-repair by month, and rolling over recent repairs."""
    ruptures = list_ruptures(store, keyring)
    return repairs.median_by_month(ruptures, zone), repairs.rolling_median(ruptures, zone)
