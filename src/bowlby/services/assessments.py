"""Taking questionnaires, keeping the answers, and reading results over time.

An assessment is an entry of kind ``assessment``: its answers are plain numbers (so scores can
be recomputed whenever the scoring is), its status says whether it is finished, and it is
private unless the person shares it. Scores are always computed from the answers on reading.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bowlby import models
from bowlby.assess import norms, scoring, styles
from bowlby.assess.instruments import Instrument, get_instrument
from bowlby.errors import InputError, NotFound
from bowlby.services import entries
from bowlby.store.engine import Store

KIND = "assessment"
IN_PROGRESS, COMPLETE = "in_progress", "complete"
_ANSWER = "answer:"


@dataclass(frozen=True)
class Assessment:
    """One sitting of a questionnaire; ECR-RS answers are keyed ``target:item``."""

    id: str
    instrument_id: str
    status: str
    targets: tuple[str, ...]
    answers: Mapping[str, int]
    started_at: datetime
    taken_at: datetime
    owner_name: str
    is_mine: bool
    shared_with_partner: bool
    shared_with_therapist: bool

    def answers_for(self, target: str | None = None) -> dict[str, int]:
        if target is None:
            return dict(self.answers)
        prefix = f"{target}:"
        return {k.removeprefix(prefix): v for k, v in self.answers.items() if k.startswith(prefix)}


@dataclass(frozen=True)
class Result:
    """An assessment scored: per-target scores for ECR-RS, and the point on the plane."""

    assessment: Assessment
    instrument: Instrument
    score: scoring.Score | None
    by_target: Mapping[str, scoring.Score] = field(default_factory=dict)
    global_scores: Mapping[str, scoring.GlobalScore] = field(default_factory=dict)
    position: styles.Position | None = None


def start_assessment(
    store: Store, keyring: models.Keyring, instrument_id: str, targets: Sequence[str] = ()
) -> Assessment:
    """Begin a questionnaire; answers can be saved a few at a time and resumed later."""
    instrument = get_instrument(instrument_id)
    chosen = _check_targets(instrument, targets)
    now = datetime.now(UTC)
    values: dict[str, models.PlainValue] = {
        "instrument": instrument.id,
        "status": IN_PROGRESS,
        "targets": ",".join(chosen),
    }
    draft = models.EntryDraft(kind=KIND, occurred_at=now, values=values)
    return _assessment(entries.write_entry(store, keyring, draft), keyring)


def save_answers(
    store: Store,
    keyring: models.Keyring,
    assessment_id: str,
    answers: Mapping[str, int | None],
) -> Assessment:
    """Add or change answers (None clears one); each is checked against the scale first."""
    entry = _own_assessment(store, keyring, assessment_id)
    current = _assessment(entry, keyring)
    if current.status != IN_PROGRESS:
        raise InputError("This questionnaire is finished; start a new one to answer again.")
    instrument = get_instrument(current.instrument_id)
    values = dict(entry.values)
    for key, answer in answers.items():
        item_id = _item_of(key, current.targets)
        try:
            scoring.check_answers(instrument, {item_id: answer})
        except InputError as error:
            # Name the answer as the caller keyed it (ECR-RS: relationship:item).
            raise InputError(error.detail, field=key) from error
        if answer is None:
            values.pop(_ANSWER + key, None)
        else:
            values[_ANSWER + key] = int(answer)
    return _update(store, keyring, entry, values, entry.occurred_at)


def complete_assessment(store: Store, keyring: models.Keyring, assessment_id: str) -> Result:
    """Finish a questionnaire once enough is answered to place the person on the plane."""
    entry = _own_assessment(store, keyring, assessment_id)
    current = _assessment(entry, keyring)
    if current.status == COMPLETE:
        return score_assessment(current)
    result = score_assessment(current)
    if result.position is None:
        raise InputError(
            "Not enough answers yet: at least 80% of each part is needed for a score. "
            "Your answers so far are saved.",
            field="answers",
        )
    values = {**entry.values, "status": COMPLETE}
    return score_assessment(_update(store, keyring, entry, values, datetime.now(UTC)))


def score_assessment(assessment: Assessment, loaded: norms.NormsTable | None = None) -> Result:
    instrument = get_instrument(assessment.instrument_id)
    if not assessment.targets:
        score = scoring.score_answers(instrument, assessment.answers, norms=loaded)
        return Result(assessment, instrument, score, position=styles.position_of(score))
    by_target = {t: assessment.answers_for(t) for t in assessment.targets}
    scored = scoring.score_ecr_rs(by_target, norms=loaded)
    position = _global_position(scored.global_scores)
    return Result(
        assessment, instrument, None, scored.by_target, scored.global_scores, position=position
    )


def list_assessments(
    store: Store,
    keyring: models.Keyring,
    *,
    whose: str = "mine",
    status: str | None = COMPLETE,
    instrument_id: str | None = None,
) -> list[Assessment]:
    """Assessments oldest first (as a trail is drawn), finished ones unless asked otherwise."""
    found = [
        _assessment(entry, keyring)
        for entry in entries.list_entries(store, keyring, whose=whose, kinds=[KIND])
    ]
    return sorted(
        (
            a
            for a in found
            if (status is None or a.status == status)
            and (instrument_id is None or a.instrument_id == instrument_id)
        ),
        key=lambda a: a.taken_at,
    )


def read_assessment(store: Store, keyring: models.Keyring, assessment_id: str) -> Assessment:
    entry = entries.read_entry(store, keyring, assessment_id)
    if entry.kind != KIND:
        raise NotFound(f"There is no assessment {assessment_id} that you can read.")
    return _assessment(entry, keyring)


def _global_position(global_scores: Mapping[str, scoring.GlobalScore]) -> styles.Position | None:
    anxiety, avoidance = global_scores.get("anxiety"), global_scores.get("avoidance")
    if anxiety is None or avoidance is None or anxiety.mean is None or avoidance.mean is None:
        return None
    return styles.describe_position(
        anxiety.mean,
        avoidance.mean,
        anxiety_se=anxiety.across_targets_se,
        avoidance_se=avoidance.across_targets_se,
    )


def _check_targets(instrument: Instrument, targets: Sequence[str]) -> tuple[str, ...]:
    known = [target.id for target in instrument.targets]
    if not known:
        if targets:
            raise InputError(
                f"{instrument.short_name} has no relationship targets.", field="targets"
            )
        return ()
    chosen = tuple(dict.fromkeys(t.strip().lower() for t in targets if t.strip()))
    if not chosen:
        raise InputError(
            f"Choose at least one relationship to answer about: {', '.join(known)}.",
            field="targets",
        )
    unknown = [t for t in chosen if t not in known]
    if unknown:
        raise InputError(
            f"'{unknown[0]}' is not one of the relationships: {', '.join(known)}.", field="targets"
        )
    return chosen


def _item_of(key: str, targets: tuple[str, ...]) -> str:
    """The item an answer key names; ECR-RS keys also name a chosen relationship."""
    if not targets:
        return key
    target, _, item_id = key.partition(":")
    if target not in targets or not item_id:
        raise InputError(
            f"answers here are keyed relationship:item, for one of {', '.join(targets)}.",
            field=key,
        )
    return item_id


def _own_assessment(store: Store, keyring: models.Keyring, assessment_id: str) -> models.Entry:
    entry = entries.read_entry(store, keyring, assessment_id)
    if entry.kind != KIND or entry.owner_id != keyring.profile_id:
        raise NotFound(f"There is no assessment {assessment_id} of yours.")
    return entry


def _update(
    store: Store,
    keyring: models.Keyring,
    entry: models.Entry,
    values: Mapping[str, models.PlainValue],
    taken_at: datetime,
) -> Assessment:
    draft = models.EntryDraft(
        kind=KIND,
        occurred_at=taken_at,
        values=dict(values),
        shared_with_partner=entry.shared_with_partner,
        shared_with_therapist=entry.shared_with_therapist,
    )
    updated = entries.update_entry(store, keyring, entry.id, draft, keep_history=False)
    return _assessment(updated, keyring)


def _assessment(entry: models.Entry, keyring: models.Keyring) -> Assessment:
    values = entry.values
    targets = tuple(t for t in str(values.get("targets") or "").split(",") if t)
    answers = {
        key.removeprefix(_ANSWER): int(value)  # type: ignore[arg-type]
        for key, value in values.items()
        if key.startswith(_ANSWER) and value is not None
    }
    return Assessment(
        id=entry.id,
        instrument_id=str(values.get("instrument")),
        status=str(values.get("status")),
        targets=targets,
        answers=answers,
        started_at=entry.created_at,
        taken_at=entry.occurred_at,
        owner_name=entry.owner_name,
        is_mine=entry.owner_id == keyring.profile_id,
        shared_with_partner=entry.shared_with_partner,
        shared_with_therapist=entry.shared_with_therapist,
    )
