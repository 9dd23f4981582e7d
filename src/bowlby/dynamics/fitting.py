"""Fit the couple influence model to scored conversations (DYNAMICS.md): one-step least squares
by default, the original two-step method for comparison, forms chosen by BIC, and every
number with a moving-block bootstrap interval, hidden (with the reason) when the data are too
thin to carry it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from bowlby.dynamics import messages
from bowlby.dynamics.conversations import Conversation
from bowlby.dynamics.estimation import (
    FAMILIES,
    METHODS,
    MIN_NEUTRAL,
    Family,
    Method,
    Solution,
    block_weights,
    candidates_of,
)
from bowlby.dynamics.estimation import solve as solve_partner
from bowlby.dynamics.model import CoupleModel, Form
from bowlby.dynamics.pairs import CouplePairs, Pairs, build_pairs
from bowlby.dynamics.reporting import (
    MIN_PAIRS_STEADY,
    Estimate,
    InfluencedState,
    partner_estimates,
    state_intervals,
)
from bowlby.errors import InputError

MIN_PAIRS = 100  # refuse below this many pairs per partner
MIN_PAIRS_THRESHOLD = 300  # threshold and step forms from here on
Choice = Literal["bilinear", "threshold", "ojive", "auto"]

__all__ = ["CoupleFit", "Estimate", "InfluencedState", "TooFewTurns", "fit_as_json", "fit_couple"]


class TooFewTurns(InputError):
    """Too few turn pairs for a fit that would mean anything; says how many and how many."""

    def __init__(self, message: str, *, have: int, need: int) -> None:
        super().__init__(message)
        self.have = have
        self.need = need


@dataclass(frozen=True)
class PairCounts:
    first: int
    second: int

    @property
    def total(self) -> int:
        return self.first + self.second


@dataclass(frozen=True)
class ModelComparison:
    """BIC per candidate form (summed over both partners; lower is better) and the choice."""

    bic: dict[str, float]
    chosen: str
    why: str


@dataclass(frozen=True)
class CoupleFit:
    model: CoupleModel
    form: Form
    method: Method
    influence: Family
    first_speaker: str
    second_speaker: str
    scoring_version: str
    n_pairs: PairCounts
    first: dict[str, Estimate]
    second: dict[str, Estimate]
    steady_states: tuple[InfluencedState, ...]
    comparison: ModelComparison
    notes: tuple[str, ...]
    bootstrap: int
    seed: int
    residual_sd: tuple[float, float]


def fit_couple(
    conversations: Sequence[Conversation],
    *,
    form: Form = "turn",
    method: Method = "one_step",
    influence: Choice = "bilinear",
    bootstrap: int = 200,
    seed: int = 0,
) -> CoupleFit:
    """Fit both partners' equations; refuse (TooFewTurns) below MIN_PAIRS pairs a partner."""
    _check_choices(method, influence, bootstrap)
    pairs = build_pairs(conversations, form)
    _require(pairs, MIN_PAIRS, "bilinear")
    families = _families(pairs, influence)
    rng = np.random.default_rng(seed)
    weights = [block_weights(side.count, bootstrap, rng) for side in (pairs.first, pairs.second)]
    fits = {family: _fit_family(pairs, family, method, weights) for family in families}
    bic: dict[str, float] = {family: _bic(fit, pairs) for family, fit in fits.items()}
    chosen = min(families, key=bic.__getitem__)
    point, refits = fits[chosen]
    model = CoupleModel(point[0].partner(0), point[1].partner(0), form)
    counts = PairCounts(pairs.first.count, pairs.second.count)
    names = (pairs.first_speaker, pairs.second_speaker)
    steady = state_intervals(
        model, refits, bootstrap, min(counts.first, counts.second) >= MIN_PAIRS_STEADY
    )
    notes = _notes(influence, families, chosen, pairs, steady)
    return CoupleFit(
        model=model,
        form=form,
        method=method,
        influence=chosen,
        first_speaker=names[0],
        second_speaker=names[1],
        scoring_version=pairs.scoring_version,
        n_pairs=counts,
        first=partner_estimates(names[0], pairs.first, point[0], refits[0] if refits else None),
        second=partner_estimates(names[1], pairs.second, point[1], refits[1] if refits else None),
        steady_states=steady,
        comparison=ModelComparison(bic, chosen, _why(influence, families, chosen, pairs)),
        notes=notes,
        bootstrap=bootstrap,
        seed=seed,
        residual_sd=(_residual_sd(point[0], pairs.first), _residual_sd(point[1], pairs.second)),
    )


def fit_as_json(fit: CoupleFit) -> dict[str, Any]:
    """The fit as plain JSON. Keys: form, method, influence, first_speaker, second_speaker,
    scoring_version, pairs {first, second, total}, partners [{name, role, pairs, estimates
    {name: {value, low, high, shown, why_hidden}}}], steady_states [{first, second, stable,
    eigenvalues [[real, imag]], first_low/high, second_low/high, stable_share, shown,
    why_hidden}], comparison {bic, chosen, why}, bootstrap {refits, seed, kind, level}, notes."""
    partners = [
        _partner_json(fit.first_speaker, "first", fit.n_pairs.first, fit.first),
        _partner_json(fit.second_speaker, "second", fit.n_pairs.second, fit.second),
    ]
    return {
        "form": fit.form,
        "method": fit.method,
        "influence": fit.influence,
        "first_speaker": fit.first_speaker,
        "second_speaker": fit.second_speaker,
        "scoring_version": fit.scoring_version,
        "pairs": {
            "first": fit.n_pairs.first,
            "second": fit.n_pairs.second,
            "total": fit.n_pairs.total,
        },
        "partners": partners,
        "steady_states": [state.as_json() for state in fit.steady_states],
        "comparison": {
            "bic": {name: round(value, 4) for name, value in fit.comparison.bic.items()},
            "chosen": fit.comparison.chosen,
            "why": fit.comparison.why,
        },
        "bootstrap": {
            "refits": fit.bootstrap,
            "seed": fit.seed,
            "kind": "moving-block",
            "level": 0.95,
        },
        "notes": list(fit.notes),
    }


def _partner_json(
    name: str, role: str, pairs: int, estimates: dict[str, Estimate]
) -> dict[str, Any]:
    return {
        "name": name,
        "role": role,
        "pairs": pairs,
        "estimates": {key: estimate.as_json() for key, estimate in estimates.items()},
    }


def _check_choices(method: str, influence: str, bootstrap: int) -> None:
    if method not in METHODS:
        raise InputError("The method must be 'one_step' or 'two_step'.", field="method")
    if influence not in (*FAMILIES, "auto"):
        raise InputError(
            "The influence form must be 'bilinear', 'threshold', 'ojive' or 'auto'.",
            field="influence",
        )
    if bootstrap < 0:
        raise InputError("The number of bootstrap refits cannot be negative.", field="bootstrap")


def _require(pairs: CouplePairs, need: int, family: str) -> None:
    for name, side in ((pairs.first_speaker, pairs.first), (pairs.second_speaker, pairs.second)):
        if side.count < need:
            template = (
                messages.TOO_FEW_TURNS if family == "bilinear" else messages.TOO_FEW_FOR_THRESHOLDS
            )
            text = template.format(
                have=side.count, need=need, name=name, family=family, minimum=MIN_PAIRS
            )
            raise TooFewTurns(text, have=side.count, need=need)


def _families(pairs: CouplePairs, influence: Choice) -> tuple[Family, ...]:
    if influence == "bilinear":
        return ("bilinear",)
    if influence != "auto":
        _require(pairs, MIN_PAIRS_THRESHOLD, influence)
        return (influence,) if _usable(pairs, influence) else _no_ojive()
    if min(pairs.first.count, pairs.second.count) < MIN_PAIRS_THRESHOLD:
        return ("bilinear",)
    return tuple(family for family in FAMILIES if _usable(pairs, family))


def _no_ojive() -> tuple[Family, ...]:
    raise InputError(messages.NO_OJIVE, field="influence")


def _usable(pairs: CouplePairs, family: Family) -> bool:
    return all(candidates_of(family, side.other) for side in (pairs.first, pairs.second))


def _fit_family(
    pairs: CouplePairs, family: Family, method: Method, weights: list[np.ndarray]
) -> tuple[tuple[Solution, Solution], tuple[Solution, Solution] | None]:
    """(point fits, bootstrap refits or None) for both partners."""
    sides = (pairs.first, pairs.second)
    names = (pairs.first_speaker, pairs.second_speaker)
    point = tuple(
        _solve(side, name, family, method, np.ones((1, side.count)))
        for side, name in zip(sides, names, strict=True)
    )
    if weights[0].shape[0] == 0:
        return (point[0], point[1]), None
    refits = tuple(
        _solve(side, name, family, method, w)
        for side, name, w in zip(sides, names, weights, strict=True)
    )
    return (point[0], point[1]), (refits[0], refits[1])


def _solve(side: Pairs, name: str, family: Family, method: Method, weights: np.ndarray) -> Solution:
    try:
        return solve_partner(side, family, method, weights)
    except ValueError:
        raise InputError(
            messages.TOO_FEW_NEUTRAL.format(need=MIN_NEUTRAL, name=name), field="method"
        ) from None


def _bic(fit: tuple[tuple[Solution, Solution], Any], pairs: CouplePairs) -> float:
    total = 0.0
    for solution, side in zip(fit[0], (pairs.first, pairs.second), strict=True):
        n = side.count
        k = solution.candidates[int(solution.chosen[0])].parameter_count
        total += n * np.log(max(float(solution.rss[0]), 1e-300) / n) + k * np.log(n)
    return float(total)


def _residual_sd(solution: Solution, side: Pairs) -> float:
    return float(np.sqrt(solution.rss[0] / side.count))


def _why(influence: Choice, families: tuple[Family, ...], chosen: str, pairs: CouplePairs) -> str:
    if len(families) > 1:
        return messages.CHOSEN_BY_BIC.format(family=chosen)
    if influence != "auto":
        return messages.CHOSEN_ONLY.format(family=chosen, reason=messages.ASKED_FOR)
    reason = messages.BELOW_THRESHOLD_MINIMUM.format(need=MIN_PAIRS_THRESHOLD)
    return messages.CHOSEN_ONLY.format(family=chosen, reason=reason)


def _notes(
    influence: Choice,
    families: tuple[Family, ...],
    chosen: str,
    pairs: CouplePairs,
    steady: tuple[InfluencedState, ...],
) -> tuple[str, ...]:
    notes = [messages.DESCRIBES_ONLY]
    if (
        influence == "auto"
        and "ojive" not in families
        and min(pairs.first.count, pairs.second.count) >= MIN_PAIRS_THRESHOLD
    ):
        notes.append(messages.NO_OJIVE)
    if min(pairs.first.count, pairs.second.count) < MIN_PAIRS_STEADY:
        notes.append(messages.STATES_HIDDEN.format(need=MIN_PAIRS_STEADY))
    elif not steady:
        notes.append(messages.NO_STATES)
    return tuple(notes)
