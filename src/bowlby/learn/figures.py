"""The person's own figures as the guide shows them: the values (gathered by the services from
their own records only) and each figure's box in plain words, with or without data."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel

from bowlby.learn import wording as say
from bowlby.learn.article_body import FigureName
from bowlby.practice.repair_attempts import format_minutes
from bowlby.practice.soothing import ENOUGH_SESSIONS

QUICKER, SLOWER = 0.8, 1.25  # a change of a fifth either way counts as a trend


class PositionFigure(BaseModel):
    instrument: str
    taken_on: date
    anxiety: float
    avoidance: float
    anxiety_margin: float
    avoidance_margin: float
    uncertainty_known: bool
    region: str
    region_label: str
    near_boundary: bool
    not_a_verdict: str


class TriggerCount(BaseModel):
    label: str
    count: int


class ChatMoves(BaseModel):
    """The person's own messages of the last 30 days, and how many read as each move."""

    messages: int
    protest: int
    withdrawal: int
    horsemen: dict[str, int]
    capped_at: int | None = None


class RepairFigure(BaseModel):
    """The median over the latest few repairs, and over the few before them, if any."""

    repairs: int
    median_minutes: float
    earlier_median_minutes: float | None = None

    @property
    def trend(self) -> Literal["quicker", "slower", "steady"] | None:
        earlier = self.earlier_median_minutes
        if earlier is None or earlier <= 0:
            return None
        if self.median_minutes < earlier * QUICKER:
            return "quicker"
        return "slower" if self.median_minutes > earlier * SLOWER else "steady"


class SoothingFigure(BaseModel):
    sessions: int
    mean_drop: float
    low: float | None = None
    high: float | None = None


class PersonalFigures(BaseModel):
    """Everything the guide may show; None or empty means the person has no such records."""

    position: PositionFigure | None = None
    top_triggers: tuple[TriggerCount, ...] = ()
    chat_moves: ChatMoves | None = None
    time_to_repair: RepairFigure | None = None
    soothing_effect: SoothingFigure | None = None


class FigureView(BaseModel):
    """One figure's box: what it says and where to see more (or where to start)."""

    name: FigureName
    label: str
    title: str
    has_data: bool
    sentences: tuple[str, ...]
    href: str
    link_label: str
    command: str


def describe_figure(name: FigureName, figures: PersonalFigures) -> FigureView:
    """The box for one figure: the person's own numbers, or one kind sentence saying what
    would show them and where to start."""
    words = say.FIGURES[name]
    sentences = _SENTENCES[name](figures)
    has_data = bool(sentences)
    return FigureView(
        name=name,
        label=say.BOX_LABEL,
        title=words.title,
        has_data=has_data,
        sentences=sentences or (words.without,),
        href=words.href,
        link_label=words.see_label if has_data else words.start_label,
        command=words.see_command if has_data else words.start_command,
    )


def _position(figures: PersonalFigures) -> tuple[str, ...]:
    found = figures.position
    if found is None:
        return ()
    day = f"{found.taken_on.day} {found.taken_on:%B %Y}"
    margins = (
        (say.POSITION_MARGINS.format(**found.model_dump()),) if found.uncertainty_known else ()
    )
    near = (say.POSITION_NEAR,) if found.near_boundary else ()
    return (
        say.POSITION.format(day=day, **found.model_dump()),
        *margins,
        say.POSITION_REGION.format(region_label=found.region_label),
        *near,
        found.not_a_verdict,
    )


def _top_triggers(figures: PersonalFigures) -> tuple[str, ...]:
    if not figures.top_triggers:
        return ()
    items = [
        say.TRIGGER_ITEM.format(label=item.label, times=times(item.count))
        for item in figures.top_triggers
    ]
    listed = items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
    return (say.TRIGGERS.format(listed=listed),)


def times(count: int) -> str:
    return say.TIMES.get(count) or say.TIMES_MANY.format(count=count)


def _chat_moves(figures: PersonalFigures) -> tuple[str, ...]:
    moves = figures.chat_moves
    if moves is None or moves.messages == 0:
        return ()
    capped = () if moves.capped_at is None else (say.CHAT_CAPPED.format(cap=moves.capped_at),)
    return (
        say.CHAT_MOVES.format(**moves.model_dump(exclude={"horsemen"})),
        say.CHAT_HORSEMEN.format(**moves.horsemen),
        *capped,
        say.CHAT_ESTIMATE,
    )


def _time_to_repair(figures: PersonalFigures) -> tuple[str, ...]:
    repair = figures.time_to_repair
    if repair is None:
        return ()
    said = say.REPAIR.format(repairs=repair.repairs, duration=format_minutes(repair.median_minutes))
    trend = repair.trend
    if trend is None or repair.earlier_median_minutes is None:
        return (said,)
    earlier = format_minutes(repair.earlier_median_minutes)
    return (said, say.REPAIR_TRENDS[trend].format(earlier=earlier))


def _soothing_effect(figures: PersonalFigures) -> tuple[str, ...]:
    effect = figures.soothing_effect
    if effect is None or effect.sessions == 0:
        return ()
    moved = say.DROPPED if effect.mean_drop >= 0 else say.ROSE
    mean = abs(effect.mean_drop)
    if effect.sessions < ENOUGH_SESSIONS or effect.low is None or effect.high is None:
        sessions = say.SESSIONS.get(effect.sessions) or say.SESSIONS_MANY.format(
            count=effect.sessions
        )
        return (say.SOOTHING_EARLY.format(sessions=sessions, moved=moved, mean=mean),)
    low, high = effect.low, effect.high
    if effect.mean_drop < 0:  # a rise: its interval, lowest first
        low, high = -effect.high, -effect.low
    return (say.SOOTHING.format(count=effect.sessions, moved=moved, mean=mean, low=low, high=high),)


_SENTENCES = {
    "position": _position,
    "top_triggers": _top_triggers,
    "chat_moves": _chat_moves,
    "time_to_repair": _time_to_repair,
    "soothing_effect": _soothing_effect,
}
