"""Are safe, reliable responses followed by lower anxiety in the days after? A lagged
within-person regression on the person's own daily series, with its uncertainty.

Model, fitted by ordinary least squares (numpy.linalg.lstsq) over the days that have an
anxiety rating and at least one in the following ``lag_days`` days:

    later anxiety = b0 + effect * safe today + b1 * anxiety today + b2 * weeks since start

"later anxiety" is the next day's rating (lag 1) or the mean of the ratings within the next
three days (lag 3); "safe today" is 1 on a day with at least one safe response, else 0.
Today's anxiety (the autoregressive term) keeps "calm days are followed by calm days" out of
the effect; the linear trend keeps "everything slowly got better" out of it too.

Uncertainty: a moving-block bootstrap (blocks of consecutive rows, so runs of good and bad
weeks and the overlap of three-day windows stay together), 1,000 seeded resamples, the 2.5th
and 97.5th percentiles as the 95% interval. We chose it over Newey-West standard errors,
which run too narrow with a few dozen days and lean on a normal approximation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from bowlby.dynamics.feedback_loop import Day

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Matrix = NDArray[np.float64]

LAGS = (1, 3)
MIN_DAYS = 28  # rows: a day rated, and a rating within the following lag days
MIN_EACH = 5  # rows with a safe response, and rows without one
RESAMPLES = 1000
SEED = 20240531  # fixed, so the same records always give the same interval
MAX_FAILED_SHARE = 0.1  # resamples without both kinds of day; more than this is too unsure
Verdict = Literal["lower", "higher", "unclear", "not_enough"]


class Row(BaseModel):
    """One day in the regression: what it predicts from, and what followed."""

    day_index: int
    safe: bool
    anxiety_today: float
    anxiety_later: float


class Shortfall(BaseModel):
    """What is missing before an estimate can be made: ``have`` of ``need``."""

    what: Literal["days", "safe_days", "other_days"]
    have: int
    need: int


class LoopEstimate(BaseModel):
    """The lagged effect in points of 0-10 anxiety (negative: lower after safe days)."""

    lag_days: int
    days_used: int
    safe_days: int
    other_days: int
    effect: float | None = None
    low: float | None = None
    high: float | None = None
    carry_over: float | None = None
    trend_per_week: float | None = None
    verdict: Verdict = "not_enough"
    shortfalls: list[Shortfall] = []
    resamples: int = 0
    block_days: int = 0


def lagged_rows(series: Sequence[Day], lag_days: int) -> list[Row]:
    """Days with a rating, each paired with the mean rating of the following ``lag_days``
    days (days without a rating left out of the mean; none at all leaves the day out)."""
    rows = []
    for index, today in enumerate(series):
        if today.anxiety is None:
            continue
        later = [
            d.anxiety for d in series[index + 1 : index + 1 + lag_days] if d.anxiety is not None
        ]
        if later:
            rows.append(
                Row(
                    day_index=index,
                    safe=today.had_safe_response,
                    anxiety_today=today.anxiety,
                    anxiety_later=math.fsum(later) / len(later),
                )
            )
    return rows


def shortfalls_of(rows: Sequence[Row]) -> list[Shortfall]:
    """What keeps an estimate from being made, if anything."""
    safe = sum(row.safe for row in rows)
    counts = {"days": len(rows), "safe_days": safe, "other_days": len(rows) - safe}
    needs = {"days": MIN_DAYS, "safe_days": MIN_EACH, "other_days": MIN_EACH}
    return [
        Shortfall(what=what, have=counts[what], need=needs[what])  # type: ignore[arg-type]
        for what in needs
        if counts[what] < needs[what]
    ]


def design(rows: Sequence[Row]) -> tuple[Matrix, Matrix]:
    """The design matrix (constant, safe, anxiety today, weeks since start) and the outcome."""
    import numpy as np

    first = rows[0].day_index
    matrix = np.array(
        [[1.0, float(r.safe), r.anxiety_today, (r.day_index - first) / 7] for r in rows]
    )
    return matrix, np.array([r.anxiety_later for r in rows])


def block_length(rows: int, lag_days: int) -> int:
    """About the cube root of the number of days, and never shorter than the lag window."""
    return max(lag_days + 1, round(rows ** (1 / 3)))


def estimate_loop(series: Sequence[Day], lag_days: int = 1) -> LoopEstimate:
    """The lagged effect of a safe response on later anxiety, or what is missing for one."""
    if lag_days not in LAGS:
        raise ValueError(f"lag_days must be one of {LAGS}")
    rows = lagged_rows(series, lag_days)
    safe = sum(row.safe for row in rows)
    base = LoopEstimate(
        lag_days=lag_days, days_used=len(rows), safe_days=safe, other_days=len(rows) - safe
    )
    missing = shortfalls_of(rows)
    if missing:
        return base.model_copy(update={"shortfalls": missing})
    return fit(rows, base)


def fit(rows: Sequence[Row], base: LoopEstimate) -> LoopEstimate:
    import numpy as np

    matrix, outcome = design(rows)
    coefficients = np.linalg.lstsq(matrix, outcome, rcond=None)[0]
    length = block_length(len(rows), base.lag_days)
    effects = bootstrap_effects(matrix, outcome, length)
    failed = RESAMPLES - len(effects)
    update: dict[str, object] = {
        "effect": float(coefficients[1]),
        "carry_over": float(coefficients[2]),
        "trend_per_week": float(coefficients[3]),
        "resamples": len(effects),
        "block_days": length,
        "verdict": "unclear",
    }
    if failed <= MAX_FAILED_SHARE * RESAMPLES:
        low, high = (float(v) for v in np.percentile(effects, [2.5, 97.5]))
        update |= {"low": low, "high": high, "verdict": verdict_of(low, high)}
    return base.model_copy(update=update)


def verdict_of(low: float, high: float) -> Verdict:
    """Lower or higher only when the whole 95% interval is on one side of no difference."""
    if high < 0:
        return "lower"
    if low > 0:
        return "higher"
    return "unclear"


def bootstrap_effects(matrix: Matrix, outcome: Matrix, length: int) -> list[float]:
    """The effect refitted on RESAMPLES moving-block resamples; a resample without both
    kinds of day (or otherwise singular) is skipped, and counted by the caller."""
    import numpy as np

    count = len(outcome)
    generator = np.random.default_rng(SEED)
    blocks = math.ceil(count / length)
    starts = generator.integers(0, count - length + 1, size=(RESAMPLES, blocks))
    offsets = np.arange(length)
    effects = []
    for chosen in starts:
        index = (chosen[:, None] + offsets).ravel()[:count]
        coefficients, _, rank, _ = np.linalg.lstsq(matrix[index], outcome[index], rcond=None)
        if rank == matrix.shape[1]:
            effects.append(float(coefficients[1]))
    return effects
