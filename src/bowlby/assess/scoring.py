"""Scoring one person's answers exactly as published: reverse keys, then subscale means (1-7).

Missing answers: no author rule exists (the instrument file says so). Bowlby follows the lab
convention the file records: a subscale is scored as the mean of the answered items only when
at least 80% of its items are answered, and the result always says how many were missing.
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field

from bowlby.assess import wording
from bowlby.assess.instruments import Instrument, get_instrument
from bowlby.assess.norms import NormsTable
from bowlby.assess.precision import (
    check_norms_match,
    find_reliability_basis,
    person_item_standard_error,
)
from bowlby.errors import InputError

MIN_ANSWERED = (4, 5)  # at least 4/5 (80%) of a subscale's items, compared in whole numbers
Answer = int | None


@dataclass(frozen=True)
class Uncertainty:
    """The figure shown around a score, named so nobody mistakes one kind for the other."""

    value: float
    kind: str  # "sem" or "person_item_se"
    label: str
    source: str | None = None


@dataclass(frozen=True)
class SubscaleScore:
    """A subscale mean (None, with `reason`, below 80% answered) and its known precision."""

    subscale: str
    mean: float | None
    items_total: int
    items_answered: int
    reason: str | None = None
    sem: float | None = None
    sem_source: str | None = None
    sem_reason: str | None = None
    person_item_se: float | None = None

    @property
    def items_missing(self) -> int:
        return self.items_total - self.items_answered

    @property
    def uncertainty(self) -> Uncertainty | None:
        """The SEM when known, else the SE of the person's item mean, else None."""
        if self.mean is None:
            return None
        if self.sem is not None:
            return Uncertainty(self.sem, "sem", wording.UNCERTAINTY_LABELS["sem"], self.sem_source)
        if self.person_item_se is not None:
            label = wording.UNCERTAINTY_LABELS["person_item_se"]
            return Uncertainty(self.person_item_se, "person_item_se", label)
        return None


@dataclass(frozen=True)
class Score:
    instrument_id: str
    subscales: Mapping[str, SubscaleScore]
    answers: Mapping[str, int] = field(default_factory=dict)
    keyed: Mapping[str, int] = field(default_factory=dict)
    target: str | None = None

    @property
    def anxiety(self) -> SubscaleScore:
        return self.subscales["anxiety"]

    @property
    def avoidance(self) -> SubscaleScore:
        return self.subscales["avoidance"]


def min_answered(items_total: int) -> int:
    """The fewest answered items that still give a score (80%, rounded up)."""
    top, bottom = MIN_ANSWERED
    return -(-items_total * top // bottom)


def check_answers(instrument: Instrument, answers: Mapping[str, Answer]) -> dict[str, int]:
    """The answered items, each checked: a known item, a whole number, inside the scale."""
    checked: dict[str, int] = {}
    scale = instrument.scale
    for item_id, answer in answers.items():
        instrument.item(item_id)
        if answer is None:
            continue
        if isinstance(answer, bool) or not isinstance(answer, numbers.Integral):
            raise InputError(wording.ERRORS["not_integer"].format(value=answer), field=item_id)
        if not scale.contains(int(answer)):
            message = wording.ERRORS["out_of_range"].format(
                value=answer, low=scale.min, high=scale.max
            )
            raise InputError(message, field=item_id)
        checked[item_id] = int(answer)
    return checked


def key_answers(instrument: Instrument, answers: Mapping[str, int]) -> dict[str, int]:
    """Reverse-keyed items become min + max - x (8 - x); keying twice gives the answers back."""
    scale = instrument.scale
    return {
        item_id: scale.reverse(answer) if instrument.item(item_id).reverse else answer
        for item_id, answer in answers.items()
    }


def score_answers(
    instrument: Instrument | str,
    answers: Mapping[str, Answer],
    *,
    norms: NormsTable | None = None,
    target: str | None = None,
) -> Score:
    """Subscale means of keyed answers; None (with the reason) below 80% answered."""
    if isinstance(instrument, str):
        instrument = get_instrument(instrument)
    check_norms_match(instrument, norms)
    answered = check_answers(instrument, answers)
    keyed = key_answers(instrument, answered)
    subscales = {
        name: _score_subscale(instrument, name, item_ids, keyed, norms, target)
        for name, item_ids in instrument.subscales.items()
    }
    return Score(instrument.id, subscales, answered, keyed, target)


def _score_subscale(
    instrument: Instrument,
    name: str,
    item_ids: tuple[str, ...],
    keyed: Mapping[str, int],
    norms: NormsTable | None,
    target: str | None,
) -> SubscaleScore:
    values = [keyed[item_id] for item_id in item_ids if item_id in keyed]
    total, needed = len(item_ids), min_answered(len(item_ids))
    if len(values) < needed:
        reason = wording.REASONS["too_few_answers"].format(
            answered=len(values), total=total, needed=needed
        )
        return SubscaleScore(name, None, total, len(values), reason=reason)
    lookup = find_reliability_basis(instrument, name, norms, target)
    basis = lookup.basis
    return SubscaleScore(
        subscale=name,
        mean=sum(values) / len(values),
        items_total=total,
        items_answered=len(values),
        sem=None if basis is None else basis.sem,
        sem_source=None
        if basis is None
        else _join_sources(basis.sd_source, basis.reliability_source),
        sem_reason=lookup.reason,
        person_item_se=person_item_standard_error(values),
    )


@dataclass(frozen=True)
class GlobalScore:
    """ECR-RS global score: the mean of the target scores that could be scored."""

    subscale: str
    mean: float | None
    targets_used: tuple[str, ...]
    targets_unscored: tuple[str, ...] = ()
    reason: str | None = None
    across_targets_se: float | None = None

    @property
    def uncertainty(self) -> Uncertainty | None:
        if self.mean is None or self.across_targets_se is None:
            return None
        label = wording.UNCERTAINTY_LABELS["across_targets_se"]
        return Uncertainty(self.across_targets_se, "across_targets_se", label)


@dataclass(frozen=True)
class RelationshipScores:
    by_target: Mapping[str, Score]
    global_scores: Mapping[str, GlobalScore]


def score_ecr_rs(
    answers_by_target: Mapping[str, Mapping[str, Answer]], *, norms: NormsTable | None = None
) -> RelationshipScores:
    """Each chosen target scored on its own; global = mean of the available target scores."""
    instrument = get_instrument("ecr-rs")
    known = [target.id for target in instrument.targets]
    for target in answers_by_target:
        if target not in known:
            message = wording.ERRORS["unknown_target"].format(known=", ".join(known))
            raise InputError(message, field=target)
    by_target = {
        target: score_answers(instrument, answers, norms=norms, target=target)
        for target, answers in answers_by_target.items()
    }
    global_scores = {name: _global_score(name, by_target) for name in instrument.subscales}
    return RelationshipScores(by_target, global_scores)


def _global_score(name: str, by_target: Mapping[str, Score]) -> GlobalScore:
    scored = {t: s.subscales[name].mean for t, s in by_target.items()}
    used = tuple(t for t, mean in scored.items() if mean is not None)
    unscored = tuple(t for t, mean in scored.items() if mean is None)
    means = [mean for mean in scored.values() if mean is not None]
    if not means:
        return GlobalScore(name, None, (), unscored, wording.REASONS["no_targets"])
    return GlobalScore(
        name, sum(means) / len(means), used, unscored, None, person_item_standard_error(means)
    )


def _join_sources(first: str, second: str) -> str:
    return first if first == second else f"{first}; {second}"
