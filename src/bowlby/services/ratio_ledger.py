"""The 5:1 ledger as use cases: log a moment (paused in safety mode), list the moments one may
read, and count them by local day, ISO week or a rolling window."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal, Unpack

from bowlby import models
from bowlby.practice import ratio_ledger as ledger
from bowlby.services import entries, records
from bowlby.services.records import ListQuery
from bowlby.store.engine import Store

By = Literal["day", "week", "rolling"]


def log_interaction(
    store: Store, keyring: models.Keyring, moment: ledger.InteractionInput
) -> ledger.InteractionView:
    """One tap: a warm or a hurtful moment, private unless shared."""
    records.refuse_coaching_in_safety_mode(store, keyring)
    draft = ledger.interaction_draft(moment)
    return ledger.interaction_view(entries.write_entry(store, keyring, draft))


def list_interactions(
    store: Store, keyring: models.Keyring, **query: Unpack[ListQuery]
) -> list[ledger.InteractionView]:
    return records.list_views(store, keyring, ledger.KIND, ledger.interaction_view, **query)


def first_day(today: date, days: int, by: By) -> date:
    """The first day a table of `days` days ending today covers (a Monday for weeks)."""
    first = today - timedelta(days=max(days, 1) - 1)
    return first - timedelta(days=first.weekday()) if by == "week" else first


def start_of(day: date, zone: tzinfo) -> datetime:
    """Local midnight of a day, in UTC (the first instant of that calendar day there)."""
    return datetime.combine(day, time(), zone).astimezone(UTC)


def ratio_table(
    store: Store,
    keyring: models.Keyring,
    zone: tzinfo,
    *,
    today: date,
    days: int = 28,
    by: By = "day",
    whose: str = "mine",
) -> list[ledger.RatioPeriod]:
    """The ratio by local day, ISO week or rolling 7 days, up to today, oldest first."""
    first = first_day(today, days, by)
    reach = first - timedelta(days=ledger.ROLLING_DAYS) if by == "rolling" else first
    moments = list_interactions(
        store,
        keyring,
        whose=whose,
        since=start_of(reach, zone),
        until=start_of(today + timedelta(days=1), zone),
    )
    if by == "week":
        return ledger.ratio_by_week(moments, zone, first, today)
    if by == "rolling":
        return ledger.rolling_ratio(moments, zone, first, today)
    return ledger.ratio_by_day(moments, zone, first, today)
