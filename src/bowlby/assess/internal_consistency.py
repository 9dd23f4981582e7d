"""Cronbach's alpha and McDonald's omega total for a researcher's own sample.

Omega total comes from a one-factor model fitted by iterated principal-axis factoring (PAF)
of the item correlation matrix, starting from squared multiple correlations. The standardised
loadings are rescaled to the items' SDs, so omega describes the unweighted item mean that is
actually scored: omega = (sum lambda)^2 / ((sum lambda)^2 + sum psi), with the model-implied
total variance in the denominator (McDonald, 1999).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

OMEGA_METHOD = (
    "omega total, one-factor model by iterated principal-axis factoring of the correlation "
    "matrix (SMC start, tolerance 1e-9, at most 1000 iterations), loadings rescaled to item SDs"
)
MAX_ITERATIONS = 1000
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Moments:
    """Sufficient statistics of complete cases: n, item means and the covariance (n - 1)."""

    n: int
    means: NDArray[np.float64]
    covariance: NDArray[np.float64]


@dataclass(frozen=True)
class FactorFit:
    loadings: NDArray[np.float64]  # standardised, signed so their sum is positive
    iterations: int
    converged: bool
    heywood: bool  # a communality reached 1 and was held there


@dataclass(frozen=True)
class SampleReliability:
    subscale: str
    n_complete: int
    n_items: int
    alpha: float | None
    omega_total: float | None
    omega_converged: bool | None = None
    omega_heywood: bool | None = None
    method: str = OMEGA_METHOD


def accumulate_moments(data: NDArray[np.int8], chunk_rows: int = 200_000) -> Moments:
    """Exact sums of x and x'x over row chunks (integers are exact in float64), then moments."""
    k = data.shape[1]
    total = np.zeros(k)
    cross = np.zeros((k, k))
    for start in range(0, data.shape[0], chunk_rows):
        block = data[start : start + chunk_rows].astype(np.float64)
        total += block.sum(axis=0)
        cross += block.T @ block
    n = data.shape[0]
    means = total / max(n, 1)
    covariance = (cross - n * np.outer(means, means)) / max(n - 1, 1)
    return Moments(n, means, covariance)


def cronbach_alpha(covariance: NDArray[np.float64]) -> float | None:
    """alpha = k / (k - 1) * (1 - sum of item variances / variance of the total)."""
    k = covariance.shape[0]
    total_variance = float(covariance.sum())
    if k < 2 or total_variance <= 0:
        return None
    return k / (k - 1) * (1.0 - float(np.trace(covariance)) / total_variance)


def fit_one_factor(correlation: NDArray[np.float64]) -> FactorFit:
    """Iterated PAF: put communalities on the diagonal, take the first eigenvector, repeat."""
    communality = _squared_multiple_correlations(correlation)
    loadings = np.sqrt(communality)
    heywood = False
    for iteration in range(1, MAX_ITERATIONS + 1):
        reduced = correlation.copy()
        np.fill_diagonal(reduced, communality)
        values, vectors = np.linalg.eigh(reduced)
        loadings = vectors[:, -1] * np.sqrt(max(values[-1], 0.0))
        updated = loadings**2
        if np.any(updated > 1.0):
            heywood = True
            updated = np.minimum(updated, 1.0)
        if np.max(np.abs(updated - communality)) < TOLERANCE:
            return FactorFit(_orient(loadings), iteration, True, heywood)
        communality = updated
    return FactorFit(_orient(loadings), MAX_ITERATIONS, False, heywood)


def omega_total(covariance: NDArray[np.float64]) -> tuple[float | None, FactorFit | None]:
    """Omega total of the unweighted sum; None when an item has no variance."""
    sd = np.sqrt(np.diag(covariance))
    if covariance.shape[0] < 2 or np.any(sd <= 0):
        return None, None
    correlation = covariance / np.outer(sd, sd)
    fit = fit_one_factor(correlation)
    loadings = np.clip(fit.loadings, -1.0, 1.0)
    raw_loadings = loadings * sd
    uniquenesses = (1.0 - loadings**2) * sd**2
    common = float(raw_loadings.sum()) ** 2
    return common / (common + float(uniquenesses.sum())), fit


def measure_internal_consistency(subscale: str, complete: NDArray[np.int8]) -> SampleReliability:
    """Alpha and omega of one subscale's complete cases (keyed item scores)."""
    n, k = complete.shape
    if n < 2:
        return SampleReliability(subscale, n, k, None, None)
    moments = accumulate_moments(complete)
    omega, fit = omega_total(moments.covariance)
    return SampleReliability(
        subscale=subscale,
        n_complete=n,
        n_items=k,
        alpha=cronbach_alpha(moments.covariance),
        omega_total=omega,
        omega_converged=None if fit is None else fit.converged,
        omega_heywood=None if fit is None else fit.heywood,
    )


def _squared_multiple_correlations(correlation: NDArray[np.float64]) -> NDArray[np.float64]:
    """1 - 1/diag(R^-1); the pseudo-inverse keeps a singular R (e.g. duplicated items) usable."""
    inverse_diagonal = np.diag(np.linalg.pinv(correlation))
    with np.errstate(divide="ignore"):
        smc = 1.0 - 1.0 / inverse_diagonal
    fallback = np.max(np.abs(correlation - np.eye(len(correlation))), axis=0)
    return np.where(np.isfinite(smc) & (smc > 0) & (smc <= 1), smc, fallback)


def _orient(loadings: NDArray[np.float64]) -> NDArray[np.float64]:
    return loadings if loadings.sum() >= 0 else -loadings
