"""A score as a position on the anxiety x avoidance plane, explained in the person's own items.

The four regions are a reading aid, never a verdict: the split at the midpoint is a convention
the authors did not endorse (the instrument file says so), every position carries that note,
and a point within its uncertainty of a dividing line is flagged as near the boundary.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from bowlby.assess import wording
from bowlby.assess.instruments import ECR_1998, Instrument, read_instrument_file
from bowlby.assess.scoring import Score
from bowlby.errors import InputError

SCALE = (1.0, 7.0)  # every ECR instrument in the file uses the 1-7 metric
Z_95 = 1.96  # a point is "near" a line when the line lies inside its 95% band (1.96 x SE)
TOP_ITEMS = 3


@dataclass(frozen=True)
class Position:
    """A point on the plane, never a verdict. Margins are 1.96 x the uncertainty given (a 95%
    band, for the plot's error bars); `sentences` always end with the two caveats."""

    anxiety: float
    avoidance: float
    region: str
    region_label: str
    midpoint: float
    anxiety_from_midpoint: float
    avoidance_from_midpoint: float
    anxiety_margin: float
    avoidance_margin: float
    uncertainty_known: bool
    near_boundary: bool
    sentences: tuple[str, ...]
    split_note: str = wording.MIDPOINT_SPLIT_NOTE
    not_a_verdict: str = wording.POSITION_NOT_A_VERDICT

    @property
    def distance_to_boundary(self) -> float:
        return min(abs(self.anxiety_from_midpoint), abs(self.avoidance_from_midpoint))


@dataclass(frozen=True)
class ItemContribution:
    item_id: str
    number: int
    text: str | None
    answer: int
    keyed: int
    reverse: bool


@dataclass(frozen=True)
class SubscaleExplanation:
    subscale: str
    sentences: tuple[str, ...]
    top_items: tuple[ItemContribution, ...] = ()


@dataclass(frozen=True)
class Classification1998:
    """Brennan et al. (1998) discriminant scores; for original ECR data only."""

    group: str
    function_scores: Mapping[str, float]
    note: str = wording.CLASSIFICATION_NOTE


def midpoint_cut() -> float:
    """The cut the file records for the four-region reading (4), read, not retyped."""
    return float(_four_region_reading()["midpoint_split"]["cut"])


def describe_position(
    anxiety: float,
    avoidance: float,
    *,
    anxiety_se: float | None = None,
    avoidance_se: float | None = None,
) -> Position:
    """Region by the midpoint split (above 4 = higher side), distances, and boundary closeness.

    A point exactly on a line counts as the lower side and is always flagged near the boundary.
    Without uncertainties, only a point on a line is flagged (`uncertainty_known` is False).
    """
    for field, value in (("anxiety", anxiety), ("avoidance", avoidance)):
        if not (math.isfinite(value) and SCALE[0] <= value <= SCALE[1]):
            raise InputError(wording.ERRORS["off_the_plane"].format(value=value), field=field)
    cut = midpoint_cut()
    region = _region(anxiety > cut, avoidance > cut)
    anxiety_margin = Z_95 * (anxiety_se or 0.0)
    avoidance_margin = Z_95 * (avoidance_se or 0.0)
    near = abs(anxiety - cut) <= anxiety_margin or abs(avoidance - cut) <= avoidance_margin
    return Position(
        anxiety=anxiety,
        avoidance=avoidance,
        region=region,
        region_label=wording.REGION_LABELS[region],
        midpoint=cut,
        anxiety_from_midpoint=anxiety - cut,
        avoidance_from_midpoint=avoidance - cut,
        anxiety_margin=anxiety_margin,
        avoidance_margin=avoidance_margin,
        uncertainty_known=anxiety_se is not None and avoidance_se is not None,
        near_boundary=near,
        sentences=_position_sentences(region, near),
    )


def _position_sentences(region: str, near: bool) -> tuple[str, ...]:
    near_sentence = (wording.NEAR_BOUNDARY,) if near else ()
    return (
        wording.REGION_SENTENCES[region],
        *near_sentence,
        wording.POSITION_NOT_A_VERDICT,
        wording.MIDPOINT_SPLIT_NOTE,
    )


def position_of(score: Score) -> Position | None:
    """The position of a scored result, with its uncertainty; None if a subscale is unscored."""
    anxiety, avoidance = score.anxiety, score.avoidance
    if anxiety.mean is None or avoidance.mean is None:
        return None
    anxiety_se, avoidance_se = anxiety.uncertainty, avoidance.uncertainty
    return describe_position(
        anxiety.mean,
        avoidance.mean,
        anxiety_se=None if anxiety_se is None else anxiety_se.value,
        avoidance_se=None if avoidance_se is None else avoidance_se.value,
    )


def explain_score(
    instrument: Instrument, score: Score, top: int = TOP_ITEMS
) -> tuple[SubscaleExplanation, ...]:
    """Per subscale: the score in words and the items whose keyed answers raised it most."""
    return tuple(_explain_subscale(instrument, score, name, top) for name in instrument.subscales)


def classify_ecr_1998(score: Score) -> Classification1998:
    """Largest of a*avoidance + b*anxiety + c over the four published functions (ECR 1998 only)."""
    if score.instrument_id != ECR_1998:
        raise InputError(wording.ERRORS["not_ecr_1998"], field="instrument")
    avoidance, anxiety = score.avoidance.mean, score.anxiety.mean
    if avoidance is None or anxiety is None:
        raise InputError(wording.ERRORS["not_scored"], field="score")
    functions = read_instrument_file()["related"]["ecr_original_1998"]["classification_functions"]
    values = {
        group: functions[group][0] * avoidance + functions[group][1] * anxiety + functions[group][2]
        for group in ("secure", "fearful", "preoccupied", "dismissing")
    }
    return Classification1998(max(values, key=values.__getitem__), values)


def _region(high_anxiety: bool, high_avoidance: bool) -> str:
    if high_anxiety:
        return "fearful_disorganized" if high_avoidance else "anxious_preoccupied"
    return "avoidant_dismissing" if high_avoidance else "secure"


def _explain_subscale(
    instrument: Instrument, score: Score, name: str, top: int
) -> SubscaleExplanation:
    result = score.subscales[name]
    label = wording.SUBSCALE_LABELS.get(name, name)
    if result.mean is None:
        return SubscaleExplanation(
            name, (wording.EXPLANATION_NOT_SCORED.format(label=label, reason=result.reason),)
        )
    scale = instrument.scale
    ranked = _rank_items(instrument, score, name)
    raised = [c for c in ranked if c.keyed > scale.midpoint][:top]
    contributions = tuple(raised or ranked[:top])
    lead = wording.EXPLANATION_PULLED_UP if raised else wording.EXPLANATION_NONE_HIGH
    opening = wording.EXPLANATION_OPENING[name].format(
        mean=result.mean, low=scale.min, high=scale.max
    )
    lines = (opening, lead[name], *(_item_sentence(c) for c in contributions))
    return SubscaleExplanation(name, lines, contributions)


def _rank_items(instrument: Instrument, score: Score, name: str) -> list[ItemContribution]:
    """The subscale's answered items, highest keyed score first (ties: item order)."""
    contributions = [
        ItemContribution(
            item.id,
            item.number,
            item.text,
            score.answers[item.id],
            score.keyed[item.id],
            item.reverse,
        )
        for item in instrument.items
        if item.subscale == name and item.id in score.keyed
    ]
    return sorted(contributions, key=lambda c: (-c.keyed, c.number))


def _item_sentence(contribution: ItemContribution) -> str:
    text = contribution.text or wording.EXPLANATION_ITEM_NUMBER.format(number=contribution.number)
    template = (
        wording.EXPLANATION_ITEM_REVERSED if contribution.reverse else wording.EXPLANATION_ITEM
    )
    return template.format(text=text, answer=contribution.answer, keyed=contribution.keyed)


@cache
def _four_region_reading() -> dict[str, Any]:
    reading: dict[str, Any] = read_instrument_file()["related"]["four_region_reading"]
    return reading
