"""Imported chats in the database: the per-chat cipher, the bulk message writer, and queries.

A chat holds up to millions of messages, so they are written as plain tuples in batches
straight through the driver (``INSERT … ON CONFLICT DO NOTHING``, on SQLite and PostgreSQL
alike), never as ORM objects, and read back page by page.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.orm import Session

from bowlby.errors import DamagedData
from bowlby.store import encryption as enc
from bowlby.store.tables import ChatMessageRow, ChatRow

FINGERPRINT_BYTES = 16
SYSTEM_SENDER = -1  # the sender index of messages nobody sent (sender "")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
#: Identical messages are counted within this distance in time; older counts are dropped so
#: that memory stays flat however long the chat is.
_OCCURRENCE_HORIZON = 86_400
_SQLITE_CACHE_KIB = 32_768
_INSERT = (
    "INSERT INTO chat_messages (chat_number, fingerprint, sent_at, sender, kind, sealed_text) "
    "VALUES ({marks}) ON CONFLICT DO NOTHING"
)


def derive(key: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=enc.KEY_BYTES, salt=None, info=purpose).derive(
        key
    )


def lookup_hash(data_key: bytes, format: str, senders: Sequence[str]) -> str:
    """The same conversation's name for its owner, found again without storing who is in it:
    a keyed hash of the format and the set of sender names (trimmed, case-folded)."""
    names = sorted({sender.strip().casefold() for sender in senders})
    canonical = "\x00".join([format, *names]).encode("utf-8")
    return hmac.digest(derive(data_key, b"bowlby chat lookup"), canonical, "sha256").hex()


class ChatCipher:
    """Seals and opens one chat's message texts in store/encryption's format (version | key
    id | nonce | AES-GCM), with the AES context and header prepared once, not per message.
    Each text is bound to its chat and fingerprint, so a sealed text moved elsewhere fails."""

    def __init__(self, chat_key: bytes, chat_id: str) -> None:
        self._aead = AESGCM(chat_key)
        self._key_header = bytes([enc.FORMAT_VERSION]) + enc.key_id(chat_key)
        self._aad_prefix = enc.field_aad("chat_messages", "sealed_text", chat_id + ":")
        self._inner, self._outer = _hmac_sha256_states(derive(chat_key, b"bowlby chat fingerprint"))
        self._nonces = _random_nonces()

    def fingerprint(self, second: int, sender: str, text: bytes, occurrence: int) -> bytes:
        """HMAC-SHA256 of what makes a message itself (its second, sender, text and how many
        identical ones came before it in the file); reveals nothing without the chat's key."""
        inner = self._inner.copy()
        inner.update(f"{second}|{occurrence}|{len(sender)}|{sender}|".encode())
        inner.update(text)
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.digest()[:FINGERPRINT_BYTES]

    def seal_text(self, fingerprint: bytes, text: bytes) -> bytes:
        nonce = next(self._nonces)
        header = self._key_header + nonce
        aad = header + self._aad_prefix + fingerprint.hex().encode()
        return header + self._aead.encrypt(nonce, text, aad)

    def open_text(self, fingerprint: bytes, blob: bytes) -> str:
        header_end = len(self._key_header) + enc.NONCE_BYTES
        if not blob.startswith(self._key_header):
            raise DamagedData("A chat message is damaged or was sealed with another key.")
        aad = blob[:header_end] + self._aad_prefix + fingerprint.hex().encode()
        nonce = blob[len(self._key_header) : header_end]
        try:
            plain = self._aead.decrypt(nonce, blob[header_end:], aad)
        except InvalidTag as error:
            raise DamagedData("A chat message failed its integrity check.") from error
        return plain.decode("utf-8")


def _hmac_sha256_states(key: bytes) -> tuple[Any, Any]:
    """HMAC-SHA256 (RFC 2104) with its keyed inner and outer states made once and copied per
    message: the same digests as ``hmac.digest``, in a third of the time."""
    block = key.ljust(64, b"\0")
    inner = hashlib.sha256(bytes(byte ^ 0x36 for byte in block))
    outer = hashlib.sha256(bytes(byte ^ 0x5C for byte in block))
    return inner, outer


def _random_nonces() -> Iterator[bytes]:
    """Random 96-bit nonces, drawn from the system a few thousand at a time."""
    while True:
        pool = os.urandom(enc.NONCE_BYTES * 4096)
        for start in range(0, len(pool), enc.NONCE_BYTES):
            yield pool[start : start + enc.NONCE_BYTES]


class MessageWriter:
    """Turns messages into rows for one chat and writes them in batches; a message already
    there (same fingerprint) is left alone. Two identical messages at the same second both
    count: the occurrence number tells them apart."""

    def __init__(self, session: Session, chat_number: int, cipher: ChatCipher) -> None:
        self._session = session
        self._chat_number = chat_number
        self._cipher = cipher
        dialect = session.connection().dialect
        self._sqlite = dialect.name == "sqlite"
        marks = ", ".join(["?" if self._sqlite else "%s"] * 6)
        self._sql = _INSERT.format(marks=marks)
        if self._sqlite:
            # The fingerprint index takes keys in random order: a larger page cache than
            # SQLite's 2 MB default keeps more of it in memory while a chat is written.
            session.connection().exec_driver_sql(f"PRAGMA cache_size = -{_SQLITE_CACHE_KIB}")
        self._days: dict[int, str] = {}
        self._rows: list[tuple[Any, ...]] = []
        self._occurrences: dict[tuple[int, str, str], int] = {}

    def add(self, sent_at: datetime, sender_index: int, sender: str, text: str, kind: str) -> None:
        if sent_at.tzinfo is None:
            raise ValueError("Bowlby stores only timezone-aware datetimes.")
        second = math.floor(sent_at.timestamp())
        key = (second, sender, text)
        occurrence = self._occurrences.get(key, 0)
        self._occurrences[key] = occurrence + 1
        encoded = text.encode("utf-8")
        fingerprint = self._cipher.fingerprint(second, sender, encoded, occurrence)
        stored_at = self.sqlite_time(second, sent_at.microsecond) if self._sqlite else sent_at
        sealed = self._cipher.seal_text(fingerprint, encoded)
        self._rows.append((self._chat_number, fingerprint, stored_at, sender_index, kind, sealed))

    def sqlite_time(self, second: int, microsecond: int) -> str:
        """The UTC time as SQLAlchemy stores it in SQLite (tests hold the two together),
        made from the epoch second without a datetime: a million of these add up."""
        day, rest = divmod(second, 86_400)
        date = self._days.get(day)
        if date is None:
            date = self._days[day] = f"{_EPOCH + timedelta(days=day):%Y-%m-%d} "
        hours, rest = divmod(rest, 3_600)
        minutes, seconds = divmod(rest, 60)
        return f"{date}{hours:02d}:{minutes:02d}:{seconds:02d}.{microsecond:06d}"

    @property
    def pending(self) -> int:
        return len(self._rows)

    def flush(self, now_second: int | None = None) -> None:
        if self._rows:
            self._session.connection().exec_driver_sql(self._sql, self._rows)
            self._rows = []
        if now_second is not None:
            self._forget_counts_far_from(now_second)

    def _forget_counts_far_from(self, second: int) -> None:
        self._occurrences = {
            key: count
            for key, count in self._occurrences.items()
            if abs(key[0] - second) <= _OCCURRENCE_HORIZON
        }


def epoch_second(moment: datetime) -> int:
    return math.floor(moment.timestamp())


class StoredMessage(NamedTuple):
    sent_at: datetime
    id: int
    fingerprint: bytes
    sender: int
    kind: str
    sealed_text: bytes


class ChatStats(NamedTuple):
    messages: int
    first_at: datetime | None
    last_at: datetime | None


def find_chat_by_lookup(session: Session, owner_id: str, lookup: str) -> ChatRow | None:
    query = select(ChatRow).where(ChatRow.owner_id == owner_id, ChatRow.lookup_hash == lookup)
    return session.scalars(query.order_by(ChatRow.number).limit(1)).first()


def find_owned_chat(session: Session, owner_id: str, chat_id: str) -> ChatRow | None:
    return session.scalar(
        select(ChatRow).where(ChatRow.id == chat_id, ChatRow.owner_id == owner_id)
    )


def owned_chats(session: Session, owner_id: str) -> list[ChatRow]:
    query = select(ChatRow).where(ChatRow.owner_id == owner_id)
    return list(session.scalars(query.order_by(ChatRow.created_at, ChatRow.number)))


def chat_stats(session: Session, chat_numbers: Sequence[int]) -> dict[int, ChatStats]:
    """How many messages each chat holds, and its first and last time, in one query."""
    if not chat_numbers:
        return {}
    query = (
        select(
            ChatMessageRow.chat_number,
            func.count(),
            func.min(ChatMessageRow.sent_at),
            func.max(ChatMessageRow.sent_at),
        )
        .where(ChatMessageRow.chat_number.in_(chat_numbers))
        .group_by(ChatMessageRow.chat_number)
    )
    found = {
        number: ChatStats(count, first, last)
        for number, count, first, last in session.execute(query)
    }
    return {number: found.get(number, ChatStats(0, None, None)) for number in chat_numbers}


def count_messages(session: Session, chat_number: int) -> int:
    query = select(func.count()).where(ChatMessageRow.chat_number == chat_number)
    return session.scalar(query) or 0


def message_page(
    session: Session, chat_number: int, after: tuple[datetime, int] | None, limit: int
) -> list[StoredMessage]:
    """The next ``limit`` messages in time order (file order within the same time) after the
    (sent_at, id) of the last one read: pages that stay fast however deep into the chat."""
    table = ChatMessageRow
    query = select(
        table.sent_at, table.id, table.fingerprint, table.sender, table.kind, table.sealed_text
    ).where(table.chat_number == chat_number)
    if after is not None:
        # A row-value comparison, so both databases seek in the (chat, time, id) index
        # instead of scanning the chat from its start for every page.
        query = query.where(tuple_(table.sent_at, table.id) > after)
    query = query.order_by(table.sent_at, table.id).limit(limit)
    return [StoredMessage(*row) for row in session.execute(query)]


def delete_chat_rows(session: Session, chat_number: int) -> None:
    session.execute(delete(ChatMessageRow).where(ChatMessageRow.chat_number == chat_number))
    session.execute(delete(ChatRow).where(ChatRow.number == chat_number))


def iterate_pages(
    read_page: Callable[[tuple[datetime, int] | None], list[StoredMessage]],
) -> Iterator[StoredMessage]:
    """Every stored message, one page (one short transaction) at a time."""
    after: tuple[datetime, int] | None = None
    while page := read_page(after):
        yield from page
        after = (page[-1].sent_at, page[-1].id)
