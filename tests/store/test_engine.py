"""The store's door: one transaction per use case, clear errors, safe SQLite settings."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, text

from bowlby import models
from bowlby.errors import Conflict, InputError, StoreUnavailable
from bowlby.services import accounts, entries
from bowlby.settings import Settings
from bowlby.store import engine as store_engine
from bowlby.store.engine import open_store
from bowlby.store.tables import EntryRow, ProfileRow


def entry_count(store) -> int:
    with store.unit_of_work() as session:
        return session.scalar(select(func.count()).select_from(EntryRow)) or 0


def count_from_outside(store, settings) -> int:
    """Count entries on a connection of its own, as another reader would see them."""
    if store.dialect == "sqlite":
        reader = sqlite3.connect(settings.sqlite_path)
        try:
            return reader.execute("SELECT count(*) FROM entries").fetchone()[0]
        finally:
            reader.close()
    with store.engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM entries")).scalar_one()


def test_a_unit_of_work_that_raises_halfway_leaves_nothing_and_nobody_saw_it(
    store, store_settings, make_profile
):
    alex = make_profile("Alex")
    seen_inside = []

    def import_five_then_fail():
        with store.unit_of_work() as session:
            for line in range(1, 6):
                draft = models.EntryDraft(occurred_at=datetime.now(UTC), text={"n": str(line)})
                entries.add_entry_row(session, alex, draft)
            session.flush()
            seen_inside.append(count_from_outside(store, store_settings))
            raise InputError("the sixth row is broken", file="import.csv", line=6)

    with pytest.raises(InputError, match="line 6"):
        import_five_then_fail()
    assert seen_inside == [0]
    assert entry_count(store) == 0


def test_a_unit_of_work_commits_everything_together(store, make_profile):
    alex = make_profile("Alex")
    with store.unit_of_work() as session:
        for line in range(5):
            draft = models.EntryDraft(occurred_at=datetime.now(UTC), text={"n": str(line)})
            entries.add_entry_row(session, alex, draft)
    assert entry_count(store) == 5


def test_a_unique_clash_found_by_the_database_is_a_conflict(store, store_settings, make_profile):
    make_profile("Alex")
    row, _, _ = accounts.build_profile(
        store_settings, "Alex", "another passphrase", models.Role.PERSON
    )
    with pytest.raises(Conflict, match="Nothing was changed"), store.unit_of_work() as session:
        session.add(row)
    with store.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(ProfileRow)) == 1


def test_foreign_keys_are_enforced(store, make_profile):
    alex = make_profile("Alex")

    def add_an_orphan():
        with store.unit_of_work() as session:
            draft = models.EntryDraft(occurred_at=datetime.now(UTC))
            row = entries.add_entry_row(session, alex, draft)
            row.owner_id = "no-such-profile"

    with pytest.raises(Conflict):
        add_an_orphan()
    assert entry_count(store) == 0


def test_sqlite_runs_with_wal_foreign_keys_and_secure_delete(settings):
    store = open_store(settings)
    try:
        with store.engine.connect() as connection:
            pragma = {
                name: connection.execute(text(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "foreign_keys", "secure_delete", "busy_timeout")
            }
    finally:
        store.dispose()
    assert pragma == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "secure_delete": 1,
        "busy_timeout": 30000,
    }


def test_the_home_folder_is_private(settings):
    open_store(settings).dispose()
    assert settings.home.stat().st_mode & 0o777 == 0o700


def test_a_home_that_cannot_be_created_is_store_unavailable(env, monkeypatch, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BOWLBY_HOME", str(blocker / "home"))
    with pytest.raises(StoreUnavailable, match="Cannot create the data folder"):
        open_store(Settings())


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://me:secret@db:5432/bowlby", "postgresql+psycopg://me@db:5432/bowlby"),
        ("postgresql://me:p%40ss@word@db/bowlby", "postgresql://me@db/bowlby"),
        ("postgresql://db/bowlby", "postgresql://db/bowlby"),
    ],
)
def test_urls_in_messages_never_carry_the_password(url, shown):
    assert store_engine._redact(url) == shown


def test_reclaim_space_empties_the_sqlite_wal(settings):
    store = open_store(settings)
    try:
        accounts.create_profile(store, settings, "Alex", "alex passphrase")
        wal = settings.sqlite_path.with_name("bowlby.db-wal")
        assert wal.stat().st_size > 0
        store.reclaim_space()
        assert wal.stat().st_size == 0
    finally:
        store.dispose()
