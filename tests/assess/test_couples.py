"""The anxious-avoidant pairing is named only when it clearly holds."""

from __future__ import annotations

from bowlby.assess import wording
from bowlby.assess.couples import MARGIN, describe_pairing
from bowlby.assess.styles import describe_position


def test_mirroring_is_named_in_either_order():
    anxious = describe_position(5.5, 2.5)
    avoidant = describe_position(2.5, 5.0)
    pairing = describe_pairing(anxious, avoidant, names=("Sam", "Alex"))
    assert pairing.named
    assert pairing.kind == "anxious_avoidant"
    assert (pairing.anxious_partner, pairing.avoidant_partner) == ("Sam", "Alex")
    assert pairing.name == "anxious\u2013avoidant pairing (mirroring)"
    assert pairing.sentence.startswith(
        "One of you (Sam) leans more toward worry about closeness and the other (Alex) "
    )
    assert "chase\u2013withdraw" in pairing.sentence
    swapped = describe_pairing(avoidant, anxious, names=("Alex", "Sam"))
    assert (swapped.anxious_partner, swapped.avoidant_partner) == ("Sam", "Alex")


def test_not_named_without_a_clear_margin_or_the_high_side():
    # 0.9 apart on anxiety: below the 1-point margin
    assert not describe_pairing(describe_position(5.0, 2.5), describe_position(4.1, 5.0)).named
    # exactly the margin apart, both high sides: named
    assert describe_pairing(describe_position(5.0, 2.5), describe_position(4.0, 5.0)).named
    # 2 points apart, but the more anxious partner is not on the high side of anxiety (3.5 < 4)
    assert not describe_pairing(describe_position(3.5, 2.0), describe_position(1.5, 5.0)).named
    # both secure
    neutral = describe_pairing(describe_position(2.0, 2.0), describe_position(2.5, 1.5))
    assert not neutral.named
    assert neutral.sentence == wording.PAIRING_SENTENCES["neutral"]
    assert MARGIN == 1.0


def test_incomplete_when_a_partner_has_no_position():
    pairing = describe_pairing(describe_position(5.0, 2.0), None)
    assert not pairing.named
    assert pairing.sentence == wording.PAIRING_SENTENCES["incomplete"]


def test_a_margin_of_exactly_one_point_between_means_counts():
    # 92/18 - 74/18 = 1 point exactly, though floating point may land a hair below
    anxious = describe_position(92 / 18, 2.0)
    avoidant = describe_position(74 / 18, 5.0)
    assert describe_pairing(anxious, avoidant).named
