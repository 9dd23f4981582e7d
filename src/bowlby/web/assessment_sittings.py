"""Building the questionnaires page and a sitting's pages: six items a page (the ECR-RS, one
page per chosen relationship), with the answers saved so far, and answers read from a form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bowlby import models
from bowlby.assess import wording
from bowlby.assess.instruments import (
    ECR_1998,
    Instrument,
    Item,
    get_instrument,
    instructions_for,
    list_instruments,
)
from bowlby.errors import InputError, NotFound
from bowlby.insights.plane import PlanePoint
from bowlby.services import assessments
from bowlby.services.assessments import Assessment, Result
from bowlby.store.engine import Store
from bowlby.web import assessment_messages as say
from bowlby.web.assessment_contexts import (
    AssessmentView,
    AssessPage,
    InstrumentChoice,
    Question,
    ResultRow,
    ScalePoint,
    Sitting,
    TakePage,
    TargetChoice,
    visibility,
)
from bowlby.web.assessment_plots import label, plane_figure

PAGE_SIZE = 6
SECONDS_PER_ITEM = 15  # Bowlby's estimate for the "about N minutes" hint, not a published figure
TARGET_ORDER = ("partner", "mother", "father", "friend")


def build_assess(store: Store, keyring: models.Keyring, *, with_svg: bool = True) -> AssessPage:
    unfinished = assessments.list_assessments(store, keyring, status=assessments.IN_PROGRESS)
    finished = [
        assessments.score_assessment(a) for a in assessments.list_assessments(store, keyring)
    ]
    points = [PlanePoint.from_position(r.position, label(r)) for r in finished if r.position]
    plot = plane_figure([(keyring.name, points)], with_svg=with_svg) if points else None
    return AssessPage(
        instruments=[instrument_choice(i) for i in list_instruments() if i.id != ECR_1998],
        unfinished=[sitting_of(a) for a in reversed(unfinished)],
        results=[result_row(r) for r in reversed(finished)],
        plot=plot,
    )


def instrument_choice(instrument: Instrument) -> InstrumentChoice:
    ordered = sorted(instrument.targets, key=lambda t: target_rank(t.id))
    return InstrumentChoice(
        id=instrument.id,
        name=instrument.name,
        short_name=instrument.short_name,
        citation=instrument.citation.text,
        doi=instrument.citation.doi,
        items=len(instrument.items),
        minutes=max(1, round(len(instrument.items) * SECONDS_PER_ITEM / 60)),
        targets=[TargetChoice(id=t.id, label=t.label) for t in ordered],
    )


def target_rank(target: str) -> int:
    return TARGET_ORDER.index(target) if target in TARGET_ORDER else len(TARGET_ORDER)


def sitting_of(assessment: Assessment) -> Sitting:
    instrument = get_instrument(assessment.instrument_id)
    return Sitting(
        id=assessment.id,
        short_name=instrument.short_name,
        targets=list(assessment.targets),
        started_at=assessment.started_at,
        answered=len(assessment.answers),
        total=len(answer_keys(instrument, assessment.targets)),
        next_page=first_unanswered_page(assessment) or 1,
    )


def result_row(result: Result) -> ResultRow:
    position, assessment = result.position, result.assessment
    return ResultRow(
        id=assessment.id,
        short_name=result.instrument.short_name,
        targets=list(assessment.targets),
        taken_at=assessment.taken_at,
        anxiety=position.anxiety if position else None,
        avoidance=position.avoidance if position else None,
        region_label=position.region_label if position else None,
        visibility=visibility(assessment),
    )


def sitting_pages(
    instrument: Instrument, targets: Sequence[str]
) -> list[tuple[str | None, list[Item]]]:
    """Pages of six items; the ECR-RS gives each chosen relationship a page of its own."""
    if targets:
        return [(target, list(instrument.items)) for target in targets]
    items = list(instrument.items)
    return [(None, items[start : start + PAGE_SIZE]) for start in range(0, len(items), PAGE_SIZE)]


def answer_key(target: str | None, item: Item) -> str:
    return f"{target}:{item.id}" if target else item.id


def answer_keys(instrument: Instrument, targets: Sequence[str]) -> list[str]:
    return [
        answer_key(target, item)
        for target, items in sitting_pages(instrument, targets)
        for item in items
    ]


def first_unanswered_page(assessment: Assessment) -> int | None:
    instrument = get_instrument(assessment.instrument_id)
    for number, (target, items) in enumerate(sitting_pages(instrument, assessment.targets), 1):
        if any(answer_key(target, item) not in assessment.answers for item in items):
            return number
    return None


def build_take(
    store: Store,
    keyring: models.Keyring,
    assessment_id: str,
    page: int = 1,
    pending: dict[str, int] | None = None,
) -> TakePage:
    """One page of questions, with the answers saved so far (and ``pending`` ones) checked."""
    assessment = assessments.read_assessment(store, keyring, assessment_id)
    instrument = get_instrument(assessment.instrument_id)
    pages = sitting_pages(instrument, assessment.targets)
    page = min(max(page, 1), len(pages))
    target_id, items = pages[page - 1]
    target = next((t for t in instrument.targets if t.id == target_id), None)
    instructions = instructions_for(instrument, target)
    answers = {**assessment.answers, **(pending or {})}
    scale = instrument.scale
    return TakePage(
        id=assessment.id,
        name=instrument.name,
        short_name=instrument.short_name,
        citation=instrument.citation.text,
        instructions=instructions.text,
        instructions_by_authors=instructions.by_authors,
        instructions_note=instructions.note,
        target=TargetChoice(id=target.id, label=target.label) if target else None,
        scale=[ScalePoint(value=v, anchor=scale.anchors.get(v)) for v in scale_values(instrument)],
        page=page,
        pages=len(pages),
        questions=[
            Question(
                key=answer_key(target_id, item),
                number=item.number,
                text=item.text or wording.EXPLANATION_ITEM_NUMBER.format(number=item.number),
                answer=answers.get(answer_key(target_id, item)),
            )
            for item in items
        ],
        answered=len(assessment.answers),
        total=len(answer_keys(instrument, assessment.targets)),
        first_unanswered_page=first_unanswered_page(assessment),
    )


def scale_values(instrument: Instrument) -> range:
    return range(instrument.scale.min, instrument.scale.max + 1)


def own_assessment(store: Store, keyring: models.Keyring, assessment_id: str) -> Assessment:
    """The sitting if it is the signed-in person's; anyone else gets the same not-found."""
    sitting = assessments.read_assessment(store, keyring, assessment_id)
    if not sitting.is_mine:
        raise NotFound(say.NOT_YOURS.format(assessment_id=assessment_id))
    return sitting


def assessment_view(assessment: Assessment) -> AssessmentView:
    instrument = get_instrument(assessment.instrument_id)
    return AssessmentView(
        id=assessment.id,
        instrument_id=assessment.instrument_id,
        short_name=instrument.short_name,
        status=assessment.status,
        targets=list(assessment.targets),
        answers=dict(assessment.answers),
        answered=len(assessment.answers),
        total=len(answer_keys(instrument, assessment.targets)),
        started_at=assessment.started_at,
        taken_at=assessment.taken_at,
        owner_name=assessment.owner_name,
        mine=assessment.is_mine,
        shared_with_partner=assessment.shared_with_partner,
        shared_with_therapist=assessment.shared_with_therapist,
    )


def read_answers(sitting: Assessment, fields: Mapping[str, str]) -> dict[str, int | None]:
    """The posted answers to this sitting's items; a value that is no number is refused here,
    one outside the scale by the use case."""
    instrument = get_instrument(sitting.instrument_id)
    keys = set(answer_keys(instrument, sitting.targets))
    scale = instrument.scale
    answers: dict[str, int | None] = {}
    for key, value in fields.items():
        if key not in keys or not value.strip():
            continue
        if not value.strip().isdigit():
            message = say.NOT_A_SCALE_POINT.format(value=value, low=scale.min, high=scale.max)
            raise InputError(message, field=key)
        answers[key] = int(value.strip())
    return answers
