"""Positions on the plane, never verdicts; explanations tied to the person's own items."""

from __future__ import annotations

import pytest

from bowlby.assess import wording
from bowlby.assess.instruments import get_instrument
from bowlby.assess.scoring import score_answers
from bowlby.assess.styles import (
    classify_ecr_1998,
    describe_position,
    explain_score,
    midpoint_cut,
    position_of,
)
from bowlby.errors import InputError


@pytest.mark.parametrize(
    ("anxiety", "avoidance", "region"),
    [
        (2.0, 2.0, "secure"),
        (5.5, 2.0, "anxious_preoccupied"),
        (2.0, 5.5, "avoidant_dismissing"),
        (5.5, 5.5, "fearful_disorganized"),
        (4.0, 4.0, "secure"),  # on the lines: the lower side, and flagged near the boundary
    ],
)
def test_regions_by_the_midpoint_split(anxiety, avoidance, region):
    position = describe_position(anxiety, avoidance)
    assert position.region == region
    assert position.region_label == wording.REGION_LABELS[region]
    assert position.split_note in position.sentences
    assert position.not_a_verdict in position.sentences


def test_the_cut_is_read_from_the_file_and_flagged_as_a_convention():
    assert midpoint_cut() == 4.0
    assert "without endorsement" in wording.MIDPOINT_SPLIT_NOTE


def test_distance_and_nearness_follow_the_uncertainty():
    far = describe_position(5.5, 2.0, anxiety_se=0.3, avoidance_se=0.3)
    assert (far.anxiety_from_midpoint, far.avoidance_from_midpoint) == (1.5, -2.0)
    assert far.distance_to_boundary == 1.5
    assert not far.near_boundary
    # 4.5 is .5 from the anxiety line; 1.96 x .3 = .588 >= .5, so it is near the boundary
    near = describe_position(4.5, 2.0, anxiety_se=0.3, avoidance_se=0.3)
    assert near.near_boundary
    assert wording.NEAR_BOUNDARY in near.sentences
    assert not describe_position(4.5, 2.0).near_boundary  # no uncertainty known: only on a line
    assert describe_position(4.0, 2.0).near_boundary


def test_position_of_a_score_uses_its_uncertainty():
    instrument = get_instrument("ecr-s")
    answers = dict(
        zip([i.id for i in instrument.items], [2, 6, 3, 5, 1, 7, 4, 3, 2, 6, 5, 4], strict=True)
    )
    position = position_of(score_answers(instrument, answers))
    assert position is not None
    assert position.region == "fearful_disorganized"
    assert position.uncertainty_known
    unscored = score_answers(instrument, {instrument.items[0].id: 4})
    assert position_of(unscored) is None


def test_explanation_names_the_items_that_raised_the_score():
    instrument = get_instrument("ecr-s")
    answers = dict(
        zip([i.id for i in instrument.items], [2, 6, 3, 5, 1, 7, 4, 3, 2, 6, 5, 4], strict=True)
    )
    anxiety, avoidance = explain_score(instrument, score_answers(instrument, answers))
    # anxiety keyed: item 2 -> 6, 4 -> 5, 6 -> 7, 8R -> 5, 10 -> 6, 12 -> 4: top 6, 2, 10
    assert [c.number for c in anxiety.top_items] == [6, 2, 10]
    assert anxiety.sentences == (
        "Your attachment anxiety score is 5.50 on a scale from 1 to 7.",
        "The answers that added most to it were:",
        "\u201cMy desire to be very close sometimes scares people away.\u201d: you chose 7",
        "\u201cI need a lot of reassurance that I am loved by my partner.\u201d: you chose 6",
        "\u201cI get frustrated if romantic partners are not available when I need them.\u201d: "
        "you chose 6",
    )
    # avoidance keyed: 1R -> 6, 3 -> 3, 5R -> 7, 7 -> 4, 9R -> 6, 11 -> 5: top 5, 1, 9
    assert [c.number for c in avoidance.top_items] == [5, 1, 9]
    assert avoidance.sentences[2] == (
        "\u201cI turn to my partner for many things, including comfort and reassurance.\u201d: "
        "you chose 1; this statement points the other way, so it counts as 7"
    )


def test_explanation_when_nothing_leans_high_or_nothing_is_scored():
    instrument = get_instrument("ecr-s")
    low = {i.id: 7 if i.reverse else 1 for i in instrument.items}
    explanation = explain_score(instrument, score_answers(instrument, low))[0]
    assert explanation.sentences[1] == wording.EXPLANATION_NONE_HIGH["anxiety"]
    unscored = explain_score(instrument, score_answers(instrument, {}))[0]
    assert unscored.sentences[0].startswith("Your attachment anxiety could not be scored yet:")


def test_brennan_classification_for_1998_data_only():
    instrument = get_instrument("ecr-1998")
    answers = {i.id: 6 if i.number % 2 else 2 for i in instrument.items}
    result = classify_ecr_1998(score_answers(instrument, answers))
    # A (avoidance) = 4.0, X (anxiety) = 40/18 = 2.2222 (see test_scoring):
    # secure      3.2893296 x 4 + 5.4725318 x 2.2222 - 11.5307833 = 13.7877
    # fearful     7.2371075 x 4 + 8.1776448 x 2.2222 - 32.3553266 = 14.7656
    # preoccupied 3.9246754 x 4 + 9.7102446 x 2.2222 - 28.4573220 =  8.8197
    # dismissing  7.3654621 x 4 + 4.9392039 x 2.2222 - 22.2281088 = 18.2097 (largest)
    assert result.group == "dismissing"
    assert result.function_scores["secure"] == pytest.approx(13.7877, abs=1e-4)
    assert result.function_scores["fearful"] == pytest.approx(14.7656, abs=1e-4)
    assert result.function_scores["preoccupied"] == pytest.approx(8.8197, abs=1e-4)
    assert result.function_scores["dismissing"] == pytest.approx(18.2097, abs=1e-4)
    assert "original ECR (1998) data only" in result.note
    revised = get_instrument("ecr-r")
    with pytest.raises(InputError):
        classify_ecr_1998(score_answers(revised, {i.id: 4 for i in revised.items}))


def test_a_position_needs_means_on_the_scale():
    with pytest.raises(InputError) as error:
        describe_position(45.0, 3.0)  # a sum score, not a mean
    assert error.value.field == "anxiety"
    with pytest.raises(InputError):
        describe_position(3.0, float("nan"))
