"""fit_couple: exact recovery without noise, the refusal below 100 pairs, what is hidden below
the minimums, the forms compared by BIC, and the JSON every interface prints."""

from __future__ import annotations

import time

import numpy as np
import pytest

from bowlby.dynamics.fitting import TooFewTurns, fit_as_json, fit_couple
from bowlby.dynamics.model import Bilinear, CoupleModel, Ojive, PartnerModel, ThresholdBilinear
from bowlby.errors import InputError
from tests.dynamics.helpers import STUDY, driven, simulated


def test_noise_free_turns_give_back_every_coefficient_exactly():
    conversations = driven(STUDY, 60, seed=3)
    fit = fit_couple(conversations, bootstrap=0)
    for estimates, partner in ((fit.first, STUDY.first), (fit.second, STUDY.second)):
        assert estimates["constant"].value == pytest.approx(partner.constant, abs=1e-10)
        assert estimates["inertia"].value == pytest.approx(partner.inertia, abs=1e-10)
        slopes = partner.influence.parameters()
        for name in ("negative_slope", "positive_slope"):
            assert estimates[name].value == pytest.approx(slopes[name], abs=1e-10)


def test_fewer_than_100_pairs_are_refused_saying_how_many_there_are_and_are_needed():
    with pytest.raises(TooFewTurns) as refused:
        fit_couple([simulated(STUDY, 80, seed=1)])
    assert isinstance(refused.value, InputError)
    assert refused.value.message == (
        "There are 80 turn pairs for W; a fit needs at least 100 for each partner before its "
        "numbers mean much. Log more conversations and try again."
    )
    assert (refused.value.have, refused.value.need) == (80, 100)


def test_below_150_pairs_inertia_and_settling_points_are_hidden_with_the_reason():
    fit = fit_couple([simulated(STUDY, 120, seed=2)], bootstrap=20)
    assert fit.first["constant"].shown
    assert not fit.first["inertia"].shown
    assert fit.first["inertia"].why_hidden == "Shown from 150 turn pairs on; there are 120 for W."
    assert all(not state.shown for state in fit.steady_states)
    assert "Settling points are shown from 150 turn pairs per partner on." in fit.notes


def test_a_rarely_answered_side_hides_its_slope():
    calm = CoupleModel(
        PartnerModel(1.5, 0.3, Bilinear(0.5, 0.2)), PartnerModel(1.5, 0.3, Bilinear(0.5, 0.2))
    )
    fit = fit_couple([simulated(calm, 300, seed=4, noise_sd=0.8)], bootstrap=0)
    assert fit.first["positive_slope"].shown
    assert not fit.first["negative_slope"].shown
    assert fit.first["negative_slope"].why_hidden.startswith("Only ")


def test_step_data_choose_the_ojive_by_bic_with_enough_pairs():
    steps = CoupleModel(
        PartnerModel(0.2, 0.3, Ojive(-2.0, -0.6, 0.5, 1.5, -1.0, 1.0)),
        PartnerModel(-0.1, 0.3, Ojive(-1.8, -0.5, 0.4, 1.4, -1.0, 1.0)),
    )
    fit = fit_couple([simulated(steps, 1200, seed=5)], influence="auto", bootstrap=0)
    assert fit.comparison.chosen == "ojive"
    assert set(fit.comparison.bic) == {"bilinear", "threshold", "ojive"}
    assert fit.first["negative_threshold"].value == -1.0


def test_bilinear_data_keep_the_bilinear_form_and_below_300_pairs_only_it_is_tried():
    fit = fit_couple([simulated(STUDY, 1200, seed=6)], influence="auto", bootstrap=0)
    assert fit.comparison.chosen == "bilinear"
    small = fit_couple([simulated(STUDY, 200, seed=6)], influence="auto", bootstrap=0)
    assert list(small.comparison.bic) == ["bilinear"]
    assert small.comparison.why == (
        "Only the bilinear form was fitted (threshold and step forms are tried from 300 turn "
        "pairs per partner)."
    )
    with pytest.raises(TooFewTurns):
        fit_couple([simulated(STUDY, 200, seed=6)], influence="ojive")


def test_json_holds_every_estimate_with_its_interval_and_the_fit_record():
    fit = fit_couple([simulated(STUDY, 600, seed=7)], bootstrap=50, seed=1)
    data = fit_as_json(fit)
    assert set(data) == {
        "form", "method", "influence", "first_speaker", "second_speaker", "scoring_version",
        "pairs", "partners", "steady_states", "comparison", "bootstrap", "notes",
    }  # fmt: skip
    assert data["pairs"] == {"first": 600, "second": 600, "total": 1200}
    assert (data["first_speaker"], data["second_speaker"]) == ("W", "H")
    first = data["partners"][0]["estimates"]
    assert set(first) == {
        "constant", "inertia", "negative_slope", "positive_slope", "uninfluenced_steady_state"
    }  # fmt: skip
    for estimate in first.values():
        assert estimate["low"] <= estimate["value"] <= estimate["high"]
    state = data["steady_states"][0]
    assert state["first_low"] <= state["first"] <= state["first_high"]
    assert data["bootstrap"] == {"refits": 50, "seed": 1, "kind": "moving-block", "level": 0.95}


def test_the_same_seed_gives_the_same_intervals():
    conversation = simulated(STUDY, 300, seed=8)
    one = fit_as_json(fit_couple([conversation], bootstrap=40, seed=9))
    two = fit_as_json(fit_couple([conversation], bootstrap=40, seed=9))
    assert one == two


def test_600_pairs_with_200_refits_fit_in_well_under_a_second():
    conversation = simulated(STUDY, 600, seed=10)
    started = time.perf_counter()
    fit_couple([conversation], bootstrap=200)
    assert time.perf_counter() - started < 1.0


def test_the_two_step_method_recovers_noise_free_coefficients_too():
    fit = fit_couple(driven(STUDY, 400, seed=12, neutral=True), method="two_step", bootstrap=0)
    for estimates, partner in ((fit.first, STUDY.first), (fit.second, STUDY.second)):
        assert estimates["constant"].value == pytest.approx(partner.constant, abs=1e-8)
        assert estimates["inertia"].value == pytest.approx(partner.inertia, abs=1e-8)
        assert estimates["negative_slope"].value == pytest.approx(
            0.6 if partner is STUDY.first else 0.5, abs=1e-8
        )


def test_the_two_step_method_without_neutral_turns_says_so():
    with pytest.raises(InputError, match="answered a neutral turn"):
        fit_couple(driven(STUDY, 100, seed=12), method="two_step")


def test_turns_that_do_not_alternate_are_an_input_error():
    conversation = simulated(STUDY, 150, seed=13)
    broken = type(conversation)("x", (conversation.turns[0], *conversation.turns))
    with pytest.raises(InputError, match="turns 1 and 2 are both by W"):
        fit_couple([broken])


def test_fitted_model_is_the_chosen_form_with_the_point_estimates():
    fit = fit_couple([simulated(STUDY, 600, seed=14)], bootstrap=0)
    assert isinstance(fit.model.first.influence, Bilinear)
    assert fit.model.first.constant == fit.first["constant"].value
    assert np.isclose(fit.residual_sd[0], 1.5, atol=0.2)


def test_block_form_data_are_recovered_by_the_block_fit_and_not_by_the_turn_fit():
    block = CoupleModel(STUDY.first, STUDY.second, "block")
    noisy = simulated(block, 2000, seed=16)
    as_blocks = fit_couple([noisy], form="block", bootstrap=0).second["negative_slope"].value
    as_turns = fit_couple([noisy], form="turn", bootstrap=0).second["negative_slope"].value
    assert abs(as_blocks - 0.5) < 0.1
    assert abs(as_turns - 0.5) > 0.2


def test_a_conversation_the_second_speaker_opens_loses_its_opening_turn_in_block_form():
    first = simulated(STUDY, 150, seed=17)
    opened_by_h = type(first)("h-first", first.turns[1:], first.scoring_version)
    fit = fit_couple([first, opened_by_h], form="block", bootstrap=0)
    assert (fit.first_speaker, fit.n_pairs.first) == ("W", 150 + 149)


def test_gated_negativity_chooses_the_threshold_form_by_bic():
    gated = CoupleModel(
        PartnerModel(0.0, 0.3, ThresholdBilinear(0.9, 0.2, -2.0)),
        PartnerModel(0.0, 0.3, ThresholdBilinear(0.9, 0.2, -2.0)),
    )
    fit = fit_couple([simulated(gated, 1500, seed=18)], influence="auto", bootstrap=0)
    assert fit.comparison.chosen == "threshold"
    assert fit.first["threshold"].value == -2.0
