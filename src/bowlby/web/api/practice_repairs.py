"""Repairs through the API: log a rupture, add its repair, the pages' contexts, the phrases.

POST bodies are the inputs `bowlby repair rupture` and `bowlby repair done` build."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter

from bowlby.practice import repair_attempts as repairs
from bowlby.services import repairs as service
from bowlby.services.safety import SafetyCheck
from bowlby.web import practice_repairs_contexts as pages
from bowlby.web.auth import ApiSession, SettingsDep, StoreDep
from bowlby.web.safety_notes import with_safety

router = APIRouter(tags=["practice"])


class RuptureSaved(repairs.RuptureView):
    safety: SafetyCheck


@router.get("/repairs")
def repairs_page(store: StoreDep, settings: SettingsDep, session: ApiSession) -> pages.RepairsPage:
    """Open ruptures with their age, repaired ones with their time, the monthly trend."""
    return pages.build_repairs_page(
        store, session.keyring, settings.zone, datetime.now(UTC), with_svg=False
    )


@router.post("/repairs", status_code=201)
def record_rupture(
    store: StoreDep, session: ApiSession, body: repairs.RuptureInput
) -> RuptureSaved:
    """Log a rupture; 403 while safety mode is on."""
    logged = service.record_rupture(store, session.keyring, body)
    return with_safety(store, session.keyring, logged.id, logged, RuptureSaved)


@router.get("/repairs/phrases")
def phrases(store: StoreDep, session: ApiSession) -> pages.PhrasesPage:
    """The repair-attempt phrases, grouped by purpose (empty while safety mode is on)."""
    return pages.build_phrases_page(store, session.keyring)


@router.get("/repairs/{rupture_id}")
def read_rupture(store: StoreDep, session: ApiSession, rupture_id: str) -> pages.RepairFormPage:
    return pages.build_repair_form(store, session.keyring, rupture_id, datetime.now(UTC))


@router.put("/repairs/{rupture_id}/repair")
def record_repair(
    store: StoreDep, session: ApiSession, rupture_id: str, body: repairs.RepairInput
) -> RuptureSaved:
    """Add or correct the repair of one of your own ruptures; the earlier version is kept."""
    done = service.record_repair(store, session.keyring, rupture_id, body)
    return with_safety(store, session.keyring, done.id, done, RuptureSaved)
