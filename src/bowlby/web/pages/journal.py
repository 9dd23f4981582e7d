"""The five steps of self-awareness: the overview, search, and the resources page; the steps'
own pages live in journal_steps, journal_thoughts and journal_moments."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from bowlby.web import journal_contexts, journal_search
from bowlby.web.auth import MaybeSession, PageSession, StoreDep
from bowlby.web.contexts import Whose
from bowlby.web.pages import journal_moments, journal_steps, journal_thoughts
from bowlby.web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/journal")
def journal_home(request: Request, store: StoreDep, session: PageSession) -> Response:
    page = journal_contexts.build_journal_home(store, session.keyring)
    return render(request, "journal_home.html", session=session, page=page)


@router.get("/journal/search")
def search(
    request: Request, store: StoreDep, session: PageSession, q: str = "", whose: Whose = "mine"
) -> Response:
    page = journal_search.build_search(store, session.keyring, q, whose)
    return render(request, "journal_search.html", session=session, page=page)


@router.get("/journal/resources")
def resources(request: Request, session: MaybeSession) -> Response:
    """Open to anyone: finding help should never need a sign-in."""
    return render(request, "journal_resources.html", session=session)


for step_router in (journal_steps.router, journal_thoughts.router, journal_moments.router):
    router.include_router(step_router)
