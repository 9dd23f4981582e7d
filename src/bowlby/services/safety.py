"""Safety as use cases: the partner-violence screen kept privately, the person's safety
preferences, risk language in what they saved, and crisis lines for their country.

A screen is an entry of kind ``safety_screen`` with no plain values: the answers and the result
live only in its sealed text, and it can never be shared. A positive HARK offers safety mode;
the person decides, and nothing ever turns it off but them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pydantic import BaseModel

from bowlby import models
from bowlby.errors import DamagedData, InputError
from bowlby.safety import find_risk_language, messages_for, resources_for
from bowlby.safety.resources import CountryResources
from bowlby.safety.screens import HARK, WAST_SHORT, ScreenResult, score_hark, score_wast_short
from bowlby.services import entries, preferences
from bowlby.services.preferences import SAFETY_SCREEN_KIND, Preferences, SafetyReason
from bowlby.store.engine import Store

KIND = SAFETY_SCREEN_KIND
WAST_ITEMS = ("tension", "arguments")
SCREEN_TITLE = "Safety check"
NOTHING_ANSWERED = "Answer at least one question, or leave it for another time."
# What the WAST-Short part says when the HARK questions were answered in the same sitting
# (its own messages point ahead to HARK, which by then is already answered).
WAST_LED_TO_HARK = "Your answers to these two questions led to the four HARK questions."
WAST_THEN_HARK_ANYWAY = (
    "These two answers did not suggest that kind of conflict; you chose to answer the four "
    "HARK questions as well."
)


@dataclass(frozen=True)
class ScreenTaken:
    """One sitting of the screen: WAST-Short, HARK or both, scored from the kept answers."""

    id: str
    taken_at: datetime
    wast: ScreenResult | None
    hark: ScreenResult | None
    wast_answers: dict[str, str | None] = field(default_factory=dict)
    hark_answers: dict[str, bool | None] = field(default_factory=dict)
    next_step: str | None = None  # "hark" when WAST-Short was positive and HARK not yet asked
    offer_safety_mode: bool = False

    @property
    def positive(self) -> bool:
        """A positive HARK: what offers safety mode (a positive WAST-Short leads to HARK)."""
        return self.hark is not None and self.hark.positive


class SignalView(BaseModel):
    """One sign of danger found in what the person wrote."""

    category: str
    evidence: str
    confidence: str
    reported: bool


class MessageView(BaseModel):
    """The calm message for one kind of risk, and which lines to show beside it."""

    category: str
    title: str
    body: str
    action: str
    resources: str
    reported: bool


class SafetyCheck(BaseModel):
    """What check_text found: signals, and one message per kind, most urgent first."""

    signals: list[SignalView] = []
    messages: list[MessageView] = []

    @property
    def found(self) -> bool:
        return bool(self.signals)


def take_screen(
    store: Store,
    keyring: models.Keyring,
    *,
    wast: Mapping[str, str | None] | None = None,
    hark: Mapping[str, bool | None] | None = None,
) -> ScreenTaken:
    """Score and keep one sitting, always private; a positive HARK offers safety mode."""
    wast_answers = _wast_answers(wast)
    hark_answers = dict(hark or {})
    wast_result = score_wast_short(**wast_answers) if wast is not None else None
    hark_result = score_hark(hark_answers) if hark is not None else None
    if not _answered(wast_result) and not _answered(hark_result):
        raise InputError(NOTHING_ANSWERED, field="screen")
    document: dict[str, object] = {
        "wast": wast_answers if wast is not None else None,
        "hark": hark_answers if hark is not None else None,
        "outcomes": {
            WAST_SHORT: wast_result.outcome if wast_result else None,
            HARK: hark_result.outcome if hark_result else None,
        },
    }
    draft = models.EntryDraft(
        kind=KIND,
        occurred_at=datetime.now(UTC),
        text={"title": SCREEN_TITLE, "screen": json.dumps(document, sort_keys=True)},
    )
    entry = entries.write_entry(store, keyring, draft)
    safety_mode = preferences.load(store, keyring).safety_mode
    return _screen_of(entry, safety_mode=safety_mode)


def latest_screen(store: Store, keyring: models.Keyring) -> ScreenTaken | None:
    """The person's most recent sitting, scored again from its answers."""
    found = entries.list_entries(store, keyring, whose="mine", kinds=[KIND], limit=1)
    if not found:
        return None
    safety_mode = preferences.load(store, keyring).safety_mode
    return _screen_of(found[0], safety_mode=safety_mode)


def screen_message(taken: ScreenTaken, result: ScreenResult) -> str:
    """The sentence to show with one part of a sitting, fitting what came after it."""
    if result.screen != WAST_SHORT or taken.hark is None:
        return result.message
    return WAST_THEN_HARK_ANYWAY if result.outcome == "negative" else WAST_LED_TO_HARK


def get_preferences(store: Store, keyring: models.Keyring) -> Preferences:
    return preferences.load(store, keyring)


def set_country(store: Store, keyring: models.Keyring, country: str | None) -> Preferences:
    """The country whose crisis lines Bowlby shows (None or blank: none chosen)."""
    code = preferences.normalise_country(country)
    return _change(store, keyring, country=code)


def set_safety_mode(
    store: Store, keyring: models.Keyring, on: bool, reason: SafetyReason = "chosen"
) -> Preferences:
    """Turn safety mode on (partner sharing and couple prompts stop) or off: only ever the
    person's own choice."""
    return _change(store, keyring, safety_mode=on, safety_mode_reason=reason if on else None)


def set_disguise(store: Store, keyring: models.Keyring, on: bool) -> Preferences:
    """Show "Notes" instead of Bowlby in the page title and header."""
    return _change(store, keyring, disguise=on)


def stop_sharing_with_partner(store: Store, keyring: models.Keyring) -> int:
    """Unshare every entry shared with the partner, at once; returns how many there were."""
    return entries.stop_partner_sharing(store, keyring)


def count_partner_shared(store: Store, keyring: models.Keyring) -> int:
    """How many of the person's entries their partner can read now."""
    return sum(
        entry.shared_with_partner for entry in entries.list_entries(store, keyring, whose="mine")
    )


def check_text(text: str) -> SafetyCheck:
    """Signs of danger in ``text`` and the messages for them; never blocks anything."""
    signals = find_risk_language(text)
    return SafetyCheck(
        signals=[
            SignalView(
                category=signal.category,
                evidence=signal.evidence,
                confidence=signal.confidence,
                reported=signal.reported,
            )
            for signal in signals
        ],
        messages=[
            MessageView(
                category=message.category,
                title=message.title,
                body=message.body,
                action=message.action,
                resources=message.resources,
                reported=message.reported,
            )
            for message in messages_for(signals)
        ],
    )


def check_entry(store: Store, keyring: models.Keyring, entry_id: str) -> SafetyCheck:
    """check_text over everything an entry says, as it was saved."""
    entry = entries.read_entry(store, keyring, entry_id)
    return check_text("\n\n".join(value for value in entry.text.values() if value.strip()))


def safety_resources(
    store: Store, keyring: models.Keyring, country: str | None = None
) -> CountryResources:
    """Crisis and domestic-abuse lines for ``country``, else for the person's own country."""
    chosen = preferences.normalise_country(country)
    return resources_for(chosen or preferences.load(store, keyring).country)


def _change(store: Store, keyring: models.Keyring, **changes: object) -> Preferences:
    with store.unit_of_work() as session:
        current = preferences.read_preferences(session, keyring)
        updated = Preferences.model_validate({**current.model_dump(), **changes})
        preferences.write_preferences(session, keyring, updated)
        return updated


def _wast_answers(wast: Mapping[str, str | None] | None) -> dict[str, str | None]:
    given = dict(wast or {})
    for item_id in given:
        if item_id not in WAST_ITEMS:
            raise InputError(f"WAST-Short has no question {item_id!r}", field=str(item_id))
    return {item_id: given.get(item_id) for item_id in WAST_ITEMS}


def _answered(result: ScreenResult | None) -> bool:
    return result is not None and bool(result.answered)


def _screen_of(entry: models.Entry, *, safety_mode: bool) -> ScreenTaken:
    try:
        document = json.loads(entry.text["screen"])
    except (KeyError, ValueError) as error:
        raise DamagedData(f"The safety check {entry.id} could not be read.") from error
    wast, hark = document.get("wast"), document.get("hark")
    wast_result = score_wast_short(**wast) if wast is not None else None
    hark_result = score_hark(hark) if hark is not None else None
    wast_positive = wast_result is not None and wast_result.positive
    return ScreenTaken(
        id=entry.id,
        taken_at=entry.occurred_at,
        wast=wast_result,
        hark=hark_result,
        wast_answers=dict(wast or {}),
        hark_answers=dict(hark or {}),
        next_step=HARK if wast_positive and hark_result is None else None,
        offer_safety_mode=hark_result is not None and hark_result.positive and not safety_mode,
    )
