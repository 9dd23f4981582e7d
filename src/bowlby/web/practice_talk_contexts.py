"""One typed context per 'talk about how we talk' page: the guided walk (the side-by-side
material, the steps and the list of sittings) and one saved sitting; the API returns them as
they are. In safety mode the material is never gathered: only the person's own sittings stay."""

from __future__ import annotations

from datetime import tzinfo

from pydantic import BaseModel

from bowlby import models
from bowlby.errors import NotFound
from bowlby.practice import how_we_talk as talk
from bowlby.practice.how_we_talk import TalkMaterial, TalkView
from bowlby.services import cycle_maps, records
from bowlby.services import how_we_talk as service
from bowlby.services.chat_report import Analyse
from bowlby.store.engine import Store

PAGE = "/practice/how-we-talk"


class ChangeLine(BaseModel):
    who: str
    change: str


class TalkRow(TalkView):
    """A sitting as lists and its page show it: both changes named, whose it is, its link."""

    mine: bool
    visibility: str
    changes_named: list[ChangeLine]
    steps_summary: str
    url: str

    @classmethod
    def of(cls, view: TalkView, keyring: models.Keyring) -> TalkRow:
        return cls(
            **view.model_dump(exclude={"together", "common_enemy"}),
            mine=view.owner_id == keyring.profile_id,
            visibility=models.audience(view.shared_with_partner, view.shared_with_therapist)
            or "private",
            changes_named=[ChangeLine(who=who, change=text) for who, text in view.changes()],
            steps_summary=f"{len(view.steps_done)} of {view.steps_total}",
            url=f"{PAGE}/{view.id}",
        )


class Choice(BaseModel):
    id: str
    label: str


class TalkPage(BaseModel):
    paused_for_safety: bool
    paused_message: str | None
    title: str
    lead: str
    alone: bool
    alone_label: str
    material: TalkMaterial | None
    cycle_choices: list[Choice]
    talks: list[TalkRow]


class StepDone(BaseModel):
    id: str
    number: int
    title: str
    done: bool


class TalkDetailPage(BaseModel):
    paused_for_safety: bool
    paused_message: str | None
    talk: TalkRow
    cycle_name: str | None
    steps: list[StepDone]
    can_follow_up: bool
    went: list[Choice]


def build_talk_page(
    store: Store, keyring: models.Keyring, zone: tzinfo, *, analyse: Analyse | None = None
) -> TalkPage:
    """The walk with the viewer's material, or only their own sittings in safety mode."""
    paused = records.coaching_paused(store, keyring)
    material = None if paused else service.prepare(store, keyring, zone, analyse=analyse)
    whose = "mine" if paused else "all"
    alone = material is None or material.partner_name is None
    return TalkPage(
        paused_for_safety=paused,
        paused_message=records.PAUSED_FOR_SAFETY if paused else None,
        title=talk.wording("title"),
        lead=talk.wording("alone_lead" if alone and not paused else "lead"),
        alone=alone,
        alone_label=talk.wording("alone_label"),
        material=material,
        cycle_choices=[Choice(id=c.id, label=c.name) for c in material.cycles] if material else [],
        talks=[TalkRow.of(v, keyring) for v in service.list_talks(store, keyring, whose)],
    )


def build_detail_page(store: Store, keyring: models.Keyring, talk_id: str) -> TalkDetailPage:
    """One sitting; in safety mode only the person's own (what they wrote stays theirs)."""
    paused = records.coaching_paused(store, keyring)
    row = TalkRow.of(service.read_talk(store, keyring, talk_id), keyring)
    if paused and not row.mine:
        raise NotFound(f"There is no {service.LABEL} {talk_id} that you can read.")
    return TalkDetailPage(
        paused_for_safety=paused,
        paused_message=records.PAUSED_FOR_SAFETY if paused else None,
        talk=row,
        cycle_name=_cycle_name(store, keyring, row.cycle_id),
        steps=[
            StepDone(id=s.id, number=s.number, title=s.title, done=s.id in row.steps_done)
            for s in talk.steps()
        ],
        can_follow_up=row.mine and not paused,
        went=went_choices(),
    )


def went_choices() -> list[Choice]:
    return [Choice(id=key, label=label) for key, label in talk.went_labels().items()]


def _cycle_name(store: Store, keyring: models.Keyring, cycle_id: str | None) -> str | None:
    """The chosen cycle's name, when the reader may still see that cycle."""
    if not cycle_id:
        return None
    try:
        return cycle_maps.read_cycle(store, keyring, cycle_id).name
    except NotFound:
        return None
