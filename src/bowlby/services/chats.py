"""Importing a chat export under a profile, and listing, reading back and deleting chats.

A chat is its importer's alone and is never shared: it holds the partner's words too. Each
chat has its own key, sealed under the owner's data key; message texts, sender names and the
chat's name are sealed under the chat's key. An import is one transaction: it adds only the
messages that are not there yet, or, if anything goes wrong, nothing at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain, islice
from typing import NamedTuple

from pydantic import BaseModel
from sqlalchemy.orm import Session

from bowlby import models
from bowlby.chats.messages import ChatMessage, MessageKind, ParseReport
from bowlby.errors import InputError, NotFound, NotShared
from bowlby.store import chats as chat_rows
from bowlby.store import encryption as enc
from bowlby.store.engine import Store
from bowlby.store.tables import ChatRow

#: The first messages are read before anything is written, to know who is in the chat (and
#: so which stored chat the file continues) and to check --me.
LOOKAHEAD = 10_000
BATCH_ROWS = 10_000
PAGE_ROWS = 5_000
MAX_SENDERS_LISTED = 20

NO_SENDERS = (
    "no messages with a sender were found in this file, so there is nobody to be; "
    "check that this is the right export."
)
NOT_A_SENDER = (
    "'{me}' is not one of the senders in this chat. The senders found are: {senders}. "
    "Give your own name as the chat shows it."
)
CHAT_NOT_READABLE = "There is no chat {chat_id} that you can read."
CHAT_NOT_YOURS = "There is no chat {chat_id} of yours."

Progress = Callable[[int], None]
_KIND_TEXT = {kind: kind.value for kind in MessageKind}  # plain str for the driver


class ImportSummary(BaseModel):
    """What one import did: how many messages were new, from whom, over which dates."""

    chat_id: str
    name: str
    format: str
    added: int
    already_there: int
    skipped_lines: int
    senders: dict[str, int]
    me: str
    first_at: datetime | None
    last_at: datetime | None
    new_chat: bool


class ChatInfo(BaseModel):
    id: str
    name: str
    format: str
    me: str
    partner_names: list[str]
    messages: int
    first_at: datetime | None
    last_at: datetime | None
    imported_at: datetime
    updated_at: datetime


class ChatDetails(BaseModel):
    """What is sealed in the chat's row: its name (None: named after the partners), the
    participants (a message's sender index points into this list) and which one is me."""

    name: str | None = None
    participants: list[str]
    me: int = -1


class ChatTimes(NamedTuple):
    """When a chat was first imported and last added to, kept as they were by a restore."""

    imported_at: datetime
    updated_at: datetime


@dataclass
class FileTally:
    """What this file held: messages per sender (system messages not counted), its span."""

    seen: int = 0
    senders: dict[str, int] = field(default_factory=dict)
    first_at: datetime | None = None
    last_at: datetime | None = None


@dataclass
class OpenChat:
    row: ChatRow
    cipher: chat_rows.ChatCipher
    chat_key: bytes
    details: ChatDetails
    is_new: bool


def import_chat(
    store: Store,
    keyring: models.Keyring,
    messages: Iterable[ChatMessage],
    *,
    me: str,
    format: str,
    report: ParseReport,
    progress: Progress | None = None,
    name: str | None = None,
) -> ImportSummary:
    """Store a chat export under the person's profile (a file of a chat already imported
    continues it), all in one transaction; ``progress`` hears the count every batch."""
    with store.unit_of_work() as session:
        summary = add_chat_messages(
            session, keyring, messages, me=me, format=format, progress=progress, name=name
        )
    return summary.model_copy(update={"skipped_lines": report.skipped})


def add_chat_messages(
    session: Session,
    keyring: models.Keyring,
    messages: Iterable[ChatMessage],
    *,
    me: str,
    format: str,
    progress: Progress | None = None,
    name: str | None = None,
    restored: ChatTimes | None = None,
) -> ImportSummary:
    """The import inside an open unit of work. A restore (``restored``: the chat's times)
    always makes a chat of its own, and adds several in one unit of work."""
    stream = iter(messages)
    window = list(islice(stream, LOOKAHEAD))
    early = FileTally()
    for message in window:
        _count_sender(early, message)
    if match_sender(me, early.senders) is None and len(window) < LOOKAHEAD:
        raise wrong_me(me, early.senders)
    lookup = chat_rows.lookup_hash(keyring.data_key, format, list(early.senders))
    chat = _open_or_create(session, keyring, format, lookup, list(early.senders), restored)
    before = 0 if chat.is_new else chat_rows.count_messages(session, chat.row.number)
    writer = chat_rows.MessageWriter(session, chat.row.number, chat.cipher)
    tally = _write_all(writer, chat.details, chain(window, stream), progress)
    my_name = match_sender(me, tally.senders)
    if my_name is None:
        raise wrong_me(me, tally.senders)
    chat.details.me = chat.details.participants.index(my_name)
    chat.details.name = name or chat.details.name
    chat.row.updated_at = restored.updated_at if restored else datetime.now(UTC)
    _seal_details(chat.row, chat.chat_key, chat.details)
    added = chat_rows.count_messages(session, chat.row.number) - before
    return ImportSummary(
        chat_id=chat.row.id,
        name=chat_name(chat.details),
        format=format,
        added=added,
        already_there=tally.seen - added,
        skipped_lines=0,
        senders=tally.senders,
        me=my_name,
        first_at=tally.first_at,
        last_at=tally.last_at,
        new_chat=chat.is_new,
    )


def list_chats(store: Store, keyring: models.Keyring) -> list[ChatInfo]:
    """The person's own chats, oldest import first (nobody else's: chats are never shared)."""
    with store.unit_of_work() as session:
        rows = chat_rows.owned_chats(session, keyring.profile_id)
        stats = chat_rows.chat_stats(session, [row.number for row in rows])
        return [_info(row, _open_details(keyring, row), stats[row.number]) for row in rows]


def read_chat_messages(
    store: Store, keyring: models.Keyring, chat_id: str
) -> Iterator[ChatMessage]:
    """The chat's messages decrypted, in time order (file order within the same time), read
    a page per short transaction. Stored messages do not keep where they were found: file
    is "" and line 0."""
    with store.unit_of_work() as session:
        row = chat_rows.find_owned_chat(session, keyring.profile_id, chat_id)
        if row is None:
            raise NotShared(CHAT_NOT_READABLE.format(chat_id=chat_id))
        chat_key = _open_chat_key(keyring, row)
        details = _open_details(keyring, row, chat_key)
        cipher = chat_rows.ChatCipher(chat_key, row.id)
        number = row.number
    return _decrypted(store, number, cipher, details.participants)


def delete_chat(store: Store, keyring: models.Keyring, chat_id: str) -> None:
    """Delete one of the person's chats and all its messages, for good."""
    with store.unit_of_work() as session:
        row = chat_rows.find_owned_chat(session, keyring.profile_id, chat_id)
        if row is None:
            raise NotFound(CHAT_NOT_YOURS.format(chat_id=chat_id))
        chat_rows.delete_chat_rows(session, row.number)
    store.reclaim_space()


def match_sender(me: str, senders: Iterable[str]) -> str | None:
    """The sender the person named, trimmed and ignoring case, as the chat spells it."""
    wanted = me.strip().casefold()
    if not wanted:
        return None
    return next((sender for sender in senders if sender.strip().casefold() == wanted), None)


def wrong_me(me: str, senders: Iterable[str]) -> InputError:
    names = list(senders)
    if not names:
        return InputError(NO_SENDERS, field="--me")
    listed = ", ".join(names[:MAX_SENDERS_LISTED])
    if len(names) > MAX_SENDERS_LISTED:
        listed += f" and {len(names) - MAX_SENDERS_LISTED} more"
    return InputError(NOT_A_SENDER.format(me=me, senders=listed), field="--me")


def chat_name(details: ChatDetails) -> str:
    """The name the person gave, or one made from the partners' names."""
    if details.name:
        return details.name
    others = _partner_names(details)
    if not others:
        return "Chat"
    if len(others) == 1:
        return f"Chat with {others[0]}"
    return f"Chat with {', '.join(others[:-1])} and {others[-1]}"


def _partner_names(details: ChatDetails) -> list[str]:
    return [name for index, name in enumerate(details.participants) if index != details.me]


def _count_sender(tally: FileTally, message: ChatMessage) -> None:
    if message.sender and message.kind is not MessageKind.SYSTEM:
        tally.senders[message.sender] = tally.senders.get(message.sender, 0) + 1


def _write_all(
    writer: chat_rows.MessageWriter,
    details: ChatDetails,
    messages: Iterable[ChatMessage],
    progress: Progress | None,
) -> FileTally:
    """Stream every message into the writer a batch at a time, tallying the file on the way.
    The hot loop of a million-message import: kept flat on purpose."""
    tally = FileTally()
    counts = tally.senders
    positions = {name: index for index, name in enumerate(details.participants)}
    positions[""] = chat_rows.SYSTEM_SENDER
    for sent_at, sender, text, kind, _file, _line in messages:
        position = positions.get(sender)
        if position is None:
            position = positions[sender] = len(details.participants)
            details.participants.append(sender)
        if sender and kind is not MessageKind.SYSTEM:
            counts[sender] = counts.get(sender, 0) + 1
        writer.add(sent_at, position, sender, text, _KIND_TEXT[kind])
        tally.seen += 1
        _widen_span(tally, sent_at)
        if writer.pending >= BATCH_ROWS:
            writer.flush(chat_rows.epoch_second(sent_at))
            if progress is not None:
                progress(tally.seen)
    writer.flush()
    if progress is not None:
        progress(tally.seen)
    return tally


def _widen_span(tally: FileTally, sent_at: datetime) -> None:
    if tally.first_at is None or sent_at < tally.first_at:
        tally.first_at = sent_at
    if tally.last_at is None or sent_at > tally.last_at:
        tally.last_at = sent_at


def _open_or_create(
    session: Session,
    keyring: models.Keyring,
    format: str,
    lookup: str,
    senders: list[str],
    restored: ChatTimes | None,
) -> OpenChat:
    """The stored chat this file continues, or a new one (a restore always makes a new one)."""
    row = None if restored else chat_rows.find_chat_by_lookup(session, keyring.profile_id, lookup)
    if row is not None:
        chat_key = _open_chat_key(keyring, row)
        details = _open_details(keyring, row, chat_key)
        return OpenChat(row, chat_rows.ChatCipher(chat_key, row.id), chat_key, details, False)
    created_at = restored.imported_at if restored else datetime.now(UTC)
    row = ChatRow(
        id=str(uuid.uuid4()),
        owner_id=keyring.profile_id,
        lookup_hash=lookup,
        format=format,
        created_at=created_at,
        updated_at=created_at,
    )
    chat_key = enc.new_key()
    row.sealed_key = enc.seal(
        keyring.data_key, chat_key, enc.field_aad("chats", "sealed_key", row.id)
    )
    details = ChatDetails(participants=senders)
    _seal_details(row, chat_key, details)
    session.add(row)
    session.flush()
    return OpenChat(row, chat_rows.ChatCipher(chat_key, row.id), chat_key, details, True)


def _seal_details(row: ChatRow, chat_key: bytes, details: ChatDetails) -> None:
    aad = enc.field_aad("chats", "sealed_details", row.id)
    row.sealed_details = enc.seal(chat_key, details.model_dump_json().encode("utf-8"), aad)


def _open_chat_key(keyring: models.Keyring, row: ChatRow) -> bytes:
    aad = enc.field_aad("chats", "sealed_key", row.id)
    return enc.open_sealed(keyring.data_key, row.sealed_key, aad)


def _open_details(
    keyring: models.Keyring, row: ChatRow, chat_key: bytes | None = None
) -> ChatDetails:
    key = chat_key or _open_chat_key(keyring, row)
    aad = enc.field_aad("chats", "sealed_details", row.id)
    return ChatDetails.model_validate_json(enc.open_sealed(key, row.sealed_details, aad))


def _info(row: ChatRow, details: ChatDetails, stats: chat_rows.ChatStats) -> ChatInfo:
    return ChatInfo(
        id=row.id,
        name=chat_name(details),
        format=row.format,
        me=details.participants[details.me] if details.me >= 0 else "",
        partner_names=_partner_names(details),
        messages=stats.messages,
        first_at=stats.first_at,
        last_at=stats.last_at,
        imported_at=row.created_at,
        updated_at=row.updated_at,
    )


def _decrypted(
    store: Store, number: int, cipher: chat_rows.ChatCipher, participants: list[str]
) -> Iterator[ChatMessage]:
    def read_page(after: tuple[datetime, int] | None) -> list[chat_rows.StoredMessage]:
        with store.unit_of_work() as session:
            return chat_rows.message_page(session, number, after, PAGE_ROWS)

    for stored in chat_rows.iterate_pages(read_page):
        sender = participants[stored.sender] if stored.sender >= 0 else ""
        text = cipher.open_text(stored.fingerprint, stored.sealed_text)
        yield ChatMessage(stored.sent_at, sender, text, MessageKind(stored.kind), "", 0)
