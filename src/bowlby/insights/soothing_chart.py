"""What each self-soothing exercise does for this person, as a figure: the mean drop in
anxiety with its 95% interval, for the exercises tried often enough to tell (three times)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bowlby.insights.figures import PALETTE, new_figure
from bowlby.practice.soothing import ExerciseEffect

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def charted(effects: Sequence[ExerciseEffect]) -> list[ExerciseEffect]:
    """The exercises tried often enough to tell; two sessions' interval is too wide to read."""
    return [e for e in effects if e.enough and e.mean_drop is not None and e.low is not None]


def plot_effects(effects: Sequence[ExerciseEffect]) -> Figure:
    """Horizontal bars of the mean drop, whiskers for the interval, a line at no change."""
    shown = charted(effects)
    figure = new_figure(6.4, 0.7 + 0.6 * max(1, len(shown)))
    axes = figure.subplots()
    means = [e.mean_drop or 0.0 for e in shown]
    below = [m - (e.low or 0.0) for m, e in zip(means, shown, strict=True)]
    above = [(e.high or 0.0) - m for m, e in zip(means, shown, strict=True)]
    rows = range(len(shown))
    axes.barh(rows, means, color=PALETTE["green"], height=0.55)
    axes.errorbar(means, rows, xerr=[below, above], fmt="none", ecolor="#2d2420", capsize=4)
    axes.axvline(0, color="#2d2420", linewidth=0.8)
    axes.set_yticks(list(rows), [f"{e.title} (n={e.count})" for e in shown], fontsize=8)
    axes.invert_yaxis()
    axes.set_xlabel("points calmer afterwards (mean, with 95% range)")
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def describe_effects(effects: Sequence[ExerciseEffect]) -> str:
    """The figure in words, for screen readers and anyone who prefers text."""
    parts = [
        f"{e.title}: {e.mean_drop:.1f} points calmer on average, 95% range {e.low:.1f} to "
        f"{e.high:.1f}, from {e.count} sessions"
        for e in charted(effects)
    ]
    return "; ".join(parts) + "." if parts else "Not enough sessions to draw yet."
