"""Queries for profiles, the links between them, and invitations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from bowlby.errors import NotFound
from bowlby.store.tables import EntryRow, EntryShareRow, InvitationRow, LinkRow, ProfileRow


def find_profile(session: Session, name: str) -> ProfileRow:
    row = session.scalar(select(ProfileRow).where(ProfileRow.name == name))
    if row is None:
        raise NotFound(f"There is no profile called '{name}'.")
    return row


def get_profile(session: Session, profile_id: str) -> ProfileRow:
    row = session.get(ProfileRow, profile_id)
    if row is None:
        raise NotFound("That profile no longer exists.")
    return row


def lock_profiles(session: Session, profile_ids: list[str]) -> None:
    """Hold these profiles' rows until the transaction ends, so that two link changes for
    the same person wait for each other (PostgreSQL; SQLite's write lock already does)."""
    query = select(ProfileRow.id).where(ProfileRow.id.in_(sorted(profile_ids)))
    session.execute(query.order_by(ProfileRow.id).with_for_update())


def profile_name_taken(session: Session, name: str) -> bool:
    return session.scalar(select(ProfileRow.id).where(ProfileRow.name == name)) is not None


def list_profiles(session: Session) -> list[ProfileRow]:
    return list(session.scalars(select(ProfileRow).order_by(ProfileRow.name)))


def delete_profile_row(session: Session, profile_id: str) -> None:
    session.execute(delete(ProfileRow).where(ProfileRow.id == profile_id))


def links_of(session: Session, profile_id: str) -> list[LinkRow]:
    query = select(LinkRow).where(
        or_(LinkRow.profile_a_id == profile_id, LinkRow.profile_b_id == profile_id)
    )
    return list(session.scalars(query.order_by(LinkRow.created_at)))


def find_invitation(session: Session, code_hash: str) -> InvitationRow | None:
    """The invitation, locked until the transaction ends, so a code is used only once even
    when two people enter it at the same moment (PostgreSQL; SQLite locks on BEGIN)."""
    query = select(InvitationRow).where(InvitationRow.code_hash == code_hash)
    return session.scalar(query.with_for_update())


def open_invitations(session: Session, inviter_id: str, now: datetime) -> list[InvitationRow]:
    query = select(InvitationRow).where(
        InvitationRow.inviter_id == inviter_id,
        InvitationRow.used_at.is_(None),
        InvitationRow.expires_at > now,
    )
    return list(session.scalars(query))


def delete_link(session: Session, link: LinkRow) -> None:
    """Remove a link and every share it carried, in both directions.

    What was shared through the link becomes private again, so that whoever is linked next
    does not inherit it.
    """
    for reader, owner in (
        (link.profile_a_id, link.profile_b_id),
        (link.profile_b_id, link.profile_a_id),
    ):
        owned = select(EntryRow.id).where(EntryRow.owner_id == owner)
        session.execute(
            delete(EntryShareRow).where(
                EntryShareRow.recipient_id == reader, EntryShareRow.entry_id.in_(owned)
            )
        )
    session.delete(link)
    session.flush()
    _make_private_again(session, link)


def _make_private_again(session: Session, link: LinkRow) -> None:
    if link.role == "partner":
        owners = [link.profile_a_id, link.profile_b_id]
        session.execute(
            update(EntryRow).where(EntryRow.owner_id.in_(owners)).values(shared_with_partner=False)
        )
        return
    client_id = link.profile_a_id
    if not any(
        other.role == "therapist" and other.profile_a_id == client_id
        for other in links_of(session, client_id)
    ):
        session.execute(
            update(EntryRow)
            .where(EntryRow.owner_id == client_id)
            .values(shared_with_therapist=False)
        )
