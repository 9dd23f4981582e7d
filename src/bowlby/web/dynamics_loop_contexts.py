"""One typed context for the feedback-loop page: built here from the use case's result,
rendered by dynamics_loop.html, returned by GET /api/dynamics/loop and printed by
`bowlby loop --json`, so the three can never disagree."""

from __future__ import annotations

from pydantic import BaseModel

from bowlby.dynamics import feedback_loop as loop
from bowlby.dynamics.feedback_loop_fit import LoopEstimate
from bowlby.insights import plot_catalogue
from bowlby.services.feedback_loop import FeedbackLoop
from bowlby.services.records import PAUSED_FOR_SAFETY
from bowlby.web import dynamics_loop_messages as say


class LoopChart(BaseModel):
    title: str
    description: str
    svg: str


class Counted(BaseModel):
    """What feeds the two series, from the rules kept as data in dynamics/feedback_loop.py."""

    heading: str
    anxiety_intro: str
    anxiety: list[str]
    safe_intro: str
    safe: list[str]


class LoopPage(BaseModel):
    title: str
    lead: str
    heading: str
    lag_days: int
    lags: list[int]
    estimate: LoopEstimate
    sentence: str
    shortfalls: list[str]
    meaning: str
    details: list[str]
    method: str
    chart: LoopChart | None
    caveats_heading: str
    caveats: list[str]
    counted: Counted
    next_step: str | None
    paused_message: str | None
    background_heading: str
    background: list[str]
    series: list[loop.Day]


def build_loop_page(result: FeedbackLoop, *, with_svg: bool = True) -> LoopPage:
    estimate = result.estimate
    return LoopPage(
        title=say.TITLE,
        lead=say.LEAD,
        heading=say.OWN_DATA_HEADING,
        lag_days=estimate.lag_days,
        lags=[1, 3],
        estimate=estimate,
        sentence=say.estimate_sentence(estimate),
        shortfalls=[say.shortfall_sentence(s, estimate.lag_days) for s in estimate.shortfalls],
        meaning=say.MEANING[estimate.verdict],
        details=say.detail_sentences(estimate),
        method=say.method_sentence(estimate),
        chart=loop_figure(result, with_svg=with_svg),
        caveats_heading=say.CAVEATS_HEADING,
        caveats=list(say.CAVEATS),
        counted=Counted(
            heading=say.COUNTS_HEADING,
            anxiety_intro=say.ANXIETY_COUNTS,
            anxiety=list(loop.anxiety_labels().values()),
            safe_intro=say.SAFE_COUNTS,
            safe=list(loop.safe_labels().values()),
        ),
        next_step=None if result.coaching_paused else say.NEXT_STEP,
        paused_message=PAUSED_FOR_SAFETY if result.coaching_paused else None,
        background_heading=say.BACKGROUND_HEADING,
        background=list(say.BACKGROUND),
        series=result.series,
    )


def loop_figure(result: FeedbackLoop, *, with_svg: bool) -> LoopChart | None:
    """The figure once two days have a rating; its SVG only for the page."""
    drawn = plot_catalogue.loop(result.series, result.estimate)
    if drawn is None:
        return None
    svg = drawn.svg() if with_svg else ""
    return LoopChart(title=drawn.title, description=drawn.description, svg=svg)
