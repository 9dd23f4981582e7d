"""What-if: one parameter of one partner changed, both runs from the same start, and the
changes that make no sense for a form refused in words."""

from __future__ import annotations

import numpy as np
import pytest

from bowlby.dynamics.model import Bilinear, CoupleModel, Ojive, PartnerModel, ThresholdBilinear
from bowlby.dynamics.whatif import Change, apply_change, compare, parse_change
from bowlby.errors import InputError

MODEL = CoupleModel(
    PartnerModel(0.2, 0.4, Bilinear(0.7, 0.2)), PartnerModel(-0.1, 0.3, Bilinear(0.6, 0.3))
)
NAMES = ("Sam", "Alex")


def test_a_change_touches_one_parameter_of_one_partner():
    changed = apply_change(MODEL, parse_change("negative_slope=0.2", "Alex", NAMES))
    assert changed.second.influence == Bilinear(0.2, 0.3)
    assert changed.first == MODEL.first
    assert (changed.second.constant, changed.second.inertia) == (-0.1, 0.3)


def test_meeting_negativity_calmly_lifts_the_run_from_a_hard_start():
    changed = apply_change(MODEL, Change("second", "negative_slope", 0.1))
    runs = compare(MODEL, changed, (-3.0, -3.0), 20)
    assert runs.before.first[0] == runs.after.first[0] == -3.0
    assert np.all(runs.after.second[1:] > runs.before.second[1:])
    before, after = compare(MODEL, changed, (-3.0, -3.0), 20)[:2]
    assert len(before.first) == len(after.second) == 21
    # the settling point sits where neither hears negativity, so it does not move
    assert runs.after_states == runs.before_states


def test_repair_sooner_is_a_stronger_pull_from_the_others_positive_turns():
    changed = apply_change(MODEL, parse_change("repair=0.6", "Sam", NAMES))
    assert changed.first.influence == Bilinear(0.7, 0.6)


def test_a_higher_negativity_threshold_turns_bilinear_into_the_threshold_form():
    changed = apply_change(MODEL, parse_change("threshold=-2", "Sam", NAMES))
    assert changed.first.influence == ThresholdBilinear(0.7, 0.2, -2.0)
    assert changed.first.influence(-1.5) == 0.0


def test_in_the_step_form_threshold_moves_f_and_slopes_are_refused():
    steps = CoupleModel(PartnerModel(0.0, 0.3, Ojive(-2, -1, 1, 2)), MODEL.second)
    changed = apply_change(steps, Change("first", "threshold", -2.0))
    assert changed.first.influence.parameters()["negative_threshold"] == -2.0
    with pytest.raises(InputError, match=r"The ojive form has no 'negative_slope' to change\."):
        apply_change(steps, Change("first", "negative_slope", 0.1))


@pytest.mark.parametrize(
    ("text", "who", "message"),
    [
        ("negative_slope=0.2", "Kim", "'Kim' is not one of the partners (Sam, Alex)."),
        ("kindness=2", "Sam", "Write the change as name=value"),
        ("inertia=lots", "Sam", "'lots' is not a number."),
        ("threshold=2", "Sam", "A negativity threshold is a score of 0 or below"),
    ],
)
def test_unusable_changes_say_what_is_wrong(text, who, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        apply_change(MODEL, parse_change(text, who, NAMES))


def test_the_default_start_is_the_hardest_opening_logged():
    from bowlby.dynamics.conversations import Conversation, Turn
    from bowlby.dynamics.whatif import hardest_opening

    def talk(*scores: tuple[str, float]) -> Conversation:
        return Conversation("c", tuple(Turn(who, score) for who, score in scores))

    calm = talk(("W", 1), ("H", 0), ("W", -4))
    hard = talk(("H", -1), ("W", -3), ("H", -2))  # H spoke first here
    mild = talk(("W", -1), ("H", -1))
    assert hardest_opening([calm, hard, mild], ("W", "H")) == (-3, -1)
    assert hardest_opening([talk(("W", 2))], ("W", "H")) == (0.0, 0.0)
