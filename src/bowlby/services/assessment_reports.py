"""Reading assessment results: one result in full, progress toward security, the couple view,
and the norms files that make percentiles and reliable change possible."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from bowlby import models
from bowlby.assess import change, couples, norms, styles
from bowlby.errors import NotFound
from bowlby.insights.plane import PlanePoint
from bowlby.services import preferences, sharing
from bowlby.services.assessments import (
    Assessment,
    Result,
    list_assessments,
    read_assessment,
    score_assessment,
)
from bowlby.store import norms as norms_rows
from bowlby.store.engine import Store
from bowlby.store.tables import NormsRow


@dataclass(frozen=True)
class Report:
    """Everything a result page shows, built once for the command line and the browser."""

    result: Result
    explanations: tuple[styles.SubscaleExplanation, ...]
    percentiles: Mapping[str, norms.Percentile | None]
    norms: norms.NormsTable | None
    versus_first: Mapping[str, change.Change] | None
    versus_previous: Mapping[str, change.Change] | None
    movement: change.Movement | None
    trail: tuple[styles.Position, ...]


@dataclass(frozen=True)
class Progress:
    """The headline measure: where the latest result sits, and how it moved since the first."""

    first: Result
    latest: Result
    movement: change.Movement | None


@dataclass(frozen=True)
class CoupleView:
    mine: Result | None
    partner_name: str | None
    partner: Result | None
    pairing: couples.Pairing


def build_report(store: Store, keyring: models.Keyring, assessment_id: str) -> Report:
    """One result with its words, its percentiles (if norms exist) and its change over time."""
    assessment = read_assessment(store, keyring, assessment_id)
    loaded = find_norms(store, assessment.instrument_id)
    result = score_assessment(assessment, loaded)
    history = _history_of(store, keyring, assessment)
    earlier = [r for r in history if r.assessment.taken_at < assessment.taken_at]
    explanations = styles.explain_score(result.instrument, result.score) if result.score else ()
    return Report(
        result=result,
        explanations=explanations,
        percentiles=_percentiles(result, loaded),
        norms=loaded,
        versus_first=_compare(earlier[0], result, loaded) if earlier else None,
        versus_previous=_compare(earlier[-1], result, loaded) if earlier else None,
        movement=_movement(earlier[0], result) if earlier else None,
        trail=tuple(r.position for r in earlier if r.position is not None),
    )


def measure_progress(
    store: Store, keyring: models.Keyring, instrument_id: str | None = None
) -> Progress | None:
    """First and latest finished result of the most used instrument (or the one asked)."""
    taken = list_assessments(store, keyring, instrument_id=instrument_id)
    if not taken:
        return None
    if instrument_id is None:
        counts = {a.instrument_id: 0 for a in taken}
        for assessment in taken:
            counts[assessment.instrument_id] += 1
        chosen = max(counts, key=lambda key: (counts[key], key))
        taken = [a for a in taken if a.instrument_id == chosen]
    first, latest = score_assessment(taken[0]), score_assessment(taken[-1])
    movement = _movement(first, latest) if len(taken) > 1 else None
    return Progress(first=first, latest=latest, movement=movement)


COUPLE_HIDDEN = (
    "The side-by-side view with your partner is hidden while safety mode is on. "
    "You can turn safety mode off in Safety settings whenever you decide."
)


def couple_view(store: Store, keyring: models.Keyring) -> CoupleView:
    """My latest position beside my partner's latest shared one, and what the pairing says.

    Two results of the same questionnaire are compared when there are such; otherwise the
    latest of each. Hidden while safety mode is on: it stops coaching closeness.
    """
    if preferences.load(store, keyring).safety_mode:
        raise NotFound(COUPLE_HIDDEN)
    my_results = list_assessments(store, keyring)
    partner = next(
        (link for link in sharing.list_links(store, keyring) if link.role == "partner"), None
    )
    shared = []
    if partner is not None:
        shared = [
            a
            for a in list_assessments(store, keyring, whose="shared")
            if a.owner_name == partner.name
        ]
    common = {a.instrument_id for a in my_results} & {a.instrument_id for a in shared}
    if common:
        newest = max((a for a in my_results if a.instrument_id in common), key=lambda a: a.taken_at)
        my_results = [a for a in my_results if a.instrument_id == newest.instrument_id]
        shared = [a for a in shared if a.instrument_id == newest.instrument_id]
    mine, theirs = _latest(my_results), _latest(shared)
    pairing = couples.describe_pairing(
        mine.position if mine else None,
        theirs.position if theirs else None,
        names=(keyring.name, partner.name if partner else "your partner"),
    )
    return CoupleView(mine, partner.name if partner else None, theirs, pairing)


def plane_series(
    store: Store, keyring: models.Keyring, *, couple: bool
) -> list[tuple[str, list[PlanePoint]]]:
    """Each person's finished results (mine, and my partner's shared ones) as plane points."""
    whose = "all" if couple else "mine"
    points: dict[str, list[PlanePoint]] = {}
    for assessment in list_assessments(store, keyring, whose=whose):
        result = score_assessment(assessment)
        if result.position is not None:
            label = f"{result.instrument.short_name} {assessment.taken_at:%Y-%m-%d}"
            points.setdefault(assessment.owner_name, []).append(
                PlanePoint.from_position(result.position, label)
            )
    return list(points.items())


def load_norms(store: Store, text: str, file: str, kind: str = "toml") -> norms.NormsTable:
    """Check a norms file and keep it in the database; the newest per instrument is used."""
    table = norms.parse_norms(text, file=file, kind=kind)
    with store.unit_of_work() as session:
        session.add(
            NormsRow(
                id=str(uuid.uuid4()),
                instrument_id=table.instrument_id,
                population=table.population,
                source=table.source,
                document=text,
                document_kind=kind,
                loaded_at=datetime.now(UTC),
            )
        )
    return table


def find_norms(store: Store, instrument_id: str) -> norms.NormsTable | None:
    with store.unit_of_work() as session:
        row = norms_rows.latest_norms(session, instrument_id)
        if row is None:
            return None
        return norms.parse_norms(row.document, file=f"norms {row.id}", kind=row.document_kind)


def list_norms(store: Store) -> list[norms.NormsTable]:
    with store.unit_of_work() as session:
        rows = norms_rows.all_norms(session)
        return [
            norms.parse_norms(r.document, file=r.population, kind=r.document_kind) for r in rows
        ]


def _latest(found: list[Assessment]) -> Result | None:
    return score_assessment(found[-1]) if found else None


def _history_of(store: Store, keyring: models.Keyring, assessment: Assessment) -> list[Result]:
    whose = "mine" if assessment.is_mine else "shared"
    same = [
        a
        for a in list_assessments(
            store, keyring, whose=whose, instrument_id=assessment.instrument_id
        )
        if a.owner_name == assessment.owner_name and a.targets == assessment.targets
    ]
    return [score_assessment(a) for a in same]


def _percentiles(
    result: Result, loaded: norms.NormsTable | None
) -> dict[str, norms.Percentile | None]:
    if result.score is None:
        return {
            name: norms.percentile_for(loaded, name, score.mean)
            for name, score in result.global_scores.items()
        }
    return {
        name: norms.percentile_for(loaded, name, score.mean)
        for name, score in result.score.subscales.items()
    }


def _compare(
    earlier: Result, later: Result, loaded: norms.NormsTable | None
) -> dict[str, change.Change] | None:
    if earlier.score is None or later.score is None:
        return None
    return change.compare_scores(later.instrument, earlier.score, later.score, norms=loaded)


def _movement(first: Result, latest: Result) -> change.Movement | None:
    if first.position is None or latest.position is None:
        return None
    return change.measure_movement(first.position, latest.position)
