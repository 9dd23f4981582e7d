"""Least squares for one partner's equation, for the point fit and all bootstrap refits at once.

Each refit is the same regression with row weights (how often a moving-block resample drew
each row), so 200 refits are a handful of batched matrix products, not 200 Python loops.
Threshold and ojive families are profiled over a small grid of integer thresholds: each
refit keeps the threshold with the smallest weighted residual sum of squares.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product
from typing import Literal

import numpy as np

from bowlby.dynamics.model import Bilinear, Influence, Ojive, PartnerModel, ThresholdBilinear
from bowlby.dynamics.pairs import Pairs

Family = Literal["bilinear", "threshold", "ojive"]
Method = Literal["one_step", "two_step"]
FAMILIES: tuple[Family, ...] = ("bilinear", "threshold", "ojive")
METHODS: tuple[Method, ...] = ("one_step", "two_step")
THRESHOLDS = (-1.0, -2.0, -3.0)  # a negativity threshold F (or τ) lies below 0
POSITIVE_THRESHOLDS = (1.0, 2.0, 3.0)
MIN_REGION = 10  # an ojive level is estimated only from at least this many rows
MIN_NEUTRAL = 20  # the two-step method's first step needs this many neutral partner turns


@dataclass(frozen=True)
class Candidate:
    """One regression: an influence family at fixed thresholds."""

    family: Family
    thresholds: tuple[float, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Names of the influence coefficients, in column order."""
        if self.family == "ojive":
            return ("very_negative", "negative", "positive", "very_positive")
        return ("negative_slope", "positive_slope")

    @property
    def parameter_count(self) -> int:
        """Coefficients plus thresholds, each threshold counted as one estimated parameter."""
        return 2 + len(self.names) + len(self.thresholds)

    def columns(self, other: np.ndarray) -> np.ndarray:
        """The influence columns for the other's scores."""
        if self.family == "ojive":
            low, high = self.thresholds
            regions = [other < low, (other >= low) & (other < 0), (other > 0) & (other <= high)]
            regions.append(other > high)
            return np.column_stack(regions).astype(float)
        cut = self.thresholds[0] if self.thresholds else 0.0
        return np.column_stack([np.where(other < cut, other, 0.0), np.where(other > 0, other, 0.0)])

    def influence(self, coefficients: Sequence[float]) -> Influence:
        c = [float(value) for value in coefficients]
        if self.family == "ojive":
            return Ojive(*c, *self.thresholds)
        if self.family == "threshold":
            return ThresholdBilinear(c[0], c[1], self.thresholds[0])
        return Bilinear(c[0], c[1])

    def usable(self, other: np.ndarray) -> bool:
        """Every ojive region holds enough rows to estimate its level."""
        if self.family != "ojive":
            return True
        return bool(np.all(self.columns(other).sum(axis=0) >= MIN_REGION))


@dataclass(frozen=True)
class Solution:
    """Coefficients (constant, inertia, influence...) per refit, with each refit's RSS and
    the threshold chosen for it (NaN columns when the family has none)."""

    coefficients: np.ndarray  # (refits, 2 + influence coefficients)
    rss: np.ndarray  # (refits,)
    thresholds: np.ndarray  # (refits, thresholds)
    candidates: tuple[Candidate, ...]
    chosen: np.ndarray  # (refits,) index into candidates

    def partner(self, refit: int) -> PartnerModel:
        coefficients = self.coefficients[refit]
        candidate = self.candidates[int(self.chosen[refit])]
        influence = candidate.influence(coefficients[2:])
        return PartnerModel(float(coefficients[0]), float(coefficients[1]), influence)


def candidates_of(family: Family, other: np.ndarray) -> tuple[Candidate, ...]:
    """Every threshold setting of a family that the data can support."""
    if family == "bilinear":
        return (Candidate("bilinear"),)
    if family == "threshold":
        return tuple(Candidate("threshold", (cut,)) for cut in THRESHOLDS)
    grid = product(THRESHOLDS, POSITIVE_THRESHOLDS)
    return tuple(
        candidate
        for candidate in (Candidate("ojive", pair) for pair in grid)
        if candidate.usable(other)
    )


def solve(pairs: Pairs, family: Family, method: Method, weights: np.ndarray) -> Solution:
    """The weighted fit of every candidate of ``family``; each refit keeps its best one."""
    candidates = candidates_of(family, pairs.other)
    if not candidates:
        raise ValueError(f"no usable {family} candidate")
    fits = [_solve_candidate(pairs, c, method, weights) for c in candidates]
    rss = np.stack([fit[1] for fit in fits])  # (candidates, refits)
    chosen = np.argmin(rss, axis=0)
    refits = np.arange(weights.shape[0])
    coefficients = np.stack([fit[0] for fit in fits])[chosen, refits]
    thresholds = np.asarray([c.thresholds for c in candidates], dtype=float)[chosen]
    return Solution(coefficients, rss[chosen, refits], thresholds, candidates, chosen)


def block_weights(rows: int, refits: int, rng: np.random.Generator) -> np.ndarray:
    """Moving-block bootstrap: how often each row is drawn, per refit. Blocks of about
    rows^(1/3) consecutive pairs keep the short-range dependence between turns."""
    if not refits:
        return np.zeros((0, rows))
    length = max(1, round(rows ** (1 / 3)))
    blocks = -(-rows // length)
    starts = rng.integers(0, rows - length + 1, size=(refits, blocks))
    drawn = (starts[:, :, None] + np.arange(length)).reshape(refits, -1)[:, :rows]
    flat = drawn + rows * np.arange(refits)[:, None]
    return np.bincount(flat.ravel(), minlength=rows * refits).reshape(refits, rows).astype(float)


def _solve_candidate(
    pairs: Pairs, candidate: Candidate, method: Method, weights: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    influence = candidate.columns(pairs.other)
    design = np.column_stack([np.ones(pairs.count), pairs.own, influence])
    if method == "one_step":
        beta = _weighted_lstsq(design, pairs.target, weights)
    else:
        beta = _two_step(design, pairs, weights)
    residuals = pairs.target[None, :] - beta @ design.T
    return beta, np.einsum("bn,bn->b", weights, residuals**2)


def _two_step(design: np.ndarray, pairs: Pairs, weights: np.ndarray) -> np.ndarray:
    """The original method: constant and inertia from turns answering a neutral (0) turn,
    then the influence from what those leave unexplained in the other turns."""
    neutral = pairs.other == 0
    if neutral.sum() < MIN_NEUTRAL:
        raise ValueError("too few neutral partner turns")
    base = _weighted_lstsq(design[:, :2], pairs.target, weights * neutral)
    rest = pairs.target[None, :] - base @ design[:, :2].T
    influence = _weighted_lstsq_rows(design[:, 2:], rest, weights * ~neutral)
    return np.concatenate([base, influence], axis=1)


def _weighted_lstsq(design: np.ndarray, target: np.ndarray, weights: np.ndarray) -> np.ndarray:
    return _weighted_lstsq_rows(design, np.broadcast_to(target, weights.shape), weights)


def _weighted_lstsq_rows(
    design: np.ndarray, targets: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """Per refit b: argmin Σ w_bn (y_bn − x_n·β)². Refits with all-equal weights (the point
    fit) go through lstsq for full precision; the rest through batched normal equations."""
    if weights.shape[0] == 1 and np.all(weights == weights[0, 0]):
        return np.linalg.lstsq(design, targets[0], rcond=None)[0][None, :]
    gram = np.einsum("bn,ni,nj->bij", weights, design, design)
    moment = np.einsum("bn,ni,bn->bi", weights, design, targets)
    return np.einsum("bij,bj->bi", np.linalg.pinv(gram, hermitian=True), moment)
