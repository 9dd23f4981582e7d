"""The attachment plane: anxiety across, avoidance up, four named regions, the person's point
with its uncertainty, and earlier results as a trail."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bowlby.assess.styles import Z_95, Position
from bowlby.insights.figures import PALETTE, new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

SCALE = (1.0, 7.0)
REGIONS = (
    # (label, x, y, horizontal and vertical alignment): each name in its own corner, away
    # from where points usually fall.
    ("secure", 1.12, 1.12, "left", "bottom"),
    ("anxious / preoccupied", 6.88, 1.12, "right", "bottom"),
    ("avoidant / dismissing", 1.12, 6.88, "left", "top"),
    ("fearful / disorganized", 6.88, 6.88, "right", "top"),
)


@dataclass(frozen=True)
class PlanePoint:
    """One result to draw; ``anxiety_se`` and ``avoidance_se`` draw the uncertainty bars."""

    anxiety: float
    avoidance: float
    label: str
    anxiety_se: float | None = None
    avoidance_se: float | None = None

    @classmethod
    def from_position(cls, position: Position, label: str) -> PlanePoint:
        """A scored position, its 95% margins turned back into standard errors."""
        known = position.uncertainty_known
        return cls(
            position.anxiety,
            position.avoidance,
            label,
            position.anxiety_margin / Z_95 if known else None,
            position.avoidance_margin / Z_95 if known else None,
        )


def plot_plane(series: Sequence[tuple[str, Sequence[PlanePoint]]], midpoint: float = 4.0) -> Figure:
    """Each series (a person) drawn as a trail of results ending in its latest point."""
    figure = new_figure(5.6, 5.6)
    axes = figure.add_subplot()
    _draw_regions(axes, midpoint)
    colours = [PALETTE["blue"], PALETTE["vermillion"], PALETTE["green"], PALETTE["purple"]]
    markers = ["o", "s", "D", "^"]
    for index, (name, points) in enumerate(series):
        if points:
            _draw_series(axes, name, points, colours[index % 4], markers[index % 4])
    axes.set_xlim(*SCALE)
    axes.set_ylim(*SCALE)
    axes.set_xlabel("Attachment anxiety (1–7)")
    axes.set_ylabel("Attachment avoidance (1–7)")
    axes.set_aspect("equal")
    if any(points for _, points in series):
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, frameon=False)
    return figure


def describe_plane(series: Sequence[tuple[str, Sequence[PlanePoint]]]) -> str:
    """The plot in words, for alt text and for anyone who cannot see it."""
    parts = []
    for name, points in series:
        if not points:
            continue
        latest = points[-1]
        part = f"{name}: anxiety {latest.anxiety:.2f}, avoidance {latest.avoidance:.2f}"
        if len(points) > 1:
            first = points[0]
            part += (
                f" (first result anxiety {first.anxiety:.2f}, avoidance {first.avoidance:.2f}, "
                f"{len(points)} results in all)"
            )
        parts.append(part)
    if not parts:
        return "The attachment plane with no results yet."
    return (
        "The attachment plane, anxiety across and avoidance up, 1 to 7. " + "; ".join(parts) + "."
    )


def _draw_regions(axes: Axes, midpoint: float) -> None:
    axes.axvline(midpoint, color=PALETTE["grey"], linewidth=0.8, linestyle="--")
    axes.axhline(midpoint, color=PALETTE["grey"], linewidth=0.8, linestyle="--")
    axes.fill_between([SCALE[0], midpoint], SCALE[0], midpoint, color=PALETTE["green"], alpha=0.08)
    for label, x, y, across, up in REGIONS:
        axes.text(x, y, label, ha=across, va=up, fontsize=9, color="#444444")


def _draw_series(
    axes: Axes, name: str, points: Sequence[PlanePoint], colour: str, marker: str
) -> None:
    if len(points) > 1:
        xs = [p.anxiety for p in points]
        ys = [p.avoidance for p in points]
        axes.plot(xs, ys, color=colour, linewidth=1.2, alpha=0.55, marker=marker, markersize=4)
    latest = points[-1]
    axes.errorbar(
        latest.anxiety,
        latest.avoidance,
        xerr=None if latest.anxiety_se is None else Z_95 * latest.anxiety_se,
        yerr=None if latest.avoidance_se is None else Z_95 * latest.avoidance_se,
        fmt=marker,
        color=colour,
        markersize=9,
        capsize=4,
        label=f"{name} (latest, with 95% range)",
    )
