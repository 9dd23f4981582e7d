"""The person's own safety feedback loop as a use case: their own records only (never what a
partner shared with them), as daily series in their zone, and the lagged estimate.

Not paused in safety mode: it is the person's own data. Only the suggestion to practise
closeness with the partner steps aside, and the pages say so (``coaching_paused``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo

from pydantic import BaseModel

from bowlby import models
from bowlby.dynamics import feedback_loop as loop
from bowlby.dynamics.feedback_loop_fit import LAGS, LoopEstimate, estimate_loop
from bowlby.errors import InputError
from bowlby.practice.vulnerability_windows import day_start
from bowlby.services import entries, records
from bowlby.store.engine import Store


class FeedbackLoop(BaseModel):
    """The daily series up to ``today``, the estimate, and whether coaching is paused."""

    today: date
    series: list[loop.Day]
    estimate: LoopEstimate
    coaching_paused: bool


def feedback_loop(
    store: Store,
    keyring: models.Keyring,
    zone: tzinfo,
    *,
    lag_days: int = 1,
    today: date | None = None,
) -> FeedbackLoop:
    """What the person's own records say about safe responses and later anxiety."""
    if lag_days not in LAGS:
        raise InputError("choose 1 (the next day) or 3 (the next three days).", field="lag")
    today = today or datetime.now(UTC).astimezone(zone).date()
    own = entries.list_entries(
        store,
        keyring,
        whose="mine",
        kinds=loop.KINDS,
        until=day_start(today + timedelta(days=1), zone),
    )
    mine = [entry for entry in own if entry.owner_id == keyring.profile_id]
    series = loop.until_day(loop.daily_series(mine, zone), today)
    return FeedbackLoop(
        today=today,
        series=series,
        estimate=estimate_loop(series, lag_days),
        coaching_paused=records.coaching_paused(store, keyring),
    )
