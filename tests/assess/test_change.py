"""Reliable change (Jacobson & Truax, 1991) and movement toward the secure corner."""

from __future__ import annotations

import math

import pytest

from bowlby.assess.change import (
    compare_scores,
    compare_values,
    measure_movement,
    reliable_change_index,
)
from bowlby.assess.instruments import get_instrument
from bowlby.assess.norms import parse_norms
from bowlby.assess.precision import ReliabilityBasis
from bowlby.assess.scoring import score_answers
from bowlby.assess.styles import describe_position


def test_rci_worked_example():
    # SD = 1.0, r = .90: SEM = 1.0 x sqrt(.10) = .3162; S_diff = sqrt(2) x .3162 = .4472
    # 4.5 -> 3.5: RCI = -1.0 / .4472 = -2.236, beyond 1.96: a reliable decrease
    assert reliable_change_index(4.5, 3.5, 1.0, 0.90) == pytest.approx(-2.2361, abs=1e-4)
    basis = ReliabilityBasis(1.0, 0.90, "test norms", "test norms")
    change = compare_values("anxiety", 4.5, 3.5, basis)
    assert change.reliable
    assert change.reliability_known
    assert change.difference == -1.0
    assert change.sentence == (
        "Your attachment anxiety went down by 1.00, a change larger than measurement error "
        "alone would usually produce."
    )
    # 4.5 -> 4.0: RCI = -.5 / .4472 = -1.118: within measurement error
    small = compare_values("anxiety", 4.5, 4.0, basis)
    assert small.rci == pytest.approx(-1.118, abs=1e-3)
    assert small.reliable is False


def test_without_reliability_only_the_difference_is_given():
    change = compare_values("avoidance", 5.0, 4.25, None)
    assert change.reliability_known is False
    assert change.rci is None
    assert change.reliable is None
    assert change.difference == -0.75
    assert change.sentence == (
        "Your attachment avoidance changed by -0.75. Whether this is more than measurement "
        "error cannot be judged yet: no published reliability and standard deviation are "
        "available for it."
    )


def test_compare_scores_uses_loaded_norms():
    instrument = get_instrument("ecr-s")
    first = score_answers(instrument, {i.id: 7 if i.reverse else 1 for i in instrument.items})
    latest = score_answers(instrument, {i.id: 5 if i.reverse else 3 for i in instrument.items})
    unjudged = compare_scores(instrument, first, latest)
    assert not unjudged["anxiety"].reliability_known
    norms = parse_norms(
        'instrument = "ecr-s"\npopulation = "p"\nsource = "S"\n'
        "[subscales.anxiety]\nmean = 3.5\nsd = 1.0\nn = 100\nreliability = 0.9\n"
    )
    judged = compare_scores(instrument, first, latest, norms=norms)
    # 1.0 -> 3.0: RCI = 2.0 / .4472 = 4.47: a reliable increase
    assert judged["anxiety"].rci == pytest.approx(2.0 / (math.sqrt(2) * math.sqrt(0.1)))
    assert judged["anxiety"].reliable
    assert not judged["avoidance"].reliability_known


def test_movement_toward_the_secure_corner_and_region():
    first = describe_position(5.0, 5.0)
    latest = describe_position(4.0, 2.0)
    movement = measure_movement(first, latest)
    # corner (1, 1): first sqrt(4^2 + 4^2) = 5.657, latest sqrt(3^2 + 1^2) = 3.162
    assert movement.first_to_corner == pytest.approx(math.sqrt(32))
    assert movement.latest_to_corner == pytest.approx(math.sqrt(10))
    # region (both <= 4): first sqrt(1^2 + 1^2) = 1.414, latest 0 (inside)
    assert movement.first_to_region == pytest.approx(math.sqrt(2))
    assert movement.latest_to_region == 0.0
    assert movement.direction == "toward"
    assert movement.sentence == (
        "Since your first result, your point has moved 2.49 closer to the secure corner."
    )
    assert measure_movement(latest, first).direction == "away"
    assert measure_movement(first, first).direction == "same"
