"""Every plot Bowlby draws, named once: its title, what it shows, the options it takes, and one
function per plot that turns already-gathered data into a ``Drawn`` (figure, title, alt text).

Pages, ``bowlby plot NAME -o FILE`` and reports all draw through here, so a chart reads the
same wherever it appears. Each function returns None when there is not enough to draw, so the
rule for "enough" lives in one place too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from bowlby.errors import InputError
from bowlby.insights.figures import FORMATS, svg_markup

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from bowlby.chats.chat_report import ChatReport
    from bowlby.dynamics.feedback_loop import Day
    from bowlby.dynamics.feedback_loop_fit import LoopEstimate
    from bowlby.dynamics.model import NullClines, SteadyState, Trajectory
    from bowlby.insights.plane import PlanePoint
    from bowlby.practice.cycle_maps import CycleLoop
    from bowlby.practice.ratio_ledger import RatioPeriod
    from bowlby.practice.repair_attempts import RepairTrendPoint, RuptureView
    from bowlby.practice.soothing import ExerciseEffect
    from bowlby.practice.vulnerability_windows import ToleranceTrend

ALL_FORMATS = ("svg", "png", "pdf")
SVG_ONLY = ("svg",)


@dataclass(frozen=True)
class PlotSpec:
    """A plot's name, its title, one line on what it shows, the options it takes (``chat``,
    ``days``, ``cycle``) and the file formats it can be written as."""

    name: str
    title: str
    about: str
    empty: str
    options: tuple[str, ...] = ()
    formats: tuple[str, ...] = ALL_FORMATS


SPECS = (
    PlotSpec("plane", "The attachment plane",
             "Your results on the anxiety–avoidance plane, earlier ones as a trail.",
             "No finished questionnaire yet: take one with `bowlby assess take` or on /assess."),
    PlotSpec("plane-couple", "The attachment plane",
             "Your results and the ones your partner shared with you, side by side.",
             "No finished questionnaire yet, of yours or shared with you."),
    PlotSpec("ratio", "Positive to negative, against the 5:1 line",
             "The 5:1 ledger: each day's ratio and the rolling 7 days (option: days, 28 or 91).",
             "No moments logged on the 5:1 ledger in this window yet.", ("days",)),
    PlotSpec("repairs", "Time to repair",
             "Each rupture's time to repair, the monthly median, and the ones still open.",
             "No ruptures logged yet."),
    PlotSpec("soothing", "How much calmer each exercise leaves you",
             "The mean drop in anxiety per self-soothing exercise, with its 95% range.",
             "Not enough self-soothing sessions yet: an exercise needs three to be drawn."),
    PlotSpec("tolerance", "Discomfort before and after sharing",
             "Discomfort before and after each vulnerability window, and windows per week.",
             "Not enough vulnerability windows yet: two are needed to draw a line."),
    PlotSpec("loop", "Your daily anxiety, and the days with a safe response",
             "Daily anxiety with the days of a safe response marked, and the estimated effect.",
             "Not enough anxiety ratings yet: two days are needed."),
    PlotSpec("chat-weeks", "Messages and tense share per week",
             "One imported chat: messages per week and the share read as tense (option: chat).",
             "This chat has no messages to draw.", ("chat",)),
    PlotSpec("chat-latency", "Typical reply time per month",
             "One imported chat: each person's typical reply time per month (option: chat).",
             "This chat has no messages to draw.", ("chat",)),
    PlotSpec("chat-episodes", "Episodes and the time to their first repair",
             "One imported chat: each tense episode and the hours to its first repair.",
             "This chat has no messages to draw.", ("chat",)),
    PlotSpec("dynamics-phase", "The phase plane",
             "The couple model's null clines and steady states (option: chat; else your "
             "logged hard conversations).",
             "Nothing to fit yet.", ("chat",)),
    PlotSpec("cycle", "Your cycle",
             "A pursue–withdraw cycle drawn as a loop (option: cycle; SVG only, because it is "
             "drawn by hand so the words wrap inside their boxes).",
             "No cycle mapped yet.", ("cycle",), SVG_ONLY),
)  # fmt: skip
CATALOGUE = {spec.name: spec for spec in SPECS}


def find_spec(name: str) -> PlotSpec:
    """The plot called ``name``; an unknown name is an input error that lists the real ones."""
    found = CATALOGUE.get(name)
    if found is None:
        raise InputError(f"there is no plot '{name}'. Plots: {', '.join(CATALOGUE)}.", field="name")
    return found


@dataclass(frozen=True)
class Drawn:
    """One plot ready to show or write: its title, its alt text, and its figure (drawn only
    when asked, since a JSON twin needs the words and not the picture)."""

    spec: PlotSpec
    description: str
    draw: Callable[[], Figure] | None = None
    markup: str | None = None  # a hand-drawn SVG (the cycle)

    @property
    def title(self) -> str:
        return self.spec.title

    def svg(self, *, responsive: bool = True) -> str:
        """Inline SVG for a page, titled and described for screen readers."""
        if self.markup is not None:
            return self.markup
        return svg_markup(self.figure(), self.title, self.description, responsive=responsive)

    def figure(self) -> Figure:
        if self.draw is None:
            raise ValueError(f"{self.spec.name} is drawn as SVG only")
        return self.draw()

    def render(self, fmt: str) -> bytes:
        """A file's bytes: SVG with its title and description inside; PNG and PDF with the
        title drawn on top and the alt text in the file's metadata."""
        if fmt not in self.spec.formats:
            allowed = ", ".join(f".{f}" for f in self.spec.formats)
            raise InputError(
                f"the plot '{self.spec.name}' can be written as {allowed} only; {self.spec.about}",
                field="output",
            )
        if fmt == "svg":
            return (self.svg(responsive=False) + "\n").encode("utf-8")
        return render_file(self.figure(), fmt, self.title, self.description)


def render_file(figure: Figure, fmt: str, title: str, description: str) -> bytes:
    """PNG or PDF bytes with a visible title and the alt text as metadata; no date or machine
    name, like ``figures.render``."""
    import io

    if fmt not in FORMATS - {"svg"}:
        raise ValueError("png or pdf only")
    figure.suptitle(title, fontsize=12)
    metadata: dict[str, str | None] = {"Title": title}
    if fmt == "png":
        metadata["Description"] = description
    else:
        metadata.update(Subject=description, CreationDate=None)
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, metadata=metadata, dpi=150 if fmt == "png" else None)
    return buffer.getvalue()


def plane(
    series: Sequence[tuple[str, Sequence[PlanePoint]]], *, couple: bool = False
) -> Drawn | None:
    """The plane with each person's results, once there is one."""
    if not any(points for _, points in series):
        return None
    return bare_plane(series, couple=couple)


def bare_plane(
    series: Sequence[tuple[str, Sequence[PlanePoint]]], *, couple: bool = False
) -> Drawn:
    """The plane even with no results on it (a result page shows it before the first score)."""
    from bowlby.insights import plane as chart

    spec = CATALOGUE["plane-couple" if couple else "plane"]
    return Drawn(spec, chart.describe_plane(series), lambda: chart.plot_plane(series))


def ratio(days: Sequence[RatioPeriod], rolling: Sequence[RatioPeriod]) -> Drawn | None:
    from bowlby.insights import ratio_chart as chart

    if not any(p.tally for p in (*days, *rolling)):
        return None
    description = chart.describe_ratio_chart(rolling)
    return Drawn(CATALOGUE["ratio"], description, lambda: chart.plot_ratio(days, rolling))


def repairs(
    ruptures: Sequence[RuptureView],
    months: Sequence[RepairTrendPoint],
    zone: tzinfo,
    now: datetime,
) -> Drawn | None:
    from bowlby.insights import repair_chart as chart

    if not ruptures:
        return None
    description = chart.describe_repair_chart(months, sum(1 for r in ruptures if r.is_open))
    return Drawn(
        CATALOGUE["repairs"],
        description,
        lambda: chart.plot_repair_times(ruptures, months, zone, now),
    )


def soothing(effects: Sequence[ExerciseEffect]) -> Drawn | None:
    from bowlby.insights import soothing_chart as chart

    if not chart.charted(effects):
        return None
    return Drawn(CATALOGUE["soothing"], chart.describe_effects(effects),
                 lambda: chart.plot_effects(effects))  # fmt: skip


def tolerance(trend: ToleranceTrend) -> Drawn | None:
    from bowlby.insights import tolerance_chart as chart

    if trend.count < 2:
        return None
    return Drawn(CATALOGUE["tolerance"], chart.describe_tolerance(trend),
                 lambda: chart.plot_tolerance(trend))  # fmt: skip


def loop(series: Sequence[Day], estimate: LoopEstimate) -> Drawn | None:
    from bowlby.insights import loop_chart as chart

    if not chart.charted(series):
        return None
    return Drawn(CATALOGUE["loop"], chart.describe_loop(series, estimate),
                 lambda: chart.plot_loop(series, estimate))  # fmt: skip


def chat(name: str, report: ChatReport, zone: tzinfo) -> Drawn | None:
    """One of the three charts of a chat report (``chat-weeks``, ``chat-latency``,
    ``chat-episodes``)."""
    from bowlby.insights import chat_charts as chart

    if not report.talk:
        return None
    drawings: dict[str, tuple[str, Callable[[], Figure]]] = {
        "chat-weeks": (chart.describe_weeks(report.weeks), lambda: chart.plot_weeks(report.weeks)),
        "chat-latency": (
            chart.describe_latency(report.latency, report.people),
            lambda: chart.plot_latency(report.latency, report.people),
        ),
        "chat-episodes": (
            chart.describe_episodes(report.episodes),
            lambda: chart.plot_episodes(report.episodes, zone),
        ),
    }
    description, draw = drawings[name]
    return Drawn(CATALOGUE[name], description, draw)


CHAT_PLOTS = ("chat-weeks", "chat-latency", "chat-episodes")


def dynamics_phase(
    clines: NullClines,
    states: Sequence[SteadyState],
    names: tuple[str, str],
    paths: Sequence[tuple[Trajectory, str]] = (),
) -> Drawn:
    from bowlby.insights import dynamics_charts as chart

    return Drawn(
        CATALOGUE["dynamics-phase"],
        chart.describe_phase_plane(states, names),
        lambda: chart.plot_phase_plane(clines, states, names, paths),
    )


def cycle(drawn_loop: CycleLoop) -> Drawn:
    """The cycle as its hand-made SVG (no matplotlib figure, so SVG only)."""
    from bowlby.insights import cycle_diagram

    return Drawn(
        CATALOGUE["cycle"],
        cycle_diagram.describe(drawn_loop),
        markup=cycle_diagram.draw_cycle_loop(drawn_loop),
    )
