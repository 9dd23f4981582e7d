"""The couple model drawn: both partners' scores turn by turn (before and after a what-if
change), and the phase plane with the two null clines and where they cross, the steady states
(filled when stable, hollow when not). Each chart comes with a sentence for screen readers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from bowlby.dynamics.conversations import SCORE_LIMIT
from bowlby.dynamics.model import NullClines, SteadyState, Trajectory
from bowlby.insights.figures import PALETTE, new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

COLOURS = (PALETTE["blue"], PALETTE["orange"])
EDGE = SCORE_LIMIT + 0.5


def plot_trajectories(
    before: Trajectory, after: Trajectory | None, names: tuple[str, str]
) -> Figure:
    """Each partner's score by turn: as fitted (solid), and with the change (dashed)."""
    figure = new_figure(6.4, 3.4)
    axes = figure.add_subplot()
    runs = [(before, "solid", "as now")]
    if after is not None:
        runs.append((after, "dashed", "with the change"))
    for trajectory, style, label in runs:
        for scores, name, colour in zip(
            (trajectory.first, trajectory.second), names, COLOURS, strict=True
        ):
            axes.plot(
                np.arange(len(scores)),
                scores,
                color=colour,
                linestyle=style,
                linewidth=2 if style == "solid" else 1.8,
                marker="o" if style == "solid" else None,
                markersize=3,
                label=f"{name}, {label}",
            )
    axes.axhline(0, color="#bbbbbb", linewidth=0.8)
    axes.set_ylim(-EDGE, EDGE)
    axes.set_xlabel("turn")
    axes.set_ylabel("score (−4 to +4)")
    _style(axes)
    figure.legend(loc="outside lower center", fontsize=9, frameon=False, ncols=2)
    return figure


def plot_phase_plane(
    clines: NullClines,
    states: Sequence[SteadyState],
    names: tuple[str, str],
    paths: Sequence[tuple[Trajectory, str]] = (),
) -> Figure:
    """The first speaker's score across, the second's up: each null cline (where that partner
    would stay put), the steady states where they cross, and optionally simulated paths."""
    figure = new_figure(5.6, 5.0)
    axes = figure.add_subplot()
    axes.plot(
        clines.first, clines.grid, color=COLOURS[0], linewidth=2, label=f"{names[0]}'s null cline"
    )
    axes.plot(
        clines.grid, clines.second, color=COLOURS[1], linewidth=2, label=f"{names[1]}'s null cline"
    )
    for trajectory, label in paths:
        axes.plot(
            trajectory.first,
            trajectory.second,
            color=PALETTE["grey"],
            linewidth=1,
            linestyle="dotted" if "change" in label else "solid",
            alpha=0.8,
            label=label,
        )
    _draw_states(axes, [s for s in states if _inside(s)])
    axes.axhline(0, color="#bbbbbb", linewidth=0.8)
    axes.axvline(0, color="#bbbbbb", linewidth=0.8)
    axes.set_xlim(-EDGE, EDGE)
    axes.set_ylim(-EDGE, EDGE)
    axes.set_xlabel(f"{names[0]}'s score")
    axes.set_ylabel(f"{names[1]}'s score")
    _style(axes)
    figure.legend(loc="outside lower center", fontsize=9, frameon=False, ncols=2)
    return figure


def _draw_states(axes: Axes, states: Sequence[SteadyState]) -> None:
    for stable, label in ((True, "steady state (stable)"), (False, "steady state (unstable)")):
        chosen = [s for s in states if s.stable is stable]
        if chosen:
            axes.plot(
                [s.first for s in chosen],
                [s.second for s in chosen],
                linestyle="none",
                marker="o",
                markersize=9,
                markeredgewidth=2,
                color=PALETTE["vermillion"],
                markerfacecolor=PALETTE["vermillion"] if stable else "white",
                label=label,
            )


def _inside(state: SteadyState) -> bool:
    return abs(state.first) <= EDGE and abs(state.second) <= EDGE


def _style(axes: Axes) -> None:
    axes.grid(color="#eeeeee", linewidth=0.6)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=9)


def describe_trajectories(
    before: Trajectory, after: Trajectory | None, names: tuple[str, str]
) -> str:
    """One sentence per run: where each partner's scores end up."""
    parts = [_ends("As now", before, names)]
    if after is not None:
        parts.append(_ends("With the change", after, names))
    turns = len(before.first) - 1
    return f"Both partners' scores over {turns} turns. " + " ".join(parts)


def _ends(label: str, trajectory: Trajectory, names: tuple[str, str]) -> str:
    return (
        f"{label}, {names[0]} ends at {trajectory.first[-1]:+.1f} and "
        f"{names[1]} at {trajectory.second[-1]:+.1f}."
    )


def describe_phase_plane(states: Sequence[SteadyState], names: tuple[str, str]) -> str:
    """Where the null clines cross, and whether each crossing holds."""
    lead = (
        f"{names[0]}'s score across and {names[1]}'s up, from −4 to +4, with each "
        "partner's null cline."
    )
    if not states:
        return lead + " The clines do not cross: there is no steady state."
    shown = [
        f"{'a stable' if s.stable else 'an unstable'} steady state at "
        f"{names[0]} {s.first:+.1f}, {names[1]} {s.second:+.1f}"
        + ("" if _inside(s) else " (outside the scale, not drawn)")
        for s in states
    ]
    return lead + " They cross at " + "; ".join(shown) + "."
