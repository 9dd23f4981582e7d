"""The chat tables: their migration (up from 0004 and back down), the per-chat cipher in the
store's sealed-field format, the keyed hashes, and the bulk writer's handling of repeats."""

from __future__ import annotations

import hmac
from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, inspect, text
from sqlalchemy.dialects import sqlite

from bowlby.errors import DamagedData
from bowlby.services import accounts, chats
from bowlby.store import chats as chat_rows
from bowlby.store import encryption as enc
from bowlby.store.engine import open_store
from bowlby.store.migrations_runner import alembic_config, current_revision
from bowlby.store.tables import Base, ChatMessageRow
from tests.services.test_chats import conversation, import_messages, row_counts

CHAT_TABLES = {"chats", "chat_messages"}


def run_alembic(engine: Engine, action: str, target: str) -> None:
    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, target)


def table_names(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def test_a_database_at_0004_is_upgraded_keeping_its_profiles(store_settings):
    fresh = open_store(store_settings, migrate_schema=False)
    try:
        run_alembic(fresh.engine, "upgrade", "0004")
        assert not CHAT_TABLES & table_names(fresh.engine)
        with fresh.engine.begin() as connection:
            connection.execute(text("CREATE TABLE marker (id INTEGER)"))
    finally:
        fresh.dispose()
    store = open_store(store_settings)
    try:
        assert current_revision(store.engine) == "0006"
        assert table_names(store.engine) >= CHAT_TABLES
        accounts.create_profile(store, store_settings, "Alex", "alex passphrase")
        alex = accounts.unlock_profile(store, "Alex", "alex passphrase")
        assert import_messages(store, alex, conversation(3)).added == 3
    finally:
        store.dispose()


def test_the_migration_goes_down_to_0004_and_up_again(store, store_settings, make_profile):
    alex = make_profile("Alex")
    import_messages(store, alex, conversation(3))
    run_alembic(store.engine, "downgrade", "0004")
    assert current_revision(store.engine) == "0004"
    assert not CHAT_TABLES & table_names(store.engine)
    assert [profile.name for profile in accounts.list_profiles(store)] == ["Alex"]
    run_alembic(store.engine, "upgrade", "head")
    assert current_revision(store.engine) == "0006"
    assert row_counts(store) == (0, 0)
    assert import_messages(store, alex, conversation(3)).added == 3


def test_the_migrations_build_the_tables_the_code_declares(store):
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    assert set(Base.metadata.tables) >= CHAT_TABLES


@given(
    st.datetimes(
        min_value=datetime(1901, 1, 1),
        max_value=datetime(2199, 1, 1),
        timezones=st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30))]),
    )
)
def test_sqlite_times_are_written_as_sqlalchemy_writes_them(moment):
    dialect = sqlite.dialect()
    process = ChatMessageRow.__table__.c.sent_at.type.dialect_impl(dialect).bind_processor(dialect)
    writer = chat_rows.MessageWriter.__new__(chat_rows.MessageWriter)
    writer._days = {}
    second = chat_rows.epoch_second(moment)
    assert writer.sqlite_time(second, moment.microsecond) == process(moment)


CHAT_KEY = bytes(range(32))


def test_a_sealed_text_is_a_store_sealed_field_bound_to_chat_and_fingerprint():
    cipher = chat_rows.ChatCipher(CHAT_KEY, "chat-1")
    fingerprint = cipher.fingerprint(1_700_000_000, "Maya", "ok 😊".encode(), 0)
    sealed = cipher.seal_text(fingerprint, "ok 😊".encode())
    aad = enc.field_aad("chat_messages", "sealed_text", f"chat-1:{fingerprint.hex()}")
    assert enc.open_sealed(CHAT_KEY, sealed, aad) == "ok 😊".encode()
    assert cipher.open_text(fingerprint, sealed) == "ok 😊"
    other = cipher.fingerprint(1_700_000_000, "Maya", "ok 😊".encode(), 1)
    with pytest.raises(DamagedData):
        cipher.open_text(other, sealed)
    with pytest.raises(DamagedData):
        chat_rows.ChatCipher(CHAT_KEY, "chat-2").open_text(fingerprint, sealed)
    with pytest.raises(DamagedData):
        chat_rows.ChatCipher(bytes(32), "chat-1").open_text(fingerprint, sealed)


def test_a_fingerprint_is_hmac_sha256_under_a_key_of_the_chat():
    cipher = chat_rows.ChatCipher(CHAT_KEY, "chat-1")
    secret = chat_rows.derive(CHAT_KEY, b"bowlby chat fingerprint")
    expected = hmac.digest(secret, b"5|2|4|Maya|ok", "sha256")[:16]
    assert cipher.fingerprint(5, "Maya", b"ok", 2) == expected
    assert chat_rows.ChatCipher(bytes(32), "chat-1").fingerprint(5, "Maya", b"ok", 2) != expected
    # the sender's length is in the hashed text, so a sender and a text cannot trade characters
    assert cipher.fingerprint(5, "Maya|", b"ok", 2) != cipher.fingerprint(5, "Maya", b"|ok", 2)


def test_the_lookup_hash_depends_on_the_people_the_format_and_the_owner():
    key = bytes(32)
    same = chat_rows.lookup_hash(key, "whatsapp", ["Maya", "Jordan"])
    assert chat_rows.lookup_hash(key, "whatsapp", [" jordan", "MAYA", "Maya"]) == same
    assert chat_rows.lookup_hash(key, "telegram", ["Maya", "Jordan"]) != same
    assert chat_rows.lookup_hash(key, "whatsapp", ["Maya", "Jordan", "Sam"]) != same
    assert chat_rows.lookup_hash(CHAT_KEY, "whatsapp", ["Maya", "Jordan"]) != same
    assert "maya" not in same.lower()


def test_a_message_written_twice_is_stored_once(store, make_profile):
    alex = make_profile("Alex")
    summary = import_messages(store, alex, conversation(2))
    with store.unit_of_work() as session:
        row = chat_rows.find_owned_chat(session, alex.profile_id, summary.chat_id)
        assert row is not None
        chat_key = enc.open_sealed(
            alex.data_key, row.sealed_key, enc.field_aad("chats", "sealed_key", row.id)
        )
        moment = datetime(2026, 1, 1, tzinfo=UTC)
        for _ in range(2):  # two writers: two imports of the same message
            writer = chat_rows.MessageWriter(
                session, row.number, chat_rows.ChatCipher(chat_key, row.id)
            )
            writer.add(moment, 0, "Maya", "once", "text")
            writer.flush()
        assert chat_rows.count_messages(session, row.number) == 3


def test_a_time_without_a_zone_is_refused(store, make_profile):
    alex = make_profile("Alex")
    naive = conversation(1)[0]._replace(sent_at=datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="timezone-aware"):
        import_messages(store, alex, [naive])
    assert row_counts(store) == (0, 0)


def test_a_chat_is_read_in_pages_without_losing_or_repeating(store, make_profile, monkeypatch):
    monkeypatch.setattr(chats, "PAGE_ROWS", 7)
    alex = make_profile("Alex")
    written = conversation(40) + [
        conversation(1)[0]._replace(text=f"same minute {n}") for n in range(9)
    ]
    summary = import_messages(store, alex, written)
    read = [found.text for found in chats.read_chat_messages(store, alex, summary.chat_id)]
    assert len(read) == 49
    assert read[:10] == [written[0].text] + [f"same minute {n}" for n in range(9)]
