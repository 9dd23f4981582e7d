"""Links between profiles and the keys that let a partner or therapist read shared entries.

A link is made with a one-time invitation code. Sharing an entry seals its key for each
linked reader of the chosen audience; entries marked before a link existed are sealed for the
new reader the next time their owner unlocks.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from bowlby import models
from bowlby.errors import Conflict, InputError, NotFound
from bowlby.services import preferences
from bowlby.store import encryption as enc
from bowlby.store import entries as entry_rows
from bowlby.store import profiles as profile_rows
from bowlby.store.engine import Store
from bowlby.store.tables import EntryRow, EntryShareRow, InvitationRow, LinkRow

INVITATION_DAYS = 7
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def create_invitation(store: Store, keyring: models.Keyring, role: models.LinkRole) -> str:
    """A one-time code the other person enters within a week to link with this profile."""
    if role is models.LinkRole.PARTNER and _partner_link(store, keyring.profile_id):
        raise Conflict(
            "You are already linked with a partner. Unlink first to invite someone else."
        )
    code = "-".join("".join(secrets.choice(_CODE_ALPHABET) for _ in range(4)) for _ in range(3))
    now = datetime.now(UTC)
    with store.unit_of_work() as session:
        _refuse_partner_link_in_safety_mode(session, keyring, role)
        session.add(
            InvitationRow(
                id=str(uuid.uuid4()),
                code_hash=_hash_code(code),
                inviter_id=keyring.profile_id,
                role=role.value,
                created_at=now,
                expires_at=now + timedelta(days=INVITATION_DAYS),
            )
        )
    return code


def accept_invitation(store: Store, keyring: models.Keyring, code: str) -> models.LinkInfo:
    """Link with whoever made the code; the code then stops working."""
    now = datetime.now(UTC)
    with store.unit_of_work() as session:
        invitation = session_invitation(session, code, now)
        role = models.LinkRole(invitation.role)
        if invitation.inviter_id == keyring.profile_id:
            raise InputError("That is your own invitation code: the other person enters it.")
        _refuse_partner_link_in_safety_mode(session, keyring, role)
        profile_rows.lock_profiles(session, [keyring.profile_id, invitation.inviter_id])
        _check_can_link(session, keyring, invitation.inviter_id, role)
        session.add(
            LinkRow(
                id=str(uuid.uuid4()),
                profile_a_id=invitation.inviter_id,
                profile_b_id=keyring.profile_id,
                role=role.value,
                created_at=now,
            )
        )
        invitation.used_at = now
        inviter = profile_rows.get_profile(session, invitation.inviter_id)
        link = models.LinkInfo(
            profile_id=inviter.id, name=inviter.name, role=role, i_am_client=False
        )
    share_pending_entries(store, keyring)
    return link


PARTNER_LINK_REFUSED = (
    "Linking with a partner is switched off while safety mode is on. You can turn safety mode "
    "off in Safety settings whenever you decide; linking with a therapist still works."
)


def _refuse_partner_link_in_safety_mode(
    session: Session, keyring: models.Keyring, role: models.LinkRole
) -> None:
    if role is models.LinkRole.PARTNER and preferences.in_safety_mode(session, keyring):
        raise InputError(PARTNER_LINK_REFUSED, field="role")


def session_invitation(session: Session, code: str, now: datetime) -> InvitationRow:
    invitation = profile_rows.find_invitation(session, _hash_code(code))
    if invitation is None or invitation.used_at is not None:
        raise NotFound("That invitation code is not valid or has already been used.")
    if invitation.expires_at <= now:
        raise NotFound("That invitation code has expired. Ask for a new one.")
    return invitation


def list_links(store: Store, keyring: models.Keyring) -> list[models.LinkInfo]:
    with store.unit_of_work() as session:
        return [_link_info(session, link, keyring.profile_id) for link in _links(session, keyring)]


def linked_partner(store: Store, keyring: models.Keyring) -> models.LinkInfo | None:
    """The person's linked partner, if any (at most one partner link exists)."""
    links = list_links(store, keyring)
    return next((link for link in links if link.role is models.LinkRole.PARTNER), None)


def unlink(store: Store, keyring: models.Keyring, other_name: str) -> None:
    """End a link; what was shared through it becomes private again."""
    with store.unit_of_work() as session:
        for link in _links(session, keyring):
            other_id = _other(link, keyring.profile_id)
            if profile_rows.get_profile(session, other_id).name == other_name:
                profile_rows.delete_link(session, link)
                return
    raise NotFound(f"You are not linked with '{other_name}'.")


def readers_for(
    session: Session, owner_id: str, *, partner: bool, therapist: bool
) -> list[tuple[str, bytes]]:
    """(profile id, public key) of each linked reader in the chosen audiences."""
    readers = []
    for link in profile_rows.links_of(session, owner_id):
        other_id = _other(link, owner_id)
        is_partner = link.role == models.LinkRole.PARTNER
        my_therapist = link.role == models.LinkRole.THERAPIST and link.profile_a_id == owner_id
        if (partner and is_partner) or (therapist and my_therapist):
            readers.append((other_id, profile_rows.get_profile(session, other_id).public_key))
    return readers


def seal_shares(session: Session, entry: EntryRow, entry_key: bytes) -> None:
    """Give exactly the readers the owner chose a sealed copy of the entry's key."""
    readers = readers_for(
        session,
        entry.owner_id,
        partner=entry.shared_with_partner,
        therapist=entry.shared_with_therapist,
    )
    entry_rows.remove_shares(session, entry.id, [reader_id for reader_id, _ in readers])
    for reader_id, public_key in readers:
        if entry_rows.share_for(session, entry.id, reader_id) is None:
            session.add(_share_row(entry.id, reader_id, public_key, entry_key))


def share_pending_entries(store: Store, keyring: models.Keyring) -> int:
    """Seal entries marked for sharing for readers linked since they were written; while
    safety mode is on, nothing new reaches a partner this way either."""
    count = 0
    with store.unit_of_work() as session:
        for audience in (True, False):
            if audience and preferences.in_safety_mode(session, keyring):
                continue
            readers = readers_for(
                session, keyring.profile_id, partner=audience, therapist=not audience
            )
            for reader_id, public_key in readers:
                for entry in entry_rows.entries_missing_share(
                    session, keyring.profile_id, reader_id, for_partner=audience
                ):
                    entry_key = open_entry_key_as_owner(keyring, entry)
                    session.add(_share_row(entry.id, reader_id, public_key, entry_key))
                    count += 1
    return count


def open_entry_key_as_owner(keyring: models.Keyring, entry: EntryRow) -> bytes:
    aad = enc.field_aad("entries", "sealed_key", entry.id)
    return enc.open_sealed(keyring.data_key, entry.sealed_key, aad)


def open_entry_key_as_reader(keyring: models.Keyring, share: EntryShareRow) -> bytes:
    return enc.open_from_sender(
        keyring.private_key, share.sealed_key, _share_aad(share.entry_id, share.recipient_id)
    )


def _share_row(entry_id: str, reader_id: str, public_key: bytes, entry_key: bytes) -> EntryShareRow:
    return EntryShareRow(
        entry_id=entry_id,
        recipient_id=reader_id,
        sealed_key=enc.seal_for_recipient(public_key, entry_key, _share_aad(entry_id, reader_id)),
        created_at=datetime.now(UTC),
    )


def _share_aad(entry_id: str, reader_id: str) -> bytes:
    return enc.field_aad("entry_shares", "sealed_key", f"{entry_id}:{reader_id}")


def _check_can_link(
    session: Session, keyring: models.Keyring, inviter_id: str, role: models.LinkRole
) -> None:
    inviter = profile_rows.get_profile(session, inviter_id)
    if role is models.LinkRole.THERAPIST and keyring.role is not models.Role.THERAPIST:
        raise Conflict("This code invites a therapist; only a therapist profile can accept it.")
    if role is models.LinkRole.PARTNER:
        for profile_id, name in (
            (keyring.profile_id, "You are"),
            (inviter.id, f"{inviter.name} is"),
        ):
            if any(link.role == "partner" for link in profile_rows.links_of(session, profile_id)):
                raise Conflict(f"{name} already linked with a partner.")
    for link in profile_rows.links_of(session, keyring.profile_id):
        if _other(link, keyring.profile_id) == inviter_id and link.role == role.value:
            raise Conflict(f"You are already linked with {inviter.name}.")


def _partner_link(store: Store, profile_id: str) -> bool:
    with store.unit_of_work() as session:
        return any(link.role == "partner" for link in profile_rows.links_of(session, profile_id))


def _links(session: Session, keyring: models.Keyring) -> list[LinkRow]:
    return profile_rows.links_of(session, keyring.profile_id)


def _other(link: LinkRow, profile_id: str) -> str:
    return link.profile_b_id if link.profile_a_id == profile_id else link.profile_a_id


def _link_info(session: Session, link: LinkRow, profile_id: str) -> models.LinkInfo:
    other = profile_rows.get_profile(session, _other(link, profile_id))
    return models.LinkInfo(
        profile_id=other.id,
        name=other.name,
        role=models.LinkRole(link.role),
        i_am_client=link.role == "therapist" and link.profile_a_id == profile_id,
    )


def _hash_code(code: str) -> str:
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(f"bowlby invitation {normalised}".encode()).hexdigest()
