"""Batch scoring speed: a synthetic 1,000,000-row ECR-R survey, scored from a CSV file.

Prints rows per second and peak resident memory. Not a test: run `python bench/assess_batch.py`
(optionally with a row count). The file is written in chunks to a temporary directory so that
generating it does not inflate the memory figure of scoring it.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bowlby.assess.batch import output_rows, score_survey
from bowlby.assess.instruments import get_instrument

ROWS = 1_000_000
CHUNK = 100_000
MISSING_RATE = 0.02
INVALID_RATE = 0.0001


def write_survey(path: Path, rows: int, seed: int = 1998) -> None:
    """id,q1..q36 with correlated answers (one latent trait per subscale), some cells blank
    and a few out-of-range 9s, built as bytes with numpy so that 1M rows take seconds."""
    instrument = get_instrument("ecr-r")
    reverse = np.array([item.reverse for item in instrument.items])
    anxiety = np.array([item.subscale == "anxiety" for item in instrument.items])
    rng = np.random.default_rng(seed)
    with path.open("wb") as out:
        out.write(("id," + ",".join(f"q{n}" for n in range(1, 37)) + "\n").encode())
        for start in range(0, rows, CHUNK):
            n = min(CHUNK, rows - start)
            trait = rng.normal(4.0, 1.2, size=(n, 2))
            latent = np.where(anxiety, trait[:, :1], trait[:, 1:])
            answers = np.clip(np.rint(latent + rng.normal(0, 1.0, (n, 36))), 1, 7).astype(np.uint8)
            answers = np.where(reverse, 8 - answers, answers)
            answers[rng.random((n, 36)) < INVALID_RATE] = 9
            out.write(_encode(start, answers, rng.random((n, 36)) < MISSING_RATE))


def _encode(start: int, answers: np.ndarray, missing: np.ndarray) -> bytes:
    n = answers.shape[0]
    ids = np.char.zfill(np.arange(start, start + n).astype(str), 7).astype("S7")
    cells = np.empty((n, 8 + 72), dtype=np.uint8)
    cells[:, :7] = np.frombuffer(ids.tobytes(), dtype=np.uint8).reshape(n, 7)
    cells[:, 7] = ord(",")
    cells[:, 8::2] = answers + ord("0")
    cells[:, 9::2] = ord(",")
    cells[:, -1] = ord("\n")
    keep = np.ones_like(cells, dtype=bool)
    keep[:, 8::2] = ~missing
    return cells[keep].tobytes()


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "survey.csv"
        started = time.perf_counter()
        write_survey(path, rows)
        written = time.perf_counter() - started
        size = path.stat().st_size / 1e6
        started = time.perf_counter()
        result = score_survey(path, "ecr-r")
        scored = time.perf_counter() - started
        scoring_peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        lines = sum(1 for _ in output_rows(result))
        formatted = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"generated {rows:,} rows ({size:.0f} MB CSV) in {written:.1f} s")
    print(
        f"scored in {scored:.2f} s: {rows / scored:,.0f} rows/s "
        "(parse, keys, 80% rule, alpha, omega)"
    )
    print(f"output rows ({lines:,} incl. header) formatted in {formatted:.2f} s")
    for name, figures in result.reliability.items():
        print(
            f"  {name}: alpha {figures.alpha:.3f}, omega {figures.omega_total:.3f} "
            f"({figures.n_complete:,} complete cases)"
        )
    kinds: dict[str, int] = {}
    for problem in result.problems:
        kinds[problem.kind] = kinds.get(problem.kind, 0) + 1
    print(f"  problems reported: {kinds}")
    print(f"peak RSS {scoring_peak_mib:.0f} MiB after scoring, {peak_mib:.0f} MiB at the end")


if __name__ == "__main__":
    main()
