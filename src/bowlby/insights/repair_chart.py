"""Time to repair as a chart: each repaired rupture's minutes on a log scale, the median per
month as a line, and open ruptures as hollow marks at their age so far (never as zero)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from bowlby.insights.figures import PALETTE, new_figure
from bowlby.practice.repair_attempts import (
    RepairTrendPoint,
    RuptureView,
    format_minutes,
    open_minutes,
    repaired_only,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

TICKS = {
    1: "1 min",
    5: "5 min",
    15: "15 min",
    60: "1 hour",
    360: "6 hours",
    1440: "1 day",
    4320: "3 days",
}
HOUR = 60


def plot_repair_times(
    ruptures: Sequence[RuptureView],
    months: Sequence[RepairTrendPoint],
    zone: tzinfo,
    now: datetime,
) -> Figure:
    figure = new_figure(6.4, 3.4)
    axes = figure.add_subplot()
    done = repaired_only(ruptures)
    if done:
        axes.plot(
            as_x([_day(r, zone) for r in done]),
            [max(r.minutes_to_repair or 1, 1) for r in done],
            linestyle="none",
            marker="o",
            markersize=5,
            color=PALETTE["blue"],
            label="one repair",
        )
    if months:
        middles = [date.fromisoformat(f"{m.label}-15") for m in months]
        axes.plot(
            as_x(middles),
            [max(m.median_minutes, 1) for m in months],
            color=PALETTE["green"],
            linewidth=2,
            marker="s",
            label="median of the month",
        )
    still_open = [r for r in ruptures if r.is_open]
    if still_open:
        axes.plot(
            as_x([_day(r, zone) for r in still_open]),
            [max(open_minutes(r, now), 1) for r in still_open],
            linestyle="none",
            marker="o",
            markersize=7,
            markerfacecolor="white",
            color=PALETTE["vermillion"],
            label="still open (age so far)",
        )
    axes.axhline(HOUR, color=PALETTE["grey"], linewidth=1, linestyle=":")
    _style_axes(axes)
    return figure


def _day(rupture: RuptureView, zone: tzinfo) -> date:
    return rupture.occurred_at.astimezone(zone).date()


def _style_axes(axes: Axes) -> None:
    from matplotlib.dates import AutoDateLocator, DateFormatter
    from matplotlib.ticker import FixedFormatter, FixedLocator, NullLocator

    axes.xaxis_date()
    axes.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=7))
    axes.xaxis.set_major_formatter(DateFormatter("%d %b"))
    axes.set_yscale("log")
    axes.set_ylim(0.7, 6000)
    axes.yaxis.set_major_locator(FixedLocator(list(TICKS)))
    axes.yaxis.set_major_formatter(FixedFormatter(list(TICKS.values())))
    axes.yaxis.set_minor_locator(NullLocator())
    axes.set_ylabel("time to repair")
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=9)
    axes.figure.legend(loc="outside lower center", fontsize=9, frameon=False, ncols=2)


def describe_repair_chart(months: Sequence[RepairTrendPoint], open_count: int) -> str:
    """The chart in words: first and latest monthly median, and how many are open."""
    still = f" {open_count} still open." if open_count else ""
    if not months:
        return "No repaired ruptures yet." + still
    first, last = months[0], months[-1]
    if len(months) == 1:
        return (
            f"Median time to repair: {format_minutes(last.median_minutes)} in {last.label}.{still}"
        )
    return (
        f"Median time to repair: {format_minutes(first.median_minutes)} in {first.label}, "
        f"{format_minutes(last.median_minutes)} in {last.label}.{still}"
    )


def as_x(days: Sequence[date]) -> list[float]:
    """Dates as matplotlib's day numbers (the axis shows them as dates again)."""
    from matplotlib.dates import date2num

    return [float(date2num(day)) for day in days]
