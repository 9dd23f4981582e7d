"""The attachment plane as inline SVG for a page, and as a file for the API.

Matplotlib styles its shapes with ``style`` attributes and a ``<style>`` element, which the
pages' Content-Security-Policy (``style-src 'self'``) refuses; they become the equivalent SVG
presentation attributes, which that policy allows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bowlby.insights.figures import svg_markup
from bowlby.insights.plane import PlanePoint, describe_plane, plot_plane
from bowlby.services import assessment_reports
from bowlby.services.assessments import Result
from bowlby.web.assessment_contexts import PlaneFigure

PLOT_TITLE = "The attachment plane"
STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')
STYLE_ELEMENT = re.compile(r"<style[^>]*>.*?</style>", re.DOTALL)
METADATA = re.compile(r"<metadata>.*?</metadata>", re.DOTALL)
PROPERTY = re.compile(r"[a-z-]+")
SIZE = re.compile(r'\s(width|height)="[^"]*"')


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
    """The plot as SVG that a strict Content-Security-Policy lets the browser draw."""
    markup = svg_markup(plot_plane(series), PLOT_TITLE, describe_plane(series))
    markup = METADATA.sub("", STYLE_ELEMENT.sub("", markup))
    markup = STYLE_ATTRIBUTE.sub(presentation_attributes, markup)
    head_end = markup.index(">")
    head = markup[:head_end] + ' stroke-linejoin="round" stroke-linecap="butt"'
    if responsive:
        head = SIZE.sub("", head)
    return head + markup[head_end:]


def presentation_attributes(match: re.Match[str]) -> str:
    """``style="fill: #fff; stroke: #000"`` as ``fill="#fff" stroke="#000"``."""
    attributes = []
    for declaration in match.group(1).split(";"):
        name, _, value = declaration.partition(":")
        if PROPERTY.fullmatch(name.strip()) and value.strip():
            attributes.append(f' {name.strip()}="{value.strip()}"')
    return "".join(attributes)


def result_series(report: assessment_reports.Report) -> list[tuple[str, list[PlanePoint]]]:
    result = report.result
    points = [PlanePoint.from_position(p, "earlier") for p in report.trail]
    if result.position is not None:
        points.append(PlanePoint.from_position(result.position, label(result)))
    return [(result.assessment.owner_name, points)]


def label(result: Result) -> str:
    return f"{result.instrument.short_name} {result.assessment.taken_at:%Y-%m-%d}"
