"""One typed context per assessment page: the questionnaires, a sitting, a result, the couple
view and the home card, built from the assessment use cases; /api/assessments returns them.

The plot is inline SVG. Matplotlib styles its shapes with ``style`` attributes, which the
Content-Security-Policy (``style-src 'self'``) refuses, so they become presentation attributes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pydantic import AwareDatetime, BaseModel, Field

from bowlby import models
from bowlby.assess import change, norms, scoring, styles, wording
from bowlby.assess.instruments import (
    ECR_1998,
    Instrument,
    Item,
    get_instrument,
    instructions_for,
    list_instruments,
)
from bowlby.errors import NotFound
from bowlby.insights.figures import svg_markup
from bowlby.insights.plane import PlanePoint, describe_plane, plot_plane
from bowlby.services import assessment_reports, assessments, sharing
from bowlby.services.assessments import Assessment, Result
from bowlby.store.engine import Store

PAGE_SIZE = 6
SECONDS_PER_ITEM = 15  # Bowlby's estimate for the "about N minutes" hint, not a published figure
TARGET_ORDER = ("partner", "mother", "father", "friend")

# Every sentence these pages say beyond the assessment's own wording (bowlby.assess.wording).
NO_NORMS = (
    "No percentiles are shown: no verified published norms are loaded for this questionnaire, "
    "so Bowlby does not compare your scores with other people's."
)
PRIVATE_BY_DEFAULT = "Private by default: only you can see a result unless you tick a box."
VISIBILITY = {
    "private": "Private: only you can see this result.",
    "partner": "Shared with your partner.",
    "therapist": "Shared with your therapist.",
    "partner and therapist": "Shared with your partner and your therapist.",
}
NOT_LINKED = (
    "You are not linked with a partner yet. Once you are, and they choose to share a result "
    "with you, both positions appear here side by side."
)
NOT_SHARED = (
    "{name} has not shared a result with you yet. Sharing is each person's own choice, in "
    "their own time; when {name} shares one, it appears here beside yours."
)
NO_RESULT_OF_MINE = "You have no finished result yet; take a questionnaire to place yourself here."
INVITATION = (
    "Where do you stand? The ECR-S has 12 questions and takes about 3 minutes. It places you "
    "on two dimensions, attachment anxiety and avoidance: a position, never a verdict."
)
PARTNER_REGION = "{name}'s point sits in the area often called {region}."
SHARED_BY = "Shared with you by {name}. The sentences below speak to {name}."
NOT_A_SCALE_POINT = (
    "'{value}' is not one of the scale points. Choose a number from {low} to {high}."
)
SAVED_FOR_LATER = "Your answers are saved. Continue whenever you like from this page."
RESULT_READY = "Your result is ready. {visibility}"
PLOT_TITLE = "The attachment plane"


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


# The questionnaires page


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


def label(result: Result) -> str:
    return f"{result.instrument.short_name} {result.assessment.taken_at:%Y-%m-%d}"


def visibility(assessment: Assessment) -> str:
    audiences = [
        name
        for name, shared in (
            ("partner", assessment.shared_with_partner),
            ("therapist", assessment.shared_with_therapist),
        )
        if shared
    ]
    return " and ".join(audiences) or "private"


# A sitting, page by page


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
        raise NotFound(f"There is no assessment {assessment_id} of yours.")
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


# The plot


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


# A result


def build_result(
    store: Store, keyring: models.Keyring, assessment_id: str, *, with_svg: bool = True
) -> ResultPage:
    report = assessment_reports.build_report(store, keyring, assessment_id)
    result, assessment = report.result, report.result.assessment
    percentiles = [
        percentile_view(name, found) for name, found in report.percentiles.items() if found
    ]
    earlier = len(report.trail)
    return ResultPage(
        id=assessment.id,
        instrument_id=assessment.instrument_id,
        name=result.instrument.name,
        short_name=result.instrument.short_name,
        citation=result.instrument.citation.text,
        complete=assessment.status == assessments.COMPLETE,
        taken_at=assessment.taken_at,
        owner_name=assessment.owner_name,
        mine=assessment.is_mine,
        shared_by=None if assessment.is_mine else SHARED_BY.format(name=assessment.owner_name),
        by_target=target_results(report),
        global_scores=[
            global_result(result.global_scores[n]) for n in in_order(result.global_scores)
        ],
        position=PositionView.of(result.position) if result.position else None,
        earlier_results=earlier,
        versus_first=change_views(report.versus_first),
        versus_previous=change_views(report.versus_previous) if earlier > 1 else [],
        movement=report.movement.sentence if report.movement else None,
        percentiles=percentiles,
        no_norms=None if percentiles else NO_NORMS,
        sharing=sharing_view(store, keyring, assessment) if assessment.is_mine else None,
        plot=plane_figure(
            result_series(report),
            url=f"/api/assessments/{assessment.id}/plot.svg",
            with_svg=with_svg,
        ),
    )


def target_results(report: assessment_reports.Report) -> list[TargetResult]:
    result = report.result
    if result.score is not None:
        return [target_result(None, result.score, report.explanations)]
    labels = {t.id: t.label for t in result.instrument.targets}
    return [
        target_result(
            TargetChoice(id=target, label=labels.get(target, target)),
            score,
            styles.explain_score(result.instrument, score),
        )
        for target, score in result.by_target.items()
    ]


def target_result(
    target: TargetChoice | None,
    score: scoring.Score,
    explanations: Sequence[styles.SubscaleExplanation],
) -> TargetResult:
    """Scores and their explanation: the opening sentences, then the items that raised it."""
    return TargetResult(
        target=target,
        subscales=[subscale_result(score.subscales[name]) for name in in_order(score.subscales)],
        explanations=[
            Explanation(
                subscale=e.subscale, summary=list(e.sentences[:2]), items=list(e.sentences[2:])
            )
            for e in sorted(explanations, key=lambda e: subscale_rank(e.subscale))
        ],
    )


def subscale_result(score: scoring.SubscaleScore) -> SubscaleResult:
    uncertainty = score.uncertainty
    return SubscaleResult(
        subscale=score.subscale,
        label=subscale_label(score.subscale),
        mean=score.mean,
        margin=styles.Z_95 * uncertainty.value if uncertainty else None,
        uncertainty=uncertainty.value if uncertainty else None,
        uncertainty_label=uncertainty.label if uncertainty else None,
        uncertainty_source=uncertainty.source if uncertainty else None,
        answered=score.items_answered,
        total=score.items_total,
        missing=score.items_missing,
        reason=score.reason,
    )


def global_result(score: scoring.GlobalScore) -> GlobalResult:
    uncertainty = score.uncertainty
    return GlobalResult(
        subscale=score.subscale,
        label=subscale_label(score.subscale),
        mean=score.mean,
        margin=styles.Z_95 * uncertainty.value if uncertainty else None,
        uncertainty_label=uncertainty.label if uncertainty else None,
        targets_used=list(score.targets_used),
        targets_unscored=list(score.targets_unscored),
        reason=score.reason,
    )


def in_order(subscales: Mapping[str, object]) -> list[str]:
    """Anxiety before avoidance everywhere, as on the plot's axes (the ECR-RS lists it second)."""
    return sorted(subscales, key=subscale_rank)


def subscale_rank(name: str) -> tuple[int, str]:
    return (0 if name == "anxiety" else 1, name)


def subscale_label(name: str) -> str:
    return wording.SUBSCALE_LABELS.get(name, name).capitalize()


def change_views(changes: Mapping[str, change.Change] | None) -> list[ChangeView]:
    fields = ("subscale", "first", "latest", "difference", "reliability_known", "rci", "reliable")
    return [
        ChangeView(
            **{name: getattr(found, name) for name in fields},
            sentence=found.sentence,
        )
        for found in (changes or {}).values()
    ]


def percentile_view(name: str, found: norms.Percentile) -> PercentileView:
    fields = ("score", "percentile", "population", "source", "assumption")
    return PercentileView(
        subscale=name, label=subscale_label(name), **{f: getattr(found, f) for f in fields}
    )


def sharing_view(store: Store, keyring: models.Keyring, assessment: Assessment) -> SharingView:
    links = sharing.list_links(store, keyring)
    return SharingView(
        shared_with_partner=assessment.shared_with_partner,
        shared_with_therapist=assessment.shared_with_therapist,
        sentence=VISIBILITY[visibility(assessment)],
        has_partner=any(link.role is models.LinkRole.PARTNER for link in links),
        has_therapist=any(link.i_am_client for link in links),
    )


# The couple, and the home card


def build_couple(store: Store, keyring: models.Keyring, *, with_svg: bool = True) -> CouplePage:
    view = assessment_reports.couple_view(store, keyring)
    me = person_position(view.mine, mine=True)
    partner = person_position(view.partner, mine=False)
    partner_note = None
    if view.partner_name is None:
        partner_note = NOT_LINKED
    elif partner is None:
        partner_note = NOT_SHARED.format(name=view.partner_name)
    pairing = view.pairing
    series = [
        (found.assessment.owner_name, [PlanePoint.from_position(found.position, label(found))])
        for found in (view.mine, view.partner)
        if found is not None and found.position is not None
    ]
    return CouplePage(
        me=me,
        my_note=None if me else NO_RESULT_OF_MINE,
        partner_name=view.partner_name,
        partner=partner,
        partner_note=partner_note,
        pairing=PairingView(
            named=pairing.named,
            name=pairing.name,
            sentence=pairing.sentence,
            margin_note=pairing.margin_note if pairing.named else None,
        ),
        plot=plane_figure(series, with_svg=with_svg) if series else None,
    )


def person_position(result: Result | None, *, mine: bool) -> PersonPosition | None:
    if result is None or result.position is None:
        return None
    position = PositionView.of(result.position)
    name = result.assessment.owner_name
    return PersonPosition(
        name=name,
        result_id=result.assessment.id,
        short_name=result.instrument.short_name,
        taken_at=result.assessment.taken_at,
        position=position,
        words=position.words
        if mine
        else [PARTNER_REGION.format(name=name, region=position.region_label)],
    )


def build_standing(store: Store, keyring: models.Keyring) -> Standing:
    progress = assessment_reports.measure_progress(store, keyring)
    if progress is None or progress.latest.position is None:
        return Standing(invitation=INVITATION)
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
