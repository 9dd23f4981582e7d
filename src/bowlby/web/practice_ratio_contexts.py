"""The 5:1 ledger page's one typed context: rendered by practice_ratio.html and returned by
GET /api/practice/ratio. Counts are in the person's zone; empty periods stay empty."""

from __future__ import annotations

from datetime import date, timedelta, tzinfo

from pydantic import BaseModel

from bowlby import models
from bowlby.chats.chat_report import periods_by_day, periods_by_week
from bowlby.chats.report_text import ESTIMATED_NOTE, ratio_line
from bowlby.insights import plot_catalogue
from bowlby.practice import ratio_ledger as ledger
from bowlby.services import chat_report, plots, ratio_ledger, records
from bowlby.store.engine import Store
from bowlby.web import practice_ratio_messages as say

DAYS = 28
SPANS = {28: "4 weeks", 91: "3 months"}
TABLE_DAYS = 7
RECENT = 10


class PeriodRow(BaseModel):
    """One day, week or window: counts, or nothing at all when nothing was logged."""

    label: str
    first_day: date
    last_day: date
    empty: bool
    positive: int
    negative: int
    estimated: int
    ratio: float | None
    described: str
    meets_five: bool

    @classmethod
    def of(cls, period: ledger.RatioPeriod) -> PeriodRow:
        tally = period.tally or ledger.Tally()
        ratio = tally.ratio
        return cls(
            label=period.label,
            first_day=period.first_day,
            last_day=period.last_day,
            empty=period.tally is None,
            positive=tally.positive,
            negative=tally.negative,
            estimated=tally.estimated,
            ratio=None if ratio is None else round(ratio, 2),
            described=ledger.describe_ratio(period.tally),
            meets_five=bool(tally.positive) and (ratio is None or ratio >= ledger.TARGET),
        )


class KindChoice(BaseModel):
    id: str
    label: str
    hint: str


class ChartFigure(BaseModel):
    title: str
    description: str
    svg: str


class PersonWeeks(BaseModel):
    """One partner's weeks in the side-by-side view."""

    name: str
    mine: bool
    weeks: list[PeriodRow]


class ChatEstimate(BaseModel):
    """One imported chat's estimated warm and tense messages over the ledger's window: read
    from the chat when the page is built, never stored, and never in the couple's view."""

    chat_id: str
    name: str
    report_url: str
    last_7_days: PeriodRow
    last_7_days_said: str
    weeks: list[PeriodRow]


class RatioPage(BaseModel):
    zone: str
    days_shown: int
    spans: dict[int, str]
    paused_for_safety: bool
    paused_message: str | None
    today: PeriodRow
    last_7_days: PeriodRow
    days: list[PeriodRow]
    weeks: list[PeriodRow]
    has_estimated: bool
    estimated_chats: list[ChatEstimate]
    estimated_note: str
    chart: ChartFigure | None
    couple: list[PersonWeeks]
    recent: list[ledger.InteractionView]
    kinds: dict[str, list[KindChoice]]
    research_title: str
    research: list[str]
    sources: list[str]


def build_ratio_page(
    store: Store,
    keyring: models.Keyring,
    zone: tzinfo,
    today: date,
    *,
    days: int = DAYS,
    with_svg: bool = True,
) -> RatioPage:
    """The ledger over the last `days` days (4 weeks unless asked), in the person's zone."""
    paused = records.coaching_paused(store, keyring)
    first = today - timedelta(days=days - 1)
    mine, by_day, rolling = plots.ratio_periods(store, keyring, zone, first, today)
    weeks = ledger.ratio_by_week(mine, zone, first, today)
    return RatioPage(
        zone=str(zone),
        days_shown=days,
        spans=SPANS,
        paused_for_safety=paused,
        paused_message=records.PAUSED_FOR_SAFETY if paused else None,
        today=PeriodRow.of(by_day[-1]),
        last_7_days=PeriodRow.of(rolling[-1]),
        days=[PeriodRow.of(day) for day in reversed(by_day[-TABLE_DAYS:])],
        weeks=[PeriodRow.of(week) for week in reversed(weeks)],
        has_estimated=any(m.source == "estimated" for m in mine),
        estimated_chats=_chat_estimates(store, keyring, zone, first, today),
        estimated_note=ESTIMATED_NOTE,
        chart=_chart(plot_catalogue.ratio(by_day, rolling), with_svg),
        couple=[] if paused else _couple(store, keyring, zone, weeks, first, today),
        recent=mine[:RECENT],
        kinds={
            sign: [KindChoice(id=k.id, label=k.label, hint=k.hint) for k in kinds]
            for sign, kinds in ledger.interaction_kinds().items()
        },
        research_title=say.RESEARCH_TITLE,
        research=list(say.RESEARCH),
        sources=list(say.SOURCES),
    )


def _chat_estimates(
    store: Store, keyring: models.Keyring, zone: tzinfo, first: date, today: date
) -> list[ChatEstimate]:
    """The person's own chats, read for the window shown only (see services.chat_report)."""
    estimates = []
    for chat in chat_report.estimate_ratio(store, keyring, zone, first, today):
        days = periods_by_day(chat.days, first, today)
        weeks = periods_by_week(chat.days, first, today)
        recent = [day.tally for day in days[-ledger.ROLLING_DAYS :] if day.tally]
        week = ledger.RatioPeriod(
            "last 7 days",
            days[-ledger.ROLLING_DAYS :][0].first_day,
            today,
            sum(recent, ledger.Tally()) if recent else None,
        )
        estimates.append(
            ChatEstimate(
                chat_id=chat.chat_id,
                name=chat.name,
                report_url=f"/chats/{chat.chat_id}/report",
                last_7_days=PeriodRow.of(week),
                last_7_days_said=ratio_line(week.tally or ledger.Tally()),
                weeks=[PeriodRow.of(period) for period in reversed(weeks)],
            )
        )
    return estimates


def _moments(
    store: Store, keyring: models.Keyring, zone: tzinfo, since: date, whose: str
) -> list[ledger.InteractionView]:
    start = ratio_ledger.start_of(since, zone)
    return ratio_ledger.list_interactions(store, keyring, whose=whose, since=start)


def _chart(drawn: plot_catalogue.Drawn | None, with_svg: bool) -> ChartFigure | None:
    """The catalogue's ratio plot (the one `bowlby plot ratio` writes), once there is one."""
    if drawn is None:
        return None
    svg = drawn.svg() if with_svg else ""
    return ChartFigure(title=drawn.title, description=drawn.description, svg=svg)


def _couple(
    store: Store,
    keyring: models.Keyring,
    zone: tzinfo,
    my_weeks: list[ledger.RatioPeriod],
    first: date,
    today: date,
) -> list[PersonWeeks]:
    """Me and each linked partner who shared moments, week by week, newest week first."""
    shared = _moments(store, keyring, zone, first, "shared")
    if not shared:
        return []
    people = [PersonWeeks(name=keyring.name, mine=True, weeks=_rows(my_weeks))]
    for name in sorted({m.owner_name for m in shared}):
        theirs = [m for m in shared if m.owner_name == name]
        weeks = ledger.ratio_by_week(theirs, zone, first, today)
        people.append(PersonWeeks(name=name, mine=False, weeks=_rows(weeks)))
    return people


def _rows(periods: list[ledger.RatioPeriod]) -> list[PeriodRow]:
    return [PeriodRow.of(period) for period in reversed(periods)]
