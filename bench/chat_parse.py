"""WhatsApp parse speed: synthetic Android and iOS exports (1,000,000 messages each by
default), parsed by ``bowlby.chats.formats.whatsapp.parse`` on one core, then end to end by
``bowlby chats parse FILE --jsonl`` and by whatstk (when installed) side by side.

Prints messages per second and peak resident memory. Not a test: run
``python bench/chat_parse.py [MESSAGES]``. Each measurement runs in a fresh process so that
its peak memory is its own, not the generator's.
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple

MESSAGES = 1_000_000
SEED = 1969
PHRASES = (
    "ok love you too are we still on for dinner tonight I miss you why didn't you reply "
    "sorry was in a meeting can we talk later it's fine really I just felt alone 🙂 ❤️ "
    "running late traffic again home soon did you eat já está tudo bem ¿vienes mañana?"
)
WORDS = PHRASES.split()
SENDERS = ("Maya", "Jordan Lee", "\u202a+44 7700 900123\u202c")
PLACEHOLDERS = {"android": "<Media omitted>", "ios": "\u200eimage omitted"}
ZONE = "Europe/Berlin"


def text_lines(rng: random.Random) -> list[str]:
    """One to three lines of four to eighteen words: a realistic chat message."""
    count = rng.choices((1, 2, 3), weights=(70, 20, 10))[0]
    return [" ".join(rng.choices(WORDS, k=rng.randint(4, 18))) for _ in range(count)]


def android_stamp(moment: datetime) -> str:
    return moment.strftime("%d/%m/%Y, %H:%M - ")


def ios_stamp(moment: datetime) -> str:
    """en-US iOS: month first, two-digit year, 12-hour clock with a narrow no-break space."""
    hour = moment.hour % 12 or 12
    period = "PM" if moment.hour >= 12 else "AM"
    return f"[{moment.month}/{moment.day}/{moment:%y}, {hour}:{moment:%M:%S}\u202f{period}] "


def export_lines(layout: str, count: int, seed: int = SEED) -> Iterator[str]:
    """A conversation in bursts: seconds to minutes apart, now and then hours; 2 % media."""
    rng = random.Random(seed)
    moment = datetime(2023, 1, 2, 8, 0)
    stamp_of = android_stamp if layout == "android" else ios_stamp
    yield stamp_of(moment) + "Maya: \u200eMessages and calls are end-to-end encrypted.\n"
    for _ in range(count - 1):
        gap = rng.expovariate(1 / 40) if rng.random() < 0.95 else rng.expovariate(1 / 20_000)
        moment += timedelta(seconds=int(gap) + 1)
        sender = rng.choice(SENDERS)
        if rng.random() < 0.02:
            yield f"{stamp_of(moment)}{sender}: {PLACEHOLDERS[layout]}\n"
        else:
            yield f"{stamp_of(moment)}{sender}: " + "\n".join(text_lines(rng)) + "\n"


def write_export(path: Path, layout: str, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        batch: list[str] = []
        for line in export_lines(layout, count):
            batch.append(line)
            if len(batch) >= 20_000:
                out.write("".join(batch))
                batch.clear()
        out.write("".join(batch))


def measure_parse(path: Path) -> None:
    """Run in a child process: parse the file, print messages, seconds and peak RSS."""
    from zoneinfo import ZoneInfo

    from bowlby.chats.formats import whatsapp
    from bowlby.chats.messages import ParseOptions, ParseReport
    from bowlby.chats.sources import ExportText, open_export

    options = ParseOptions(zone=ZoneInfo(ZONE))
    report = ParseReport()
    with open_export(path) as (name, stream):
        started = time.process_time()
        count = sum(1 for _ in whatsapp.parse(name, ExportText("", stream), options, report))
        seconds = time.process_time() - started
    print(count, seconds, peak_rss_mb(resource.RUSAGE_SELF), report.skipped)


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


class ChildRun(NamedTuple):
    wall: float
    cpu: float  # user + system seconds: steadier than wall time on a shared machine
    peak_rss_mb: float
    code: int
    errors: str


def timed_child(command: list[str]) -> ChildRun:
    """Time, CPU, peak memory, exit code and error output of a command whose output is
    discarded; wait4 gives this one child's own resource use."""
    with tempfile.TemporaryFile("w+") as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        return ChildRun(
            wall,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,
            child.returncode,
            errors.read(),
        )


WHATSTK_TO_JSONL = """
import sys
from whatstk import WhatsAppChat
try:  # whatstk 0.9 refuses files over 50 MB unless told otherwise
    chat = WhatsAppChat.from_source(filepath=sys.argv[1], max_size=None)
except TypeError:
    chat = WhatsAppChat.from_source(filepath=sys.argv[1])
chat.df.to_json(sys.stdout, orient="records", lines=True, date_format="iso", force_ascii=False)
"""


def whatstk_installed() -> bool:
    probe = subprocess.run([sys.executable, "-c", "import whatstk"], capture_output=True)
    return probe.returncode == 0


def bench_file(path: Path, layout: str) -> None:
    line = subprocess.run(
        [sys.executable, __file__, "--measure", str(path)], capture_output=True, text=True
    )
    count, seconds, rss, skipped = line.stdout.split()
    rate = int(count) / float(seconds)
    print(
        f"{layout:8} parse(): {int(count):,} messages in {float(seconds):.2f} s CPU = "
        f"{rate:,.0f} messages/s; peak RSS {float(rss):.0f} MB; skipped {skipped}"
    )
    bowlby = timed_child(
        [sys.executable, "-m", "bowlby", "chats", "parse", str(path), "--jsonl", "--tz", ZONE]
    )
    if bowlby.code != 0:
        print(f"{layout:8} bowlby chats parse --jsonl: command missing or failed ({bowlby.code}):")
        print("         " + bowlby.errors.strip().replace("\n", "\n         ")[:600])
        return
    print(f"{layout:8} bowlby chats parse --jsonl: {describe(bowlby, int(count))}")
    if not whatstk_installed():
        print(f"{layout:8} whatstk: not installed (pip install whatstk); row skipped")
        return
    whatstk = timed_child([sys.executable, "-c", WHATSTK_TO_JSONL, str(path)])
    if whatstk.code != 0:
        print(f"{layout:8} whatstk failed ({whatstk.code}): {whatstk.errors.strip()[-300:]}")
        return
    print(f"{layout:8} whatstk from_source + to_json(lines): {describe(whatstk, int(count))}")
    print(
        f"{layout:8} bowlby is {whatstk.cpu / bowlby.cpu:.1f}x faster than whatstk by CPU time "
        f"({whatstk.wall / bowlby.wall:.1f}x by wall time)"
    )


def describe(run: ChildRun, count: int) -> str:
    return (
        f"{run.wall:.2f} s wall, {run.cpu:.2f} s CPU = {count / run.cpu:,.0f} messages/s "
        f"(CPU); peak RSS {run.peak_rss_mb:.0f} MB"
    )


def main(messages: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for layout in ("android", "ios"):
            path = Path(folder) / f"WhatsApp Chat {layout}.txt"
            started = time.perf_counter()
            write_export(path, layout, messages)
            size = path.stat().st_size / 1e6
            print(
                f"{layout:8} wrote {messages:,} messages ({size:.0f} MB) in "
                f"{time.perf_counter() - started:.1f} s"
            )
            bench_file(path, layout)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        measure_parse(Path(sys.argv[2]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else MESSAGES)
