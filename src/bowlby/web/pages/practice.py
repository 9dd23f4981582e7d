"""Practise together: the overview; each tool's pages live in its own practice_* module."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from bowlby.web import practice_contexts
from bowlby.web.auth import PageSession, StoreDep
from bowlby.web.pages import (
    practice_checkins,
    practice_cycles,
    practice_ratio,
    practice_repairs,
    practice_soothing,
    practice_talk,
    practice_unsaid,
    practice_vulnerability,
)
from bowlby.web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/practice")
def practice_home(request: Request, store: StoreDep, session: PageSession) -> Response:
    page = practice_contexts.build_practice_home(store, session.keyring)
    return render(request, "practice_home.html", session=session, page=page)


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
