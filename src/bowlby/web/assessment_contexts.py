"""One typed context per assessment page, shared by the page and its /api/assessments twin.

The builders live beside them: assessment_sittings (the questionnaires and a sitting),
assessment_results (a result and the couple view); the home card's is here.
"""

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, Field

from bowlby import models
from bowlby.assess import styles
from bowlby.services import assessment_reports
from bowlby.services.assessments import Assessment
from bowlby.store.engine import Store
from bowlby.web import assessment_messages as say


class TargetChoice(BaseModel):
    id: str
    label: str


class InstrumentChoice(BaseModel):
    id: str
    name: str
    short_name: str
    citation: str
    doi: str | None
    items: int
    minutes: int
    targets: list[TargetChoice]


class Sitting(BaseModel):
    """An unfinished questionnaire, to continue where it was left."""

    id: str
    short_name: str
    targets: list[str]
    started_at: AwareDatetime
    answered: int
    total: int
    next_page: int


class ResultRow(BaseModel):
    id: str
    short_name: str
    targets: list[str]
    taken_at: AwareDatetime
    anxiety: float | None
    avoidance: float | None
    region_label: str | None
    visibility: str


class PlaneFigure(BaseModel):
    """The plot's words for everyone; the SVG itself only in pages (the API links to it)."""

    title: str
    description: str
    url: str | None = None
    svg: str = Field(default="", exclude=True)


class AssessPage(BaseModel):
    instruments: list[InstrumentChoice]
    unfinished: list[Sitting]
    results: list[ResultRow]
    plot: PlaneFigure | None


class ScalePoint(BaseModel):
    value: int
    anchor: str | None


class Question(BaseModel):
    key: str
    number: int
    text: str
    answer: int | None


class TakePage(BaseModel):
    id: str
    name: str
    short_name: str
    citation: str
    instructions: str
    instructions_by_authors: bool
    instructions_note: str | None
    target: TargetChoice | None
    scale: list[ScalePoint]
    page: int
    pages: int
    questions: list[Question]
    answered: int
    total: int
    first_unanswered_page: int | None


class AssessmentView(BaseModel):
    """One sitting as stored: its answers (keyed ``target:item`` for the ECR-RS) and status."""

    id: str
    instrument_id: str
    short_name: str
    status: str
    targets: list[str]
    answers: dict[str, int]
    answered: int
    total: int
    started_at: AwareDatetime
    taken_at: AwareDatetime
    owner_name: str
    mine: bool
    shared_with_partner: bool
    shared_with_therapist: bool


class SubscaleResult(BaseModel):
    subscale: str
    label: str
    mean: float | None
    margin: float | None  # 1.96 x the uncertainty: the 95% range
    uncertainty: float | None
    uncertainty_label: str | None
    uncertainty_source: str | None
    answered: int
    total: int
    missing: int
    reason: str | None


class Explanation(BaseModel):
    subscale: str
    summary: list[str]
    items: list[str]


class TargetResult(BaseModel):
    """The scores of one relationship (ECR-RS), or of the whole questionnaire (target None)."""

    target: TargetChoice | None
    subscales: list[SubscaleResult]
    explanations: list[Explanation]


class GlobalResult(BaseModel):
    subscale: str
    label: str
    mean: float | None
    margin: float | None
    uncertainty_label: str | None
    targets_used: list[str]
    targets_unscored: list[str]
    reason: str | None


class PositionView(BaseModel):
    anxiety: float
    avoidance: float
    region: str
    region_label: str
    anxiety_margin: float
    avoidance_margin: float
    uncertainty_known: bool
    near_boundary: bool
    words: list[str]
    not_a_verdict: str
    split_note: str

    @classmethod
    def of(cls, position: styles.Position) -> PositionView:
        caveats = (position.not_a_verdict, position.split_note)
        return cls(
            **{name: getattr(position, name) for name in POSITION_FIELDS},
            words=[s for s in position.sentences if s not in caveats],
        )


POSITION_FIELDS = (
    *("anxiety", "avoidance", "region", "region_label", "anxiety_margin", "avoidance_margin"),
    *("uncertainty_known", "near_boundary", "not_a_verdict", "split_note"),
)


class ChangeView(BaseModel):
    subscale: str
    first: float | None
    latest: float | None
    difference: float | None
    reliability_known: bool
    rci: float | None
    reliable: bool | None
    sentence: str


class PercentileView(BaseModel):
    subscale: str
    label: str
    score: float
    percentile: float
    population: str
    source: str
    assumption: str


class SharingView(BaseModel):
    shared_with_partner: bool
    shared_with_therapist: bool
    sentence: str
    has_partner: bool
    has_therapist: bool


class ResultPage(BaseModel):
    id: str
    instrument_id: str
    name: str
    short_name: str
    citation: str
    complete: bool
    taken_at: AwareDatetime
    owner_name: str
    mine: bool
    shared_by: str | None
    by_target: list[TargetResult]
    global_scores: list[GlobalResult]
    position: PositionView | None
    earlier_results: int
    versus_first: list[ChangeView]
    versus_previous: list[ChangeView]
    movement: str | None
    percentiles: list[PercentileView]
    no_norms: str | None
    sharing: SharingView | None
    plot: PlaneFigure


class PersonPosition(BaseModel):
    name: str
    result_id: str
    short_name: str
    taken_at: AwareDatetime
    position: PositionView
    words: list[str]  # the position in words, to its owner or about the partner


class PairingView(BaseModel):
    named: bool
    name: str | None
    sentence: str
    margin_note: str | None


class CouplePage(BaseModel):
    me: PersonPosition | None
    my_note: str | None
    partner_name: str | None
    partner: PersonPosition | None
    partner_note: str | None
    pairing: PairingView
    plot: PlaneFigure | None


class Standing(BaseModel):
    """The home page's "Where you stand": the latest position and the movement since the first."""

    result_id: str | None = None
    short_name: str | None = None
    taken_at: AwareDatetime | None = None
    anxiety: float | None = None
    avoidance: float | None = None
    words: list[str] = []
    movement: str | None = None
    invitation: str | None = None


def build_standing(store: Store, keyring: models.Keyring) -> Standing:
    progress = assessment_reports.measure_progress(store, keyring)
    if progress is None or progress.latest.position is None:
        return Standing(invitation=say.INVITATION)
    latest, position = progress.latest, progress.latest.position
    return Standing(
        result_id=latest.assessment.id,
        short_name=latest.instrument.short_name,
        taken_at=latest.assessment.taken_at,
        anxiety=position.anxiety,
        avoidance=position.avoidance,
        words=PositionView.of(position).words,
        movement=progress.movement.sentence if progress.movement else None,
    )


def visibility(assessment: Assessment) -> str:
    shared = models.audience(assessment.shared_with_partner, assessment.shared_with_therapist)
    return shared or "private"
