"""Storing imported chats: import, list, read back, re-import without duplicates, refusals that
write nothing, owner-only access, deletion, and export/restore — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from bowlby import models
from bowlby.chats.messages import ChatMessage, MessageKind, ParseReport
from bowlby.errors import DamagedData, InputError, NotFound, NotShared, StoreUnavailable
from bowlby.services import accounts, backup, chats, sharing
from bowlby.store import chats as chat_rows

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 28, 23, 0, tzinfo=BERLIN)  # the night the clocks go forward


def message(
    minute: int,
    sender: str,
    text: str,
    kind: MessageKind = MessageKind.TEXT,
    line: int = 0,
) -> ChatMessage:
    return ChatMessage(START + timedelta(minutes=minute), sender, text, kind, "chat.txt", line)


def conversation(count: int, *, first: int = 0) -> list[ChatMessage]:
    """Maya and Jordan taking turns, one message a minute, with the odd characters in."""
    return [
        message(minute, ("Maya", "Jordan")[minute % 2], f"message {minute} – café 😊\nline two")
        for minute in range(first, first + count)
    ]


def import_messages(store, keyring, messages, me="Maya", **options) -> chats.ImportSummary:
    format = options.pop("format", "whatsapp")
    return chats.import_chat(
        store, keyring, messages, me=me, format=format, report=ParseReport(), **options
    )


def stored(store, keyring, chat_id: str) -> list[tuple[datetime, str, str, MessageKind]]:
    return [
        (found.sent_at, found.sender, found.text, found.kind)
        for found in chats.read_chat_messages(store, keyring, chat_id)
    ]


def expected(messages: list[ChatMessage]) -> list[tuple[datetime, str, str, MessageKind]]:
    return [(sent.sent_at, sent.sender, sent.text, sent.kind) for sent in messages]


def row_counts(store) -> tuple[int, int]:
    with store.engine.connect() as connection:
        return (
            connection.execute(text("SELECT count(*) FROM chats")).scalar_one(),
            connection.execute(text("SELECT count(*) FROM chat_messages")).scalar_one(),
        )


def test_an_import_says_what_it_stored(store, make_profile):
    alex = make_profile("Alex")
    messages = [
        message(0, "", "Messages are end-to-end encrypted.", MessageKind.SYSTEM),
        *conversation(5, first=1),
        message(6, "Jordan", "<Media omitted>", MessageKind.MEDIA),
    ]
    report = ParseReport()
    report.skip("chat.txt", 3, "matches no message")
    summary = chats.import_chat(store, alex, messages, me="Maya", format="whatsapp", report=report)
    assert summary.added == 7
    assert summary.already_there == 0
    assert summary.skipped_lines == 1
    assert summary.senders == {"Jordan": 4, "Maya": 2}
    assert summary.me == "Maya"
    assert summary.new_chat is True
    assert summary.name == "Chat with Jordan"
    assert summary.format == "whatsapp"
    assert (summary.first_at, summary.last_at) == (START, START + timedelta(minutes=6))


def test_the_chat_is_listed_for_its_owner(store, make_profile):
    alex = make_profile("Alex")
    summary = import_messages(store, alex, conversation(10))
    [info] = chats.list_chats(store, alex)
    assert info.id == summary.chat_id
    assert (info.name, info.format, info.me) == ("Chat with Jordan", "whatsapp", "Maya")
    assert info.partner_names == ["Jordan"]
    assert info.messages == 10
    assert info.first_at == START
    assert info.last_at == START + timedelta(minutes=9)
    assert info.first_at.tzinfo is not None
    assert info.imported_at <= info.updated_at


def test_messages_read_back_decrypted_in_time_order(store, make_profile):
    alex = make_profile("Alex")
    written = conversation(30)
    summary = import_messages(store, alex, list(reversed(written)))  # newest first, like Messenger
    assert stored(store, alex, summary.chat_id) == expected(written)


def test_messages_of_the_same_minute_keep_the_files_order(store, make_profile):
    alex = make_profile("Alex")
    same_minute = [message(0, "Maya", f"part {number}") for number in (3, 1, 2)]
    summary = import_messages(store, alex, [*same_minute, message(0, "Jordan", "ok")])
    assert [text for _, _, text, _ in stored(store, alex, summary.chat_id)] == [
        "part 3",
        "part 1",
        "part 2",
        "ok",
    ]


def test_a_system_message_has_no_sender(store, make_profile):
    alex = make_profile("Alex")
    notice = message(0, "", "Jordan changed their number.", MessageKind.SYSTEM)
    summary = import_messages(store, alex, [notice, *conversation(2, first=1)])
    assert stored(store, alex, summary.chat_id)[0] == expected([notice])[0]


def test_importing_the_same_file_again_adds_nothing(store, make_profile):
    alex = make_profile("Alex")
    first = import_messages(store, alex, conversation(50))
    again = import_messages(store, alex, conversation(50))
    assert (again.added, again.already_there, again.new_chat) == (0, 50, False)
    assert again.chat_id == first.chat_id
    assert len(chats.list_chats(store, alex)) == 1
    assert row_counts(store) == (1, 50)


def test_an_overlapping_export_adds_only_the_new_part(store, make_profile):
    alex = make_profile("Alex")
    first = import_messages(store, alex, conversation(60))
    later = import_messages(store, alex, conversation(60, first=40))
    assert (later.added, later.already_there) == (40, 20)
    assert later.chat_id == first.chat_id
    assert stored(store, alex, first.chat_id) == expected(conversation(100))


def test_two_identical_messages_in_one_minute_are_both_kept(store, make_profile):
    alex = make_profile("Alex")
    twice = [message(0, "Maya", "ok"), message(0, "Maya", "ok"), message(1, "Jordan", "ok")]
    summary = import_messages(store, alex, twice)
    assert summary.added == 3
    assert len(stored(store, alex, summary.chat_id)) == 3
    assert import_messages(store, alex, twice).added == 0
    three_times = [message(0, "Maya", "ok"), *twice]
    assert import_messages(store, alex, three_times).added == 1


def test_me_is_matched_ignoring_case_and_spaces(store, make_profile):
    alex = make_profile("Alex")
    summary = import_messages(store, alex, conversation(4), me="  maya ")
    assert summary.me == "Maya"
    assert chats.list_chats(store, alex)[0].partner_names == ["Jordan"]


def test_a_wrong_me_is_refused_naming_the_senders_and_nothing_is_written(store, make_profile):
    alex = make_profile("Alex")
    with pytest.raises(InputError) as raised:
        import_messages(store, alex, conversation(4), me="Alex")
    assert raised.value.field == "--me"
    assert raised.value.detail == (
        "'Alex' is not one of the senders in this chat. The senders found are: Maya, Jordan. "
        "Give your own name as the chat shows it."
    )
    assert row_counts(store) == (0, 0)


def test_a_file_without_senders_is_refused(store, make_profile):
    alex = make_profile("Alex")
    notice = message(0, "", "Messages are end-to-end encrypted.", MessageKind.SYSTEM)
    with pytest.raises(InputError, match="no messages with a sender") as raised:
        import_messages(store, alex, [notice])
    assert raised.value.field == "--me"
    assert row_counts(store) == (0, 0)


def test_me_found_only_after_the_first_messages_is_accepted(store, make_profile, monkeypatch):
    monkeypatch.setattr(chats, "LOOKAHEAD", 5)
    alex = make_profile("Alex")
    messages = [message(minute, "Jordan", f"hello {minute}") for minute in range(8)]
    summary = import_messages(store, alex, [*messages, message(9, "Maya", "hi")])
    assert (summary.me, summary.added) == ("Maya", 9)
    assert chats.list_chats(store, alex)[0].partner_names == ["Jordan"]


def test_me_never_found_after_the_first_messages_writes_nothing(store, make_profile, monkeypatch):
    monkeypatch.setattr(chats, "LOOKAHEAD", 5)
    monkeypatch.setattr(chats, "BATCH_ROWS", 3)
    alex = make_profile("Alex")
    messages = [message(minute, "Jordan", f"hello {minute}") for minute in range(20)]
    with pytest.raises(InputError, match="senders found are: Jordan"):
        import_messages(store, alex, messages)
    assert row_counts(store) == (0, 0)


def failing_after(messages: list[ChatMessage], count: int) -> Iterator[ChatMessage]:
    """A parser that meets a broken file deep inside it."""
    yield from messages[:count]
    raise InputError("the JSON breaks here.", file="chat.json", line=count + 1)


def test_an_import_that_fails_after_5000_messages_leaves_nothing(store, make_profile):
    alex = make_profile("Alex")
    with pytest.raises(InputError, match="line 5001"):
        import_messages(store, alex, failing_after(conversation(6_000), 5_000))
    assert row_counts(store) == (0, 0)
    assert chats.list_chats(store, alex) == []


def test_a_failure_after_batches_were_written_leaves_nothing(store, make_profile, monkeypatch):
    monkeypatch.setattr(chats, "LOOKAHEAD", 100)
    monkeypatch.setattr(chats, "BATCH_ROWS", 100)
    alex = make_profile("Alex")
    with pytest.raises(InputError):
        import_messages(store, alex, failing_after(conversation(1_000), 750))
    assert row_counts(store) == (0, 0)


def test_a_failed_reimport_leaves_the_chat_as_it_was(store, make_profile, monkeypatch):
    monkeypatch.setattr(chats, "LOOKAHEAD", 100)
    monkeypatch.setattr(chats, "BATCH_ROWS", 100)
    alex = make_profile("Alex")
    first = import_messages(store, alex, conversation(300))
    before = (chats.list_chats(store, alex), stored(store, alex, first.chat_id))
    with pytest.raises(InputError):
        import_messages(store, alex, failing_after(conversation(1_000, first=200), 700))
    assert (chats.list_chats(store, alex), stored(store, alex, first.chat_id)) == before
    assert row_counts(store) == (1, 300)


def test_a_database_that_goes_away_halfway_leaves_nothing(store, make_profile, monkeypatch):
    monkeypatch.setattr(chats, "LOOKAHEAD", 100)
    monkeypatch.setattr(chats, "BATCH_ROWS", 100)
    alex = make_profile("Alex")
    first = import_messages(store, alex, conversation(150))
    real_flush = chat_rows.MessageWriter.flush
    flushes: list[int] = []

    def flush_then_fail(writer, now_second=None):
        flushes.append(writer.pending)
        if len(flushes) == 4:
            raise OperationalError("INSERT INTO chat_messages", {}, Exception("disk I/O error"))
        real_flush(writer, now_second)

    monkeypatch.setattr(chat_rows.MessageWriter, "flush", flush_then_fail)
    with pytest.raises(StoreUnavailable, match="Nothing was changed"):
        import_messages(store, alex, conversation(1_000, first=100))
    monkeypatch.setattr(chat_rows.MessageWriter, "flush", real_flush)
    assert row_counts(store) == (1, 150)
    assert stored(store, alex, first.chat_id) == expected(conversation(150))


def test_progress_is_reported_every_batch(store, make_profile, monkeypatch):
    monkeypatch.setattr(chats, "BATCH_ROWS", 100)
    alex = make_profile("Alex")
    heard: list[int] = []
    import_messages(store, alex, conversation(250), progress=heard.append)
    assert heard == [100, 200, 250]


def test_another_format_is_another_chat(store, make_profile):
    alex = make_profile("Alex")
    first = import_messages(store, alex, conversation(3))
    other = import_messages(store, alex, conversation(3), format="telegram")
    assert other.new_chat is True
    assert other.chat_id != first.chat_id
    assert [info.format for info in chats.list_chats(store, alex)] == ["whatsapp", "telegram"]


def test_a_chat_with_other_people_is_another_chat(store, make_profile):
    alex = make_profile("Alex")
    import_messages(store, alex, conversation(3))
    group = [*conversation(3), message(9, "Sam", "hi all")]
    summary = import_messages(store, alex, group)
    assert summary.new_chat is True
    assert summary.name == "Chat with Jordan and Sam"


def test_another_person_cannot_list_read_or_delete_a_chat(store, make_profile):
    alex = make_profile("Alex")
    sam = make_profile("Sam")
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    summary = import_messages(store, alex, conversation(5))
    assert chats.list_chats(store, sam) == []
    with pytest.raises(NotShared, match=r"no chat .* that you can read"):
        chats.read_chat_messages(store, sam, summary.chat_id)
    with pytest.raises(NotFound, match=r"no chat .* of yours"):
        chats.delete_chat(store, sam, summary.chat_id)
    assert stored(store, alex, summary.chat_id) == expected(conversation(5))


def test_the_same_export_imported_by_two_people_gives_each_their_own_chat(store, make_profile):
    alex = make_profile("Alex")
    sam = make_profile("Sam")
    mine = import_messages(store, alex, conversation(5))
    theirs = import_messages(store, sam, conversation(5), me="Jordan")
    assert (theirs.new_chat, theirs.added) == (True, 5)
    assert theirs.chat_id != mine.chat_id
    assert chats.list_chats(store, sam)[0].partner_names == ["Maya"]


def test_an_unknown_chat_reads_as_not_found(store, make_profile):
    alex = make_profile("Alex")
    with pytest.raises(NotShared):
        chats.read_chat_messages(store, alex, "no-such-chat")
    with pytest.raises(NotFound):
        chats.delete_chat(store, alex, "no-such-chat")


def test_deleting_a_chat_removes_every_message(store, make_profile):
    alex = make_profile("Alex")
    kept = import_messages(store, alex, conversation(5))
    doomed = import_messages(store, alex, conversation(7), format="signal")
    chats.delete_chat(store, alex, doomed.chat_id)
    assert [info.id for info in chats.list_chats(store, alex)] == [kept.chat_id]
    assert row_counts(store) == (1, 5)


def test_deleting_a_profile_deletes_its_chats(store, make_profile):
    alex = make_profile("Alex")
    sam = make_profile("Sam")
    import_messages(store, alex, conversation(5))
    import_messages(store, sam, conversation(3), me="Jordan")
    accounts.delete_profile(store, "Alex", "alex passphrase")
    assert row_counts(store) == (1, 3)
    assert len(chats.list_chats(store, sam)) == 1


def test_chats_travel_with_the_export_and_come_back(store, store_settings, make_profile):
    alex = make_profile("Alex")
    written = [
        message(0, "", "Messages are end-to-end encrypted.", MessageKind.SYSTEM),
        *conversation(20, first=1),
        message(30, "Maya", "ok"),
        message(30, "Maya", "ok"),
    ]
    import_messages(store, alex, written)
    import_messages(store, alex, conversation(2), format="telegram", name="Our Telegram")
    exported = backup.export_profile(store, alex)
    assert exported.version == 2
    [whatsapp, telegram] = exported.chats
    assert (whatsapp.name, whatsapp.me, whatsapp.format) == ("Chat with Jordan", "Maya", "whatsapp")
    assert [(sent.sent_at, sent.sender, sent.text, sent.kind) for sent in whatsapp.messages] == (
        expected(written)
    )
    assert telegram.name == "Our Telegram"
    text_form = backup.export_text(exported)
    accounts.delete_profile(store, "Alex", "alex passphrase")
    assert row_counts(store) == (0, 0)
    backup.restore_profile(store, store_settings, backup.parse_export(text_form), "new passphrase")
    restored = accounts.unlock_profile(store, "Alex", "new passphrase")
    again = backup.export_profile(store, restored)
    assert again.chats == exported.chats
    first = chats.list_chats(store, restored)[0]
    assert stored(store, restored, first.id) == expected(written)
    assert import_messages(store, restored, written).added == 0


def test_an_edited_chat_in_an_export_fails_its_checksum(store, make_profile):
    alex = make_profile("Alex")
    import_messages(store, alex, conversation(3))
    raw = json.loads(backup.export_text(backup.export_profile(store, alex)))
    raw["chats"][0]["messages"][1]["text"] = "changed"
    with pytest.raises(DamagedData, match="checksum"):
        backup.parse_export(json.dumps(raw), "alex.json")


def version_1_export(document: backup.ExportDocument) -> dict:
    """The export as Bowlby wrote it before chats were stored."""
    raw = json.loads(backup.export_text(document))
    del raw["chats"]
    raw["version"] = 1
    raw["checksum"] = backup._checksum(
        {"profile": document.profile, "entries": document.entries}, 1
    )
    return raw


def test_a_version_1_export_is_still_restored(store, store_settings, make_profile):
    from bowlby.services import entries

    alex = make_profile("Alex")
    entries.write_entry(
        store, alex, models.EntryDraft(occurred_at=START.astimezone(UTC), text={"body": "hi"})
    )
    raw = version_1_export(backup.export_profile(store, alex))
    document = backup.parse_export(json.dumps(raw), "old.json")
    assert document.chats == []
    accounts.delete_profile(store, "Alex", "alex passphrase")
    backup.restore_profile(store, store_settings, document, "new passphrase")
    old = accounts.unlock_profile(store, "Alex", "new passphrase")
    assert [entry.text for entry in entries.list_entries(store, old)] == [{"body": "hi"}]


def test_a_version_1_export_with_chats_added_is_refused(store, make_profile):
    alex = make_profile("Alex")
    import_messages(store, alex, conversation(2))
    document = backup.export_profile(store, alex)
    raw = version_1_export(document)
    raw["chats"] = json.loads(backup.export_text(document))["chats"]
    with pytest.raises(InputError, match="version 1 export holds no chats"):
        backup.parse_export(json.dumps(raw), "old.json")
