"""Plant a sentence and a sender's name in an imported chat and look for them where an attacker
would: every file in the home folder (database, WAL, backups) and a PostgreSQL dump; and after
a chat is deleted, not even its ciphertexts remain."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bowlby.chats.messages import ChatMessage, MessageKind, ParseReport
from bowlby.services import accounts, chats
from bowlby.store.engine import open_store
from bowlby.store.tables import ChatMessageRow, ChatRow
from tests.test_privacy import (
    assert_everywhere_before,
    assert_nowhere,
    files_under,
    needles,
    sealed_blobs,
)

SENTENCE = "The heron counted nine silver spoons at dawn 5518"
SENDER = "Philippa Quennevilleworth"
FRAGMENTS = [SENTENCE, "silver spoons", "nine silver", SENDER, "Quennevilleworth"]
#: Long enough to spill into SQLite overflow pages.
LONG_TEXT = f"{SENTENCE}. " + "The tide came in and went out again. " * 300


def planted_chat(count: int = 300) -> list[ChatMessage]:
    start = datetime(2026, 5, 1, 20, 0, tzinfo=UTC)
    texts = [SENTENCE, LONG_TEXT, "ok", "see you soon"]
    return [
        ChatMessage(
            start + timedelta(minutes=number),
            (SENDER, "Maya")[number % 2],
            texts[number % len(texts)],
            MessageKind.TEXT,
            "chat.txt",
            number + 1,
        )
        for number in range(count)
    ]


def plant(store, settings, name: str | None = None) -> chats.ImportSummary:
    accounts.create_profile(store, settings, "Maya", "maya passphrase")
    maya = accounts.unlock_profile(store, "Maya", "maya passphrase")
    summary = chats.import_chat(
        store,
        maya,
        planted_chat(),
        me="Maya",
        format="whatsapp",
        report=ParseReport(),
        name=name,
    )
    read = list(chats.read_chat_messages(store, maya, summary.chat_id))
    assert {message.text for message in read} >= {SENTENCE, LONG_TEXT}
    assert chats.list_chats(store, maya)[0].partner_names == [SENDER]
    return summary


def test_the_planted_chat_is_nowhere_in_the_sqlite_files(settings):
    store = open_store(settings)
    try:
        plant(store, settings, name=f"Chat with {SENDER}")
        while_open = files_under(settings.home)
        assert_nowhere(needles(FRAGMENTS), while_open)
        assert b"whatsapp" in b"".join(while_open.values()), "the search must see plain data"
    finally:
        store.dispose()
    assert_nowhere(needles(FRAGMENTS), files_under(settings.home))


def test_the_planted_chat_is_nowhere_in_a_postgresql_dump(pg_settings, postgres):
    store = open_store(pg_settings)
    try:
        plant(store, pg_settings, name=f"Chat with {SENDER}")
    finally:
        store.dispose()
    database = pg_settings.database_url.rsplit("/", 1)[1]
    dump = postgres.dump(database)
    assert "COPY public.chat_messages" in dump, "the dump holds the data, not only the schema"
    wanted = needles(FRAGMENTS)
    # bytea columns are dumped as hex, so plaintext there would show up as hex digits
    wanted |= {f"{word!r} as hex": word.encode().hex().encode() for word in FRAGMENTS}
    assert_nowhere(wanted, {"pg_dump": dump.encode("utf-8")})


def test_a_deleted_chat_leaves_nothing_in_the_sqlite_files(settings):
    store = open_store(settings)
    try:
        summary = plant(store, settings)
        maya = accounts.unlock_profile(store, "Maya", "maya passphrase")
        gone = sealed_blobs(
            store,
            select(ChatRow.id, ChatRow.sealed_key, ChatRow.sealed_details).where(
                ChatRow.id == summary.chat_id
            ),
        )
        gone |= sealed_blobs(
            store,
            select(ChatMessageRow.id, ChatMessageRow.sealed_text, ChatMessageRow.fingerprint)
            .order_by(ChatMessageRow.id)
            .limit(8),
        )
        assert_everywhere_before(gone, settings.home)
        chats.delete_chat(store, maya, summary.chat_id)
        assert_nowhere(gone, files_under(settings.home))
    finally:
        store.dispose()
    assert_nowhere(gone, files_under(settings.home))
