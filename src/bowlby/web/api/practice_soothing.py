"""Self-soothing through the API: record a session, the JSON twins of the pages, the effects.

POST bodies are the SoothingInput that `bowlby soothe` builds; GET bodies are the pages'
contexts. Never paused in safety mode.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from bowlby.practice.soothing import ExerciseEffect, SoothingInput, SoothingView
from bowlby.services import soothing as service
from bowlby.services.safety import SafetyCheck
from bowlby.web import practice_soothing_contexts as pages
from bowlby.web.auth import ApiSession, StoreDep
from bowlby.web.contexts import Whose
from bowlby.web.safety_notes import with_safety

router = APIRouter(prefix="/soothing", tags=["practice"])


class SessionSaved(SoothingView):
    safety: SafetyCheck


@router.get("")
def overview(
    store: StoreDep,
    session: ApiSession,
    whose: Whose = "mine",
    limit: Annotated[int, Query(ge=1, le=1000)] = pages.LIST_COUNT,
) -> pages.SoothingHome:
    """The exercises, what each has done for you, and your sessions (or those shared); the
    chart's SVG is left out here."""
    return pages.build_soothing_home(
        store, session.keyring, with_svg=False, whose=whose, limit=limit
    )


@router.post("", status_code=201)
def record_session(store: StoreDep, session: ApiSession, body: SoothingInput) -> SessionSaved:
    """Keep a session; ``safety`` says what the risk check found in its note."""
    kept = service.record_session(store, session.keyring, body)
    return with_safety(store, session.keyring, kept.id, kept, SessionSaved)


@router.get("/effects")
def effects(store: StoreDep, session: ApiSession) -> list[ExerciseEffect]:
    """Per exercise: sessions, mean drop in anxiety and its 95% interval (from two sessions)."""
    return service.exercise_effects(store, session.keyring)


@router.get("/exercises/{exercise_id}")
def exercise(store: StoreDep, session: ApiSession, exercise_id: str) -> pages.ExercisePage:
    return pages.build_exercise_page(store, session.keyring, exercise_id)


@router.get("/sessions/{session_id}")
def read_session(store: StoreDep, session: ApiSession, session_id: str) -> SoothingView:
    """One of your own sessions; anyone else's is not found."""
    return service.read_session(store, session.keyring, session_id)
