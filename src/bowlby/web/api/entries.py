"""Entries through the API, and the JSON twins of the home and entry-list pages."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from bowlby import models
from bowlby.services import entries
from bowlby.services.safety import SafetyCheck
from bowlby.web import contexts
from bowlby.web.auth import ApiSession, StoreDep
from bowlby.web.safety_notes import with_safety

router = APIRouter(tags=["entries"])


class EntrySaved(models.Entry):
    """The entry as saved, and what the risk check found in its words."""

    safety: SafetyCheck


class Sharing(BaseModel):
    partner: bool = False
    therapist: bool = False


@router.get("/home")
def home(store: StoreDep, session: ApiSession) -> contexts.HomePage:
    """What the home page shows."""
    return contexts.build_home(store, session.keyring)


@router.get("/entries")
def list_entries(
    store: StoreDep, session: ApiSession, whose: contexts.Whose = "all", kind: str = ""
) -> contexts.EntriesPage:
    """What the entries page shows: mine, shared with me, or all, optionally of one kind."""
    return contexts.build_entries(store, session.keyring, whose, kind.strip() or None)


@router.post("/entries", status_code=201)
def write_entry(store: StoreDep, session: ApiSession, draft: models.EntryDraft) -> EntrySaved:
    """Write an entry; while safety mode is on, sharing with the partner is refused (422)."""
    entry = entries.write_entry(store, session.keyring, draft)
    return with_safety(store, session.keyring, entry.id, entry, EntrySaved)


@router.get("/entries/{entry_id}")
def read_entry(store: StoreDep, session: ApiSession, entry_id: str) -> models.Entry:
    return entries.read_entry(store, session.keyring, entry_id)


@router.put("/entries/{entry_id}")
def update_entry(
    store: StoreDep, session: ApiSession, entry_id: str, draft: models.EntryDraft
) -> EntrySaved:
    entry = entries.update_entry(store, session.keyring, entry_id, draft)
    return with_safety(store, session.keyring, entry.id, entry, EntrySaved)


@router.delete("/entries/{entry_id}", status_code=204)
def delete_entry(store: StoreDep, session: ApiSession, entry_id: str) -> None:
    entries.delete_entry(store, session.keyring, entry_id)


@router.post("/entries/{entry_id}/sharing")
def set_sharing(store: StoreDep, session: ApiSession, entry_id: str, body: Sharing) -> models.Entry:
    return entries.set_sharing(
        store, session.keyring, entry_id, partner=body.partner, therapist=body.therapist
    )
