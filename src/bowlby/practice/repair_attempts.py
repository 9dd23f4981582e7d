"""Emotional repair: a rupture logged when it happens, its repair added later to the same entry
(the rupture's first version stays in the history), time-to-repair and its trend, and the
phrase bank for the middle of a fight."""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, computed_field, field_validator

from bowlby import models
from bowlby.errors import InputError
from bowlby.journal.records import (
    Rating10,
    RecordInput,
    RecordView,
    ShortText,
    WhatHappened,
    draft_of,
    revised_draft,
    split_list,
    view_fields,
)

KIND = "repair"
HOWS = {
    "apology": "apology",
    "validation": "validation",
    "reconnection": "reconnection",
}
INITIATORS = {"me": "me", "partner": "my partner", "both": "both of us"}
INITIATOR_ALIASES = {"my partner": "partner", "them": "partner", "us": "both"}
ROLLING_COUNT = 5
MINUTES_PER_HOUR = 60
MINUTES_PER_DAY = 24 * 60

Initiator = Literal["me", "partner", "both"]


class RuptureInput(RecordInput):
    """A rupture as it happens: what, and how intense (0 to 10)."""

    what_happened: WhatHappened
    intensity: Rating10 = 5


class RepairInput(BaseModel):
    """How the two of you came back together, and when."""

    model_config = ConfigDict(extra="forbid")

    repaired_at: AwareDatetime
    how: list[str] = Field(min_length=1)
    initiated_by: Initiator
    note: ShortText = ""

    @field_validator("how", mode="before")
    @classmethod
    def _known_hows(cls, value: object) -> object:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return value
        chosen = [str(how).strip().lower() for how in value if str(how).strip()]
        unknown = [how for how in chosen if how not in HOWS]
        if unknown:
            raise InputError(
                f"'{unknown[0]}' is not a way of repairing; choose from: {', '.join(HOWS)}.",
                field="how",
            )
        if not chosen:
            raise InputError("choose at least one: " + ", ".join(HOWS) + ".", field="how")
        return list(dict.fromkeys(chosen))

    @field_validator("initiated_by", mode="before")
    @classmethod
    def _initiator_aliases(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip().lower()
            return INITIATOR_ALIASES.get(value, value)
        return value


class RuptureView(RecordView):
    what_happened: str
    intensity: int
    repaired_at: datetime | None
    how: list[str]
    initiated_by: Initiator | None
    initiated_by_label: str
    note: str
    minutes_to_repair: float | None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def is_open(self) -> bool:
        return self.repaired_at is None


def rupture_draft(rupture: RuptureInput) -> models.EntryDraft:
    values: dict[str, models.PlainValue] = {"intensity": rupture.intensity, "status": "open"}
    return draft_of(rupture, KIND, values, {"what_happened": rupture.what_happened})


def repaired_draft(rupture: models.Entry, repair: RepairInput) -> models.EntryDraft:
    """The same entry with its repair added; a repair before the rupture is refused.

    Compared in UTC: Python compares two times of one zone by wall clock, ignoring DST folds."""
    repaired_at = repair.repaired_at.astimezone(UTC)
    if repaired_at < rupture.occurred_at.astimezone(UTC):
        raise InputError(
            "the repair cannot come before the rupture; check the time of the repair.",
            field="repaired_at",
        )
    minutes = _minutes_between(rupture.occurred_at, repaired_at)
    values: dict[str, models.PlainValue] = {
        **rupture.values,
        "status": "repaired",
        "repaired_at": repaired_at.isoformat(),
        "how": ",".join(repair.how),
        "initiated_by": repair.initiated_by,
        "minutes_to_repair": round(minutes, 1),
    }
    return revised_draft(rupture, values, {**rupture.text, "repair_note": repair.note})


def rupture_view(entry: models.Entry) -> RuptureView:
    repaired = entry.values.get("repaired_at")
    repaired_at = datetime.fromisoformat(str(repaired)) if repaired else None
    initiator = str(entry.values.get("initiated_by") or "") or None
    return RuptureView(
        **view_fields(entry),
        what_happened=entry.text.get("what_happened", ""),
        intensity=int(entry.values.get("intensity") or 0),  # type: ignore[arg-type]
        repaired_at=repaired_at,
        how=split_list(entry.values.get("how")),
        initiated_by=initiator,  # type: ignore[arg-type]
        initiated_by_label=INITIATORS.get(initiator or "", ""),
        note=entry.text.get("repair_note", ""),
        minutes_to_repair=(
            _minutes_between(entry.occurred_at, repaired_at) if repaired_at else None
        ),
    )


def open_minutes(rupture: RuptureView, now: datetime) -> float:
    """How long an open rupture has been open so far (never counted as a repair time)."""
    return max(0.0, _minutes_between(rupture.occurred_at, now))


def _minutes_between(start: datetime, end: datetime) -> float:
    return (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() / 60


def format_minutes(minutes: float) -> str:
    """'40 minutes', '3 hours 5 minutes', '2 days 4 hours': minutes, not days, is the aim."""
    whole = round(minutes)
    if whole < 1:
        return "less than a minute"
    if whole < MINUTES_PER_HOUR:
        return _plural(whole, "minute")
    if whole < MINUTES_PER_DAY:
        hours, rest = divmod(whole, MINUTES_PER_HOUR)
        return _plural(hours, "hour") + (f" {_plural(rest, 'minute')}" if rest else "")
    days, rest = divmod(whole, MINUTES_PER_DAY)
    hours = rest // MINUTES_PER_HOUR
    return _plural(days, "day") + (f" {_plural(hours, 'hour')}" if hours else "")


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class RepairTrendPoint:
    """The median time-to-repair of one local month, or of the last few repairs up to one."""

    label: str
    median_minutes: float
    repaired: int


def repaired_only(ruptures: Sequence[RuptureView]) -> list[RuptureView]:
    """Repaired ruptures, oldest first; open ones are left out, never counted as zero."""
    done = [r for r in ruptures if r.minutes_to_repair is not None]
    return sorted(done, key=lambda r: r.occurred_at)


def median_by_month(ruptures: Sequence[RuptureView], zone: tzinfo) -> list[RepairTrendPoint]:
    """Median minutes to repair per local month of the rupture (months without repairs skipped)."""
    months: dict[str, list[float]] = {}
    for rupture in repaired_only(ruptures):
        month = rupture.occurred_at.astimezone(zone).strftime("%Y-%m")
        months.setdefault(month, []).append(rupture.minutes_to_repair or 0.0)
    return [
        RepairTrendPoint(month, statistics.median(minutes), len(minutes))
        for month, minutes in months.items()
    ]


def rolling_median(
    ruptures: Sequence[RuptureView], zone: tzinfo, count: int = ROLLING_COUNT
) -> list[RepairTrendPoint]:
    """After each repair, the median of it and the few before it: the trend without months."""
    done = repaired_only(ruptures)
    points = []
    for index, rupture in enumerate(done):
        recent = [r.minutes_to_repair or 0.0 for r in done[max(0, index + 1 - count) : index + 1]]
        label = rupture.occurred_at.astimezone(zone).date().isoformat()
        points.append(RepairTrendPoint(label, statistics.median(recent), len(recent)))
    return points


@dataclass(frozen=True)
class PhrasePurpose:
    id: str
    title: str
    use: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class PhraseBank:
    note: str
    purposes: tuple[PhrasePurpose, ...]


@cache
def phrase_bank() -> PhraseBank:
    """Our own repair-attempt phrases, grouped by what they are for."""
    text = resources.files("bowlby.practice").joinpath("data/repair_phrases.json")
    data = json.loads(text.read_text("utf-8"))
    purposes = tuple(
        PhrasePurpose(p["id"], p["title"], p["use"], tuple(p["phrases"])) for p in data["purposes"]
    )
    return PhraseBank(data["note"], purposes)


def phrases_for(purpose: str | None) -> tuple[PhrasePurpose, ...]:
    """One purpose's phrases (by id or the start of its title), or all of them."""
    purposes = phrase_bank().purposes
    if not purpose:
        return purposes
    wanted = purpose.strip().lower()
    found = [p for p in purposes if p.id == wanted or p.title.lower().startswith(wanted)]
    if not found:
        ids = ", ".join(p.id for p in purposes)
        raise InputError(f"'{purpose}' is not a purpose; choose one of: {ids}.", field="purpose")
    return tuple(found)
