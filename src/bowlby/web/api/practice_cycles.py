"""The cycle map through the API: the JSON twins of the cycle pages, starting and renaming a
cycle, writing one's side, and the loop as an SVG file.

POST bodies are the same inputs `bowlby cycle new` and `bowlby cycle side` build; after a
save, ``safety`` says what the risk check found in the words.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from bowlby.insights.cycle_diagram import draw_cycle_loop
from bowlby.practice.cycle_maps import CycleInput, CycleView, SideInput, SideView
from bowlby.services import cycle_maps
from bowlby.services.safety import SafetyCheck
from bowlby.web import practice_cycles_contexts as pages
from bowlby.web.auth import ApiSession, StoreDep
from bowlby.web.safety_notes import with_safety

router = APIRouter(tags=["practice"])


class CycleSaved(CycleView):
    safety: SafetyCheck


class SideSaved(SideView):
    safety: SafetyCheck


class SideBody(SideInput):
    """A side; the cycle is the one in the path."""

    cycle_id: str = ""


@router.get("/cycles")
def list_cycles(store: StoreDep, session: ApiSession) -> pages.CyclesPage:
    """The cycles the person started or their partner shared with them, newest first."""
    return pages.build_cycles_page(store, session.keyring)


@router.post("/cycles", status_code=201)
def start_cycle(store: StoreDep, session: ApiSession, body: CycleInput) -> CycleSaved:
    """Name a cycle; share it with the partner so that they can add their side."""
    started = cycle_maps.start_cycle(store, session.keyring, body)
    return with_safety(store, session.keyring, started.id, started, CycleSaved)


@router.get("/cycles/{cycle_id}")
def read_cycle(store: StoreDep, session: ApiSession, cycle_id: str) -> pages.CyclePage:
    """The loop as the reader may see it: steps, lines, the SVG, and the visible sides."""
    return pages.build_cycle_page(store, session.keyring, cycle_id)


@router.put("/cycles/{cycle_id}")
def rename_cycle(
    store: StoreDep, session: ApiSession, cycle_id: str, body: CycleInput
) -> CycleSaved:
    """Rename one's own cycle or change its sharing; the old version is kept in its history."""
    renamed = cycle_maps.rename_cycle(store, session.keyring, cycle_id, body)
    return with_safety(store, session.keyring, renamed.id, renamed, CycleSaved)


@router.post("/cycles/{cycle_id}/sides", status_code=201)
def save_side(store: StoreDep, session: ApiSession, cycle_id: str, body: SideBody) -> SideSaved:
    """Write or revise one's side of the cycle (``guess: true`` for a guess at the partner's
    side); a revision keeps the earlier version."""
    side = SideInput.model_validate({**body.model_dump(), "cycle_id": cycle_id})
    written = cycle_maps.save_side(store, session.keyring, side)
    return with_safety(store, session.keyring, written.id, written, SideSaved)


@router.get("/cycles/{cycle_id}/loop.svg", response_class=Response)
def draw_cycle(store: StoreDep, session: ApiSession, cycle_id: str) -> Response:
    """The loop as an SVG image (the same drawing the page shows); paused in safety mode."""
    loop = cycle_maps.shared_loop(store, session.keyring, cycle_id)
    return Response(
        draw_cycle_loop(loop),
        media_type="image/svg+xml",
        headers={"Cache-Control": "no-store"},
    )
