"""Self-soothing for the anxious pattern: guided exercises kept as data, each session's anxiety
rated before and after, and the effect of each exercise for this person, with its uncertainty.

The 95% interval uses Student's t distribution, computed here exactly for whole degrees of
freedom (Abramowitz & Stegun 26.7.3-4), so no statistics library is needed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Annotated, Any

from pydantic import BaseModel, Field, computed_field, field_validator

from bowlby import models
from bowlby.errors import InputError
from bowlby.journal.records import (
    LongText,
    Rating10,
    RecordInput,
    RecordView,
    draft_of,
    view_fields,
)

KIND = "soothing"
ENOUGH_SESSIONS = 3
Minutes = Annotated[float, Field(ge=0, le=240)]
PATTERNS = {
    "4-7-8": "breathing_478",
    "resonance": "resonance_breathing",
    "6": "resonance_breathing",
}


class Exercise(BaseModel):
    """One guided exercise: its steps as text (what shows without JavaScript) and, for paced
    breathing, the seconds of each phase the pacer follows."""

    id: str
    kind: str
    pattern: str
    title: str
    summary: str
    phases: dict[str, int]
    rounds: int
    steps: list[str]
    minutes: int | None = None
    meanwhile: list[str] = Field(default_factory=list)

    @property
    def round_seconds(self) -> int:
        return sum(self.phases.values())


@cache
def _data() -> dict[str, Any]:
    text = resources.files("bowlby.practice").joinpath("data", "soothing_exercises.json")
    data: dict[str, Any] = json.loads(text.read_text("utf-8"))
    return data


@cache
def exercises() -> tuple[Exercise, ...]:
    return tuple(Exercise.model_validate(item) for item in _data()["exercises"])


def exercises_note() -> str:
    return str(_data()["note"])


def say(key: str, **values: object) -> str:
    """One of the tool's sentences (kept in the data file so its tone is reviewed in one place)."""
    return str(_data()["texts"][key]).format(**values)


def exercise(exercise_id: str, field: str = "exercise") -> Exercise:
    """The exercise with this id, or an InputError listing the ones there are."""
    for known in exercises():
        if known.id == exercise_id:
            return known
    raise InputError(
        say("choose_exercise", known=", ".join(e.id for e in exercises())), field=field
    )


def breathing_exercise(pattern: str) -> Exercise:
    """`4-7-8` or `resonance` (six breaths a minute) as an exercise."""
    if pattern not in PATTERNS:
        raise InputError("choose 4-7-8 or resonance.", field="--pattern")
    return exercise(PATTERNS[pattern])


# One session ------------------------------------------------------------------------------


class SoothingInput(RecordInput):
    exercise: str
    anxiety_before: Rating10
    anxiety_after: Rating10
    minutes: Minutes = 0
    rounds: Annotated[int, Field(ge=0, le=100)] | None = None
    note: LongText = ""

    @field_validator("exercise")
    @classmethod
    def _known_exercise(cls, value: str) -> str:
        return exercise(value).id


class SoothingView(RecordView):
    exercise: str
    exercise_title: str
    anxiety_before: int
    anxiety_after: int
    minutes: float
    rounds: int | None
    note: str

    @computed_field  # type: ignore[prop-decorator]
    @property
    def drop(self) -> int:
        """How many points calmer afterwards (negative when anxiety rose)."""
        return self.anxiety_before - self.anxiety_after


def soothing_draft(session: SoothingInput) -> models.EntryDraft:
    values: dict[str, models.PlainValue] = {
        "exercise": session.exercise,
        "anxiety_before": session.anxiety_before,
        "anxiety_after": session.anxiety_after,
        "minutes": session.minutes,
        "rounds": session.rounds,
    }
    return draft_of(session, KIND, values, {"note": session.note})


def soothing_view(entry: models.Entry) -> SoothingView:
    exercise_id = str(entry.values.get("exercise") or "")
    titles = {e.id: e.title for e in exercises()}
    rounds = entry.values.get("rounds")
    return SoothingView(
        **view_fields(entry),
        exercise=exercise_id,
        exercise_title=titles.get(exercise_id, exercise_id),
        anxiety_before=int(entry.values.get("anxiety_before") or 0),
        anxiety_after=int(entry.values.get("anxiety_after") or 0),
        minutes=float(entry.values.get("minutes") or 0),
        rounds=None if rounds is None else int(rounds),
        note=entry.text.get("note", ""),
    )


# The effect of each exercise ----------------------------------------------------------------


class Effect(BaseModel):
    """The mean drop in anxiety over some sessions, with a 95% t interval from two sessions."""

    count: int
    mean_drop: float | None
    low: float | None
    high: float | None

    @property
    def enough(self) -> bool:
        return self.count >= ENOUGH_SESSIONS


class ExerciseEffect(Effect):
    exercise: str
    title: str
    sentence: str


def t_cdf_two_sided(t: float, df: int) -> float:
    """P(|T| <= t) for Student's t with whole ``df`` degrees of freedom (A&S 26.7.3-4)."""
    theta = math.atan(abs(t) / math.sqrt(df))
    cos2 = math.cos(theta) ** 2
    if df % 2:
        term, total = math.cos(theta), 0.0
        for k in range(1, (df - 1) // 2 + 1):
            total += term
            term *= cos2 * (2 * k) / (2 * k + 1)
        return 2 / math.pi * (theta + math.sin(theta) * total) if df > 1 else 2 * theta / math.pi
    term, total = 1.0, 0.0
    for k in range(1, df // 2 + 1):
        total += term
        term *= cos2 * (2 * k - 1) / (2 * k)
    return math.sin(theta) * total


def t_critical(df: int, level: float = 0.95) -> float:
    """The t value that leaves ``level`` of the distribution between -t and t (bisection)."""
    low, high = 0.0, 1e4
    for _ in range(200):
        middle = (low + high) / 2
        if t_cdf_two_sided(middle, df) < level:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def summarise_drops(drops: Sequence[float]) -> Effect:
    """Mean drop and its 95% interval; no interval from one session, none at all from zero."""
    count = len(drops)
    if count == 0:
        return Effect(count=0, mean_drop=None, low=None, high=None)
    mean = math.fsum(drops) / count
    if count == 1:
        return Effect(count=1, mean_drop=mean, low=None, high=None)
    variance = math.fsum((d - mean) ** 2 for d in drops) / (count - 1)
    half = t_critical(count - 1) * math.sqrt(variance / count)
    return Effect(count=count, mean_drop=mean, low=mean - half, high=mean + half)


def describe_effect(effect: Effect) -> str:
    """The effect in words, humbly: counts below three say only that it is too early."""
    if effect.count == 0 or effect.mean_drop is None:
        return say("no_sessions")
    if not effect.enough or effect.low is None or effect.high is None:
        return say("too_few", count=effect.count)
    count = effect.count
    if effect.mean_drop < 0:  # anxiety rose: the interval of the rise, lowest first
        low, high = _one(-effect.high), _one(-effect.low)
        return say("one_rise", rise=_one(-effect.mean_drop), low=low, high=high, count=count)
    low, high = _one(effect.low), _one(effect.high)
    return say("one_interval", mean=_one(effect.mean_drop), low=low, high=high, count=count)


def measure_effects(sessions: Sequence[SoothingView]) -> list[ExerciseEffect]:
    """One row per exercise, in the order the exercises are offered."""
    rows = []
    for known in exercises():
        effect = summarise_drops([s.drop for s in sessions if s.exercise == known.id])
        rows.append(
            ExerciseEffect(
                **effect.model_dump(),
                exercise=known.id,
                title=known.title,
                sentence=describe_effect(effect),
            )
        )
    return rows


def most_helpful(effects: Sequence[ExerciseEffect]) -> ExerciseEffect | None:
    """The exercise with the largest mean drop among those tried often enough, if it helps."""
    tried = [e for e in effects if e.enough and e.mean_drop is not None and e.mean_drop > 0]
    return max(tried, key=lambda e: e.mean_drop or 0.0, default=None)


def most_helpful_sentence(effects: Sequence[ExerciseEffect]) -> str:
    best = most_helpful(effects)
    if best is None or best.mean_drop is None:
        return say("best_unclear")
    return say("best", title=best.title, mean=_one(best.mean_drop))


def _one(number: float) -> str:
    """One decimal, without a minus sign on zero."""
    return f"{number + 0.0:.1f}".replace("-0.0", "0.0")
