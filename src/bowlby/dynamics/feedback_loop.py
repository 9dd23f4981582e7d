"""The person's own safety feedback loop, as daily series built from their own records: how
anxious each local day was, and whether a safe, reliable response came that day.

The seed says consistent, safe vulnerability reduces fear over time. Bowlby does not assert
it: it builds these two series and lets `feedback_loop_fit` estimate the lagged link, with
its uncertainty. Which records feed which series is kept as data below, so the rule can be
read and reviewed in one place.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from pydantic import BaseModel

from bowlby import models
from bowlby.journal import successes, triggers
from bowlby.practice import repair_attempts, soothing, vulnerability_windows


@dataclass(frozen=True)
class AnxietySource:
    """One kind of record whose plain value is an anxiety-like rating on the 0-10 scale."""

    kind: str
    field: str
    label: str
    scale_max: int = 10


@dataclass(frozen=True)
class SafeResponseRule:
    """One kind of record that counts as a safe, reliable response when ``field`` holds one
    of ``accepted`` (no field: every record of the kind counts); ``day_field`` names the
    plain value holding the moment of the response, when it is not the record's own time."""

    kind: str
    label: str
    field: str | None = None
    accepted: tuple[str, ...] = ()
    day_field: str | None = None


# Anxiety: ratings taken *before* calming down or sharing, so the exercise itself does not
# lower the day's figure; a trigger's strength is already 0-10 (journal.records.Rating10).
ANXIETY_SOURCES = (
    AnxietySource(soothing.KIND, "anxiety_before", "anxiety before self-soothing"),
    AnxietySource(
        vulnerability_windows.KIND, "discomfort_before", "discomfort before a vulnerability window"
    ),
    AnxietySource(triggers.KIND, "strength", "strength of a logged trigger"),
)
# Safe, reliable responses: the partner turned toward a share ("neutral" and "away" do not
# count), any moment in the success journal, and a rupture repaired (on the day of the repair).
SAFE_RESPONSES = (
    SafeResponseRule(
        vulnerability_windows.KIND,
        "your partner turned toward a vulnerability window",
        field="partner_response",
        accepted=("toward",),
    ),
    SafeResponseRule(successes.KIND, "a moment in your success journal"),
    SafeResponseRule(
        repair_attempts.KIND,
        "a rupture repaired",
        field="status",
        accepted=("repaired",),
        day_field="repaired_at",
    ),
)
KINDS = tuple(dict.fromkeys([s.kind for s in ANXIETY_SOURCES] + [r.kind for r in SAFE_RESPONSES]))


class Day(BaseModel):
    """One local day: its anxiety (None when nothing was rated) and its safe responses."""

    day: date
    anxiety: float | None = None
    anxiety_sources: list[str] = []
    safe_responses: int = 0
    safe_sources: list[str] = []

    @property
    def had_safe_response(self) -> bool:
        return self.safe_responses > 0


def day_anxiety(ratings: dict[str, list[float]]) -> float | None:
    """The mean over sources of each source's mean rating that day, so that five triggers
    logged on one day do not outweigh the one self-soothing session of the same day."""
    means = [math.fsum(values) / len(values) for values in ratings.values() if values]
    return math.fsum(means) / len(means) if means else None


def anxiety_rating(entry: models.Entry, source: AnxietySource) -> float | None:
    """The rating rescaled to 0-10, or None when the record has none."""
    value = entry.values.get(source.field)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return max(0.0, min(10.0, float(value) * 10 / source.scale_max))


def response_day(entry: models.Entry, rule: SafeResponseRule, zone: tzinfo) -> date | None:
    """The local day of a safe response, or None when the record is not one."""
    if rule.field is not None and entry.values.get(rule.field) not in rule.accepted:
        return None
    moment = entry.occurred_at
    if rule.day_field is not None:
        stored = entry.values.get(rule.day_field)
        if not stored:
            return None
        moment = datetime.fromisoformat(str(stored))
    return moment.astimezone(zone).date()


def daily_series(entries: Iterable[models.Entry], zone: tzinfo) -> list[Day]:
    """Every local day from the first to the last with a record, days without any included
    (as empty days), so that "the next day" is always the next calendar day, DST or not."""
    ratings: dict[date, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    safe: dict[date, list[str]] = defaultdict(list)
    for entry in entries:
        for source in ANXIETY_SOURCES:
            rating = anxiety_rating(entry, source) if entry.kind == source.kind else None
            if rating is not None:
                ratings[entry.occurred_at.astimezone(zone).date()][source.kind].append(rating)
        for rule in SAFE_RESPONSES:
            day = response_day(entry, rule, zone) if entry.kind == rule.kind else None
            if day is not None:
                safe[day].append(rule.kind)
    return fill_days(ratings, safe)


def fill_days(
    ratings: dict[date, dict[str, list[float]]], safe: dict[date, list[str]]
) -> list[Day]:
    known = set(ratings) | set(safe)
    if not known:
        return []
    first, last = min(known), max(known)
    days = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        rated = ratings.get(day, {})
        days.append(
            Day(
                day=day,
                anxiety=day_anxiety(rated),
                anxiety_sources=sorted(rated),
                safe_responses=len(safe.get(day, [])),
                safe_sources=sorted(set(safe.get(day, []))),
            )
        )
    return days


def anxiety_labels() -> dict[str, str]:
    return {source.kind: source.label for source in ANXIETY_SOURCES}


def safe_labels() -> dict[str, str]:
    return {rule.kind: rule.label for rule in SAFE_RESPONSES}


def until_day(series: Sequence[Day], last: date) -> list[Day]:
    """The series up to and including ``last`` (records dated later are left out)."""
    return [day for day in series if day.day <= last]
