"""Importing a chat, encrypted, into the database: messages per second and peak memory.

Generates a synthetic Android WhatsApp export (``24/11/2026, 18:30 - Maya: text``, default
one million messages), then imports it into a temporary SQLite database twice: first as new,
then again (every message already there). Each run is a child process of its own, so its
peak RSS (resource.getrusage) is its own. Two sources are measured: generated ChatMessage
objects fed straight to the import (storage alone), and, once the WhatsApp parser exists,
the file read end to end through open_export + read_chat. The chat is then read back,
decrypted, in time order. With --postgres N, N messages are also imported into a throwaway
PostgreSQL cluster (tests/postgres_cluster.py).

    python bench/chat_import.py [MESSAGES] [--postgres 100000]
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from importlib.util import find_spec
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
SENDERS = ("Maya", "Jordan")
WORDS = (
    "ok",
    "love you",
    "are you home?",
    "running late, sorry 😅",
    "can we talk tonight",
    "I miss you",
    "did you eat",
    "fine.",
    "call me when you can",
    "that's not what I meant",
    "haha yes",
    "good night ❤️",
)
ZONE = ZoneInfo("Europe/Berlin")


def synthetic_messages(count: int) -> Iterator[tuple[datetime, str, str]]:
    """(local time, sender, text): a couple's chat over years, a message every few minutes,
    with the odd multi-line message and genuine repeats in the same minute."""
    rng = random.Random(6)
    moment = datetime(2019, 3, 1, 8, 0)
    for number in range(count):
        moment += timedelta(minutes=rng.choice((0, 0, 1, 2, 5, 30, 240)))
        text = rng.choice(WORDS)
        if number % 97 == 0:
            text += f"\nand one more thing {number}"
        yield moment, rng.choice(SENDERS), text


def write_export(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for moment, sender, text in synthetic_messages(count):
            out.write(f"{moment:%d/%m/%Y, %H:%M} - {sender}: {text}\n")


def generated_chat(count: int) -> Iterator[object]:
    from bowlby.chats.messages import ChatMessage, MessageKind

    for line, (moment, sender, text) in enumerate(synthetic_messages(count), start=1):
        sent_at = moment.replace(tzinfo=ZONE)
        yield ChatMessage(sent_at, sender, text, MessageKind.TEXT, "bench.txt", line)


def run_phase(source: str, export: Path, home: Path, count: int, database_url: str) -> None:
    """One import in this (child) process; prints one JSON line of figures."""
    from bowlby.chats.messages import ParseOptions, ParseReport
    from bowlby.services import accounts, chats
    from bowlby.settings import Settings
    from bowlby.store.engine import open_store

    settings = Settings(
        home=home, kdf_memory_kib=1024, kdf_time_cost=1, database_url=database_url or None
    )
    store = open_store(settings)
    names = [profile.name for profile in accounts.list_profiles(store)]
    if "Bench" not in names:
        accounts.create_profile(store, settings, "Bench", "bench passphrase")
    keyring = accounts.unlock_profile(store, "Bench", "bench passphrase")
    report = ParseReport()
    started = time.perf_counter()
    if source == "read":
        [chat] = chats.list_chats(store, keyring)
        read = sum(1 for _ in chats.read_chat_messages(store, keyring, chat.id))
        summary = chats.ImportSummary(
            chat_id=chat.id,
            name="",
            format="",
            added=0,
            already_there=read,
            skipped_lines=0,
            senders={},
            me="",
            first_at=None,
            last_at=None,
            new_chat=False,
        )
    elif source == "file":
        from bowlby.chats.sources import open_export, read_chat

        with open_export(export) as (name, stream):
            messages = read_chat(name, stream, ParseOptions(zone=ZONE), report)
            summary = chats.import_chat(
                store, keyring, messages, me="Maya", format=report.format, report=report
            )
    else:
        summary = chats.import_chat(
            store, keyring, generated_chat(count), me="Maya", format="whatsapp", report=report
        )
    seconds = time.perf_counter() - started
    store.dispose()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {"seconds": seconds, "added": summary.added, "already": summary.already_there}
    print(json.dumps(figures | {"peak_mib": peak_mib, "skipped": summary.skipped_lines}))


def measure(label: str, source: str, export: Path, home: Path, count: int, url: str = "") -> None:
    command = [sys.executable, __file__, "--phase", source, str(export), str(home), str(count)]
    result = subprocess.run(
        [*command, url], capture_output=True, text=True, check=False, cwd=ROOT, env=os.environ
    )
    if result.returncode != 0:
        print(f"{label}: failed\n{result.stderr[-2000:]}")
        return
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    rate = (figures["added"] + figures["already"]) / figures["seconds"]
    counts = (
        f"read {figures['already']:,}"
        if source == "read"
        else f"added {figures['added']:,}, already there {figures['already']:,}"
    )
    print(
        f"{label:<44} {figures['seconds']:6.1f} s  {rate:>9,.0f} messages/s  "
        f"peak RSS {figures['peak_mib']:5.0f} MiB  ({counts})"
    )


def sqlite_figures(count: int, workdir: Path, export: Path) -> None:
    sources = ["generated"]
    if find_spec("bowlby.chats.formats.whatsapp") is not None:
        sources.append("file")
    else:
        print("(the WhatsApp parser is not there yet: end-to-end figures left out)")
    for source in sources:
        home = workdir / f"home-{source}"
        what = "ChatMessage objects" if source == "generated" else "the .txt, parsed"
        measure(f"SQLite, {what}, first import", source, export, home, count)
        measure(f"SQLite, {what}, again (all there)", source, export, home, count)
        if source == "generated":
            measure("SQLite, read back decrypted in time order", "read", export, home, count)
        size = sum(path.stat().st_size for path in home.rglob("*") if path.is_file())
        print(f"  database folder after both: {size / 2**20:,.0f} MiB")


def postgres_figures(count: int, workdir: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.postgres_cluster import Cluster, find_bindir

    bindir = find_bindir()
    if bindir is None:
        print("PostgreSQL server programs not found: PostgreSQL figures left out")
        return
    cluster = Cluster(bindir)
    cluster.start()
    try:
        url = cluster.url(cluster.create_database())
        home = workdir / "home-postgres"
        measure(
            f"PostgreSQL, {count:,} objects, first import", "generated", Path(), home, count, url
        )
        measure(f"PostgreSQL, {count:,} objects, again", "generated", Path(), home, count, url)
    finally:
        cluster.stop()


def main(arguments: list[str]) -> None:
    if arguments and arguments[0] == "--phase":
        source, export, home, count = arguments[1:5]
        url = arguments[5] if len(arguments) > 5 else ""
        run_phase(source, Path(export), Path(home), int(count), url)
        return
    count = int(arguments[0]) if arguments and arguments[0].isdigit() else 1_000_000
    postgres_count = (
        int(arguments[arguments.index("--postgres") + 1]) if "--postgres" in arguments else 0
    )
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        export = workdir / "WhatsApp Chat with Jordan.txt"
        began = time.perf_counter()
        write_export(export, count)
        print(
            f"generated {count:,} messages ({export.stat().st_size / 2**20:,.0f} MiB) in "
            f"{time.perf_counter() - began:.1f} s; started {datetime.now(UTC):%H:%M:%S} UTC"
        )
        sqlite_figures(count, workdir, export)
        if postgres_count:
            postgres_figures(postgres_count, workdir)


if __name__ == "__main__":
    main(sys.argv[1:])
