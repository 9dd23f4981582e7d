"""The demo couple: linked, about 90 days of entries, some shared, seeded only once."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from importlib import resources

from bowlby.demo import DEMO_DAYS, DEMO_LOGINS, demo_settings, ensure_demo
from bowlby.services import accounts, entries, sharing
from bowlby.store.engine import open_store

TODAY = datetime(2026, 11, 24, 12, tzinfo=UTC)


def test_the_demo_couple_is_linked_with_ninety_days_of_entries(settings):
    demo = demo_settings(settings)
    assert demo.sqlite_path.parent == settings.home / "demo"
    logins = ensure_demo(demo, today=TODAY)
    assert logins == DEMO_LOGINS
    store = open_store(demo)
    try:
        maya = accounts.unlock_profile(store, *logins[0])
        jordan = accounts.unlock_profile(store, *logins[1])
        assert [link.name for link in sharing.list_links(store, maya)] == ["Jordan"]
        mine = entries.list_entries(store, maya)
        assert len(mine) >= 10
        span = max(e.occurred_at for e in mine) - min(e.occurred_at for e in mine)
        assert span > timedelta(days=DEMO_DAYS * 0.8)
        assert all(e.occurred_at <= TODAY for e in mine)
        shared_with_jordan = entries.list_entries(store, jordan, whose="shared")
        assert shared_with_jordan
        assert all(e.shared_with_partner for e in shared_with_jordan)
        assert len(shared_with_jordan) < len(mine)
    finally:
        store.dispose()


def test_the_demo_is_seeded_once_and_never_touches_the_real_database(settings):
    demo = demo_settings(settings)
    ensure_demo(demo, today=TODAY)
    ensure_demo(demo, today=TODAY)
    store = open_store(demo)
    try:
        maya = accounts.unlock_profile(store, *DEMO_LOGINS[0])
        first_count = len(entries.list_entries(store, maya, kinds=["journal"]))
        assert len({p.name for p in accounts.list_profiles(store)}) == 2
    finally:
        store.dispose()
    written = json.loads(resources.files("bowlby.demo").joinpath("journal.json").read_text())
    assert first_count == len(written["Maya"])
    assert not settings.sqlite_path.exists()


def test_the_demo_couple_moves_toward_secure_and_shows_the_pairing(settings):
    from bowlby.services import assessment_reports

    demo = demo_settings(settings)
    ensure_demo(demo, today=TODAY)
    store = open_store(demo)
    try:
        maya = accounts.unlock_profile(store, *DEMO_LOGINS[0])
        progress = assessment_reports.measure_progress(store, maya)
        assert progress.movement.direction == "toward"
        assert progress.latest.assessment.taken_at.date() == TODAY.date()
        view = assessment_reports.couple_view(store, maya)
        assert view.partner_name == "Jordan"
        assert view.pairing.named
    finally:
        store.dispose()


def test_the_demo_fills_every_step_of_the_journal(settings):
    from bowlby.services import journal

    demo = demo_settings(settings)
    ensure_demo(demo, today=TODAY)
    store = open_store(demo)
    try:
        for name, passphrase in DEMO_LOGINS:
            keyring = accounts.unlock_profile(store, name, passphrase)
            assert journal.list_triggers(store, keyring)
            assert journal.list_emotions(store, keyring)
            assert all(r.belief_drop > 0 for r in journal.list_thought_records(store, keyring))
            assert journal.list_successes(store, keyring)
            assert journal.list_reflections(store, keyring)
            assert journal.remember_when(store, keyring, TODAY.date()) is not None
    finally:
        store.dispose()


def test_the_demo_couple_has_practised_with_every_tool(settings):
    demo = demo_settings(settings)
    ensure_demo(demo, today=TODAY)
    store = open_store(demo)
    try:
        maya = accounts.unlock_profile(store, *DEMO_LOGINS[0])
        kinds = {entry.kind for entry in entries.list_entries(store, maya, whose="all")}
    finally:
        store.dispose()
    practice = {
        "checkin",
        "checkin_schedule",
        "soothing",
        "vulnerability_window",
        "interaction",
        "repair",
        "cycle",
        "cycle_side",
    }
    assert practice <= kinds, practice - kinds


def test_maya_has_imported_the_couples_chat_and_jordan_sees_nothing_of_it(settings):
    from bowlby.services import chats

    demo = demo_settings(settings)
    ensure_demo(demo, today=TODAY)
    store = open_store(demo)
    try:
        maya = accounts.unlock_profile(store, *DEMO_LOGINS[0])
        jordan = accounts.unlock_profile(store, *DEMO_LOGINS[1])
        [chat] = chats.list_chats(store, maya)
        assert chat.me == "Maya"
        assert chat.partner_names == ["Jordan"]
        assert chat.messages > 300
        assert chats.list_chats(store, jordan) == []
    finally:
        store.dispose()
