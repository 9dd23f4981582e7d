"""The 5:1 ledger as a chart: each day's ratio and the rolling 7 days on a log scale against the
5:1 line. Empty days are gaps, days without negatives sit on the top edge (never infinity),
and estimated moments get a line of their own."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from bowlby.insights.figures import PALETTE, new_figure
from bowlby.practice.ratio_ledger import TARGET, RatioPeriod, Tally

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

BOTTOM, TOP = 0.1, 50.0
TICKS = (0.25, 0.5, 1, 2, 5, 10, 20)


def ratio_or_edge(tally: Tally | None) -> float:
    """A tally's ratio for drawing: NaN (a gap) when empty, the top edge without negatives,
    the bottom edge without positives."""
    if tally is None or tally.total == 0:
        return math.nan
    if tally.negative == 0:
        return TOP
    if tally.positive == 0:
        return BOTTOM
    return min(max(tally.positive / tally.negative, BOTTOM), TOP)


def plot_ratio(days: Sequence[RatioPeriod], rolling: Sequence[RatioPeriod]) -> Figure:
    """Daily ratios (logged only) as dots, the rolling 7 days as a line, the 5:1 line."""
    figure = new_figure(6.4, 3.4)
    axes = figure.add_subplot()
    dates = as_x([period.first_day for period in days])
    daily = [ratio_or_edge(p.tally.logged_only() if p.tally else None) for p in days]
    _draw_daily(axes, dates, daily)
    logged = [_rolling_value(p, logged_only=True) for p in rolling]
    axes.plot(
        as_x([p.last_day for p in rolling]),
        logged,
        color=PALETTE["blue"],
        linewidth=2,
        label="rolling 7 days (logged)",
    )
    if any(p.tally and p.tally.estimated for p in rolling):
        with_estimated = [_rolling_value(p, logged_only=False) for p in rolling]
        axes.plot(
            as_x([p.last_day for p in rolling]),
            with_estimated,
            color=PALETTE["orange"],
            linewidth=2,
            linestyle="--",
            label="with estimated (from chats)",
        )
    axes.axhline(
        TARGET,
        color=PALETTE["green"],
        linewidth=1.5,
        linestyle=":",
        label="5:1 (seen in conflict talks)",
    )
    _style_axes(axes)
    if dates:
        axes.set_xlim(dates[0] - 0.5, dates[-1] + 0.5)
    return figure


def _rolling_value(period: RatioPeriod, *, logged_only: bool) -> float:
    tally = period.tally
    if tally is None:
        return math.nan
    chosen = tally.logged_only() if logged_only else tally
    return chosen.positive / chosen.negative if chosen.negative and chosen.positive else math.nan


def _draw_daily(axes: Axes, dates: Sequence[float], values: Sequence[float]) -> None:
    """Each day a dot; days with no negatives (or no positives) pinned to the edges."""
    points = list(zip(dates, values, strict=True))
    groups = (
        ([p for p in points if BOTTOM < p[1] < TOP], "o", 4, "grey", "one day"),
        ([p for p in points if p[1] == TOP], "^", 6, "sky", "a day with no negatives"),
        ([p for p in points if p[1] == BOTTOM], "v", 6, "vermillion", "a day with no positives"),
    )
    for chosen, marker, size, colour, label in groups:
        if chosen:
            axes.plot(
                [d for d, _ in chosen],
                [v for _, v in chosen],
                linestyle="none",
                marker=marker,
                markersize=size,
                color=PALETTE[colour],
                label=label,
            )


def _style_axes(axes: Axes) -> None:
    from matplotlib.dates import AutoDateLocator, DateFormatter
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

    axes.xaxis_date()
    axes.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=7))
    axes.xaxis.set_major_formatter(DateFormatter("%d %b"))
    axes.set_yscale("log")
    axes.set_ylim(BOTTOM * 0.8, TOP * 1.25)
    axes.yaxis.set_major_locator(FixedLocator([BOTTOM, *TICKS, TOP]))
    axes.yaxis.set_minor_locator(NullLocator())
    axes.yaxis.set_major_formatter(FuncFormatter(_tick_label))
    axes.set_ylabel("positive per negative")
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=9)
    axes.figure.legend(loc="outside lower center", fontsize=9, frameon=False, ncols=2)


def _tick_label(value: float, _position: object) -> str:
    if value >= TOP:
        return "no −"
    if value <= BOTTOM:
        return "no +"
    return f"{value:g}:1"


def describe_ratio_chart(rolling: Sequence[RatioPeriod]) -> str:
    """The chart in words, for screen readers: the latest rolling ratio against 5:1."""
    latest = next((p for p in reversed(rolling) if p.tally), None)
    if latest is None or latest.tally is None:
        return "No moments logged in this period."
    tally = latest.tally
    if not tally.negative:
        where = f"{tally.positive} positive and no negative moments"
    else:
        where = f"{tally.positive / tally.negative:.1f} positive for each negative"
    return f"Over the 7 days to {latest.last_day.isoformat()}: {where}. The line marks 5:1."


def as_x(days: Sequence[date]) -> list[float]:
    """Dates as matplotlib's day numbers (the axis shows them as dates again)."""
    from matplotlib.dates import date2num

    return [float(date2num(day)) for day in days]
