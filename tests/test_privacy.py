"""Plant a sentence through the public use cases and look for it where an attacker would: every
file in the home folder (database, WAL, shared memory, backups) and a PostgreSQL dump."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from bowlby import models
from bowlby.services import accounts, entries, sharing
from bowlby.store.engine import open_store
from bowlby.store.tables import EntryRow, ProfileRow

SENTENCE = "The lighthouse keeper hid the blue umbrella 7391"
FRAGMENTS = [SENTENCE, "lighthouse keeper", "blue umbrella 7391"]
#: Long enough to spill into SQLite overflow pages, which are freed separately on delete.
LONG_TEXT = f"{SENTENCE}. " + "Waves against the rocks, again and again. " * 300 + SENTENCE


def needles(words: list[str]) -> dict[str, bytes]:
    found = {}
    for word in words:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            found[f"{word!r} as {encoding}"] = word.encode(encoding)
    return found


def files_under(home: Path) -> dict[str, bytes]:
    return {str(path): path.read_bytes() for path in sorted(home.rglob("*")) if path.is_file()}


def assert_nowhere(wanted: dict[str, bytes], places: dict[str, bytes]) -> None:
    hits = [
        f"{label} in {place}"
        for place, content in places.items()
        for label, needle in wanted.items()
        if needle in content
    ]
    assert hits == [], "planted text found:\n" + "\n".join(hits)


def plant(store, store_settings) -> None:
    """The sentence as a passphrase, in entries (private and shared) and in an edited entry."""
    accounts.create_profile(store, store_settings, "Alex", SENTENCE)
    accounts.create_profile(store, store_settings, "Sam", "sam passphrase")
    alex = accounts.unlock_profile(store, "Alex", SENTENCE)
    sam = accounts.unlock_profile(store, "Sam", "sam passphrase")
    code = sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    sharing.accept_invitation(store, sam, code)
    now = datetime.now(UTC)
    for shared in (False, True):
        entries.write_entry(
            store,
            alex,
            models.EntryDraft(
                occurred_at=now,
                text={"body": SENTENCE, "long": LONG_TEXT, SENTENCE: "as a field name"},
                shared_with_partner=shared,
            ),
        )
    edited = entries.write_entry(
        store, sam, models.EntryDraft(occurred_at=now, text={"body": "harmless"})
    )
    entries.update_entry(
        store, sam, edited.id, models.EntryDraft(occurred_at=now, text={"thought": SENTENCE})
    )
    accounts.change_passphrase(store, store_settings, "Sam", "sam passphrase", SENTENCE + "!")
    assert {entry.text.get("body") for entry in entries.list_entries(store, sam, whose="all")} == {
        SENTENCE,
        None,
    }


def test_the_planted_sentence_is_nowhere_in_the_sqlite_files(settings):
    store = open_store(settings)
    try:
        plant(store, settings)
        while_open = files_under(settings.home)
        assert settings.sqlite_path.with_name("bowlby.db-wal").exists()
        assert_nowhere(needles(FRAGMENTS), while_open)
        assert b"Alex" in b"".join(while_open.values()), "the search must see the plain data"
    finally:
        store.dispose()
    assert_nowhere(needles(FRAGMENTS), files_under(settings.home))


def test_the_planted_sentence_is_nowhere_in_a_postgresql_dump(pg_settings, postgres):
    store = open_store(pg_settings)
    try:
        plant(store, pg_settings)
    finally:
        store.dispose()
    database = pg_settings.database_url.rsplit("/", 1)[1]
    dump = postgres.dump(database)
    assert "COPY public.entries" in dump, "the dump holds the data, not only the schema"
    wanted = needles(FRAGMENTS)
    # bytea columns are dumped as hex, so plaintext there would show up as hex digits
    wanted |= {f"{word!r} as hex": word.encode().hex().encode() for word in FRAGMENTS}
    assert_nowhere(wanted, {"pg_dump": dump.encode("utf-8")})


def test_secure_delete_is_on_for_sqlite(settings):
    store = open_store(settings)
    try:
        with store.engine.connect() as connection:
            assert connection.execute(text("PRAGMA secure_delete")).scalar() == 1
    finally:
        store.dispose()


def sealed_blobs(store, query) -> dict[str, bytes]:
    """Sealed values read straight from the table, to look for their bytes afterwards."""
    with store.engine.connect() as connection:
        return {
            f"{column} of {row.id}": bytes(getattr(row, column))[-48:]
            for row in connection.execute(query).all()
            for column in row._fields
            if column != "id"
        }


def assert_everywhere_before(blobs: dict[str, bytes], home: Path) -> None:
    """A control: before deletion each sampled value is there, so its absence later means it."""
    content = b"".join(files_under(home).values())
    missing = [label for label, blob in blobs.items() if blob not in content]
    assert missing == []


@pytest.mark.parametrize("what", ["entry", "profile"])
def test_deleted_data_is_not_recoverable_from_the_sqlite_files(settings, what):
    store = open_store(settings)
    try:
        accounts.create_profile(store, settings, "Alex", "alex passphrase")
        accounts.create_profile(store, settings, "Sam", "sam passphrase")
        alex = accounts.unlock_profile(store, "Alex", "alex passphrase")
        sam = accounts.unlock_profile(store, "Sam", "sam passphrase")
        sharing.accept_invitation(
            store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
        )
        draft = models.EntryDraft(
            occurred_at=datetime.now(UTC),
            text={"body": SENTENCE, "long": LONG_TEXT},
            shared_with_partner=True,
        )
        doomed = entries.write_entry(store, alex, draft)
        kept = entries.write_entry(store, sam, draft)
        gone = sealed_blobs(
            store,
            select(EntryRow.id, EntryRow.sealed_text, EntryRow.sealed_key).where(
                EntryRow.id == doomed.id
            ),
        )
        if what == "profile":
            gone |= sealed_blobs(
                store,
                select(
                    ProfileRow.id, ProfileRow.wrapped_data_key, ProfileRow.sealed_private_key
                ).where(ProfileRow.name == "Alex"),
            )
            assert_everywhere_before(gone, settings.home)
            accounts.delete_profile(store, "Alex", "alex passphrase")
        else:
            assert_everywhere_before(gone, settings.home)
            entries.delete_entry(store, alex, doomed.id)
        assert_nowhere(needles(FRAGMENTS) | gone, files_under(settings.home))
        assert entries.read_entry(store, sam, kept.id).text["body"] == SENTENCE
    finally:
        store.dispose()
    assert_nowhere(needles(FRAGMENTS) | gone, files_under(settings.home))


def test_an_edited_entry_leaves_no_copy_of_its_old_text_while_open(settings):
    store = open_store(settings)
    try:
        accounts.create_profile(store, settings, "Alex", "alex passphrase")
        alex = accounts.unlock_profile(store, "Alex", "alex passphrase")
        now = datetime.now(UTC)
        entry = entries.write_entry(
            store, alex, models.EntryDraft(occurred_at=now, text={"body": LONG_TEXT})
        )
        old = sealed_blobs(
            store, select(EntryRow.id, EntryRow.sealed_text).where(EntryRow.id == entry.id)
        )
        assert_everywhere_before(old, settings.home)
        entries.update_entry(
            store, alex, entry.id, models.EntryDraft(occurred_at=now, text={"body": "edited"})
        )
        assert_nowhere(old, files_under(settings.home))
    finally:
        store.dispose()


def test_a_changed_passphrase_leaves_no_key_wrapped_by_the_old_one_while_open(settings):
    """Someone who learnt the old passphrase must not find the data key wrapped under it."""
    store = open_store(settings)
    try:
        accounts.create_profile(store, settings, "Alex", "leaked passphrase")
        old = sealed_blobs(store, select(ProfileRow.id, ProfileRow.wrapped_data_key))
        assert_everywhere_before(old, settings.home)
        accounts.change_passphrase(store, settings, "Alex", "leaked passphrase", "new passphrase")
        assert_nowhere(old, files_under(settings.home))
    finally:
        store.dispose()
