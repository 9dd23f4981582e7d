"""Export one profile as complete, decrypted JSON (entries and imported chats), and restore it
into a database.

The file carries a format marker, a version and a checksum, so a foreign, cut-short or edited
file is refused with the reason before anything is written. A restore is one transaction.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.orm import Session

from bowlby import models
from bowlby.chats.messages import ChatMessage, MessageKind
from bowlby.errors import Conflict, DamagedData, InputError
from bowlby.services import accounts
from bowlby.services import chats as chat_use_cases
from bowlby.services import preferences as saved_preferences
from bowlby.services.entries import EntryVersion, add_entry_row, entry_history, list_entries
from bowlby.services.preferences import Preferences
from bowlby.settings import Settings
from bowlby.store import entries as entry_rows
from bowlby.store import profiles as profile_rows
from bowlby.store.engine import Store

EXPORT_FORMAT = "bowlby-export"
EXPORT_VERSION = 2
#: Versions this Bowlby restores; version 1 came before chats were stored.
READABLE_VERSIONS = (1, 2)


class ExportedProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    role: models.Role
    created_at: AwareDatetime
    preferences: Preferences = Field(default_factory=Preferences)


class ExportedEntry(models.EntryDraft):
    id: str
    created_at: AwareDatetime
    updated_at: AwareDatetime
    history: list[EntryVersion] = Field(default_factory=list)


class ExportedChatMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sent_at: AwareDatetime
    sender: str
    text: str
    kind: MessageKind


class ExportedChat(BaseModel):
    """An imported chat, decrypted: its messages in time order (since version 2)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    me: str
    format: str
    imported_at: AwareDatetime
    updated_at: AwareDatetime
    messages: list[ExportedChatMessage]


class ExportDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["bowlby-export"]
    version: int
    exported_at: AwareDatetime
    profile: ExportedProfile
    entries: list[ExportedEntry]
    chats: list[ExportedChat] = Field(default_factory=list)
    checksum: str


def export_profile(store: Store, keyring: models.Keyring) -> ExportDocument:
    """Everything the profile owns, decrypted; what partners shared with it is theirs to export."""
    with store.unit_of_work() as session:
        profile = accounts.profile_info(profile_rows.get_profile(session, keyring.profile_id))
    owned = reversed(list_entries(store, keyring, whose="mine"))
    entries = [
        ExportedEntry(
            **entry.model_dump(exclude={"owner_id", "owner_name"}),
            history=entry_history(store, keyring, entry.id),
        )
        for entry in owned
    ]
    exported = ExportedProfile(
        name=profile.name,
        role=profile.role,
        created_at=profile.created_at,
        preferences=saved_preferences.load(store, keyring),
    )
    exported_chats = export_chats(store, keyring)
    return ExportDocument(
        format="bowlby-export",
        version=EXPORT_VERSION,
        exported_at=datetime.now(UTC),
        profile=exported,
        entries=entries,
        chats=exported_chats,
        checksum=_checksum(
            {"profile": exported, "entries": entries, "chats": exported_chats}, EXPORT_VERSION
        ),
    )


def export_text(document: ExportDocument) -> str:
    return document.model_dump_json(indent=2) + "\n"


def parse_export(text: str, source: str = "the backup file") -> ExportDocument:
    """Read an export, refusing anything that is not one, or not whole, with the reason."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"this is not a Bowlby export: the JSON breaks at column {error.colno} "
            f"({error.msg}); the file may be cut short.",
            file=source,
            line=error.lineno,
        ) from error
    if not isinstance(raw, dict) or raw.get("format") != EXPORT_FORMAT:
        raise InputError("this is not a Bowlby export (no 'bowlby-export' marker).", file=source)
    if raw.get("version") not in READABLE_VERSIONS:
        raise InputError(
            f"this export has version {raw.get('version')!r}; this Bowlby reads versions "
            f"up to {EXPORT_VERSION}. Upgrade Bowlby to restore it.",
            file=source,
        )
    if raw["version"] < 2 and "chats" in raw:
        raise InputError("a version 1 export holds no chats; this file was edited.", file=source)
    try:
        document = ExportDocument.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise InputError(f"{first['msg']}.", file=source, field=field) from error
    content = {"profile": document.profile, "entries": document.entries, "chats": document.chats}
    if _checksum(content, document.version) != document.checksum:
        raise DamagedData(
            f"{source}: the checksum does not match; the file was changed or damaged after "
            "export. Nothing was restored."
        )
    return document


def restore_profile(
    store: Store,
    settings: Settings,
    document: ExportDocument,
    passphrase: str,
    name: str | None = None,
) -> models.NewProfile:
    """Recreate the exported profile (under a new passphrase), its entries and its chats, or
    nothing."""
    name = accounts.valid_name(name or document.profile.name)
    accounts.check_new_passphrase(passphrase)
    row, keyring, recovery_key = accounts.build_profile(
        settings, name, passphrase, document.profile.role, document.profile.created_at
    )
    with store.unit_of_work() as session:
        if profile_rows.profile_name_taken(session, name):
            raise Conflict(
                f"A profile called '{name}' already exists. Restore under another name "
                "(--name) or delete that profile first. Nothing was restored."
            )
        session.add(row)
        session.flush()
        saved_preferences.write_preferences(session, keyring, document.profile.preferences)
        for entry in document.entries:
            if entry_rows.entry_exists(session, entry.id):
                raise Conflict(f"Entry {entry.id} already exists here. Nothing was restored.")
            draft = models.EntryDraft.model_validate(
                entry.model_dump(exclude={"id", "created_at", "updated_at", "history"})
            )
            add_entry_row(
                session,
                keyring,
                draft,
                entry_id=entry.id,
                created_at=entry.created_at,
                updated_at=entry.updated_at,
                history=entry.history,
            )
        for chat in document.chats:
            restore_chat(session, keyring, chat)
    return models.NewProfile(profile=accounts.profile_info(row), recovery_key=recovery_key)


def export_chats(store: Store, keyring: models.Keyring) -> list[ExportedChat]:
    """Every chat of the person, decrypted, for the profile's export."""
    exported = []
    for info in chat_use_cases.list_chats(store, keyring):
        messages = [
            ExportedChatMessage(sent_at=sent_at, sender=sender, text=text, kind=kind)
            for sent_at, sender, text, kind, _file, _line in chat_use_cases.read_chat_messages(
                store, keyring, info.id
            )
        ]
        exported.append(
            ExportedChat(
                name=info.name,
                me=info.me,
                format=info.format,
                imported_at=info.imported_at,
                updated_at=info.updated_at,
                messages=messages,
            )
        )
    return exported


def restore_chat(session: Session, keyring: models.Keyring, chat: ExportedChat) -> None:
    """Add an exported chat as a chat of its own, inside the restore's unit of work."""
    messages = (
        ChatMessage(message.sent_at, message.sender, message.text, message.kind, "", number)
        for number, message in enumerate(chat.messages, start=1)
    )
    chat_use_cases.add_chat_messages(
        session,
        keyring,
        messages,
        me=chat.me,
        format=chat.format,
        name=chat.name,
        restored=chat_use_cases.ChatTimes(chat.imported_at, chat.updated_at),
    )


def _checksum(content: dict[str, Any], version: int) -> str:
    plain = {
        "profile": content["profile"].model_dump(mode="json"),
        "entries": [entry.model_dump(mode="json") for entry in content["entries"]],
    }
    if version >= 2:
        plain["chats"] = [chat.model_dump(mode="json") for chat in content["chats"]]
    canonical = json.dumps(plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
