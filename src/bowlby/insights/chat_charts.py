"""A chat's pattern as charts: messages and the tense share per week, each person's typical
reply time per month, and each episode's time to its first repair over the months."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import TYPE_CHECKING

from bowlby.chats.chat_report import MonthLatency, WeekPattern
from bowlby.chats.episodes import Episode
from bowlby.insights.figures import PALETTE, new_figure
from bowlby.insights.ratio_chart import as_x

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

PEOPLE_COLOURS = ("blue", "orange", "green", "purple", "sky")
ENDING_COLOURS = {
    "repair": "green",
    "positive turn": "sky",
    "unresolved": "orange",
    "silence": "vermillion",
}
NO_REPAIR_HOURS = 48.0  # where an episode without a repair is drawn (the search's horizon)


def plot_weeks(weeks: Sequence[WeekPattern]) -> Figure:
    """Bars: messages per week; line: the share of them read as tense."""
    figure = new_figure(6.4, 3.2)
    axes = figure.add_subplot()
    x = as_x([week.monday for week in weeks])
    axes.bar(x, [w.messages for w in weeks], width=5, color=PALETTE["sky"], label="messages")
    axes.set_ylabel("messages a week")
    share = axes.twinx()
    share.plot(
        x,
        [100 * w.negative_share for w in weeks],
        color=PALETTE["vermillion"],
        linewidth=2,
        marker="o",
        markersize=3,
        label="tense share (%)",
    )
    share.set_ylabel("tense messages (%)")
    share.set_ylim(bottom=0)
    _date_axis(axes)
    for side in ("top",):
        axes.spines[side].set_visible(False)
        share.spines[side].set_visible(False)
    figure.legend(loc="outside lower center", fontsize=9, frameon=False, ncols=2)
    return figure


def plot_latency(latency: Sequence[MonthLatency], people: Sequence[str]) -> Figure:
    """Each person's median reply time per month, in minutes."""
    figure = new_figure(6.4, 3.0)
    axes = figure.add_subplot()
    for number, person in enumerate(people):
        months = [m for m in latency if m.person == person]
        if not months:
            continue
        colour = PALETTE[PEOPLE_COLOURS[number % len(PEOPLE_COLOURS)]]
        axes.plot(
            as_x([m.month for m in months]),
            [m.median_seconds / 60 for m in months],
            color=colour,
            linewidth=2,
            marker="o",
            label=person,
        )
    axes.set_ylim(bottom=0)
    axes.set_ylabel("typical reply (minutes)")
    _date_axis(axes, "%b %Y")
    figure.legend(loc="outside lower center", fontsize=9, frameon=False, ncols=len(people) or 1)
    return figure


def plot_episodes(episodes: Sequence[Episode], zone: tzinfo) -> Figure:
    """One dot per episode: when it began, and hours until the first repair (none: on top),
    coloured by how it ended."""
    figure = new_figure(6.4, 3.2)
    axes = figure.add_subplot()
    for ending, colour in ENDING_COLOURS.items():
        chosen = [e for e in episodes if e.ending == ending]
        if not chosen:
            continue
        axes.plot(
            as_x([e.started_at.astimezone(zone).date() for e in chosen]),
            [_repair_hours(e) for e in chosen],
            linestyle="none",
            marker="o",
            markersize=5,
            color=PALETTE[colour],
            label=f"ended: {ending}",
        )
    axes.set_yscale("log")
    axes.set_ylabel("hours to first repair")
    axes.axhline(
        NO_REPAIR_HOURS,
        color=PALETTE["grey"],
        linewidth=0.8,
        linestyle=":",
        label="no repair within 2 days",
    )
    _date_axis(axes)
    _plain_log_ticks(axes)
    figure.legend(loc="outside lower center", fontsize=9, frameon=False, ncols=2)
    return figure


def _repair_hours(episode: Episode) -> float:
    repair = episode.time_to_repair
    if repair is None:
        return NO_REPAIR_HOURS
    return max(repair.total_seconds() / 3600, 0.02)


def _date_axis(axes: Axes, fmt: str = "%d %b") -> None:
    from matplotlib.dates import AutoDateLocator, DateFormatter

    axes.xaxis_date()
    axes.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=7))
    axes.xaxis.set_major_formatter(DateFormatter(fmt))
    axes.tick_params(labelsize=9)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)


def _plain_log_ticks(axes: Axes) -> None:
    from matplotlib.ticker import FuncFormatter, NullFormatter

    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:g}"))
    axes.yaxis.set_minor_formatter(NullFormatter())


def describe_weeks(weeks: Sequence[WeekPattern]) -> str:
    if not weeks:
        return "No messages in this period."
    busiest = max(weeks, key=lambda w: w.messages)
    tensest = max(weeks, key=lambda w: w.negative_share)
    return (
        f"{len(weeks)} weeks. The busiest, {busiest.label}, had {busiest.messages} messages; "
        f"the tensest, {tensest.label}, had {tensest.negative_share:.0%} tense messages."
    )


def describe_latency(latency: Sequence[MonthLatency], people: Sequence[str]) -> str:
    said = []
    for person in people:
        months = [m for m in latency if m.person == person]
        if months:
            first, last = months[0], months[-1]
            said.append(
                f"{person}: {first.median_seconds / 60:.0f} min in {first.month:%B %Y}, "
                f"{last.median_seconds / 60:.0f} min in {last.month:%B %Y}"
            )
    return "; ".join(said) + "." if said else "No replies to time."


def describe_episodes(episodes: Sequence[Episode]) -> str:
    if not episodes:
        return "No episodes in this period."
    repaired = [e for e in episodes if e.time_to_repair is not None]
    return (
        f"{len(episodes)} episodes, {len(repaired)} of them followed by a repair within two "
        "days. Dots lower down were repaired sooner; dots on the dotted line, not at all."
    )
