"""Queries for entries. Every read takes the reader, so visibility is enforced here, below
the interfaces: a reader gets their own entries and those shared with them, nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, delete, exists, func, or_, select
from sqlalchemy.orm import Session

from bowlby.store.tables import EntryRow, EntryShareRow, EntryVersionRow


def visible_to(reader_id: str) -> Select[EntryRow]:
    shared = exists().where(
        EntryShareRow.entry_id == EntryRow.id, EntryShareRow.recipient_id == reader_id
    )
    return select(EntryRow).where(or_(EntryRow.owner_id == reader_id, shared))


def find_visible_entry(session: Session, reader_id: str, entry_id: str) -> EntryRow | None:
    return session.scalar(visible_to(reader_id).where(EntryRow.id == entry_id))


def find_owned_entry(session: Session, owner_id: str, entry_id: str) -> EntryRow | None:
    return session.scalar(
        select(EntryRow).where(EntryRow.id == entry_id, EntryRow.owner_id == owner_id)
    )


def entry_exists(session: Session, entry_id: str) -> bool:
    return session.get(EntryRow, entry_id) is not None


def list_visible_entries(
    session: Session,
    reader_id: str,
    *,
    owner_ids: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
    except_kinds: Sequence[str] = (),
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int | None = None,
) -> list[EntryRow]:
    query = visible_to(reader_id)
    if owner_ids is not None:
        query = query.where(EntryRow.owner_id.in_(owner_ids))
    if kinds:
        query = query.where(EntryRow.kind.in_(kinds))
    if except_kinds:
        query = query.where(EntryRow.kind.not_in(except_kinds))
    if since is not None:
        query = query.where(EntryRow.occurred_at >= since)
    if until is not None:
        query = query.where(EntryRow.occurred_at < until)
    query = query.order_by(EntryRow.occurred_at.desc(), EntryRow.id)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def share_for(session: Session, entry_id: str, recipient_id: str) -> EntryShareRow | None:
    return session.get(EntryShareRow, (entry_id, recipient_id))


def remove_shares(session: Session, entry_id: str, keep: Sequence[str]) -> None:
    session.execute(
        delete(EntryShareRow).where(
            EntryShareRow.entry_id == entry_id, EntryShareRow.recipient_id.not_in(keep)
        )
    )


def entries_missing_share(
    session: Session, owner_id: str, recipient_id: str, *, for_partner: bool
) -> list[EntryRow]:
    """Entries the owner marked for this audience that the recipient cannot open yet."""
    flag = EntryRow.shared_with_partner if for_partner else EntryRow.shared_with_therapist
    has_share = exists().where(
        EntryShareRow.entry_id == EntryRow.id, EntryShareRow.recipient_id == recipient_id
    )
    query = select(EntryRow).where(EntryRow.owner_id == owner_id, flag, ~has_share)
    return list(session.scalars(query))


def owned_entries(session: Session, owner_id: str) -> list[EntryRow]:
    query = select(EntryRow).where(EntryRow.owner_id == owner_id)
    return list(session.scalars(query.order_by(EntryRow.occurred_at, EntryRow.id)))


def entry_versions(session: Session, entry_id: str) -> list[EntryVersionRow]:
    query = select(EntryVersionRow).where(EntryVersionRow.entry_id == entry_id)
    return list(session.scalars(query.order_by(EntryVersionRow.version)))


def next_version_number(session: Session, entry_id: str) -> int:
    latest = session.scalar(
        select(func.max(EntryVersionRow.version)).where(EntryVersionRow.entry_id == entry_id)
    )
    return (latest or 0) + 1


def partner_shared_entries(session: Session, owner_id: str) -> list[EntryRow]:
    """The owner's entries marked for their partner."""
    query = select(EntryRow).where(EntryRow.owner_id == owner_id, EntryRow.shared_with_partner)
    return list(session.scalars(query))
