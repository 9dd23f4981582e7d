"""Start-up time of the command line: `bowlby --help`, median of several runs."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 7


def main() -> None:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bowlby", "--help"], check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    print(
        f"bowlby --help: median {statistics.median(timings) * 1000:.0f} ms, "
        f"best {min(timings) * 1000:.0f} ms over {RUNS} runs"
    )


if __name__ == "__main__":
    main()
