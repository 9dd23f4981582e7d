"""What if one partner answered differently? Change one parameter of a fitted model and run both
models forward, noise-free, from the same start.

The changes, in plain words (one per parameter, the same for every form where it applies):
- ``negative_slope`` — respond to the other's negativity with less (or more) negativity;
- ``repair`` (= ``positive_slope``; the ``positive`` level in the step form) — "repair sooner":
  let the other's positive turns, repairs among them, pull this partner up more strongly;
- ``threshold`` — a higher negativity threshold: only the other's turns more negative than
  this (a score ≤ 0) move this partner down. A bilinear model has no threshold, so the change
  turns it into the threshold form with the same slopes; in the step form it moves F;
- ``inertia``, ``constant`` — how much a partner carries on from their own last turn, and
  where they lean on their own;
- the step form's levels ``very_negative``, ``negative``, ``positive``, ``very_positive``
  and its ``positive_threshold``.
A what-if is a sketch of the model, not a forecast of the couple.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from bowlby.dynamics.conversations import Conversation
from bowlby.dynamics.model import (
    Bilinear,
    CoupleModel,
    Influence,
    Ojive,
    PartnerModel,
    SteadyState,
    ThresholdBilinear,
    Trajectory,
    simulate,
    steady_states,
)
from bowlby.errors import InputError

Role = Literal["first", "second"]
ALIASES = {"repair": "positive_slope"}
PARTNER_PARAMETERS = ("constant", "inertia")
SLOPE_PARAMETERS = ("negative_slope", "positive_slope", "threshold")
OJIVE_PARAMETERS = (
    "very_negative",
    "negative",
    "positive",
    "very_positive",
    "threshold",
    "positive_threshold",
)
PARAMETERS = tuple(
    dict.fromkeys((*PARTNER_PARAMETERS, *SLOPE_PARAMETERS, *OJIVE_PARAMETERS, *ALIASES))
)


@dataclass(frozen=True)
class Change:
    """One parameter of one partner's equation (``partner`` is "first" or "second")."""

    partner: Role
    parameter: str
    value: float


class WhatIf(NamedTuple):
    """Both runs from the same start and both models' settling points."""

    before: Trajectory
    after: Trajectory
    before_states: list[SteadyState]
    after_states: list[SteadyState]


def parse_change(text: str, who: str, names: tuple[str, str]) -> Change:
    """A change written "negative_slope=0.2", for the partner named ``who`` (one of
    ``names``, first speaker first)."""
    if who not in names:
        raise InputError(f"'{who}' is not one of the partners ({', '.join(names)}).", field="who")
    parameter, sign, value = text.partition("=")
    parameter = parameter.strip()
    if not sign or parameter not in PARAMETERS:
        known = ", ".join(PARAMETERS)
        raise InputError(
            f"Write the change as name=value, with a name out of {known}.", field="change"
        )
    try:
        number = float(value)
    except ValueError:
        raise InputError(f"'{value.strip()}' is not a number.", field="change") from None
    role: Role = "first" if who == names[0] else "second"
    return Change(role, parameter, number)


def apply_change(model: CoupleModel, change: Change) -> CoupleModel:
    """The model with one parameter of one partner changed; everything else kept."""
    if not math.isfinite(change.value):
        raise InputError("The new value must be a finite number.", field="change")
    partner = model.first if change.partner == "first" else model.second
    changed = _changed_partner(
        partner, ALIASES.get(change.parameter, change.parameter), change.value
    )
    if change.partner == "first":
        return replace(model, first=changed)
    return replace(model, second=changed)


def compare(
    model: CoupleModel, changed: CoupleModel, start: tuple[float, float], turns: int = 30
) -> WhatIf:
    """Both models run noise-free from ``start`` for ``turns`` steps, scores kept on the scale."""
    if turns < 1:
        raise InputError("Run the models forward at least one turn.", field="turns")
    return WhatIf(
        simulate(model, start, turns),
        simulate(changed, start, turns),
        steady_states(model),
        steady_states(changed),
    )


def _changed_partner(partner: PartnerModel, parameter: str, value: float) -> PartnerModel:
    if parameter == "constant":
        return replace(partner, constant=value)
    if parameter == "inertia":
        return replace(partner, inertia=value)
    return replace(partner, influence=_changed_influence(partner.influence, parameter, value))


def _changed_influence(influence: Influence, parameter: str, value: float) -> Influence:
    if isinstance(influence, Ojive):
        return _changed_ojive(influence, parameter, value)
    if isinstance(influence, Bilinear | ThresholdBilinear) and parameter in SLOPE_PARAMETERS:
        if parameter == "threshold":
            _check_threshold(value)
            return ThresholdBilinear(influence.negative_slope, influence.positive_slope, value)
        if parameter == "negative_slope":
            return replace(influence, negative_slope=value)
        return replace(influence, positive_slope=value)
    raise InputError(_not_in_form(parameter, influence.kind), field="change")


def _changed_ojive(influence: Ojive, parameter: str, value: float) -> Ojive:
    parameter = {"threshold": "negative_threshold", "positive_slope": "positive"}.get(
        parameter, parameter
    )
    if parameter == "negative_threshold":
        _check_threshold(value)
    if parameter == "positive_threshold" and value < 0:
        raise InputError("A positive threshold is 0 or above.", field="change")
    if parameter not in influence.parameters():
        raise InputError(_not_in_form(parameter, influence.kind), field="change")
    return replace(influence, **{parameter: value})


def _check_threshold(value: float) -> None:
    if value > 0:
        raise InputError(
            "A negativity threshold is a score of 0 or below (-2 means only turns more "
            "negative than -2 move this partner down).",
            field="change",
        )


def _not_in_form(parameter: str, kind: str) -> str:
    return f"The {kind} form has no '{parameter}' to change."


def hardest_opening(
    conversations: list[Conversation], names: tuple[str, str]
) -> tuple[float, float]:
    """The most tense opening among the conversations (the lowest sum of both partners' first
    turns), first speaker first: a change shows most clearly from a hard start."""
    openings = []
    for conversation in conversations:
        scores = {turn.partner: turn.score for turn in reversed(conversation.turns[:2])}
        if names[0] in scores and names[1] in scores:
            openings.append((scores[names[0]], scores[names[1]]))
    return min(openings, key=sum, default=(0.0, 0.0))
