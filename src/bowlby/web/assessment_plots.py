"""The attachment plane as inline SVG for a page, and as a file for the API."""

from __future__ import annotations

from collections.abc import Sequence

from bowlby.insights import plot_catalogue
from bowlby.insights.plane import PlanePoint
from bowlby.services import assessment_reports
from bowlby.services.assessments import Result
from bowlby.web.assessment_contexts import PlaneFigure


def plane_figure(
    series: Sequence[tuple[str, Sequence[PlanePoint]]],
    *,
    url: str | None = None,
    with_svg: bool = True,
) -> PlaneFigure:
    drawn = plot_catalogue.bare_plane(series)
    svg = drawn.svg() if with_svg else ""
    return PlaneFigure(title=drawn.title, description=drawn.description, url=url, svg=svg)


def plane_svg(series: Sequence[tuple[str, Sequence[PlanePoint]]], *, responsive: bool) -> str:
    """The catalogue's plane (the one `bowlby plot plane` writes) as inline SVG."""
    return plot_catalogue.bare_plane(series).svg(responsive=responsive)


def result_series(report: assessment_reports.Report) -> list[tuple[str, list[PlanePoint]]]:
    result = report.result
    points = [PlanePoint.from_position(p, "earlier") for p in report.trail]
    if result.position is not None:
        points.append(PlanePoint.from_position(result.position, label(result)))
    return [(result.assessment.owner_name, points)]


def label(result: Result) -> str:
    return f"{result.instrument.short_name} {result.assessment.taken_at:%Y-%m-%d}"
