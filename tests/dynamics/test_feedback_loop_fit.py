"""The lagged regression on hand-made daily series: a planted effect is recovered with an
interval that excludes no difference, noise leaves it spanning zero, too few days refuse."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from bowlby.dynamics.feedback_loop import Day
from bowlby.dynamics.feedback_loop_fit import (
    MIN_DAYS,
    Shortfall,
    block_length,
    estimate_loop,
    lagged_rows,
    verdict_of,
)

START = date(2026, 1, 5)


def simulate(days: int, effect: float, seed: int, *, safe_share: float = 0.4) -> list[Day]:
    """Anxiety that carries over from day to day (0.6), shifted by ``effect`` the day after
    a safe response, with noise; rounded and kept on the 0-10 scale like real ratings."""
    rng = np.random.default_rng(seed)
    safe = rng.random(days) < safe_share
    anxiety, series = 5.0, []
    for index in range(days):
        rated = float(np.clip(round(anxiety, 1), 0, 10))
        series.append(
            Day(day=START + timedelta(days=index), anxiety=rated, safe_responses=int(safe[index]))
        )
        anxiety = 2 + 0.6 * rated + effect * safe[index] + rng.normal(0, 0.8)
    return series


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_planted_lower_anxiety_after_safe_days_is_recovered(seed):
    found = estimate_loop(simulate(70, -1.5, seed))
    assert found.verdict == "lower"
    assert found.low is not None
    assert found.high is not None
    assert found.low < -1.5 + 0.8
    assert found.high < 0
    assert found.low <= found.effect <= found.high  # type: ignore[operator]
    assert found.effect == pytest.approx(-1.5, abs=0.6)
    assert found.carry_over == pytest.approx(0.6, abs=0.25)
    assert (found.days_used, found.resamples, found.block_days) == (69, 1000, 4)


def test_over_three_days_the_planted_effect_shows_too():
    found = estimate_loop(simulate(90, -1.5, 4), lag_days=3)
    assert found.lag_days == 3
    assert found.verdict == "lower"
    assert found.high is not None
    assert found.high < 0


@pytest.mark.parametrize("seed", [5, 6, 7, 8])
def test_pure_noise_leaves_the_interval_spanning_no_difference(seed):
    found = estimate_loop(simulate(60, 0.0, seed))
    assert found.verdict == "unclear"
    assert found.low is not None
    assert found.high is not None
    assert found.low < 0 < found.high


def test_the_same_series_gives_the_same_interval_every_time():
    series = simulate(40, -1.0, 9)
    assert estimate_loop(series) == estimate_loop(series)


def test_too_few_days_is_a_refusal_that_says_what_is_missing():
    found = estimate_loop(simulate(MIN_DAYS, -1.5, 1))  # 28 days give 27 next-day pairs
    assert found.verdict == "not_enough"
    assert found.effect is None
    assert found.low is None
    assert found.shortfalls == [Shortfall(what="days", have=MIN_DAYS - 1, need=MIN_DAYS)]
    assert estimate_loop(simulate(MIN_DAYS + 1, -1.5, 1)).verdict == "lower"


def test_without_enough_safe_days_or_other_days_there_is_nothing_to_compare():
    never = estimate_loop(simulate(60, 0.0, 1, safe_share=0.0))
    assert never.shortfalls == [Shortfall(what="safe_days", have=0, need=5)]
    always = estimate_loop(simulate(60, 0.0, 1, safe_share=1.0))
    assert always.shortfalls == [Shortfall(what="other_days", have=0, need=5)]


def test_days_without_a_rating_are_skipped_not_counted_as_calm():
    series = [
        Day(day=START, anxiety=6, safe_responses=1),
        Day(day=START + timedelta(days=1)),
        Day(day=START + timedelta(days=2), anxiety=4),
        Day(day=START + timedelta(days=3), anxiety=2),
        Day(day=START + timedelta(days=4), anxiety=7),
    ]
    assert [(r.day_index, r.anxiety_later) for r in lagged_rows(series, 1)] == [(2, 2), (3, 7)]
    three = lagged_rows(series, 3)
    assert [(r.day_index, r.safe, r.anxiety_later) for r in three] == [
        (0, True, 3),  # the mean of days 2 and 3; day 1 had no rating
        (2, False, 4.5),
        (3, False, 7),
    ]


def test_the_verdict_needs_the_whole_interval_on_one_side():
    assert verdict_of(-2.0, -0.1) == "lower"
    assert verdict_of(0.2, 1.0) == "higher"
    assert verdict_of(-1.0, 0.3) == "unclear"
    assert block_length(28, 1) == 3
    assert block_length(28, 3) == 4
    assert block_length(125, 1) == 5


def test_only_lags_of_one_and_three_days():
    with pytest.raises(ValueError, match="lag_days"):
        estimate_loop([], lag_days=2)
