"""Change between two results: reliable change (Jacobson & Truax, 1991) and movement to security.

"Earned security" should be a measured claim. A difference is called reliable only when a
published reliability and SD are known (from the instrument file or a loaded norms file);
otherwise the plain difference is returned with a sentence saying it cannot be judged yet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bowlby.assess import wording
from bowlby.assess.instruments import Instrument
from bowlby.assess.norms import NormsTable
from bowlby.assess.precision import ReliabilityBasis, find_reliability_basis
from bowlby.assess.scoring import Score
from bowlby.assess.styles import Position

RELIABLE_Z = 1.96  # |RCI| > 1.96: less than a 5% chance under measurement error alone
SAME_DISTANCE = 0.005  # a change in distance that rounds to 0.00 is "about the same"


@dataclass(frozen=True)
class Change:
    subscale: str
    first: float | None
    latest: float | None
    difference: float | None  # latest - first; negative = lower anxiety or avoidance
    reliability_known: bool
    rci: float | None
    reliable: bool | None
    basis: ReliabilityBasis | None
    sentence: str


@dataclass(frozen=True)
class Movement:
    """Distances from the secure corner and from the secure region, first vs latest."""

    first_to_corner: float
    latest_to_corner: float
    first_to_region: float
    latest_to_region: float
    direction: str  # "toward", "away" or "same" (judged on the corner distance)
    sentence: str

    @property
    def corner_change(self) -> float:
        return self.latest_to_corner - self.first_to_corner

    @property
    def region_change(self) -> float:
        return self.latest_to_region - self.first_to_region


def reliable_change_index(first: float, latest: float, sd: float, reliability: float) -> float:
    """RCI = (x2 - x1) / S_diff, S_diff = sqrt(2) * SEM, SEM = SD * sqrt(1 - r)."""
    sem = sd * math.sqrt(1.0 - reliability)
    return (latest - first) / (math.sqrt(2.0) * sem)


def compare_values(
    subscale: str, first: float | None, latest: float | None, basis: ReliabilityBasis | None
) -> Change:
    """One subscale's change; the RCI only when a basis (SD and reliability) is given."""
    label = wording.SUBSCALE_LABELS.get(subscale, subscale)
    if first is None or latest is None:
        sentence = wording.CHANGE_SENTENCES["not_scored"].format(label=label)
        return Change(subscale, first, latest, None, basis is not None, None, None, basis, sentence)
    difference = latest - first
    if basis is None:
        sentence = wording.CHANGE_SENTENCES["unknown_reliability"].format(
            label=label, difference=difference
        )
        return Change(subscale, first, latest, difference, False, None, None, None, sentence)
    rci = reliable_change_index(first, latest, basis.sd, basis.reliability)
    reliable = abs(rci) > RELIABLE_Z
    key = "within_error"
    if reliable:
        key = "reliable_decrease" if difference < 0 else "reliable_increase"
    sentence = wording.CHANGE_SENTENCES[key].format(
        label=label, size=abs(difference), difference=difference
    )
    return Change(subscale, first, latest, difference, True, rci, reliable, basis, sentence)


def compare_scores(
    instrument: Instrument, first: Score, latest: Score, *, norms: NormsTable | None = None
) -> dict[str, Change]:
    """Every subscale of two results of the same instrument (and ECR-RS target)."""
    changes = {}
    for name in instrument.subscales:
        lookup = find_reliability_basis(instrument, name, norms, latest.target)
        changes[name] = compare_values(
            name, first.subscales[name].mean, latest.subscales[name].mean, lookup.basis
        )
    return changes


def measure_movement(first: Position, latest: Position, scale_min: float = 1.0) -> Movement:
    """Euclidean distance to the secure corner (1, 1) and to the secure region, then vs now."""
    first_corner = _to_corner(first, scale_min)
    latest_corner = _to_corner(latest, scale_min)
    change = latest_corner - first_corner
    direction = "same" if abs(change) < SAME_DISTANCE else ("toward" if change < 0 else "away")
    sentence = wording.MOVEMENT_SENTENCES[direction].format(size=abs(change))
    return Movement(
        first_to_corner=first_corner,
        latest_to_corner=latest_corner,
        first_to_region=_to_region(first),
        latest_to_region=_to_region(latest),
        direction=direction,
        sentence=sentence,
    )


def _to_corner(position: Position, scale_min: float) -> float:
    return math.hypot(position.anxiety - scale_min, position.avoidance - scale_min)


def _to_region(position: Position) -> float:
    """0 inside the secure region (both at or below the midpoint), else the distance to it."""
    return math.hypot(
        max(0.0, position.anxiety_from_midpoint), max(0.0, position.avoidance_from_midpoint)
    )
