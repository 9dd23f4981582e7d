"""Self-soothing as use cases: each session is an entry of its own kind, private unless shared.

Not paused in safety mode: calming oneself is self-care, not closeness coaching.
"""

from __future__ import annotations

from typing import Unpack

from bowlby import models
from bowlby.practice import soothing
from bowlby.services import entries, records
from bowlby.services.records import ListQuery
from bowlby.store.engine import Store

LABEL = "self-soothing session"


def record_session(
    store: Store, keyring: models.Keyring, session: soothing.SoothingInput
) -> soothing.SoothingView:
    draft = soothing.soothing_draft(session)
    return soothing.soothing_view(entries.write_entry(store, keyring, draft))


def list_sessions(
    store: Store, keyring: models.Keyring, **query: Unpack[ListQuery]
) -> list[soothing.SoothingView]:
    return records.list_views(store, keyring, soothing.KIND, soothing.soothing_view, **query)


def read_session(store: Store, keyring: models.Keyring, session_id: str) -> soothing.SoothingView:
    """One of the person's own sessions; anyone else's reads as not found."""
    return soothing.soothing_view(
        records.read_own(store, keyring, session_id, soothing.KIND, LABEL)
    )


def exercise_effects(store: Store, keyring: models.Keyring) -> list[soothing.ExerciseEffect]:
    """What each exercise does for this person, from their own sessions only."""
    return soothing.measure_effects(list_sessions(store, keyring, whose="mine"))
