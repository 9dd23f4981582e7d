"""The risk check after saving, and the safety parts of every page's chrome.

Pages call ``note_risk`` once after saving anything a person wrote; the next page shows a calm
box with the message and their crisis lines. Saving is never blocked. The chrome tells every
template whether safety mode and the disguise are on.
"""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel

from bowlby import models
from bowlby.errors import BowlbyError
from bowlby.safety import resources_for
from bowlby.services import preferences, safety
from bowlby.services.preferences import Preferences
from bowlby.services.safety import MessageView, SafetyCheck
from bowlby.store.engine import Store
from bowlby.web.safety_contexts import Line, country_lines
from bowlby.web.sessions import WebSession

Saved = TypeVar("Saved", bound=BaseModel)


class SafetyNote(BaseModel):
    """The calm box: the messages, then the lines they call for (crisis lines first)."""

    messages: list[MessageView]
    lines: list[Line]
    emergency: str | None
    emergency_tel: str | None
    fallback: str


def note_risk(store: Store, session: WebSession, entry_id: str) -> SafetyCheck:
    """Check what was just saved; when it shows signs of danger, keep the check for the next
    page. Returns the check, for the API's ``safety`` field."""
    found = safety.check_entry(store, session.keyring, entry_id)
    if found.found:
        session.safety_check = found
    return found


def with_safety(
    store: Store, keyring: models.Keyring, entry_id: str, view: BaseModel, model: type[Saved]
) -> Saved:
    """What the API returns after a save: the saved record and ``safety: {signals,
    messages}`` from the same check the pages make."""
    found = safety.check_entry(store, keyring, entry_id)
    return model.model_validate({**view.model_dump(), "safety": found})


def safety_chrome(request: Request, session: WebSession | None) -> dict[str, Any]:
    """safety_mode, disguise and the one-time safety_note for the page being rendered."""
    if session is None:
        return {"safety_mode": False, "disguise": False, "safety_note": None}
    chosen = own_preferences(request, session)
    check = session.take_safety_check()
    return {
        "safety_mode": chosen.safety_mode,
        "disguise": chosen.disguise,
        "safety_note": build_note(check, chosen.country) if check else None,
    }


def own_preferences(request: Request, session: WebSession) -> Preferences:
    store: Store | None = getattr(request.app.state, "store", None)
    if store is None:
        return Preferences()
    try:
        return preferences.load(store, session.keyring)
    except BowlbyError:  # an error page must still render
        return Preferences()


def build_note(check: SafetyCheck, country: str | None) -> SafetyNote:
    lines = country_lines(resources_for(country))
    needed = {message.resources for message in check.messages}
    shown = [*lines.crisis] if "crisis" in needed else []
    if "domestic_abuse" in needed:
        both = [line for line in lines.crisis if line.purpose == "both" and line not in shown]
        shown += [*both, *lines.domestic_abuse]
    return SafetyNote(
        messages=check.messages,
        lines=shown,
        emergency=lines.emergency,
        emergency_tel=lines.emergency_tel,
        fallback=lines.fallback,
    )
