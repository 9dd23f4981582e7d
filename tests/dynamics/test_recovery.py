"""Statistical recovery (DYNAMICS.md): the coupled system simulated with σ = 1.5, whole-number
scores clipped to −4…+4, T = 600 pairs, 50 seeded replications, one-step fit. The mean error
of each estimate lies within 4·SD/√50 and its spread within ±50% of the study table's SD."""

from __future__ import annotations

import numpy as np
import pytest

from bowlby.dynamics.fitting import fit_couple
from bowlby.dynamics.model import Bilinear, CoupleModel, PartnerModel
from tests.dynamics.helpers import simulated

# A couple whose turns lean positive, so that negativity is the rare side (about 19% of
# turns) and positivity the frequent one (about 61%), as in the study table.
RECOVERY = CoupleModel(
    PartnerModel(0.6, 0.25, Bilinear(0.4, 0.2)),
    PartnerModel(0.6, 0.25, Bilinear(0.4, 0.2)),
    "turn",
)
TABLE_600 = {"constant": 0.12, "inertia": 0.03, "positive_slope": 0.04, "negative_slope": 0.10}
REPLICATIONS = 50


@pytest.fixture(scope="module")
def estimates() -> dict[str, np.ndarray]:
    found: dict[str, list[float]] = {key: [] for key in TABLE_600}
    for seed in range(1000, 1000 + REPLICATIONS):
        fit = fit_couple([simulated(RECOVERY, 600, seed=seed)], bootstrap=0)
        for partner in (fit.first, fit.second):
            for key in TABLE_600:
                found[key].append(partner[key].value)
    return {key: np.array(values).reshape(REPLICATIONS, 2) for key, values in found.items()}


def truth(key: str) -> float:
    partner = RECOVERY.first
    values = {"constant": partner.constant, "inertia": partner.inertia}
    return values.get(key, partner.influence.parameters().get(key, np.nan))


@pytest.mark.parametrize("key", list(TABLE_600))
@pytest.mark.parametrize("side", [0, 1])
def test_mean_error_is_within_four_standard_errors(estimates, key, side):
    error = estimates[key][:, side].mean() - truth(key)
    assert abs(error) <= 4 * TABLE_600[key] / np.sqrt(REPLICATIONS)


@pytest.mark.parametrize("key", list(TABLE_600))
@pytest.mark.parametrize("side", [0, 1])
def test_spread_is_within_half_of_the_study_table(estimates, key, side):
    spread = estimates[key][:, side].std(ddof=1)
    assert 0.5 * TABLE_600[key] <= spread <= 1.5 * TABLE_600[key]
