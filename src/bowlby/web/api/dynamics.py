"""The couple model through the API: the same contexts the pages render (without the SVG), and
hard conversations logged, listed and read. POST bodies are what `bowlby dynamics log` builds."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from bowlby.dynamics import hard_conversations as hard
from bowlby.services import dynamics as service
from bowlby.services.safety import SafetyCheck
from bowlby.web import dynamics_contexts as pages
from bowlby.web.auth import ApiSession, StoreDep
from bowlby.web.dynamics_whatif import WhatIfPage, WhatIfQuery, build_whatif_page
from bowlby.web.safety_notes import with_safety

router = APIRouter(prefix="/dynamics", tags=["dynamics"])


class HardConversationSaved(hard.HardConversationView):
    safety: SafetyCheck


@router.get("")
def overview(store: StoreDep, session: ApiSession) -> pages.OverviewPage:
    """What the model is, and which of your own sources can be fitted."""
    return pages.build_overview(store, session.keyring)


@router.get("/fit")
def fit(
    store: StoreDep, session: ApiSession, query: Annotated[pages.FitQuery, Depends()]
) -> pages.FitPage:
    """One fit: every estimate with its interval, the steady states, or the too-few-turns
    state with the counts (nothing estimated)."""
    return pages.build_fit_page(store, session.keyring, query, with_svg=False)


@router.get("/whatif")
def whatif(
    store: StoreDep, session: ApiSession, query: Annotated[WhatIfQuery, Depends()]
) -> WhatIfPage:
    """Both runs from the same start, as fitted and with one change (paused in safety mode)."""
    return build_whatif_page(store, session.keyring, query, with_svg=False)


@router.get("/conversations")
def list_conversations(store: StoreDep, session: ApiSession) -> list[hard.HardConversationView]:
    """Your logged hard conversations, newest first."""
    return service.list_hard_conversations(store, session.keyring)


@router.post("/conversations", status_code=201)
def log_conversation(
    store: StoreDep, session: ApiSession, body: hard.HardConversationInput
) -> HardConversationSaved:
    """Log a hard conversation: who spoke first and each turn's score, −4 to +4."""
    logged = service.log_hard_conversation(store, session.keyring, body)
    return with_safety(store, session.keyring, logged.id, logged, HardConversationSaved)


@router.get("/conversations/{conversation_id}")
def read_conversation(
    store: StoreDep, session: ApiSession, conversation_id: str
) -> hard.HardConversationView:
    return service.read_hard_conversation(store, session.keyring, conversation_id)
