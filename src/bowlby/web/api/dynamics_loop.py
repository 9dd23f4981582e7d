"""The feedback loop through the API: the page's context as JSON (the chart's SVG left out,
its description kept)."""

from __future__ import annotations

from fastapi import APIRouter

from bowlby.services import feedback_loop as service
from bowlby.web import dynamics_loop_contexts as pages
from bowlby.web.auth import ApiSession, StoreDep
from bowlby.web.zone import person_zone

router = APIRouter(tags=["dynamics"])


@router.get("/dynamics/loop")
def loop(store: StoreDep, session: ApiSession, lag: int = 1) -> pages.LoopPage:
    """Safe responses and later anxiety in your own records: the estimate with its 95% range,
    or what is still missing; ``lag`` is 1 (the next day) or 3 (the next three days)."""
    result = service.feedback_loop(store, session.keyring, person_zone(), lag_days=lag)
    return pages.build_loop_page(result, with_svg=False)
