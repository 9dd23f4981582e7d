"""'Talk about how we talk' as use cases: gather the side-by-side material the viewer may see,
save the sitting as one entry (shared with the partner unless unticked), list and read the
sittings, and add how it went later, keeping the earlier version.

What the material shows is exactly what the viewer can already read: their own latest
position and their partner's only when shared, the cycles they started or were shown, and
their own imported chats (chats are never shared). Everything pauses in safety mode."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from bowlby import models
from bowlby.errors import NotFound, NotShared
from bowlby.practice import how_we_talk as talk
from bowlby.practice.how_we_talk import FollowUpInput, TalkInput, TalkMaterial, TalkView
from bowlby.services import (
    assessment_reports,
    chat_report,
    chats,
    cycle_maps,
    entries,
    records,
    sharing,
)
from bowlby.services.chat_report import Analyse
from bowlby.store.engine import Store

LABEL = "conversation"
CYCLE_COUNT = 3
CHAT_COUNT = 3
LIST_COUNT = 100
EARLIEST = datetime.min.replace(tzinfo=UTC)


def prepare(
    store: Store, keyring: models.Keyring, zone: tzinfo, *, analyse: Analyse | None = None
) -> TalkMaterial:
    """The positions, cycles and chat figures to put side by side, and the steps."""
    records.refuse_coaching_in_safety_mode(store, keyring)
    partner = sharing.linked_partner(store, keyring)
    return TalkMaterial(
        me=keyring.name,
        partner_name=partner.name if partner else None,
        positions=positions(store, keyring, partner),
        cycles=cycles(store, keyring, partner),
        chats=chat_figures(store, keyring, zone, analyse),
        steps=list(talk.steps()),
    )


def positions(
    store: Store, keyring: models.Keyring, partner: models.LinkInfo | None
) -> list[talk.PositionSide]:
    """My latest position, and my partner's latest one only if they shared it with me."""
    couple = assessment_reports.couple_view(store, keyring)
    mine = couple.mine.position if couple.mine else None
    sides = [talk.position_side(keyring.name, mine, mine=True)]
    if partner is not None:
        theirs = couple.partner.position if couple.partner else None
        sides.append(talk.position_side(partner.name, theirs, mine=False))
    return sides


def cycles(
    store: Store, keyring: models.Keyring, partner: models.LinkInfo | None
) -> list[talk.CycleSummary]:
    """The couple's newest cycles, each side only as far as the viewer may see it."""
    couple = {keyring.profile_id, *([partner.profile_id] if partner else [])}
    found = [c for c in cycle_maps.list_cycles(store, keyring) if c.owner_id in couple]
    return [
        talk.cycle_summary(cycle.id, cycle_maps.map_cycle(store, keyring, cycle.id).loop)
        for cycle in found[:CYCLE_COUNT]
    ]


def chat_figures(
    store: Store, keyring: models.Keyring, zone: tzinfo, analyse: Analyse | None = None
) -> list[talk.ChatFigures]:
    """The figures of the viewer's own newest chats; nobody else's chats are ever readable."""
    own = [c for c in chats.list_chats(store, keyring) if c.last_at is not None]
    own.sort(key=lambda c: c.last_at or EARLIEST, reverse=True)
    figures = []
    for chat in own[:CHAT_COUNT]:
        result = chat_report.build_chat_report(store, keyring, chat.id, zone, analyse=analyse)
        figures.append(talk.chat_figures(chat.id, chat.name, result.report))
    return figures


def save_talk(store: Store, keyring: models.Keyring, sitting: TalkInput) -> TalkView:
    """Save the sitting as one entry; a chosen cycle must be one the person can see."""
    records.refuse_coaching_in_safety_mode(store, keyring)
    if sitting.cycle_id:
        cycle_maps.read_cycle(store, keyring, sitting.cycle_id)
    partner = sharing.linked_partner(store, keyring)
    draft = talk.talk_draft(sitting, partner.name if partner else None)
    return talk.talk_view(entries.write_entry(store, keyring, draft))


def list_talks(store: Store, keyring: models.Keyring, whose: str = "all") -> list[TalkView]:
    """The person's own sittings and those their partner shared with them, newest first."""
    return records.list_views(store, keyring, talk.KIND, talk.talk_view, whose=whose,
                              limit=LIST_COUNT)  # fmt: skip


def read_talk(store: Store, keyring: models.Keyring, talk_id: str) -> TalkView:
    """One sitting the person wrote or was shown; anything else reads as not found."""
    missing = f"There is no {LABEL} {talk_id} that you can read."
    try:
        entry = entries.read_entry(store, keyring, talk_id)
    except NotShared as error:
        raise NotFound(missing) from error
    if entry.kind != talk.KIND:
        raise NotFound(missing)
    return talk.talk_view(entry)


def follow_up(
    store: Store, keyring: models.Keyring, talk_id: str, later: FollowUpInput
) -> TalkView:
    """Add (or revise) how it went to one's own sitting; the earlier version is kept."""
    records.refuse_coaching_in_safety_mode(store, keyring)
    entry = records.read_own(store, keyring, talk_id, talk.KIND, LABEL)
    draft = talk.followed_up_draft(entry, later)
    return talk.talk_view(entries.update_entry(store, keyring, talk_id, draft, keep_history=True))
