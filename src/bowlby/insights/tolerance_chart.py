"""Tolerance growth as a figure: discomfort before and after each vulnerability window with
their rolling means, and how many windows were opened each week."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bowlby.insights.figures import PALETTE, new_figure
from bowlby.practice.vulnerability_windows import ROLLING, ToleranceTrend

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def plot_tolerance(trend: ToleranceTrend) -> Figure:
    """Two panels sharing the time axis: ratings above, windows per week below."""
    figure = new_figure(7.0, 4.6)
    ratings, weeks = figure.subplots(2, 1, sharex=True, height_ratios=[3, 1])
    days = [p.day for p in trend.points]
    ratings.scatter(days, [p.before for p in trend.points], s=14, color=PALETTE["orange"],
                    alpha=0.6, label="before sharing")  # fmt: skip
    ratings.scatter(days, [p.after for p in trend.points], s=14, color=PALETTE["blue"],
                    alpha=0.6, marker="s", label="after sharing")  # fmt: skip
    ratings.plot(days, [p.rolling_before for p in trend.points], color=PALETTE["orange"],
                 linewidth=2, label=f"before, mean of last {ROLLING}")  # fmt: skip
    ratings.plot(days, [p.rolling_after for p in trend.points], color=PALETTE["blue"],
                 linewidth=2, linestyle="--", label=f"after, mean of last {ROLLING}")  # fmt: skip
    ratings.set_ylim(-0.5, 10.5)
    ratings.set_ylabel("discomfort (0–10)")
    ratings.legend(loc="upper right", fontsize=7, frameon=False, ncols=2)
    ratings.grid(axis="y", color="#dddddd", linewidth=0.6)
    weeks.bar([w.week_start for w in trend.weeks], [w.windows for w in trend.weeks], width=6,
              align="edge", color=PALETTE["green"])  # fmt: skip
    weeks.set_ylabel("per week")
    weeks.yaxis.get_major_locator().set_params(integer=True)
    for axes in (ratings, weeks):
        axes.spines[["top", "right"]].set_visible(False)
    figure.autofmt_xdate()
    return figure


def describe_tolerance(trend: ToleranceTrend) -> str:
    """The figure in words, for screen readers and anyone who prefers text."""
    if not trend.points:
        return "No windows yet."
    first, last = trend.points[0], trend.points[-1]
    return (
        f"{trend.count} windows from {first.day:%d %b %Y} to {last.day:%d %b %Y}. "
        f"The rolling mean of discomfort before sharing moved from {first.rolling_before:.1f} "
        f"to {last.rolling_before:.1f}; after sharing from {first.rolling_after:.1f} to "
        f"{last.rolling_after:.1f}. "
        f"Windows per week: {', '.join(str(w.windows) for w in trend.weeks)}."
    )
