"""A profile's preferences (country, safety mode, disguise), sealed as one document, and the
one sharing rule that follows from them.

Everything here could reveal something dangerous to an abuser holding the database file, so it
is a single blob sealed with the person's data key, padded to a fixed size, with no plain
column and no timestamp beside it. Entries call ``refuse_unsafe_sharing`` before any change of
sharing, so every interface obeys safety mode.
"""

from __future__ import annotations

import json
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy.orm import Session

from bowlby import models
from bowlby.errors import DamagedData, InputError
from bowlby.practice import unsaid_list
from bowlby.store import encryption as enc
from bowlby.store import preferences as preference_rows
from bowlby.store.engine import Store

SafetyReason = Literal["chosen", "screen", "risk_language"]
SAFETY_SCREEN_KIND = "safety_screen"
PAD_BYTES = 512  # every sealed document is a multiple of this, so its size says nothing
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_ALIASES = {"UK": "GB"}

PARTNER_REFUSED = (
    "Sharing with your partner is switched off while safety mode is on, so this was kept "
    "private. Everything else was saved as you chose. You can turn safety mode off in "
    "Safety settings whenever you decide."
)
SCREEN_NOT_SHARED = (
    "A safety check is only ever for you, so it cannot be shared with anyone. It stays private."
)
# Kinds that are only ever their owner's, with what a request to share one is told.
NEVER_SHARED = {SAFETY_SCREEN_KIND: SCREEN_NOT_SHARED, unsaid_list.KIND: unsaid_list.NOT_SHARED}


class Preferences(BaseModel):
    """What a person chose; the defaults are what someone who never chose anything gets."""

    model_config = ConfigDict(extra="ignore")

    country: str | None = None
    safety_mode: bool = False
    safety_mode_reason: SafetyReason | None = None
    disguise: bool = False


def read_preferences(session: Session, keyring: models.Keyring) -> Preferences:
    row = preference_rows.find_preferences(session, keyring.profile_id)
    if row is None:
        return Preferences()
    raw = enc.open_sealed(keyring.data_key, row.sealed_preferences, _aad(keyring.profile_id))
    try:
        return Preferences.model_validate(json.loads(raw.decode("utf-8")))
    except (ValueError, ValidationError) as error:
        raise DamagedData("The sealed preferences could not be read.") from error


def write_preferences(session: Session, keyring: models.Keyring, chosen: Preferences) -> None:
    document = json.dumps(chosen.model_dump(), sort_keys=True).encode("utf-8")
    padded = document + b" " * (-len(document) % PAD_BYTES)
    sealed = enc.seal(keyring.data_key, padded, _aad(keyring.profile_id))
    preference_rows.save_preferences(session, keyring.profile_id, sealed)


def load(store: Store, keyring: models.Keyring) -> Preferences:
    """The person's preferences, in a unit of work of its own."""
    with store.unit_of_work() as session:
        return read_preferences(session, keyring)


def normalise_country(code: str | None) -> str | None:
    """A two-letter country code in capitals ("uk" means GB); blank means none chosen."""
    if code is None or not code.strip():
        return None
    cleaned = code.strip().upper()
    cleaned = _ALIASES.get(cleaned, cleaned)
    if not _COUNTRY.match(cleaned):
        raise InputError("choose a two-letter country code such as GB or DE.", field="country")
    return cleaned


def refuse_unsafe_sharing(
    session: Session,
    keyring: models.Keyring,
    *,
    kind: str,
    partner: bool,
    therapist: bool,
    was_partner: bool = False,
) -> None:
    """Refuse sharing a private-only kind (a safety check, an unsaid item) with anyone, and
    new partner sharing in safety mode.

    A share that already existed is left as it is; stopping it is the person's own choice.
    """
    if kind in NEVER_SHARED and (partner or therapist):
        field = "shared_with_partner" if partner else "shared_with_therapist"
        raise InputError(NEVER_SHARED[kind], field=field)
    if partner and not was_partner and read_preferences(session, keyring).safety_mode:
        raise InputError(PARTNER_REFUSED, field="shared_with_partner")


def in_safety_mode(session: Session, keyring: models.Keyring) -> bool:
    return read_preferences(session, keyring).safety_mode


def _aad(profile_id: str) -> bytes:
    return enc.field_aad("profile_preferences", "sealed_preferences", profile_id)
