"""Editing keeps a history: earlier versions stay readable to the owner only, and travel
with an export."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bowlby import models
from bowlby.errors import NotFound
from bowlby.services import accounts, backup, entries, sharing

WHEN = datetime(2026, 5, 1, 9, tzinfo=UTC)


def draft(body: str, **extra) -> models.EntryDraft:
    return models.EntryDraft(occurred_at=WHEN, text={"body": body}, **extra)


def test_each_edit_keeps_the_version_before_it(store, make_profile):
    alex = make_profile("Alex")
    entry = entries.write_entry(store, alex, draft("first words", values={"mood": 3}))
    entries.update_entry(store, alex, entry.id, draft("second words", values={"mood": 5}))
    moved = models.EntryDraft(occurred_at=WHEN + timedelta(days=1), text={"body": "third"})
    entries.update_entry(store, alex, entry.id, moved)
    history = entries.entry_history(store, alex, entry.id)
    assert [(v.version, v.text["body"], v.values) for v in history] == [
        (1, "first words", {"mood": 3}),
        (2, "second words", {"mood": 5}),
    ]
    assert history[1].occurred_at == WHEN
    assert entries.read_entry(store, alex, entry.id).text == {"body": "third"}


def test_a_partner_reads_the_shared_entry_but_not_its_history(store, make_profile):
    alex, sam = make_profile("Alex"), make_profile("Sam")
    code = sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    sharing.accept_invitation(store, sam, code)
    entry = entries.write_entry(store, alex, draft("a draft I regret", shared_with_partner=True))
    entries.update_entry(store, alex, entry.id, draft("what I meant", shared_with_partner=True))
    assert entries.read_entry(store, sam, entry.id).text == {"body": "what I meant"}
    with pytest.raises(NotFound):
        entries.entry_history(store, sam, entry.id)


def test_bookkeeping_updates_keep_no_history(store, make_profile):
    alex = make_profile("Alex")
    entry = entries.write_entry(store, alex, draft("filling up"))
    entries.update_entry(store, alex, entry.id, draft("filled"), keep_history=False)
    assert entries.entry_history(store, alex, entry.id) == []


def test_the_history_travels_with_an_export(store, store_settings, make_profile):
    alex = make_profile("Alex")
    entry = entries.write_entry(store, alex, draft("before"))
    entries.update_entry(store, alex, entry.id, draft("after"))
    exported = backup.export_profile(store, alex)
    accounts.delete_profile(store, "Alex", "alex passphrase")
    backup.restore_profile(store, store_settings, exported, "restored passphrase")
    again = accounts.unlock_profile(store, "Alex", "restored passphrase")
    assert [v.text for v in entries.entry_history(store, again, entry.id)] == [{"body": "before"}]
