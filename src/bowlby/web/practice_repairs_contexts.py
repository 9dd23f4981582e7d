"""The repair pages' typed contexts: the overview (open ruptures with their age, repaired ones
with their time, the trend), one rupture's repair form, and the phrase bank."""

from __future__ import annotations

from datetime import datetime, tzinfo

from pydantic import BaseModel

from bowlby import models
from bowlby.insights import plot_catalogue
from bowlby.practice import repair_attempts as repairs
from bowlby.services import records
from bowlby.services import repairs as service
from bowlby.store.engine import Store

LIST_COUNT = 50


class RuptureRow(repairs.RuptureView):
    """A rupture as a list shows it: its repair time, or how long it has been open so far."""

    duration: str | None
    open_for: str | None

    @classmethod
    def of(cls, view: repairs.RuptureView, now: datetime) -> RuptureRow:
        minutes = view.minutes_to_repair
        return cls(
            **view.model_dump(exclude={"is_open"}),
            duration=None if minutes is None else repairs.format_minutes(minutes),
            open_for=(
                repairs.format_minutes(repairs.open_minutes(view, now)) if view.is_open else None
            ),
        )


class TrendRow(BaseModel):
    label: str
    median_minutes: float
    median: str
    repaired: int


class Choice(BaseModel):
    id: str
    label: str


class ChartFigure(BaseModel):
    title: str
    description: str
    svg: str


class RepairsPage(BaseModel):
    paused_for_safety: bool
    paused_message: str | None
    open: list[RuptureRow]
    repaired: list[RuptureRow]
    shared_with_me: list[RuptureRow]
    trend: list[TrendRow]
    chart: ChartFigure | None
    hows: list[Choice]
    initiators: list[Choice]


class RepairFormPage(BaseModel):
    paused_for_safety: bool
    paused_message: str | None
    rupture: RuptureRow
    hows: list[Choice]
    initiators: list[Choice]


class PhrasePurposeView(BaseModel):
    id: str
    title: str
    use: str
    phrases: list[str]


class PhrasesPage(BaseModel):
    paused_for_safety: bool
    paused_message: str | None
    note: str
    purposes: list[PhrasePurposeView]


def hows() -> list[Choice]:
    return [Choice(id=key, label=label) for key, label in repairs.HOWS.items()]


def initiators() -> list[Choice]:
    return [Choice(id=key, label=label) for key, label in repairs.INITIATORS.items()]


def build_repairs_page(
    store: Store, keyring: models.Keyring, zone: tzinfo, now: datetime, *, with_svg: bool = True
) -> RepairsPage:
    paused = records.coaching_paused(store, keyring)
    mine = service.list_ruptures(store, keyring)
    rows = [RuptureRow.of(view, now) for view in mine]
    shared = [] if paused else service.list_ruptures(store, keyring, whose="shared")
    months = repairs.median_by_month(mine, zone)
    return RepairsPage(
        paused_for_safety=paused,
        paused_message=records.PAUSED_FOR_SAFETY if paused else None,
        open=[row for row in rows if row.is_open],
        repaired=[row for row in rows if not row.is_open][:LIST_COUNT],
        shared_with_me=[RuptureRow.of(view, now) for view in shared][:LIST_COUNT],
        trend=[
            TrendRow(
                label=m.label,
                median_minutes=round(m.median_minutes, 1),
                median=repairs.format_minutes(m.median_minutes),
                repaired=m.repaired,
            )
            for m in months
        ],
        chart=_chart(plot_catalogue.repairs(mine, months, zone, now), with_svg),
        hows=hows(),
        initiators=initiators(),
    )


def _chart(drawn: plot_catalogue.Drawn | None, with_svg: bool) -> ChartFigure | None:
    """The catalogue's repairs plot (the one `bowlby plot repairs` writes), once there is one."""
    if drawn is None:
        return None
    svg = drawn.svg() if with_svg else ""
    return ChartFigure(title=drawn.title, description=drawn.description, svg=svg)


def build_repair_form(
    store: Store, keyring: models.Keyring, rupture_id: str, now: datetime
) -> RepairFormPage:
    paused = records.coaching_paused(store, keyring)
    return RepairFormPage(
        paused_for_safety=paused,
        paused_message=records.PAUSED_FOR_SAFETY if paused else None,
        rupture=RuptureRow.of(service.read_rupture(store, keyring, rupture_id), now),
        hows=hows(),
        initiators=initiators(),
    )


def build_phrases_page(store: Store, keyring: models.Keyring) -> PhrasesPage:
    paused = records.coaching_paused(store, keyring)
    bank = repairs.phrase_bank()
    return PhrasesPage(
        paused_for_safety=paused,
        paused_message=records.PAUSED_FOR_SAFETY if paused else None,
        note=bank.note,
        purposes=[]
        if paused
        else [
            PhrasePurposeView(id=p.id, title=p.title, use=p.use, phrases=list(p.phrases))
            for p in bank.purposes
        ],
    )
