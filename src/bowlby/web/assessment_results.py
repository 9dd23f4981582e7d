"""Building a result page and the couple view from the reports the use cases give."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bowlby import models
from bowlby.assess import change, norms, scoring, styles, wording
from bowlby.insights.plane import PlanePoint
from bowlby.services import assessment_reports, assessments, sharing
from bowlby.services.assessments import Assessment, Result
from bowlby.store.engine import Store
from bowlby.web import assessment_messages as say
from bowlby.web.assessment_contexts import (
    ChangeView,
    CouplePage,
    Explanation,
    GlobalResult,
    PairingView,
    PercentileView,
    PersonPosition,
    PositionView,
    ResultPage,
    SharingView,
    SubscaleResult,
    TargetChoice,
    TargetResult,
    visibility,
)
from bowlby.web.assessment_plots import label, plane_figure, result_series


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
        shared_by=None if assessment.is_mine else say.SHARED_BY.format(name=assessment.owner_name),
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
        no_norms=None if percentiles else say.NO_NORMS,
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
        sentence=say.VISIBILITY[visibility(assessment)],
        has_partner=any(link.role is models.LinkRole.PARTNER for link in links),
        has_therapist=any(link.i_am_client for link in links),
    )


def build_couple(store: Store, keyring: models.Keyring, *, with_svg: bool = True) -> CouplePage:
    view = assessment_reports.couple_view(store, keyring)
    me = person_position(view.mine, mine=True)
    partner = person_position(view.partner, mine=False)
    partner_note = None
    if view.partner_name is None:
        partner_note = say.NOT_LINKED
    elif partner is None:
        partner_note = say.NOT_SHARED.format(name=view.partner_name)
    pairing = view.pairing
    series = [
        (found.assessment.owner_name, [PlanePoint.from_position(found.position, label(found))])
        for found in (view.mine, view.partner)
        if found is not None and found.position is not None
    ]
    return CouplePage(
        me=me,
        my_note=None if me else say.NO_RESULT_OF_MINE,
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
        else [say.PARTNER_REGION.format(name=name, region=position.region_label)],
    )
