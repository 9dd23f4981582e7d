"""The feedback loop as a figure: daily anxiety over time with the days of a safe response
marked, and beside it the estimated lagged effect with its 95% interval (when there is one).

Colours from the shared colour-blind-safe palette; safe days are marked by shape and place
(triangles along the bottom) as well as colour, so the figure reads in grey too."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bowlby.dynamics.feedback_loop import Day
from bowlby.dynamics.feedback_loop_fit import LoopEstimate
from bowlby.insights.figures import PALETTE, new_figure
from bowlby.insights.repair_chart import as_x

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

INK = "#2d2420"
SAFE_MARK_AT = -0.6  # below the 0-10 scale, so the marks never hide a rating


def charted(series: Sequence[Day]) -> bool:
    """Worth drawing once two days have a rating."""
    return sum(day.anxiety is not None for day in series) >= 2


def plot_loop(series: Sequence[Day], estimate: LoopEstimate) -> Figure:
    """Anxiety by day (gaps where nothing was rated), triangles on safe-response days, and a
    second panel with the effect and its interval when an estimate was made."""
    with_effect = estimate.effect is not None and estimate.low is not None
    figure = new_figure(6.4, 4.6 if with_effect else 3.4)
    if with_effect:
        days_axes, effect_axes = figure.subplots(2, 1, height_ratios=[3, 1])
        draw_effect(effect_axes, estimate)
    else:
        days_axes = figure.add_subplot()
    draw_days(days_axes, series)
    return figure


def draw_days(axes: Axes, series: Sequence[Day]) -> None:
    rated = [day for day in series if day.anxiety is not None]
    axes.plot(
        as_x([d.day for d in rated]),
        [d.anxiety or 0.0 for d in rated],
        color=PALETTE["blue"],
        marker="o",
        markersize=3,
        linewidth=1.2,
        label="anxiety that day (0–10)",
    )
    safe = [day.day for day in series if day.had_safe_response]
    if safe:
        axes.plot(
            as_x(safe),
            [SAFE_MARK_AT] * len(safe),
            linestyle="none",
            marker="^",
            markersize=6,
            color=PALETTE["green"],
            label="a safe, reliable response",
        )
    from matplotlib.dates import AutoDateLocator, DateFormatter

    axes.xaxis_date()
    axes.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=7))
    axes.xaxis.set_major_formatter(DateFormatter("%d %b"))
    axes.set_ylim(SAFE_MARK_AT - 0.6, 10.4)
    axes.set_yticks([0, 2, 4, 6, 8, 10])
    axes.set_ylabel("anxiety (0–10)")
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(labelsize=9)
    axes.legend(loc="upper right", fontsize=8, frameon=False, ncols=2)


def draw_effect(axes: Axes, estimate: LoopEstimate) -> None:
    effect, low, high = estimate.effect or 0.0, estimate.low or 0.0, estimate.high or 0.0
    axes.errorbar(
        [effect], [0], xerr=[[effect - low], [high - effect]], fmt="o", color=INK, capsize=5
    )
    axes.axvline(0, color=PALETTE["grey"], linewidth=1, linestyle=":")
    reach = max(1.0, abs(low), abs(high)) * 1.15
    axes.set_xlim(-reach, reach)
    axes.set_yticks([])
    later = "next day" if estimate.lag_days == 1 else "next 3 days"
    axes.set_xlabel(f"difference in anxiety over the {later} after a safe day (95% range)")
    axes.spines[["top", "right", "left"]].set_visible(False)
    axes.tick_params(labelsize=9)


def describe_loop(series: Sequence[Day], estimate: LoopEstimate) -> str:
    """The figure in words, for screen readers and anyone who prefers text."""
    rated = [day for day in series if day.anxiety is not None]
    if not rated:
        return "No anxiety ratings yet."
    safe = sum(day.had_safe_response for day in series)
    text = (
        f"{len(rated)} days with an anxiety rating from {rated[0].day:%d %B %Y} to "
        f"{rated[-1].day:%d %B %Y}, {safe} days with a safe, reliable response."
    )
    if estimate.effect is not None and estimate.low is not None and estimate.high is not None:
        text += (
            f" Estimated difference afterwards: {estimate.effect:+.1f} points, 95% range "
            f"{estimate.low:+.1f} to {estimate.high:+.1f}."
        )
    return text
