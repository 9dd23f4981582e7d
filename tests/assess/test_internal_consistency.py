"""Alpha and omega against values computed by hand on tiny data."""

from __future__ import annotations

import numpy as np
import pytest

from bowlby.assess.internal_consistency import (
    cronbach_alpha,
    measure_internal_consistency,
    omega_total,
)

# Three items, five people. Means 4, 3, 4.
#   x1 = 5 2 5 2 6   deviations  1 -2  1 -2  2   sum of squares 14 -> var 14/4 = 3.5
#   x2 = 1 1 5 2 6   deviations -2 -2  2 -1  3   sum of squares 22 -> var 5.5
#   x3 = 5 1 3 4 7   deviations  1 -3 -1  0  3   sum of squares 20 -> var 5.0
#   cov12 = (-2 + 4 + 2 + 2 + 6) / 4 = 3;  cov13 = (1 + 6 - 1 + 0 + 6) / 4 = 3
#   cov23 = (-2 + 6 - 2 + 0 + 9) / 4 = 2.75
TINY = np.array([[5, 1, 5], [2, 1, 1], [5, 5, 3], [2, 2, 4], [6, 6, 7]], dtype=np.int8)


def test_alpha_by_hand():
    # total variance = 3.5 + 5.5 + 5 + 2 x (3 + 3 + 2.75) = 31.5; item variances 14
    # alpha = 3/2 x (1 - 14/31.5) = 1.5 x 17.5/31.5 = 5/6
    result = measure_internal_consistency("x", TINY)
    assert result.alpha == pytest.approx(5 / 6)
    assert result.n_complete == 5


def test_omega_by_hand():
    # Three items identify one factor exactly: lambda_i^2 = c_ij c_ik / c_jk
    #   lambda1^2 = 3 x 3 / 2.75 = 3.2727, lambda2^2 = 3 x 2.75 / 3 = 2.75, lambda3^2 = 2.75
    #   psi = 3.5 - 3.2727 = .2273, 5.5 - 2.75 = 2.75, 5 - 2.75 = 2.25 (sum 5.2273)
    #   (sum lambda)^2 = (1.80907 + 1.65831 + 1.65831)^2 = 26.2727
    #   omega = 26.2727 / (26.2727 + 5.2273) = .83405
    result = measure_internal_consistency("x", TINY)
    assert result.omega_total == pytest.approx(0.834055, abs=1e-6)
    assert result.omega_converged
    assert not result.omega_heywood


def test_alpha_equals_omega_for_equal_loadings():
    # variances 2, covariances 1: alpha = 3/2 x (1 - 6/12) = .75; loadings 1, psi 1:
    # omega = 9 / (9 + 3) = .75
    covariance = np.array([[2.0, 1.0, 1.0], [1.0, 2.0, 1.0], [1.0, 1.0, 2.0]])
    assert cronbach_alpha(covariance) == pytest.approx(0.75)
    omega, fit = omega_total(covariance)
    assert omega == pytest.approx(0.75, abs=1e-8)
    assert fit is not None
    assert fit.converged


def test_degenerate_samples_give_none():
    assert measure_internal_consistency("x", TINY[:1]).alpha is None
    constant = np.array([[3, 3, 3], [3, 3, 3], [3, 3, 3]], dtype=np.int8)
    result = measure_internal_consistency("x", constant)
    assert (result.alpha, result.omega_total) == (None, None)
