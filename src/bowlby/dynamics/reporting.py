"""Turn point fits and bootstrap refits into reported numbers: each estimate with its 95%
percentile interval, shown only where DYNAMICS.md's minimums are met, with the reason when not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from bowlby.dynamics import messages
from bowlby.dynamics.estimation import Solution
from bowlby.dynamics.model import CoupleModel, SteadyState, steady_states
from bowlby.dynamics.pairs import Pairs

MIN_PAIRS_STEADY = 150
MIN_SIDE = 20  # partner turns needed on one side before its slope is shown
MIN_SIDE_SHARE = 0.10
LEVEL = 95.0


@dataclass(frozen=True)
class Estimate:
    """A number with its bootstrap interval (None without refits); ``shown`` False means the
    data cannot carry it, and ``why_hidden`` says why in plain words."""

    value: float
    low: float | None
    high: float | None
    shown: bool = True
    why_hidden: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "value": _rounded(self.value),
            "low": _rounded(self.low),
            "high": _rounded(self.high),
            "shown": self.shown,
            "why_hidden": self.why_hidden,
        }


@dataclass(frozen=True)
class InfluencedState:
    """A settling point of the fitted model, with where it sits across refits (the refit's
    nearest settling point) and the share of refits in which it is stable."""

    state: SteadyState
    first_interval: tuple[float, float] | None
    second_interval: tuple[float, float] | None
    stable_share: float | None
    shown: bool
    why_hidden: str | None = None

    def as_json(self) -> dict[str, Any]:
        first, second = self.first_interval or (None, None), self.second_interval or (None, None)
        return {
            "first": _rounded(self.state.first),
            "second": _rounded(self.state.second),
            "stable": self.state.stable,
            "eigenvalues": [[_rounded(e.real), _rounded(e.imag)] for e in self.state.eigenvalues],
            "first_low": _rounded(first[0]),
            "first_high": _rounded(first[1]),
            "second_low": _rounded(second[0]),
            "second_high": _rounded(second[1]),
            "stable_share": _rounded(self.stable_share),
            "shown": self.shown,
            "why_hidden": self.why_hidden,
        }


def partner_estimates(
    name: str, pairs: Pairs, point: Solution, refits: Solution | None
) -> dict[str, Estimate]:
    """constant, inertia, the influence coefficients (and thresholds) and a/(1−r)."""
    candidate = point.candidates[int(point.chosen[0])]
    columns = ["constant", "inertia", *candidate.names]
    draws = refits.coefficients if refits is not None else None
    values = {key: _column(point.coefficients, draws, i) for i, key in enumerate(columns)}
    thresholds = _threshold_names(candidate.family)
    for i, key in enumerate(thresholds):
        values[key] = _column(point.thresholds, refits.thresholds if refits else None, i)
    values["uninfluenced_steady_state"] = _settling(point.coefficients, draws)
    inertia = float(point.coefficients[0, 1])
    hidden = _hidden(name, pairs, inertia, candidate.columns(pairs.other), candidate.names)
    return {key: _estimate(value, draw, hidden.get(key)) for key, (value, draw) in values.items()}


def state_intervals(
    model: CoupleModel,
    refits: tuple[Solution, Solution] | None,
    bootstrap: int,
    enough: bool,
) -> tuple[InfluencedState, ...]:
    """The model's settling points, each followed through the refits."""
    states = steady_states(model)
    why = None if enough else messages.STATES_HIDDEN.format(need=MIN_PAIRS_STEADY)
    if refits is None or not bootstrap:
        return tuple(InfluencedState(s, None, None, None, enough, why) for s in states)
    found = [steady_states(_refit_model(model, refits, b)) for b in range(bootstrap)]
    return tuple(_follow(state, found, enough, why) for state in states)


def _refit_model(model: CoupleModel, refits: tuple[Solution, Solution], b: int) -> CoupleModel:
    return CoupleModel(refits[0].partner(b), refits[1].partner(b), model.form)


def _follow(
    state: SteadyState, found: list[list[SteadyState]], enough: bool, why: str | None
) -> InfluencedState:
    nearest = [_nearest(state, candidates) for candidates in found if candidates]
    if not nearest:
        return InfluencedState(state, None, None, 0.0, enough, why)
    first = np.array([s.first for s in nearest])
    second = np.array([s.second for s in nearest])
    stable = sum(s.stable for s in nearest) / len(found)
    return InfluencedState(state, _interval(first), _interval(second), stable, enough, why)


def _nearest(state: SteadyState, candidates: list[SteadyState]) -> SteadyState:
    return min(
        candidates, key=lambda s: (s.first - state.first) ** 2 + (s.second - state.second) ** 2
    )


def _threshold_names(family: str) -> tuple[str, ...]:
    if family == "ojive":
        return ("negative_threshold", "positive_threshold")
    return ("threshold",) if family == "threshold" else ()


def _column(point: np.ndarray, draws: np.ndarray | None, i: int) -> tuple[float, np.ndarray | None]:
    return float(point[0, i]), None if draws is None else draws[:, i]


def _settling(point: np.ndarray, draws: np.ndarray | None) -> tuple[float, np.ndarray | None]:
    def settle(coefficients: np.ndarray) -> np.ndarray:
        a, r = coefficients[:, 0], coefficients[:, 1]
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(np.abs(r) < 1, a / (1 - r), np.nan)

    return float(settle(point)[0]), None if draws is None else settle(draws)


def _hidden(
    name: str, pairs: Pairs, inertia: float, columns: np.ndarray, names: tuple[str, ...]
) -> dict[str, str]:
    """Why each estimate that the data cannot carry is hidden."""
    have = pairs.count
    hidden: dict[str, str] = {}
    if have < MIN_PAIRS_STEADY:
        text = messages.INERTIA_HIDDEN.format(need=MIN_PAIRS_STEADY, have=have, name=name)
        hidden["inertia"] = hidden["uninfluenced_steady_state"] = text
    elif abs(inertia) >= 1:
        hidden["uninfluenced_steady_state"] = messages.NO_SETTLING.format(name=name)
    counts = (columns != 0).sum(axis=0)
    for key, count in zip(names, counts, strict=True):
        if count < MIN_SIDE or count < MIN_SIDE_SHARE * have:
            side = "negative" if "negative" in key else "positive"
            template = messages.SIDE_HIDDEN if key.endswith("slope") else messages.REGION_HIDDEN
            hidden[key] = template.format(
                count=int(count), name=name, have=have, side=side, need=MIN_SIDE
            )
    return hidden


def _estimate(value: float, draws: np.ndarray | None, why: str | None) -> Estimate:
    low, high = (None, None) if draws is None else _interval(draws) or (None, None)
    shown = why is None and np.isfinite(value)
    return Estimate(value, low, high, bool(shown), why)


def _interval(draws: np.ndarray) -> tuple[float, float] | None:
    finite = draws[np.isfinite(draws)]
    if not finite.size:
        return None
    tail = (100 - LEVEL) / 2
    low, high = np.percentile(finite, [tail, 100 - tail])
    return float(low), float(high)


def _rounded(value: float | None, digits: int = 6) -> float | None:
    if value is None or not np.isfinite(value):
        return None
    return round(float(value), digits)
