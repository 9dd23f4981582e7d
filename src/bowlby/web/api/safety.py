"""Safety through the API: crisis lines (open to anyone), the screen, the safety settings,
stopping every partner share at once, and the risk check on any text."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from bowlby.errors import InputError, NotFound
from bowlby.services import safety
from bowlby.services.preferences import SafetyReason, normalise_country
from bowlby.services.safety import SafetyCheck
from bowlby.web import safety_contexts as pages
from bowlby.web.auth import ApiSession, MaybeSession, StoreDep

router = APIRouter(prefix="/safety", tags=["safety"])
NO_SCREEN = "You have not answered the safety questions yet."


class ScreenAnswers(BaseModel):
    """WAST-Short options as worded ("a lot of tension"), HARK yes (true) / no (false);
    null or a missing item means the person preferred not to say."""

    model_config = ConfigDict(extra="forbid")

    wast: dict[str, str | None] | None = None
    hark: dict[str, bool | None] | None = None


class PreferenceChanges(BaseModel):
    """Only the fields given are changed; country "" clears it."""

    model_config = ConfigDict(extra="forbid")

    country: str | None = None
    safety_mode: bool | None = None
    safety_mode_reason: SafetyReason = "chosen"
    disguise: bool | None = None


class TextToCheck(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=100_000)


class Unshared(BaseModel):
    unshared: int


@router.get("")
def lines(store: StoreDep, session: MaybeSession, country: str = "") -> pages.SafetyPage:
    """Crisis lines first, the emergency number and the stance; no sign-in needed."""
    chosen = safety.get_preferences(store, session.keyring) if session else None
    try:
        asked = normalise_country(country)
    except InputError:
        asked = None
    return pages.build_safety_page(
        asked or (chosen.country if chosen else None),
        signed_in=session is not None,
        safety_mode=bool(chosen and chosen.safety_mode),
    )


@router.get("/screen/questions")
def screen_questions(step: str = "wast") -> pages.ScreenPage:
    """The questions of WAST-Short (step=wast) or HARK (step=hark), with their citation."""
    return pages.build_screen_page(step)


@router.post("/screen", status_code=201)
def take_screen(
    store: StoreDep, session: ApiSession, body: ScreenAnswers
) -> pages.ScreenResultPage:
    """Keep one sitting (always private) and return its result, as the result page shows it."""
    taken = safety.take_screen(store, session.keyring, wast=body.wast, hark=body.hark)
    return pages.build_screen_result(store, session.keyring, taken)


@router.get("/screen")
def latest_screen(store: StoreDep, session: ApiSession) -> pages.ScreenResultPage:
    taken = safety.latest_screen(store, session.keyring)
    if taken is None:
        raise NotFound(NO_SCREEN)
    return pages.build_screen_result(store, session.keyring, taken)


@router.get("/preferences")
def preferences(store: StoreDep, session: ApiSession) -> pages.SafetySettingsPage:
    """What the safety settings page shows."""
    return pages.build_settings(store, session.keyring)


@router.put("/preferences")
def change_preferences(
    store: StoreDep, session: ApiSession, body: PreferenceChanges
) -> pages.SafetySettingsPage:
    if body.country is not None:
        safety.set_country(store, session.keyring, body.country)
    if body.safety_mode is not None:
        safety.set_safety_mode(store, session.keyring, body.safety_mode, body.safety_mode_reason)
    if body.disguise is not None:
        safety.set_disguise(store, session.keyring, body.disguise)
    return pages.build_settings(store, session.keyring)


@router.post("/stop-sharing")
def stop_sharing(store: StoreDep, session: ApiSession) -> Unshared:
    """Make every entry shared with the partner private from them, at once."""
    return Unshared(unshared=safety.stop_sharing_with_partner(store, session.keyring))


@router.post("/check")
def check(session: ApiSession, body: TextToCheck) -> SafetyCheck:
    """Signs of danger in a text and the calm messages for them; nothing is stored."""
    return safety.check_text(body.text)
