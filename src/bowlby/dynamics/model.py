"""The couple influence model (Gottman–Murray, DYNAMICS.md): each partner's next score is their
constant + inertia × their own last score + an influence function of the other's score.

Two forms: "turn" (F1; the second speaker answers the first speaker's *current* turn) and
"block" (F2; both answer the other's previous block). Every influence function has I(0) = 0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal, Protocol

import numpy as np
from scipy import optimize

from bowlby.dynamics.conversations import SCORE_LIMIT, Conversation, Turn

Form = Literal["turn", "block"]
FORMS: tuple[Form, ...] = ("turn", "block")


class Influence(Protocol):
    """How one partner's score moves the other: I(x), its slope and where it bends or jumps."""

    @property
    def kind(self) -> str: ...

    def __call__(self, x: float) -> float: ...

    def slope(self, x: float) -> float: ...

    def values(self, xs: np.ndarray) -> np.ndarray: ...

    def breakpoints(self) -> tuple[float, ...]: ...

    def parameters(self) -> dict[str, float]: ...


@dataclass(frozen=True)
class Bilinear:
    """I(x) = negative_slope·x for x < 0 and positive_slope·x for x ≥ 0 (τ = 0)."""

    negative_slope: float
    positive_slope: float
    kind: ClassVar[str] = "bilinear"

    def __call__(self, x: float) -> float:
        return float(self.values(np.asarray([x], dtype=float))[0])

    def slope(self, x: float) -> float:
        """The derivative; at exactly 0 the positive side's slope."""
        return self.negative_slope if x < 0 else self.positive_slope

    def values(self, xs: np.ndarray) -> np.ndarray:
        return np.where(xs < 0, self.negative_slope * xs, self.positive_slope * xs)

    def breakpoints(self) -> tuple[float, ...]:
        return (0.0,)

    def parameters(self) -> dict[str, float]:
        return {"negative_slope": self.negative_slope, "positive_slope": self.positive_slope}


@dataclass(frozen=True)
class ThresholdBilinear:
    """A threshold variant of the bilinear form (after Hamaker et al.'s threshold models,
    keeping I(0) = 0): the other's negativity moves this partner only once it is more negative
    than ``threshold`` (τ ≤ 0); milder negativity is let pass. τ = 0 is the bilinear form."""

    negative_slope: float
    positive_slope: float
    threshold: float
    kind: ClassVar[str] = "threshold"

    def __call__(self, x: float) -> float:
        return float(self.values(np.asarray([x], dtype=float))[0])

    def slope(self, x: float) -> float:
        if x < self.threshold:
            return self.negative_slope
        return self.positive_slope if x >= 0 else 0.0

    def values(self, xs: np.ndarray) -> np.ndarray:
        negative = np.where(xs < self.threshold, self.negative_slope * xs, 0.0)
        return np.where(xs >= 0, self.positive_slope * xs, negative)

    def breakpoints(self) -> tuple[float, ...]:
        return tuple(sorted({self.threshold, 0.0}))

    def parameters(self) -> dict[str, float]:
        return {
            "negative_slope": self.negative_slope,
            "positive_slope": self.positive_slope,
            "threshold": self.threshold,
        }


@dataclass(frozen=True)
class Ojive:
    """The step ("ojive") form: the other's turn more negative than ``negative_threshold``
    (F ≤ −1) moves this partner by ``very_negative`` (E); other negative turns by
    ``negative`` (D); 0 by nothing; positive turns up to ``positive_threshold`` (C ≥ 1) by
    ``positive`` (A) and those beyond it by ``very_positive`` (B)."""

    very_negative: float
    negative: float
    positive: float
    very_positive: float
    negative_threshold: float = -1.0
    positive_threshold: float = 1.0
    kind: ClassVar[str] = "ojive"

    def __call__(self, x: float) -> float:
        return float(self.values(np.asarray([x], dtype=float))[0])

    def slope(self, x: float) -> float:
        """Flat between the steps (a jump has no finite slope; 0 is used there too)."""
        return 0.0

    def values(self, xs: np.ndarray) -> np.ndarray:
        levels = [self.very_negative, self.negative, 0.0, self.positive, self.very_positive]
        conditions = [
            xs < self.negative_threshold,
            xs < 0,
            xs == 0,
            xs <= self.positive_threshold,
            np.ones_like(xs, dtype=bool),
        ]
        return np.select(conditions, levels).astype(float)

    def breakpoints(self) -> tuple[float, ...]:
        return (self.negative_threshold, 0.0, self.positive_threshold)

    def parameters(self) -> dict[str, float]:
        return {
            "very_negative": self.very_negative,
            "negative": self.negative,
            "positive": self.positive,
            "very_positive": self.very_positive,
            "negative_threshold": self.negative_threshold,
            "positive_threshold": self.positive_threshold,
        }


@dataclass(frozen=True)
class PartnerModel:
    """One partner's equation; ``influence`` is how the OTHER's score moves this partner."""

    constant: float
    inertia: float
    influence: Influence


@dataclass(frozen=True)
class CoupleModel:
    """``first`` is the first speaker (W), ``second`` the other (H)."""

    first: PartnerModel
    second: PartnerModel
    form: Form = "turn"


@dataclass(frozen=True)
class SteadyState:
    """Where both null clines cross; stable when both Jacobian eigenvalues have modulus < 1."""

    first: float
    second: float
    stable: bool
    eigenvalues: tuple[complex, complex]


@dataclass(frozen=True)
class NullClines:
    """``first[i]`` is the first speaker's null-cline W(H = grid[i]); ``second[i]`` is the
    second speaker's H(W = grid[i])."""

    grid: np.ndarray
    first: np.ndarray
    second: np.ndarray


@dataclass(frozen=True)
class Trajectory:
    """Both partners' scores over time, the start included (index 0)."""

    first: np.ndarray
    second: np.ndarray

    def to_conversation(
        self,
        names: tuple[str, str] = ("W", "H"),
        id: str = "simulated",
        scoring_version: str = "simulated",
    ) -> Conversation:
        """Turns interleaved first, second, first, ... as a fit reads them."""
        turns = [
            Turn(name, float(score))
            for pair in zip(self.first, self.second, strict=True)
            for name, score in zip(names, pair, strict=True)
        ]
        return Conversation(id=id, turns=tuple(turns), scoring_version=scoring_version)


def uninfluenced_steady_state(partner: PartnerModel) -> float | None:
    """a/(1−r): where this partner settles alone; None when |r| ≥ 1 (it would not settle)."""
    if abs(partner.inertia) >= 1:
        return None
    return partner.constant / (1 - partner.inertia)


def step(model: CoupleModel, first: float, second: float) -> tuple[float, float]:
    """One noise-free step of the map (F1 answers the new W, F2 the previous one)."""
    new_first = _next(model.first, first, second)
    heard = new_first if model.form == "turn" else first
    return new_first, _next(model.second, second, heard)


def jacobian(model: CoupleModel, first: float, second: float) -> np.ndarray:
    """The map's Jacobian at a point: F2 [[r1, p], [q, r2]]; F1 [[r1, p], [r1·q, r2 + p·q]]."""
    r1, r2 = model.first.inertia, model.second.inertia
    p = model.first.influence.slope(second)
    heard = step(model, first, second)[0] if model.form == "turn" else first
    q = model.second.influence.slope(heard)
    if model.form == "turn":
        return np.array([[r1, p], [r1 * q, r2 + p * q]])
    return np.array([[r1, p], [q, r2]])


def null_clines(
    model: CoupleModel, low: float = -4, high: float = 4, points: int = 161
) -> NullClines:
    """W = (a + I_HW(H))/(1−r1) and H = (b + I_WH(W))/(1−r2) over one grid (the same for F1
    and F2). Where r = 1 the cline is undefined and returned as NaN."""
    grid = np.linspace(low, high, points)
    return NullClines(grid, _cline(model.first, grid), _cline(model.second, grid))


def steady_states(model: CoupleModel, reach: float = 100.0) -> list[SteadyState]:
    """Every crossing of the null clines within ±reach, with its stability.

    Substituting H = h(W) leaves one equation in W, smooth between breakpoints; the grid holds
    every breakpoint, sign changes are refined with scipy's brentq, and the jump of a step
    function is not counted as a crossing."""
    if _degenerate(model.first) or _degenerate(model.second):
        return []
    grid = _search_grid(model, reach)
    values = _gap(model, grid)
    roots = list(grid[values == 0])
    for i in np.flatnonzero(values[:-1] * values[1:] < 0):
        root = optimize.brentq(_scalar_gap(model), grid[i], grid[i + 1], xtol=1e-14, rtol=1e-14)
        if abs(_scalar_gap(model)(root)) < 1e-8:
            roots.append(root)
    return [_steady_state(model, w) for w in _distinct(sorted(roots))]


def simulate(
    model: CoupleModel,
    start: tuple[float, float],
    turns: int,
    *,
    noise_sd: float = 0.0,
    seed: int | None = None,
    clip: bool = True,
    round_scores: bool = False,
) -> Trajectory:
    """Run the model forward ``turns`` steps from ``start``, optionally with Gaussian noise,
    scores clipped to the scale and rounded to whole numbers as a coder would score them."""
    rng = np.random.default_rng(seed)
    noise = rng.normal(0.0, noise_sd, size=(turns, 2)) if noise_sd else np.zeros((turns, 2))

    def observed(value: float) -> float:
        value = float(np.rint(value)) if round_scores else value
        return float(np.clip(value, -SCORE_LIMIT, SCORE_LIMIT)) if clip else value

    first, second = [float(start[0])], [float(start[1])]
    for t in range(turns):
        new_first = observed(_next(model.first, first[-1], second[-1]) + noise[t, 0])
        heard = new_first if model.form == "turn" else first[-1]
        second.append(observed(_next(model.second, second[-1], heard) + noise[t, 1]))
        first.append(new_first)
    return Trajectory(np.array(first), np.array(second))


def _next(partner: PartnerModel, own: float, other: float) -> float:
    return partner.constant + partner.inertia * own + partner.influence(other)


def _degenerate(partner: PartnerModel) -> bool:
    return abs(1 - partner.inertia) < 1e-12


def _cline(partner: PartnerModel, grid: np.ndarray) -> np.ndarray:
    if _degenerate(partner):
        return np.full_like(grid, np.nan)
    return (partner.constant + partner.influence.values(grid)) / (1 - partner.inertia)


def _second_cline(model: CoupleModel, w: np.ndarray) -> np.ndarray:
    second = model.second
    return (second.constant + second.influence.values(w)) / (1 - second.inertia)


def _gap(model: CoupleModel, w: np.ndarray) -> np.ndarray:
    """f(W) = W − W-cline(h(W)), zero exactly at a crossing."""
    first = model.first
    h = _second_cline(model, w)
    return w - (first.constant + first.influence.values(h)) / (1 - first.inertia)


def _scalar_gap(model: CoupleModel) -> Callable[[float], float]:
    return lambda w: float(_gap(model, np.asarray([w]))[0])


def _search_grid(model: CoupleModel, reach: float) -> np.ndarray:
    """A fine grid plus every W where either influence bends: the second's breakpoints and the
    W at which the second speaker's cline crosses a breakpoint of the first's influence (with
    neighbours on both sides, so a jump is bracketed)."""
    grid = np.linspace(-reach, reach, 4001)
    extra = list(model.second.influence.breakpoints())
    clines = _second_cline(model, grid)
    for level in model.first.influence.breakpoints():
        shifted = clines - level
        for i in np.flatnonzero(shifted[:-1] * shifted[1:] < 0):
            extra.append(_crossing(model, level, grid[i], grid[i + 1]))
    points = np.asarray([w for w in extra if -reach < w < reach], dtype=float)
    near = [points, np.nextafter(points, np.inf), np.nextafter(points, -np.inf)]
    return np.unique(np.concatenate([grid, *near]))


def _crossing(model: CoupleModel, level: float, left: float, right: float) -> float:
    def shifted(w: float) -> float:
        return float(_second_cline(model, np.asarray([w]))[0]) - level

    return float(optimize.brentq(shifted, left, right, xtol=1e-14))


def _distinct(roots: list[float]) -> list[float]:
    kept: list[float] = []
    for root in roots:
        if not kept or abs(root - kept[-1]) > 1e-9:
            kept.append(root)
    return kept


def _steady_state(model: CoupleModel, w: float) -> SteadyState:
    h = float(_second_cline(model, np.asarray([w]))[0])
    eigen = np.linalg.eigvals(jacobian(model, w, h))
    return SteadyState(
        first=float(w),
        second=float(h),
        stable=bool(np.all(np.abs(eigen) < 1)),
        eigenvalues=(complex(eigen[0]), complex(eigen[1])),
    )
