"""The unsaid list as use cases: note an item, raise it or let it go later on the same entry
(the first version kept), list and read one's own, and the check-in's nudge.

Items are the person's own only: never listed for anyone else. Noting and letting go stay
open in safety mode (private reflection); raising and the nudge coach closeness, so they pause.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from bowlby import models
from bowlby.practice import unsaid_list as unsaid
from bowlby.services import entries, records
from bowlby.store.engine import Store

LABEL = "unsaid item"


def note_item(store: Store, keyring: models.Keyring, item: unsaid.UnsaidInput) -> unsaid.UnsaidView:
    """Note a grievance when it happens, privately; allowed in safety mode too."""
    return unsaid.unsaid_view(entries.write_entry(store, keyring, unsaid.unsaid_draft(item)))


def raise_item(
    store: Store, keyring: models.Keyring, item_id: str, raised: unsaid.RaiseInput
) -> unsaid.UnsaidView:
    """Record that one of the person's own items was raised, and how it went."""
    records.refuse_coaching_in_safety_mode(store, keyring)
    entry = records.read_own(store, keyring, item_id, unsaid.KIND, LABEL)
    draft = unsaid.raised_draft(entry, raised)
    return unsaid.unsaid_view(entries.update_entry(store, keyring, item_id, draft))


def let_go_item(
    store: Store, keyring: models.Keyring, item_id: str, letting_go: unsaid.LetGoInput
) -> unsaid.UnsaidView:
    """Let one of the person's own items go without raising it."""
    entry = records.read_own(store, keyring, item_id, unsaid.KIND, LABEL)
    draft = unsaid.let_go_draft(entry, letting_go)
    return unsaid.unsaid_view(entries.update_entry(store, keyring, item_id, draft))


def read_item(store: Store, keyring: models.Keyring, item_id: str) -> unsaid.UnsaidView:
    return unsaid.unsaid_view(records.read_own(store, keyring, item_id, unsaid.KIND, LABEL))


def list_items(store: Store, keyring: models.Keyring) -> list[unsaid.UnsaidView]:
    """The person's own items, newest first (never anyone else's, whatever was shared)."""
    return records.list_views(store, keyring, unsaid.KIND, unsaid.unsaid_view, whose="mine")


def nudge(
    store: Store, keyring: models.Keyring, now: datetime, zone: tzinfo
) -> unsaid.Nudge | None:
    """The check-in's gentle nudge for the person's own old items; none in safety mode."""
    if records.coaching_paused(store, keyring):
        return None
    return unsaid.nudge_for(list_items(store, keyring), now, zone)
