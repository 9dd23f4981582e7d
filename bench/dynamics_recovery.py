"""Recovery of the couple influence model: error of the fitted constant a, inertia r and the
influence slopes (frequent and rare side) against the number of turn pairs per partner.

Simulates the coupled F1 system with known parameters (σ = 1.5, whole-number scores clipped
to −4…+4, as in DYNAMICS.md), fits each run with the one-step and the two-step method, and
prints SD and RMSE per parameter next to DYNAMICS.md's study table, plus fit times. Draws the
RMSE against pairs as a PNG. Not a test: `python bench/dynamics_recovery.py [-r 200] [-o PNG]`.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from bowlby.dynamics.fitting import fit_couple
from bowlby.dynamics.model import Bilinear, CoupleModel, PartnerModel, simulate
from bowlby.errors import InputError

PAIRS = (100, 150, 300, 600, 1200)
# Both partners lean positive: positivity is the frequent side (~61% of turns), negativity
# the rare one (~19%). The same couple as tests/dynamics/test_recovery.py.
PARTNER = PartnerModel(0.6, 0.25, Bilinear(0.4, 0.2))
MODEL = CoupleModel(PARTNER, PARTNER, "turn")
KEYS = ("constant", "inertia", "positive_slope", "negative_slope")
LABELS = {"constant": "a", "inertia": "r", "positive_slope": "m freq", "negative_slope": "m rare"}
TRUTH = np.array([0.6, 0.25, 0.2, 0.4])
STUDY_SD = {100: (0.32, 0.08, 0.10, 0.36), 150: (0.26, 0.06, 0.08, 0.25),
            300: (0.17, 0.05, 0.05, 0.17), 600: (0.12, 0.03, 0.04, 0.10)}  # fmt: skip
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "out" / "dynamics_recovery.png"


def estimates(pairs: int, replications: int, method: str) -> np.ndarray:
    """(replications × 2 partners, 4) fitted a, r, m frequent, m rare; NaN rows where the
    two-step method had too few neutral turns to start from."""
    rows = []
    for seed in range(replications):
        run = simulate(MODEL, (0.0, 0.0), pairs, noise_sd=1.5, seed=seed, round_scores=True)
        try:
            fit = fit_couple([run.to_conversation()], method=method, bootstrap=0)  # type: ignore[arg-type]
        except InputError:
            rows += [[np.nan] * len(KEYS)] * 2
            continue
        rows += [[side[key].value for key in KEYS] for side in (fit.first, fit.second)]
    return np.array(rows)


def fit_seconds(pairs: int, bootstrap: int, repeats: int = 5) -> float:
    run = simulate(MODEL, (0.0, 0.0), pairs, noise_sd=1.5, seed=99, round_scores=True)
    conversation = [run.to_conversation()]
    started = time.perf_counter()
    for _ in range(repeats):
        fit_couple(conversation, bootstrap=bootstrap)
    return (time.perf_counter() - started) / repeats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--replications", type=int, default=200)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    options = parser.parse_args()
    results = {}
    header = "pairs | " + " | ".join(f"{LABELS[k]} SD (study) RMSE" for k in KEYS)
    print(f"one-step fits, {options.replications} runs × 2 partners per size")
    print(header + " | two-step RMSE a, r, m freq, m rare | fit ms, 200 refits ms")
    for pairs in PAIRS:
        one = estimates(pairs, options.replications, "one_step")
        two = estimates(pairs, options.replications, "two_step")
        skipped = np.isnan(two[:, 0]).mean()
        results[pairs] = (one.std(axis=0, ddof=1), _rmse(one), np.append(_rmse(two), skipped))
        print(_row(pairs, *results[pairs], fit_seconds(pairs, 0), fit_seconds(pairs, 200)))
    draw(results, options.output)
    print(f"figure: {options.output}")


def _rmse(found: np.ndarray) -> np.ndarray:
    return np.sqrt(np.nanmean((found - TRUTH) ** 2, axis=0))


def _row(
    pairs: int, sd: np.ndarray, rmse: np.ndarray, two: np.ndarray, bare: float, boot: float
) -> str:
    study = STUDY_SD.get(pairs)
    cells = [
        f"{sd[i]:.3f} ({study[i]:.2f}) {rmse[i]:.3f}" if study else f"{sd[i]:.3f} (—) {rmse[i]:.3f}"
        for i in range(len(KEYS))
    ]
    two_step = ", ".join(f"{value:.3f}" for value in two[:-1])
    two_step += f" ({two[-1]:.0%} runs too few neutral turns)"
    return (
        f"{pairs:5d} | " + " | ".join(cells) + f" | {two_step} | {bare * 1e3:.1f}, {boot * 1e3:.0f}"
    )


def draw(results: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]], output: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    figure, axes = plt.subplots(1, len(KEYS), figsize=(14, 3.6), sharex=True)
    pairs = np.array(sorted(results))
    for i, (axis, key) in enumerate(zip(axes, KEYS, strict=True)):
        axis.plot(pairs, [results[n][1][i] for n in pairs], "o-", label="one-step RMSE")
        axis.plot(pairs, [results[n][2][i] for n in pairs], "s--", label="two-step RMSE")
        studied = sorted(STUDY_SD)
        axis.plot(studied, [STUDY_SD[n][i] for n in studied], "kx", label="study SD (DYNAMICS.md)")
        axis.set_xscale("log")
        axis.set_title(LABELS[key])
        axis.set_xlabel("turn pairs per partner")
    axes[0].set_ylabel("error")
    axes[0].legend(fontsize=8)
    figure.suptitle("Recovery of the couple model (σ = 1.5, whole-number scores, clipped to ±4)")
    figure.tight_layout()
    output.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(output, dpi=120)
    plt.close(figure)


if __name__ == "__main__":
    main()
