"""The feedback-loop page: what the person's own records say about safe responses and later
anxiety, with its caveats and a boxed background on the science. Stays open in safety mode
(it is their own data); only the suggestion to practise closeness is paused."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from bowlby.services import feedback_loop as service
from bowlby.web import dynamics_loop_contexts as contexts
from bowlby.web.auth import PageSession, StoreDep
from bowlby.web.rendering import render
from bowlby.web.zone import person_zone

router = APIRouter(include_in_schema=False)
PAGE = "/dynamics/loop"


@router.get(PAGE)
def loop_page(request: Request, store: StoreDep, session: PageSession, lag: int = 1) -> Response:
    """``?lag=3`` compares the mean of the next three days instead of the next day."""
    result = service.feedback_loop(store, session.keyring, person_zone(), lag_days=lag)
    page = contexts.build_loop_page(result)
    return render(request, "dynamics_loop.html", session=session, page=page)
