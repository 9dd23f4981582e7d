"""The cycle map: each partner's side of the pursue–withdraw loop (what sets it off, what they
feel underneath, what they do), stored as entries, and the loop the two sides make together.

A cycle is an entry of its own (its name, shared so the partner can add a side); each side is
its author's own entry pointing at the cycle, so each person writes only their own words. A
side may also be a person's best guess at their partner's side, clearly marked as a guess.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from bowlby import models
from bowlby.errors import InputError
from bowlby.journal import vocabulary
from bowlby.journal.records import (
    RecordInput,
    RecordView,
    ShortText,
    draft_of,
    split_list,
    view_fields,
)
from bowlby.journal.vocabulary import Choice

CYCLE_KIND = "cycle"
SIDE_KIND = "cycle_side"
CycleName = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Lane = Literal["first", "second"]
Role = Literal["reads", "feels", "does"]
ROLES: tuple[Role, ...] = ("reads", "feels", "does")


@cache
def _data() -> dict[str, Any]:
    text = resources.files("bowlby.practice").joinpath("data", "cycle_map.json").read_text()
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def moves() -> tuple[Choice, ...]:
    """What a person does when the cycle starts: protest or withdrawal moves (data file)."""
    return tuple(Choice(m["id"], m["label"], m["direction"]) for m in _data()["moves"])


@cache
def prompts() -> dict[str, Choice]:
    """The builder's six prompts (trigger, feel, do, reads, their_feel, their_do), explained."""
    return {key: Choice(key, p["label"], p["hint"]) for key, p in _data()["prompts"].items()}


@cache
def feeling_words() -> tuple[str, ...]:
    """The journal's emotion names, every family, in its order."""
    return tuple(name for names in vocabulary.emotion_families().values() for name in names)


class CycleInput(RecordInput):
    """A cycle: only its name, in the couple's own words ("the silence after plans change")."""

    name: CycleName

    @field_validator("name")
    @classmethod
    def _named(cls, value: str) -> str:
        if not value:
            raise ValueError("give the cycle a name, in a few words of your own")
        return value


class SideInput(RecordInput):
    """One side of the loop: what sets it off (or, for a guess, how they read it), what is
    felt underneath, and what is done."""

    cycle_id: str
    guess: bool = False
    trigger: ShortText = ""
    feelings: list[str] = Field(default_factory=list)
    core_fear: str | None = None
    feel: ShortText = ""
    move: str = "other"
    do: ShortText = ""

    @field_validator("feelings")
    @classmethod
    def _known_feelings(cls, value: list[str]) -> list[str]:
        known = feeling_words()
        chosen = list(dict.fromkeys(word.strip() for word in value if word.strip()))
        unknown = [word for word in chosen if word not in known]
        if unknown:
            raise InputError(f"'{unknown[0]}' is not in the emotion list.", field="feelings")
        return chosen

    @field_validator("core_fear")
    @classmethod
    def _known_fear(cls, value: str | None) -> str | None:
        if value:
            return vocabulary.pick(vocabulary.core_fears(), value, "core_fear").id
        return None

    @field_validator("move")
    @classmethod
    def _known_move(cls, value: str) -> str:
        return vocabulary.pick(moves(), value or "other", "move").id

    @model_validator(mode="after")
    def _every_step_said(self) -> SideInput:
        if not self.trigger:
            raise InputError("say what sets it off, in a few words.", field="trigger")
        if not (self.feelings or self.core_fear or self.feel):
            raise InputError("choose or write what is felt underneath.", field="feel")
        if self.move == "other" and not self.do:
            raise InputError("choose what is done, or say it in your own words.", field="do")
        return self


class CycleView(RecordView):
    owner_id: str
    name: str


class SideView(RecordView):
    owner_id: str
    cycle_id: str
    guess: bool
    trigger: str
    feelings: list[str]
    core_fear: str | None
    core_fear_label: str | None
    feel: str
    move: str
    move_label: str
    move_direction: str
    do: str


def cycle_draft(cycle: CycleInput) -> models.EntryDraft:
    return draft_of(cycle, CYCLE_KIND, {}, {"name": cycle.name})


def cycle_view(entry: models.Entry) -> CycleView:
    return CycleView(**view_fields(entry), owner_id=entry.owner_id, name=entry.text.get("name", ""))


def side_draft(side: SideInput) -> models.EntryDraft:
    move = vocabulary.pick(moves(), side.move, "move")
    values: dict[str, models.PlainValue] = {
        "cycle_id": side.cycle_id,
        "guess": side.guess,
        "move": move.id,
        "move_direction": move.detail,
        "core_fear": side.core_fear,
    }
    text = {
        "trigger": side.trigger,
        "feelings": ",".join(side.feelings),
        "feel": side.feel,
        "do": side.do,
    }
    return draft_of(side, SIDE_KIND, values, text)


def side_view(entry: models.Entry) -> SideView:
    fear = entry.values.get("core_fear")
    move = str(entry.values.get("move") or "other")
    return SideView(
        **view_fields(entry),
        owner_id=entry.owner_id,
        cycle_id=str(entry.values.get("cycle_id") or ""),
        guess=bool(entry.values.get("guess")),
        trigger=entry.text.get("trigger", ""),
        feelings=split_list(entry.text.get("feelings")),
        core_fear=str(fear) if fear else None,
        core_fear_label=vocabulary.label_of(vocabulary.core_fears(), str(fear)) if fear else None,
        feel=entry.text.get("feel", ""),
        move=move,
        move_label=vocabulary.label_of(moves(), move),
        move_direction=str(entry.values.get("move_direction") or "other"),
        do=entry.text.get("do", ""),
    )


def side_input_of(side: SideView) -> SideInput:
    """A side as the input that would write it again (to revise it)."""
    return SideInput(
        occurred_at=side.occurred_at,
        shared_with_partner=side.shared_with_partner,
        shared_with_therapist=side.shared_with_therapist,
        **side.model_dump(
            include={"cycle_id", "guess", "trigger", "feelings", "core_fear", "feel", "move", "do"}
        ),
    )


# The loop ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoopStep:
    """One box of the loop: whose, which step, its heading and its words."""

    lane: Lane
    role: Role
    heading: str
    text: str
    guess: bool = False

    @property
    def key(self) -> str:
        return f"{self.lane}-{self.role}"


@dataclass(frozen=True)
class LoopLane:
    """One person in the loop, and the side drawn for them (their own, a guess, or none)."""

    lane: Lane
    name: str
    side: SideView | None
    guessed_by: str | None

    @property
    def legend(self) -> str:
        if self.side is None:
            return f"{self.name}: not filled in yet"
        if self.guessed_by:
            return f"{self.name}, as {self.guessed_by} guesses it"
        return f"{self.name}, in their own words"


@dataclass(frozen=True)
class CycleLoop:
    """The whole loop: the cycle's name and both lanes, with the steps in the loop's order."""

    name: str
    first: LoopLane
    second: LoopLane

    @property
    def steps(self) -> tuple[LoopStep, ...]:
        return (*lane_steps(self.first), *lane_steps(self.second))


HEADINGS: dict[Role, str] = {
    "reads": "{name} sees it as",
    "feels": "{name} feels underneath",
    "does": "{name} does",
}


def build_loop(
    cycle: CycleView, sides: Sequence[SideView], *, other_name: str = "My partner"
) -> CycleLoop:
    """The loop as the reader can see it: the cycle's creator first, the other person second;
    each drawn from their own side when it is visible, else from a guess about them.

    ``other_name`` names the second person when no visible side says who they are."""
    own = [side for side in sides if not side.guess]
    others = [side for side in own if side.owner_id != cycle.owner_id]
    first_own = next((s for s in own if s.owner_id == cycle.owner_id), None)
    second_name = others[0].owner_name if others else other_name
    first_guess = next((s for s in sides if s.guess and s.owner_id != cycle.owner_id), None)
    second_guess = next((s for s in sides if s.guess and s.owner_id == cycle.owner_id), None)
    return CycleLoop(
        name=cycle.name,
        first=_lane("first", cycle.owner_name, first_own, first_guess),
        second=_lane("second", second_name, others[0] if others else None, second_guess),
    )


def _lane(lane: Lane, name: str, own: SideView | None, guess: SideView | None) -> LoopLane:
    if own is not None:
        return LoopLane(lane, name, own, None)
    if guess is not None:
        return LoopLane(lane, name, guess, guess.owner_name)
    return LoopLane(lane, name, None, None)


def lane_steps(lane: LoopLane) -> tuple[LoopStep, ...]:
    mark = " (a guess)" if lane.guessed_by else ""
    return tuple(
        LoopStep(
            lane=lane.lane,
            role=role,
            heading=HEADINGS[role].format(name=lane.name) + mark,
            text=step_text(lane.side, role) if lane.side else "…",
            guess=bool(lane.guessed_by),
        )
        for role in ROLES
    )


def step_text(side: SideView, role: Role) -> str:
    """A side's words for one step: the trigger, the feelings (words, fear, own words), or
    the move and what was done."""
    if role == "reads":
        return side.trigger
    if role == "feels":
        parts = [", ".join(side.feelings), side.core_fear_label or "", side.feel]
        return "; ".join(part for part in parts if part)
    move = "" if side.move == "other" else side.move_label
    return "; ".join(part for part in (move, side.do) if part)


def loop_lines(loop: CycleLoop) -> list[str]:
    """The loop as plain lines, in order, ending where it starts again (terminal, text list)."""
    lines = [f"The two of us against: {loop.name}"]
    lines += [f"{step.heading}: {step.text}" for step in loop.steps]
    lines.append(f"… and round again: {loop.first.name} sees it as …")
    return lines
