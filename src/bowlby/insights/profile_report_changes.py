"""What changed over a person's period: each figure in its first stretch of days beside its
last (30 days each when the period is long enough, halves when it is shorter), measured from
their own records only. The layout words it humbly: a difference seen, not a cause proved."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TypeVar

from bowlby.journal.successes import SuccessView
from bowlby.journal.thought_records import ThoughtRecordView
from bowlby.journal.triggers import TriggerView
from bowlby.practice.ratio_ledger import InteractionView, Tally
from bowlby.practice.repair_attempts import RuptureView
from bowlby.practice.soothing import SoothingView

WINDOW_DAYS = 30
SHORTEST_DAYS = 14  # below this, first and last are too close to compare
Dated = TypeVar("Dated", InteractionView, SoothingView, ThoughtRecordView, TriggerView)


@dataclass(frozen=True)
class Records:
    """The person's own records in the period (the service filters them)."""

    checkins: tuple[datetime, ...] = ()
    interactions: tuple[InteractionView, ...] = ()
    ruptures: tuple[RuptureView, ...] = ()
    soothing: tuple[SoothingView, ...] = ()
    thoughts: tuple[ThoughtRecordView, ...] = ()
    triggers: tuple[TriggerView, ...] = ()
    successes: tuple[SuccessView, ...] = ()

    def moments(self) -> list[datetime]:
        """When anything was recorded: the period's real start when none is given."""
        found = list(self.checkins)
        for group in (
            self.interactions,
            self.ruptures,
            self.soothing,
            self.thoughts,
            self.triggers,
            self.successes,
        ):
            found.extend(record.occurred_at for record in group)
        return found


@dataclass(frozen=True)
class Window:
    first: date
    last: date
    checkin_days: int
    tally: Tally
    repair_minutes: float | None  # median time-to-repair of repairs in the window
    soothing_drop: float | None  # mean drop in anxiety, 0-10
    belief_drop: float | None  # mean drop in belief, 0-100
    triggers: int

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class Comparison:
    early: Window
    late: Window
    halves: bool  # the period was too short for 30 days each


def first_day(records: Records, zone: tzinfo) -> date | None:
    moments = records.moments()
    return min(moments).astimezone(zone).date() if moments else None


def compare(records: Records, first: date, last: date, zone: tzinfo) -> Comparison | None:
    """The first and last stretch of the period side by side; None when it is too short."""
    span = (last - first).days + 1
    if span < SHORTEST_DAYS:
        return None
    halves = span < 2 * WINDOW_DAYS
    size = span // 2 if halves else WINDOW_DAYS
    early = measure(records, first, first + timedelta(days=size - 1), zone)
    late = measure(records, last - timedelta(days=size - 1), last, zone)
    return Comparison(early, late, halves)


def measure(records: Records, first: date, last: date, zone: tzinfo) -> Window:
    """The figures of the days from ``first`` to ``last`` (local days, both included)."""

    def inside(moment: datetime) -> bool:
        return first <= moment.astimezone(zone).date() <= last

    tally = Tally()
    for moment in _within(records.interactions, inside):
        tally = tally.add(moment)
    repaired = [r for r in records.ruptures if r.repaired_at and inside(r.repaired_at)]
    minutes = [r.minutes_to_repair for r in repaired if r.minutes_to_repair is not None]
    sessions = _within(records.soothing, inside)
    rerated = [t for t in _within(records.thoughts, inside) if t.belief_drop is not None]
    return Window(
        first=first,
        last=last,
        checkin_days=len({m.astimezone(zone).date() for m in records.checkins if inside(m)}),
        tally=tally,
        repair_minutes=statistics.median(minutes) if minutes else None,
        soothing_drop=_mean([s.anxiety_before - s.anxiety_after for s in sessions]),
        belief_drop=_mean([float(t.belief_drop or 0) for t in rerated]),
        triggers=len(_within(records.triggers, inside)),
    )


def _within(records: Sequence[Dated], inside: Callable[[datetime], bool]) -> list[Dated]:
    return [record for record in records if inside(record.occurred_at)]


def _mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None
