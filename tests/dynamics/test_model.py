"""The model's maths: uninfluenced and influenced steady states against hand-solved cases and
simulation, eigenvalues against finite-difference Jacobians, I(0) = 0, and F1 against F2."""

from __future__ import annotations

import numpy as np
import pytest

from bowlby.dynamics.model import (
    Bilinear,
    CoupleModel,
    Ojive,
    PartnerModel,
    ThresholdBilinear,
    jacobian,
    null_clines,
    simulate,
    steady_states,
    step,
    uninfluenced_steady_state,
)

NONE = Bilinear(0.0, 0.0)


def couple(a, r1, m_h, b, r2, m_w, form="turn"):
    return CoupleModel(PartnerModel(a, r1, m_h), PartnerModel(b, r2, m_w), form)


@pytest.mark.parametrize(
    "influence",
    [Bilinear(0.7, -0.2), ThresholdBilinear(0.5, 0.3, -2.0), Ojive(-2, -1, 1, 2, -2, 2)],
)
def test_every_influence_is_zero_at_zero(influence):
    assert influence(0.0) == 0.0


def test_bilinear_and_step_shapes_follow_their_definitions():
    assert Bilinear(0.5, 0.2)(-2.0) == -1.0
    assert Bilinear(0.5, 0.2)(3.0) == pytest.approx(0.6)
    steps = Ojive(-2.0, -0.5, 0.4, 1.5, negative_threshold=-1.0, positive_threshold=2.0)
    assert [steps(x) for x in (-3, -1, -0.5, 0, 1, 2, 3)] == [-2.0, -0.5, -0.5, 0.0, 0.4, 0.4, 1.5]
    gated = ThresholdBilinear(0.5, 0.2, threshold=-2.0)
    assert [gated(x) for x in (-3.0, -2.0, -1.0, 1.0)] == [-1.5, 0.0, 0.0, pytest.approx(0.2)]


def test_uninfluenced_steady_state_is_a_over_one_minus_r_and_none_without_settling():
    assert uninfluenced_steady_state(PartnerModel(0.6, 0.4, NONE)) == pytest.approx(1.0)
    assert uninfluenced_steady_state(PartnerModel(0.6, 1.0, NONE)) is None
    assert uninfluenced_steady_state(PartnerModel(0.6, -1.2, NONE)) is None


@pytest.mark.parametrize("form", ["turn", "block"])
def test_without_influence_every_run_settles_at_both_uninfluenced_points(form):
    model = couple(0.6, 0.4, NONE, -0.9, -0.5, NONE, form)
    for start in [(-4.0, 4.0), (3.0, 3.0), (0.0, -2.5)]:
        run = simulate(model, start, 80, clip=False)
        assert run.first[-1] == pytest.approx(1.0, abs=1e-10)
        assert run.second[-1] == pytest.approx(-0.6, abs=1e-10)
    (state,) = steady_states(model)
    assert (state.first, state.second, state.stable) == (
        pytest.approx(1.0),
        pytest.approx(-0.6),
        True,
    )


def closed_form(a, r1, b, r2, m_h, m_w):
    d = (1 - r1) * (1 - r2) - m_h * m_w
    return (m_h * b + a * (1 - r2)) / d, (m_w * a + b * (1 - r1)) / d


def test_linear_influence_gives_the_closed_form_steady_state_and_simulation_reaches_it():
    model = couple(0.5, 0.4, Bilinear(0.3, 0.3), -0.2, 0.3, Bilinear(0.25, 0.25))
    (state,) = steady_states(model)
    expected = closed_form(0.5, 0.4, -0.2, 0.3, 0.3, 0.25)
    assert (state.first, state.second) == (pytest.approx(expected[0]), pytest.approx(expected[1]))
    run = simulate(model, (-3.0, 2.0), 200, clip=False)
    assert (run.first[-1], run.second[-1]) == (
        pytest.approx(expected[0]),
        pytest.approx(expected[1]),
    )


def test_bilinear_steady_states_lie_in_the_quadrant_whose_slopes_solve_them():
    # hand-solved: with mH = 0.6 (H < 0) and mW = 0.3 (W > 0), D = 0.6·0.7 − 0.18 = 0.24,
    # W* = (0.6·(−0.2) + 0.5·0.7)/0.24 = 0.9583…, H* = (0.3·0.5 − 0.2·0.6)/0.24 = 0.125 > 0:
    # not in that quadrant, so the crossing is where mH = 0.2 (H > 0): D = 0.36,
    # W* = (0.2·(−0.2) + 0.35)/0.36 = 0.8611…, H* = (0.15 − 0.12)/0.36 = 0.0833…
    model = couple(0.5, 0.4, Bilinear(0.6, 0.2), -0.2, 0.3, Bilinear(0.5, 0.3))
    (state,) = steady_states(model)
    assert state.first == pytest.approx(0.31 / 0.36)
    assert state.second == pytest.approx(0.03 / 0.36)


@pytest.mark.parametrize("form", ["turn", "block"])
def test_strong_mutual_negativity_adds_an_unstable_negative_crossing(form):
    # positive quadrant: D = 0.49 − 0.01, W* = H* = (0.05 + 0.35)/0.48; negative quadrant:
    # D = 0.49 − 1.44, W* = H* = (0.6 + 0.35)/(−0.95) = −1; the mixed quadrants have none
    model = couple(0.5, 0.3, Bilinear(1.2, 0.1), 0.5, 0.3, Bilinear(1.2, 0.1), form)
    low, high = steady_states(model)
    assert (low.first, low.second) == (pytest.approx(-1.0), pytest.approx(-1.0))
    assert (high.first, high.second) == (pytest.approx(0.4 / 0.48), pytest.approx(0.4 / 0.48))
    assert (low.stable, high.stable) == (False, True)
    escaped = simulate(model, (-1.5, -1.5), 40)
    assert (escaped.first[-1], escaped.second[-1]) == (-4.0, -4.0)


@pytest.mark.parametrize("form", ["turn", "block"])
@pytest.mark.parametrize("point", [(0.9, -1.3), (-2.0, 2.5), (1.7, 0.6)])
def test_jacobian_matches_finite_differences_of_the_map(form, point):
    model = couple(0.4, 0.5, Bilinear(0.6, 0.2), -0.3, 0.2, Bilinear(0.45, 0.35), form)
    h = 1e-6
    numeric = np.empty((2, 2))
    for column in range(2):
        shift = np.zeros(2)
        shift[column] = h
        up = np.array(step(model, *(np.array(point) + shift)))
        down = np.array(step(model, *(np.array(point) - shift)))
        numeric[:, column] = (up - down) / (2 * h)
    assert jacobian(model, *point) == pytest.approx(numeric, abs=1e-6)


@pytest.mark.parametrize("form", ["turn", "block"])
def test_eigenvalues_of_a_steady_state_match_the_finite_difference_jacobian(form):
    model = couple(0.4, 0.5, Bilinear(0.6, 0.2), -0.3, 0.2, Bilinear(0.45, 0.35), form)
    (state,) = steady_states(model)
    h = 1e-6
    numeric = np.column_stack(
        [
            (np.array(step(model, state.first + h, state.second))
             - np.array(step(model, state.first - h, state.second))) / (2 * h),
            (np.array(step(model, state.first, state.second + h))
             - np.array(step(model, state.first, state.second - h))) / (2 * h),
        ]
    )  # fmt: skip
    expected = sorted(np.linalg.eigvals(numeric), key=abs)
    assert sorted(state.eigenvalues, key=abs) == pytest.approx(expected, abs=1e-6)


def test_f1_and_f2_share_steady_states_but_not_their_jacobians():
    turn = couple(0.4, 0.5, Bilinear(0.6, 0.2), -0.3, 0.2, Bilinear(0.45, 0.35), "turn")
    block = CoupleModel(turn.first, turn.second, "block")
    (f1,), (f2,) = steady_states(turn), steady_states(block)
    assert (f1.first, f1.second) == pytest.approx((f2.first, f2.second))
    r1, r2, p, q = 0.5, 0.2, 0.6, 0.35  # H* < 0 < W* here
    assert f1.second < 0 < f1.first
    assert jacobian(turn, f1.first, f1.second) == pytest.approx(
        np.array([[r1, p], [r1 * q, r2 + p * q]])
    )
    assert jacobian(block, f2.first, f2.second) == pytest.approx(np.array([[r1, p], [q, r2]]))


def test_f1_answers_the_new_turn_and_f2_the_previous_block():
    partner = PartnerModel(0.0, 0.0, Bilinear(1.0, 1.0))
    assert step(CoupleModel(partner, partner, "turn"), 1.0, 2.0) == (2.0, 2.0)
    assert step(CoupleModel(partner, partner, "block"), 1.0, 2.0) == (2.0, 1.0)


def test_step_form_steady_states_are_found_on_the_flat_parts():
    model = couple(0.5, 0.4, Ojive(-1.0, -0.5, 0.3, 0.8), -0.3, 0.3, Ojive(-1.2, -0.4, 0.2, 0.6))
    neutral, warm = steady_states(model)
    # W* = 0: H hears nothing, H* = −0.3/0.7, within (−1, 0), so W hears D: (0.5 − 0.5)/0.6 = 0
    assert (neutral.first, neutral.second) == (0.0, pytest.approx(-0.3 / 0.7))
    # W* > 1: H hears B, H* = 0.3/0.7, within (0, 1], so W hears A: (0.5 + 0.3)/0.6 > 1
    assert (warm.first, warm.second) == (pytest.approx(0.8 / 0.6), pytest.approx(0.3 / 0.7))
    assert neutral.eigenvalues == (0.4, 0.3)  # flat steps: only the inertias remain


def test_null_clines_are_the_two_settling_lines():
    model = couple(0.5, 0.5, Bilinear(0.4, 0.2), -0.2, 0.2, Bilinear(0.3, 0.1))
    clines = null_clines(model, low=-2, high=2, points=5)
    assert list(clines.grid) == [-2.0, -1.0, 0.0, 1.0, 2.0]
    assert clines.first == pytest.approx([(0.5 - 0.8) / 0.5, (0.5 - 0.4) / 0.5, 1.0, 1.4, 1.8])
    assert clines.second[2] == pytest.approx(-0.25)


def test_simulation_clips_and_rounds_like_a_coder_and_is_seeded():
    model = couple(3.0, 0.9, Bilinear(0.0, 0.5), 3.0, 0.9, Bilinear(0.0, 0.5))
    run = simulate(model, (0.0, 0.0), 30, noise_sd=1.5, seed=4, round_scores=True)
    scores = np.concatenate([run.first, run.second])
    assert scores.max() <= 4
    assert np.all(scores == np.rint(scores))
    again = simulate(model, (0.0, 0.0), 30, noise_sd=1.5, seed=4, round_scores=True)
    assert np.array_equal(run.first, again.first)
