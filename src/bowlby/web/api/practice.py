"""Practice through the API: the overview; each tool's routes live in its own practice_* module."""

from __future__ import annotations

from fastapi import APIRouter

from bowlby.web.api import (
    practice_checkins,
    practice_cycles,
    practice_ratio,
    practice_repairs,
    practice_soothing,
    practice_talk,
    practice_unsaid,
    practice_vulnerability,
)
from bowlby.web.auth import ApiSession, StoreDep
from bowlby.web.practice_contexts import PracticeHome, build_practice_home

router = APIRouter(prefix="/practice", tags=["practice"])


@router.get("")
def overview(store: StoreDep, session: ApiSession) -> PracticeHome:
    """Every tool; in safety mode the ones that coach closeness are marked paused."""
    return build_practice_home(store, session.keyring)


for tool in (
    practice_checkins,
    practice_soothing,
    practice_vulnerability,
    practice_ratio,
    practice_repairs,
    practice_cycles,
    practice_unsaid,
    practice_talk,
):
    router.include_router(tool.router)
