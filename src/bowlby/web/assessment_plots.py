"""The attachment plane as inline SVG for a page, and as a file for the API."""

from __future__ import annotations

from collections.abc import Sequence

from bowlby.insights.figures import svg_markup
from bowlby.insights.plane import PlanePoint, describe_plane, plot_plane
from bowlby.services import assessment_reports
from bowlby.services.assessments import Result
from bowlby.web.assessment_contexts import PlaneFigure

PLOT_TITLE = "The attachment plane"


def plane_figure(
    series: Sequence[tuple[str, Sequence[PlanePoint]]],
    *,
    url: str | None = None,
    with_svg: bool = True,
) -> PlaneFigure:
    description = describe_plane(series)
    svg = plane_svg(series, responsive=True) if with_svg else ""
    return PlaneFigure(title=PLOT_TITLE, description=description, url=url, svg=svg)


def plane_svg(series: Sequence[tuple[str, Sequence[PlanePoint]]], *, responsive: bool) -> str:
    return svg_markup(plot_plane(series), PLOT_TITLE, describe_plane(series), responsive=responsive)


def result_series(report: assessment_reports.Report) -> list[tuple[str, list[PlanePoint]]]:
    result = report.result
    points = [PlanePoint.from_position(p, "earlier") for p in report.trail]
    if result.position is not None:
        points.append(PlanePoint.from_position(result.position, label(result)))
    return [(result.assessment.owner_name, points)]


def label(result: Result) -> str:
    return f"{result.instrument.short_name} {result.assessment.taken_at:%Y-%m-%d}"
