"""The database schema. Free text lives only in ``sealed_*`` columns; the rest is plain."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite and PostgreSQL alike."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("Bowlby stores only timezone-aware datetimes.")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class ProfileRow(Base):
    __tablename__ = "profiles"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    kdf_salt: Mapped[bytes] = mapped_column(LargeBinary)
    kdf_time_cost: Mapped[int] = mapped_column(Integer)
    kdf_memory_kib: Mapped[int] = mapped_column(Integer)
    kdf_parallelism: Mapped[int] = mapped_column(Integer)
    key_check: Mapped[bytes] = mapped_column(LargeBinary)
    wrapped_data_key: Mapped[bytes] = mapped_column(LargeBinary)
    recovery_check: Mapped[bytes] = mapped_column(LargeBinary)
    recovery_wrapped_data_key: Mapped[bytes] = mapped_column(LargeBinary)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    sealed_private_key: Mapped[bytes] = mapped_column(LargeBinary)


class LinkRow(Base):
    """A partner pair, or a client (a) who gave a therapist (b) read access to what is shared."""

    __tablename__ = "links"
    __table_args__ = (UniqueConstraint("profile_a_id", "profile_b_id", "role"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    profile_a_id: Mapped[str] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    profile_b_id: Mapped[str] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class InvitationRow(Base):
    __tablename__ = "invitations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    inviter_id: Mapped[str] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


class EntryRow(Base):
    """One journal or practice record: plain analytic values, sealed free text."""

    __tablename__ = "entries"
    __table_args__ = (
        Index("ix_entries_owner_kind_time", "owner_id", "kind", "occurred_at"),
        Index("ix_entries_owner_time", "owner_id", "occurred_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner_id: Mapped[str] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    shared_with_partner: Mapped[bool] = mapped_column(Boolean, default=False)
    shared_with_therapist: Mapped[bool] = mapped_column(Boolean, default=False)
    plain_values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    sealed_key: Mapped[bytes] = mapped_column(LargeBinary)
    sealed_text: Mapped[bytes] = mapped_column(LargeBinary)


class EntryShareRow(Base):
    """The entry's key sealed for one reader the owner chose to share it with."""

    __tablename__ = "entry_shares"

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    recipient_id: Mapped[str] = mapped_column(
        ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    sealed_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class NormsRow(Base):
    """A norms file someone loaded: reference data with its source, not personal data."""

    __tablename__ = "norms"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    instrument_id: Mapped[str] = mapped_column(String(20), index=True)
    population: Mapped[str] = mapped_column(String(400))
    source: Mapped[str] = mapped_column(String(2000))
    document: Mapped[str] = mapped_column(String)
    document_kind: Mapped[str] = mapped_column(String(8))
    loaded_at: Mapped[datetime] = mapped_column(UtcDateTime())


class EntryVersionRow(Base):
    """An entry as it was before an edit, sealed with the entry's own key; owner-only."""

    __tablename__ = "entry_versions"

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime())
    replaced_at: Mapped[datetime] = mapped_column(UtcDateTime())
    plain_values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    sealed_text: Mapped[bytes] = mapped_column(LargeBinary)


class ProfilePreferencesRow(Base):
    """A profile's preferences (country, safety mode, disguise) as one sealed JSON document.

    Deliberately no plain columns and no timestamps: an abuser holding the database file
    must not learn whether safety mode is on, when it changed, or where the person lives.
    """

    __tablename__ = "profile_preferences"

    profile_id: Mapped[str] = mapped_column(
        ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True
    )
    sealed_preferences: Mapped[bytes] = mapped_column(LargeBinary)


class ChatRow(Base):
    """An imported conversation, owner-only and never shared. Its key is sealed under the
    owner's data key; its name and participants are sealed under its own key. The lookup
    hash (keyed by the owner's data key) finds the same conversation again on re-import
    without revealing who is in it. ``number`` is a compact key for its millions of
    messages; ``id`` is the name the interfaces use."""

    __tablename__ = "chats"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    owner_id: Mapped[str] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    lookup_hash: Mapped[str] = mapped_column(String(64))
    format: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    sealed_key: Mapped[bytes] = mapped_column(LargeBinary)
    sealed_details: Mapped[bytes] = mapped_column(LargeBinary)

    __table_args__ = (Index("ix_chats_owner_lookup", "owner_id", "lookup_hash"),)


class ChatMessageRow(Base):
    """One message of a chat: time, sender index and kind plain (timing analysis runs on
    them), the text sealed under the chat's key and bound to its chat and fingerprint. The
    fingerprint (a keyed hash, unique per chat) is what makes re-imports add only the new."""

    __tablename__ = "chat_messages"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    chat_number: Mapped[int] = mapped_column(ForeignKey("chats.number", ondelete="CASCADE"))
    fingerprint: Mapped[bytes] = mapped_column(LargeBinary(16))
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime())
    sender: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))
    sealed_text: Mapped[bytes] = mapped_column(LargeBinary)

    __table_args__ = (
        UniqueConstraint("chat_number", "fingerprint", name="uq_chat_messages_fingerprint"),
        Index("ix_chat_messages_chat_time", "chat_number", "sent_at", "id"),
    )
