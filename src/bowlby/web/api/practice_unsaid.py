"""The unsaid list through the API: the pages' contexts, note an item, raise it, let it go.

POST/PUT bodies are the inputs `bowlby unsaid add`, `raise` and `let-go` build. Items are
only ever the owner's: anyone else gets 404."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter

from bowlby.practice import unsaid_list as unsaid
from bowlby.services import unsaid_list as service
from bowlby.services.safety import SafetyCheck
from bowlby.web import practice_unsaid_contexts as pages
from bowlby.web.auth import ApiSession, SettingsDep, StoreDep
from bowlby.web.safety_notes import with_safety

router = APIRouter(tags=["practice"])


class UnsaidSaved(unsaid.UnsaidView):
    safety: SafetyCheck


@router.get("/unsaid")
def unsaid_page(store: StoreDep, settings: SettingsDep, session: ApiSession) -> pages.UnsaidPage:
    """My items: open ones, longest waiting first, with their age; then resolved ones."""
    return pages.build_unsaid_page(store, session.keyring, settings.zone, datetime.now(UTC))


@router.post("/unsaid", status_code=201)
def note_item(store: StoreDep, session: ApiSession, body: unsaid.UnsaidInput) -> UnsaidSaved:
    """Note an item; always private (asking to share it is refused with 422)."""
    noted = service.note_item(store, session.keyring, body)
    return with_safety(store, session.keyring, noted.id, noted, UnsaidSaved)


@router.get("/unsaid/{item_id}")
def read_item(
    store: StoreDep, settings: SettingsDep, session: ApiSession, item_id: str
) -> pages.UnsaidItemPage:
    """One of my items with its gentle start-up template, prefilled."""
    return pages.build_item_page(store, session.keyring, item_id, settings.zone, datetime.now(UTC))


@router.put("/unsaid/{item_id}/raised")
def raise_item(
    store: StoreDep, session: ApiSession, item_id: str, body: unsaid.RaiseInput
) -> UnsaidSaved:
    """Record raising it and how it went; 403 while safety mode is on. History is kept."""
    raised = service.raise_item(store, session.keyring, item_id, body)
    return with_safety(store, session.keyring, raised.id, raised, UnsaidSaved)


@router.put("/unsaid/{item_id}/let-go")
def let_go_item(
    store: StoreDep, session: ApiSession, item_id: str, body: unsaid.LetGoInput
) -> UnsaidSaved:
    """Let it go without raising it. History is kept."""
    gone = service.let_go_item(store, session.keyring, item_id, body)
    return with_safety(store, session.keyring, gone.id, gone, UnsaidSaved)
