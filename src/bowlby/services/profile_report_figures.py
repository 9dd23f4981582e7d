"""The profile report's charts, drawn through the plot catalogue from the same records the
report was built from (its period, the person's own only): PNG for a PDF, SVG for a page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from functools import partial
from typing import TYPE_CHECKING, Literal

from bowlby.insights import plot_catalogue as catalogue
from bowlby.insights.documents import Figure
from bowlby.insights.plane import PlanePoint
from bowlby.insights.profile_report_changes import Records

if TYPE_CHECKING:
    from bowlby.chats.chat_report import ChatReport
    from bowlby.dynamics.feedback_loop import Day
    from bowlby.insights.plot_catalogue import Drawn
    from bowlby.insights.profile_report import ProfileReport
    from bowlby.practice.vulnerability_windows import ToleranceTrend

CHAT_PLOT = "chat-weeks"


@dataclass(frozen=True)
class Sources:
    """What the charts read besides the report itself."""

    records: Records
    chats: tuple[tuple[str, ChatReport], ...] = ()
    loop_series: tuple[Day, ...] = ()
    tolerance: ToleranceTrend | None = None


def draw_figures(
    report: ProfileReport, sources: Sources, zone: tzinfo, fmt: Literal["png", "svg"]
) -> dict[str, Figure]:
    """One figure per place in the report that has enough to draw, keyed by that place."""
    drawers: dict[str, Callable[[], Drawn | None]] = {
        "plane": lambda: _plane(report),
        "ratio": lambda: _ratio(report, sources, zone),
        "repairs": lambda: _repairs(report, sources, zone),
        "soothing": lambda: catalogue.soothing(report.practice.soothing),
        "tolerance": lambda: catalogue.tolerance(sources.tolerance) if sources.tolerance else None,
        "loop": lambda: catalogue.loop(sources.loop_series, report.loop) if report.loop else None,
    }
    for number, (_name, chat) in enumerate(sources.chats):
        drawers[f"chat:{number}"] = partial(catalogue.chat, CHAT_PLOT, chat, zone)
    figures = {}
    for slot, draw in drawers.items():
        drawn = draw()
        if drawn is not None:
            figures[slot] = _figure(drawn, fmt)
    return figures


def _figure(drawn: Drawn, fmt: Literal["png", "svg"]) -> Figure:
    if fmt == "svg":
        return Figure(drawn.title, drawn.description, svg=drawn.svg())
    return Figure(drawn.title, drawn.description, png=drawn.render("png"))


def _plane(report: ProfileReport) -> Drawn | None:
    points = [
        PlanePoint.from_position(row.position, f"{row.questionnaire} {row.taken_on}")
        for row in report.assessments.rows
    ]
    return catalogue.plane([(report.cover.person, points)])


def _ratio(report: ProfileReport, sources: Sources, zone: tzinfo) -> Drawn | None:
    from bowlby.practice import ratio_ledger as ledger

    moments = list(sources.records.interactions)
    first = report.cover.first_day
    if not moments or first is None:
        return None
    last = report.cover.last_day
    by_day = ledger.ratio_by_day(moments, zone, first, last)
    return catalogue.ratio(by_day, ledger.rolling_ratio(moments, zone, first, last))


def _repairs(report: ProfileReport, sources: Sources, zone: tzinfo) -> Drawn | None:
    end = datetime.combine(report.cover.last_day + timedelta(days=1), time(), zone)
    ruptures = list(sources.records.ruptures)
    return catalogue.repairs(ruptures, report.practice.repair_months, zone, end)
