"""The 5:1 ledger: one positive or negative interaction per entry, counted by local day, by ISO
week and over a rolling window. Estimated interactions (from chats, later) stay separable."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta, tzinfo
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import field_validator, model_validator

from bowlby import models
from bowlby.errors import InputError
from bowlby.journal.records import RecordInput, RecordView, ShortText, draft_of, view_fields

KIND = "interaction"
SIGNS = ("positive", "negative")
SIGN_ALIASES = {"+": "positive", "-": "negative", "−": "negative"}
SOURCES = ("logged", "estimated")
TARGET = 5.0
ROLLING_DAYS = 7

Sign = Literal["positive", "negative"]
Source = Literal["logged", "estimated"]


@dataclass(frozen=True)
class InteractionKind:
    id: str
    label: str
    hint: str


@cache
def interaction_kinds() -> dict[str, tuple[InteractionKind, ...]]:
    """The kinds of each sign, from practice/data/interaction_kinds.json."""
    text = resources.files("bowlby.practice").joinpath("data/interaction_kinds.json")
    data = json.loads(text.read_text("utf-8"))
    return {sign: tuple(InteractionKind(**kind) for kind in data[sign]) for sign in SIGNS}


def kind_label(kind: str | None) -> str:
    for kinds in interaction_kinds().values():
        for known in kinds:
            if known.id == kind:
                return known.label
    return ""


class InteractionInput(RecordInput):
    """One moment: warm (+) or hurtful (−), optionally of a kind, with an optional note."""

    sign: Sign
    kind: str | None = None
    note: ShortText = ""
    source: Source = "logged"

    @field_validator("sign", mode="before")
    @classmethod
    def _sign_aliases(cls, value: object) -> object:
        return SIGN_ALIASES.get(value, value) if isinstance(value, str) else value

    @field_validator("kind", mode="before")
    @classmethod
    def _blank_kind(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip().lower().replace(" ", "_").replace("-", "_")
        return value or None

    @model_validator(mode="after")
    def _kind_fits_sign(self) -> InteractionInput:
        if self.kind is None:
            return self
        allowed = [kind.id for kind in interaction_kinds()[self.sign]]
        if self.kind not in allowed:
            raise InputError(
                f"'{self.kind}' is not a {self.sign} kind; choose one of: {', '.join(allowed)}.",
                field="kind",
            )
        return self


class InteractionView(RecordView):
    sign: Sign
    kind: str | None
    kind_label: str
    note: str
    source: Source


def interaction_draft(moment: InteractionInput) -> models.EntryDraft:
    values: dict[str, models.PlainValue] = {
        "sign": moment.sign,
        "kind": moment.kind,
        "source": moment.source,
    }
    return draft_of(moment, KIND, values, {"note": moment.note})


def interaction_view(entry: models.Entry) -> InteractionView:
    kind = entry.values.get("kind")
    source: Source = "estimated" if entry.values.get("source") == "estimated" else "logged"
    return InteractionView(
        **view_fields(entry),
        sign="negative" if entry.values.get("sign") == "negative" else "positive",
        kind=str(kind) if kind else None,
        kind_label=kind_label(str(kind)) if kind else "",
        note=entry.text.get("note", ""),
        source=source,
    )


@dataclass(frozen=True)
class Tally:
    """Counts of one period, logged and estimated kept apart so either can be left out."""

    positive_logged: int = 0
    negative_logged: int = 0
    positive_estimated: int = 0
    negative_estimated: int = 0

    @property
    def positive(self) -> int:
        return self.positive_logged + self.positive_estimated

    @property
    def negative(self) -> int:
        return self.negative_logged + self.negative_estimated

    @property
    def total(self) -> int:
        return self.positive + self.negative

    @property
    def estimated(self) -> int:
        return self.positive_estimated + self.negative_estimated

    @property
    def ratio(self) -> float | None:
        """Positives per negative; None when there is no negative (never a division by 0)."""
        return self.positive / self.negative if self.negative else None

    def logged_only(self) -> Tally:
        return replace(self, positive_estimated=0, negative_estimated=0)

    def add(self, moment: InteractionView) -> Tally:
        field = f"{moment.sign}_{moment.source}"
        return replace(self, **{field: getattr(self, field) + 1})

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.positive_logged + other.positive_logged,
            self.negative_logged + other.negative_logged,
            self.positive_estimated + other.positive_estimated,
            self.negative_estimated + other.negative_estimated,
        )


@dataclass(frozen=True)
class RatioPeriod:
    """A day or an ISO week in the person's zone; ``tally`` is None when nothing was logged."""

    label: str
    first_day: date
    last_day: date
    tally: Tally | None


def describe_ratio(tally: Tally | None) -> str:
    """The ratio said honestly: '6 positive, none negative', '10 positive, 2 negative (5.0:1)'."""
    if tally is None or tally.total == 0:
        return "nothing logged"
    if tally.negative == 0:
        return f"{tally.positive} positive, none negative"
    if tally.positive == 0:
        return f"none positive, {tally.negative} negative"
    ratio = tally.ratio or 0.0
    return f"{tally.positive} positive, {tally.negative} negative ({format_ratio(ratio)})"


def format_ratio(ratio: float) -> str:
    return f"{ratio:.1f}:1"


def tally_by_day(moments: Iterable[InteractionView], zone: tzinfo) -> dict[date, Tally]:
    """Counts per local calendar day (a 23- or 25-hour DST day is still one day)."""
    days: dict[date, Tally] = {}
    for moment in moments:
        day = moment.occurred_at.astimezone(zone).date()
        days[day] = days.get(day, Tally()).add(moment)
    return days


def days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def ratio_by_day(
    moments: Sequence[InteractionView], zone: tzinfo, first: date, last: date
) -> list[RatioPeriod]:
    """Every day from first to last; a day with nothing logged has no tally, not 0:0."""
    days = tally_by_day(moments, zone)
    return [
        RatioPeriod(day.isoformat(), day, day, days.get(day)) for day in days_between(first, last)
    ]


def ratio_by_week(
    moments: Sequence[InteractionView], zone: tzinfo, first: date, last: date
) -> list[RatioPeriod]:
    """ISO weeks (Monday to Sunday) touching first..last, labelled like 2026-W10."""
    days = tally_by_day(moments, zone)
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        sunday = monday + timedelta(days=6)
        found = [days[d] for d in days_between(monday, sunday) if d in days]
        year, week, _ = monday.isocalendar()
        weeks.append(RatioPeriod(f"{year}-W{week:02}", monday, sunday, _sum(found)))
        monday += timedelta(days=7)
    return weeks


def rolling_ratio(
    moments: Sequence[InteractionView],
    zone: tzinfo,
    first: date,
    last: date,
    window: int = ROLLING_DAYS,
) -> list[RatioPeriod]:
    """For each day, the tally of the `window` days ending on it; None when all were empty."""
    days = tally_by_day(moments, zone)
    rolling = []
    for day in days_between(first, last):
        start = day - timedelta(days=window - 1)
        found = [days[d] for d in days_between(start, day) if d in days]
        rolling.append(RatioPeriod(day.isoformat(), start, day, _sum(found)))
    return rolling


def total_tally(moments: Iterable[InteractionView]) -> Tally:
    tally = Tally()
    for moment in moments:
        tally = tally.add(moment)
    return tally


def _sum(tallies: Sequence[Tally]) -> Tally | None:
    if not tallies:
        return None
    total = Tally()
    for tally in tallies:
        total = total + tally
    return total
