"""Writing, reading, changing, sharing and deleting entries.

Every journal and practice record is an entry. Its free text is sealed under a key of its own,
which is sealed under the owner's data key and, when shared, for each chosen reader.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from pydantic import BaseModel
from sqlalchemy.orm import Session

from bowlby import models
from bowlby.errors import NotFound, NotShared
from bowlby.services import preferences, sharing
from bowlby.store import encryption as enc
from bowlby.store import entries as entry_rows
from bowlby.store import profiles as profile_rows
from bowlby.store.engine import Store
from bowlby.store.tables import EntryRow, EntryVersionRow


class EntryVersion(BaseModel):
    """How an entry read before one of its edits."""

    version: int
    occurred_at: datetime
    replaced_at: datetime
    values: dict[str, models.PlainValue]
    text: dict[str, str]


def write_entry(store: Store, keyring: models.Keyring, draft: models.EntryDraft) -> models.Entry:
    """Store a new entry, private unless the draft says whom to share it with (never with
    the partner while safety mode is on)."""
    with store.unit_of_work() as session:
        _check_sharing(session, keyring, draft.kind, draft)
        row = add_entry_row(session, keyring, draft)
        return _entry(session, row, draft.text)


def add_entry_row(
    session: Session,
    keyring: models.Keyring,
    draft: models.EntryDraft,
    *,
    entry_id: str | None = None,
    created_at: datetime | None = None,
    updated_at: datetime | None = None,
    history: Sequence[EntryVersion] = (),
) -> EntryRow:
    """Seal and add one entry (and, from a backup, its earlier versions) inside an open unit
    of work, so that imports can add many at once."""
    now = datetime.now(UTC)
    row = EntryRow(id=entry_id or str(uuid.uuid4()), owner_id=keyring.profile_id)
    entry_key = enc.new_key()
    row.sealed_key = enc.seal(
        keyring.data_key, entry_key, enc.field_aad("entries", "sealed_key", row.id)
    )
    row.created_at = created_at or now
    _apply_draft(row, draft, entry_key, updated_at or row.created_at)
    session.add(row)
    session.flush()
    for earlier in history:
        _add_version(session, row.id, entry_key, earlier)
    sharing.seal_shares(session, row, entry_key)
    return row


def read_entry(store: Store, keyring: models.Keyring, entry_id: str) -> models.Entry:
    """One entry the reader owns or was shown; anything else reads as not found."""
    with store.unit_of_work() as session:
        row = entry_rows.find_visible_entry(session, keyring.profile_id, entry_id)
        if row is None:
            raise NotShared(f"There is no entry {entry_id} that you can read.")
        return _entry(session, row, _open_text(session, keyring, row))


def list_entries(
    store: Store,
    keyring: models.Keyring,
    *,
    whose: str = "mine",
    kinds: Sequence[str] | None = None,
    except_kinds: Sequence[str] = (),
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int | None = None,
) -> list[models.Entry]:
    """Entries newest first: ``whose`` is 'mine', 'shared' (others' shared with me) or 'all';
    ``except_kinds`` leaves kinds out (lists leave out the private safety checks)."""
    with store.unit_of_work() as session:
        owner_ids = _owner_filter(session, keyring, whose)
        rows = entry_rows.list_visible_entries(
            session,
            keyring.profile_id,
            owner_ids=owner_ids,
            kinds=kinds,
            except_kinds=except_kinds,
            since=since,
            until=until,
            limit=limit,
        )
        return [_entry(session, row, _open_text(session, keyring, row)) for row in rows]


def update_entry(
    store: Store,
    keyring: models.Keyring,
    entry_id: str,
    draft: models.EntryDraft,
    *,
    keep_history: bool = True,
) -> models.Entry:
    """Replace an entry's content and sharing; only its owner may. The earlier version is
    kept unless the change is bookkeeping (a questionnaire filling up), not an edit."""
    with store.unit_of_work() as session:
        row = _owned(session, keyring, entry_id)
        _check_sharing(session, keyring, row.kind, draft, was_partner=row.shared_with_partner)
        entry_key = sharing.open_entry_key_as_owner(keyring, row)
        if keep_history:
            _keep_version(session, row, entry_key)
        _apply_draft(row, draft, entry_key, datetime.now(UTC))
        sharing.seal_shares(session, row, entry_key)
        updated = _entry(session, row, draft.text)
    store.reclaim_space()
    return updated


def entry_history(store: Store, keyring: models.Keyring, entry_id: str) -> list[EntryVersion]:
    """Earlier versions of one of the person's own entries, oldest first (owner only)."""
    with store.unit_of_work() as session:
        row = _owned(session, keyring, entry_id)
        entry_key = sharing.open_entry_key_as_owner(keyring, row)
        return [
            EntryVersion(
                version=version.version,
                occurred_at=version.occurred_at,
                replaced_at=version.replaced_at,
                values=version.plain_values,
                text=json.loads(
                    enc.open_sealed(entry_key, version.sealed_text, _version_aad(version))
                ),
            )
            for version in entry_rows.entry_versions(session, row.id)
        ]


def set_sharing(
    store: Store, keyring: models.Keyring, entry_id: str, *, partner: bool, therapist: bool
) -> models.Entry:
    with store.unit_of_work() as session:
        row = _owned(session, keyring, entry_id)
        preferences.refuse_unsafe_sharing(
            session,
            keyring,
            kind=row.kind,
            partner=partner,
            therapist=therapist,
            was_partner=row.shared_with_partner,
        )
        row.shared_with_partner, row.shared_with_therapist = partner, therapist
        sharing.seal_shares(session, row, sharing.open_entry_key_as_owner(keyring, row))
        return _entry(session, row, _open_text(session, keyring, row))


def stop_partner_sharing(store: Store, keyring: models.Keyring) -> int:
    """Make every entry the person shared with their partner private from the partner at
    once (therapist sharing stays); returns how many entries changed."""
    with store.unit_of_work() as session:
        rows = entry_rows.partner_shared_entries(session, keyring.profile_id)
        for row in rows:
            row.shared_with_partner = False
            sharing.seal_shares(session, row, sharing.open_entry_key_as_owner(keyring, row))
        return len(rows)


def delete_entry(store: Store, keyring: models.Keyring, entry_id: str) -> None:
    with store.unit_of_work() as session:
        session.delete(_owned(session, keyring, entry_id))
    store.reclaim_space()


def _check_sharing(
    session: Session,
    keyring: models.Keyring,
    kind: str,
    draft: models.EntryDraft,
    *,
    was_partner: bool = False,
) -> None:
    for checked_kind in sorted({kind, draft.kind}):
        preferences.refuse_unsafe_sharing(
            session,
            keyring,
            kind=checked_kind,
            partner=draft.shared_with_partner,
            therapist=draft.shared_with_therapist,
            was_partner=was_partner,
        )


def _apply_draft(
    row: EntryRow, draft: models.EntryDraft, entry_key: bytes, updated_at: datetime
) -> None:
    row.kind = draft.kind
    row.occurred_at = draft.occurred_at
    row.updated_at = updated_at
    row.plain_values = dict(draft.values)
    row.shared_with_partner = draft.shared_with_partner
    row.shared_with_therapist = draft.shared_with_therapist
    text = json.dumps(draft.text, ensure_ascii=False, sort_keys=True).encode("utf-8")
    row.sealed_text = enc.seal(entry_key, text, enc.field_aad("entries", "sealed_text", row.id))


def _keep_version(session: Session, row: EntryRow, entry_key: bytes) -> None:
    """Before an edit, seal what the entry said into its history (re-sealed, new AAD)."""
    aad = enc.field_aad("entries", "sealed_text", row.id)
    earlier = EntryVersion(
        version=entry_rows.next_version_number(session, row.id),
        occurred_at=row.occurred_at,
        replaced_at=datetime.now(UTC),
        values=dict(row.plain_values),
        text=json.loads(enc.open_sealed(entry_key, row.sealed_text, aad)),
    )
    _add_version(session, row.id, entry_key, earlier)


def _add_version(session: Session, entry_id: str, entry_key: bytes, earlier: EntryVersion) -> None:
    version = EntryVersionRow(
        entry_id=entry_id,
        version=earlier.version,
        occurred_at=earlier.occurred_at,
        replaced_at=earlier.replaced_at,
        plain_values=dict(earlier.values),
    )
    text = json.dumps(earlier.text, ensure_ascii=False, sort_keys=True).encode("utf-8")
    version.sealed_text = enc.seal(entry_key, text, _version_aad(version))
    session.add(version)


def _version_aad(version: EntryVersionRow) -> bytes:
    return enc.field_aad("entry_versions", "sealed_text", f"{version.entry_id}:{version.version}")


def _open_text(session: Session, keyring: models.Keyring, row: EntryRow) -> dict[str, str]:
    if row.owner_id == keyring.profile_id:
        entry_key = sharing.open_entry_key_as_owner(keyring, row)
    else:
        share = entry_rows.share_for(session, row.id, keyring.profile_id)
        if share is None:
            raise NotShared(f"There is no entry {row.id} that you can read.")
        entry_key = sharing.open_entry_key_as_reader(keyring, share)
    aad = enc.field_aad("entries", "sealed_text", row.id)
    text: dict[str, str] = json.loads(enc.open_sealed(entry_key, row.sealed_text, aad))
    return text


def _owned(session: Session, keyring: models.Keyring, entry_id: str) -> EntryRow:
    row = entry_rows.find_owned_entry(session, keyring.profile_id, entry_id)
    if row is None:
        raise NotFound(f"There is no entry {entry_id} of yours.")
    return row


def _owner_filter(session: Session, keyring: models.Keyring, whose: str) -> list[str] | None:
    if whose == "mine":
        return [keyring.profile_id]
    if whose == "all":
        return None
    if whose == "shared":
        links = profile_rows.links_of(session, keyring.profile_id)
        return [
            link.profile_b_id if link.profile_a_id == keyring.profile_id else link.profile_a_id
            for link in links
        ]
    raise ValueError(f"whose must be 'mine', 'shared' or 'all', not {whose!r}")


def _entry(session: Session, row: EntryRow, text: dict[str, str]) -> models.Entry:
    # Owner names are looked up once per unit of work, not once per entry of a long list.
    names: dict[str, str] = session.info.setdefault("owner_names", {})
    if row.owner_id not in names:
        names[row.owner_id] = profile_rows.get_profile(session, row.owner_id).name
    return models.Entry(
        id=row.id,
        owner_id=row.owner_id,
        owner_name=names[row.owner_id],
        kind=row.kind,
        occurred_at=row.occurred_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
        values=row.plain_values,
        text=text,
        shared_with_partner=row.shared_with_partner,
        shared_with_therapist=row.shared_with_therapist,
    )
