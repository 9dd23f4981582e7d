"""The 5:1 ledger through the API: log a moment (the input `bowlby ratio +` builds), the
page's context, and the table by day, week or rolling window."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from bowlby.practice import ratio_ledger as ledger
from bowlby.services import ratio_ledger
from bowlby.services.ratio_ledger import By
from bowlby.services.safety import SafetyCheck
from bowlby.web import practice_ratio_contexts as pages
from bowlby.web.auth import ApiSession, SettingsDep, StoreDep
from bowlby.web.safety_notes import with_safety

router = APIRouter(tags=["practice"])


class InteractionSaved(ledger.InteractionView):
    safety: SafetyCheck


@router.get("/ratio")
def ratio_page(
    store: StoreDep,
    settings: SettingsDep,
    session: ApiSession,
    days: Annotated[int, Query(ge=7, le=366)] = pages.DAYS,
) -> pages.RatioPage:
    """What /practice/ratio shows (without the chart's SVG): counts, weeks, the couple view."""
    today = datetime.now(settings.zone).date()
    return pages.build_ratio_page(
        store, session.keyring, settings.zone, today, days=days, with_svg=False
    )


@router.post("/ratio", status_code=201)
def log_interaction(
    store: StoreDep, session: ApiSession, body: ledger.InteractionInput
) -> InteractionSaved:
    """Log one warm (`+`/positive) or hurtful (`-`/negative) moment; 403 in safety mode."""
    logged = ratio_ledger.log_interaction(store, session.keyring, body)
    return with_safety(store, session.keyring, logged.id, logged, InteractionSaved)


@router.get("/ratio/table")
def ratio_table(
    store: StoreDep,
    settings: SettingsDep,
    session: ApiSession,
    by: By = "day",
    days: Annotated[int, Query(ge=1, le=3660)] = 28,
    whose: Annotated[str, Query(pattern="^(mine|shared)$")] = "mine",
) -> list[pages.PeriodRow]:
    """The ratio by local day, ISO week or rolling 7 days, oldest first; empty periods say so."""
    today = datetime.now(settings.zone).date()
    periods = ratio_ledger.ratio_table(
        store, session.keyring, settings.zone, today=today, days=days, by=by, whose=whose
    )
    return [pages.PeriodRow.of(period) for period in periods]
