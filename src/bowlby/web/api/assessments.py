"""Questionnaires through the API: the same use cases and page contexts as /assess, as JSON."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, Field, StrictInt
from starlette.responses import Response

from bowlby.services import assessment_reports, assessments
from bowlby.web import assessment_contexts as views
from bowlby.web import assessment_plots as plots
from bowlby.web import assessment_results as results
from bowlby.web import assessment_sittings as sittings
from bowlby.web.auth import ApiSession, StoreDep

router = APIRouter(tags=["assessments"])


class StartRequest(BaseModel):
    instrument: str = Field(description="ecr-r, ecr-s or ecr-rs.")
    targets: list[str] = Field(
        default=[], description="ECR-RS only: partner, mother, father and/or friend."
    )


class AnswersRequest(BaseModel):
    answers: dict[str, Annotated[StrictInt, Field(description="1 to 7")] | None] = Field(
        description="Answers by item id (ECR-RS: 'target:item id'); null clears one."
    )


@router.get("/assessments")
def list_assessments(store: StoreDep, session: ApiSession) -> views.AssessPage:
    """What /assess shows: the questionnaires, unfinished sittings and finished results."""
    return sittings.build_assess(store, session.keyring, with_svg=False)


@router.post("/assessments", status_code=201)
def start_assessment(
    store: StoreDep, session: ApiSession, body: StartRequest
) -> views.AssessmentView:
    sitting = assessments.start_assessment(store, session.keyring, body.instrument, body.targets)
    return sittings.assessment_view(sitting)


@router.get("/assessments/couple")
def couple(store: StoreDep, session: ApiSession) -> views.CouplePage:
    """Both partners' latest positions (the partner's only if shared) and their pairing."""
    return results.build_couple(store, session.keyring, with_svg=False)


@router.get("/assessments/{assessment_id}")
def read_assessment(
    store: StoreDep, session: ApiSession, assessment_id: str
) -> views.AssessmentView:
    return sittings.assessment_view(
        assessments.read_assessment(store, session.keyring, assessment_id)
    )


@router.get("/assessments/{assessment_id}/take")
def take(store: StoreDep, session: ApiSession, assessment_id: str, page: int = 1) -> views.TakePage:
    """One page of questions, as /assess/{id}/take shows it."""
    sittings.own_assessment(store, session.keyring, assessment_id)
    return sittings.build_take(store, session.keyring, assessment_id, page)


@router.post("/assessments/{assessment_id}/answers")
def save_answers(
    store: StoreDep, session: ApiSession, assessment_id: str, body: AnswersRequest
) -> views.AssessmentView:
    """Add or change answers; each is checked against the scale, and none is saved if one fails."""
    saved = assessments.save_answers(store, session.keyring, assessment_id, body.answers)
    return sittings.assessment_view(saved)


@router.post("/assessments/{assessment_id}/finish")
def finish(store: StoreDep, session: ApiSession, assessment_id: str) -> views.ResultPage:
    assessments.complete_assessment(store, session.keyring, assessment_id)
    return results.build_result(store, session.keyring, assessment_id, with_svg=False)


@router.get("/assessments/{assessment_id}/report")
def report(store: StoreDep, session: ApiSession, assessment_id: str) -> views.ResultPage:
    """What the result page shows: scores with uncertainty, words, change, percentiles."""
    return results.build_result(store, session.keyring, assessment_id, with_svg=False)


@router.get(
    "/assessments/{assessment_id}/plot.svg",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}},
)
def plot(store: StoreDep, session: ApiSession, assessment_id: str) -> Response:
    """The result on the attachment plane, earlier results of the same kind as a trail."""
    report = assessment_reports.build_report(store, session.keyring, assessment_id)
    svg = plots.plane_svg(plots.result_series(report), responsive=False)
    return Response(svg, media_type="image/svg+xml")
