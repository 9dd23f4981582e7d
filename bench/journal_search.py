"""Search over encrypted entries: how long one search takes as the journal grows.

Writes N journal entries (default 5,000: years of daily use) into a temporary SQLite
database, then times searches that decrypt every entry in memory and match them.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bowlby import models
from bowlby.services import accounts, entries, journal
from bowlby.settings import Settings
from bowlby.store.engine import open_store

WORDS = [
    "reply",
    "evening",
    "called",
    "calm",
    "space",
    "worried",
    "weekend",
    "work",
    "phone",
    "late",
    "kind",
    "trip",
    "mum",
]


def main(count: int = 5_000) -> None:
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home), kdf_memory_kib=1024, kdf_time_cost=1)
        store = open_store(settings)
        accounts.create_profile(store, settings, "Bench", "bench passphrase")
        keyring = accounts.unlock_profile(store, "Bench", "bench passphrase")
        rng = random.Random(7)
        start = datetime(2021, 1, 1, tzinfo=UTC)
        started = time.perf_counter()
        with store.unit_of_work() as session:
            for day in range(count):
                body = " ".join(rng.choices(WORDS, k=40))
                draft = models.EntryDraft(
                    occurred_at=start + timedelta(hours=day * 9), text={"body": body}
                )
                entries.add_entry_row(session, keyring, draft)
        print(f"wrote {count:,} entries in {time.perf_counter() - started:.1f} s")
        timings = []
        for query in ("calm evening", "mum trip", "nothing-matches-this"):
            began = time.perf_counter()
            hits = journal.search_journal(store, keyring, query)
            timings.append(time.perf_counter() - began)
            print(f"  '{query}': {len(hits):,} hits in {timings[-1] * 1000:.0f} ms")
        median = statistics.median(timings) * 1000
        print(f"search over {count:,} encrypted entries: median {median:.0f} ms")
        store.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5_000)
