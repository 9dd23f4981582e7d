"""The home dashboard with five years of daily data for a couple: how long it takes to serve.

Generates (once; ``--fresh`` rebuilds) a SQLite database under bench/out/dashboard/ in which
Alex and Sam, linked as partners, have logged every day for five years: journal entries,
triggers, emotions, thought records, success moments, check-ins, several 5:1 taps a day,
self-soothing sessions and vulnerability windows; a rupture and its repair every week; a
questionnaire every three months; and one imported chat of a few thousand messages. About a
third of it is shared with the partner.

Then it times the pages server-side through the ASGI app (signed in as Alex, N requests after
a warm-up) and prints the median and 95th percentile per page in ms. The target: the
dashboard under 150 ms median.

    python bench/dashboard.py [--fresh] [--requests N] [--profile] [--analyse]

``--analyse`` times a copy on which SQLite's ANALYZE has run (the store never runs it today,
so the planner picks the owner index and scans every entry of the owner for each list).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import shutil
import sqlite3
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bowlby import models
from bowlby.chats.messages import ChatMessage, MessageKind, ParseReport
from bowlby.journal.emotions import EmotionInput, emotion_draft
from bowlby.journal.successes import SuccessInput, success_draft
from bowlby.journal.thought_records import ThoughtRecordInput, thought_record_draft
from bowlby.journal.triggers import TriggerInput, trigger_draft
from bowlby.practice.checkins import CheckinInput, checkin_draft
from bowlby.practice.ratio_ledger import InteractionInput, interaction_draft
from bowlby.practice.repair_attempts import RepairInput, RuptureInput, repaired_draft, rupture_draft
from bowlby.practice.soothing import SoothingInput, soothing_draft
from bowlby.practice.vulnerability_windows import WindowInput, window_draft
from bowlby.services import accounts, assessments, chats, entries, sharing
from bowlby.settings import Settings
from bowlby.store.engine import Store, open_store

OUT = Path(__file__).parent / "out" / "dashboard"
DONE = OUT / "generated"  # written last: a half-written database is rebuilt
YEARS = 5
TODAY = datetime.now(UTC).replace(hour=6, minute=0, second=0, microsecond=0)
PEOPLE = (("Alex", "alex bench passphrase"), ("Sam", "sam bench passphrase"))
CHAT_MESSAGES = 4_000
PAGES = (
    "/",
    "/api/home",
    "/practice/ratio",
    "/practice/checkins",
    "/journal/triggers",
    "/learn/the-patterns",
)
ACTIONS = ("delayed_reply", "request_for_space", "cancelled_plans", "seemed_distant", "criticism")
URGES = ("text_again", "seek_reassurance", "check_on_them")
FEELINGS = ("calm", "tired", "hopeful", "tense", "close")
ECR_S_ITEMS = 12
Draft = models.EntryDraft


def settings(home: Path = OUT) -> Settings:
    return Settings(home=home, kdf_memory_kib=1024, kdf_time_cost=1)


def analysed_copy() -> Path:
    """A copy of the database with SQLite's planner statistics (ANALYZE), which the store
    does not gather today: it shows what that would change without touching the original."""
    home = OUT.with_name("dashboard-analysed")
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    shutil.copy2(settings().sqlite_path, settings(home).sqlite_path)
    with sqlite3.connect(settings(home).sqlite_path) as connection:
        connection.execute("ANALYZE")
    return home


def days() -> Iterator[datetime]:
    """Every morning of the five years up to today, oldest first."""
    first = TODAY - timedelta(days=365 * YEARS)
    for day in range(365 * YEARS + 1):
        yield first + timedelta(days=day)


def journal_drafts(morning: datetime, rng: random.Random) -> Iterator[Draft]:
    """One day of the five journal steps (and a free entry), a third shared with the partner."""
    share = rng.random() < 0.33
    yield Draft(
        kind="journal",
        occurred_at=morning + timedelta(hours=14),
        text={"title": "The day", "body": "We talked for a while after dinner. " * 4},
        shared_with_partner=share,
    )
    yield trigger_draft(
        TriggerInput(
            occurred_at=morning + timedelta(hours=9),
            what_happened="No reply for most of the afternoon.",
            partner_action=rng.choice(ACTIONS),
            urge=rng.choice(URGES),
            strength=rng.randint(2, 9),
            shared_with_partner=share,
        )
    )
    yield emotion_draft(
        EmotionInput(
            occurred_at=morning + timedelta(hours=10),
            family="fear",
            name=rng.choice(("abandoned", "rejected", "insecure")),
            intensity=rng.randint(2, 9),
            statement="I felt a little lost.",
        )
    )
    before = rng.randint(50, 95)
    yield thought_record_draft(
        ThoughtRecordInput(
            occurred_at=morning + timedelta(hours=11),
            situation="A short message",
            automatic_thought="They are pulling away.",
            belief_before=before,
            distortions=["mind_reading"],
            balanced_thought="They were busy at work.",
            belief_after=max(0, before - rng.randint(5, 50)),
        )
    )
    yield success_draft(
        SuccessInput(
            occurred_at=morning + timedelta(hours=19),
            what_happened="They made tea and asked about my day.",
            quality="caring",
            shared_with_partner=share,
        )
    )


def practice_drafts(morning: datetime, rng: random.Random) -> Iterator[Draft]:
    """One day of the practice tools: a check-in, a few 5:1 taps, soothing, a small share."""
    yield checkin_draft(
        CheckinInput(
            occurred_at=morning + timedelta(hours=14),
            feeling_word=rng.choice(FEELINGS),
            appreciation="Thanks for the call.",
            minutes=15,
            shared_with_partner=True,
        )
    )
    for tap in range(rng.randint(3, 6)):
        yield interaction_draft(
            InteractionInput(
                occurred_at=morning + timedelta(hours=2 + 2 * tap),
                sign="-" if rng.random() < 0.18 else "+",
            )
        )
    before = rng.randint(5, 9)
    yield soothing_draft(
        SoothingInput(
            occurred_at=morning + timedelta(hours=16),
            exercise="breathing_478",
            anxiety_before=before,
            anxiety_after=max(0, before - rng.randint(0, 4)),
        )
    )
    yield window_draft(
        WindowInput(
            occurred_at=morning + timedelta(hours=17),
            own_topic="Something from work",
            what_shared="I told them I was nervous about the review.",
            discomfort_before=rng.randint(4, 8),
            discomfort_after=rng.randint(1, 5),
        )
    )


def repaired_rupture(morning: datetime, keyring: models.Keyring, rng: random.Random) -> Draft:
    """A weekly rupture with its repair, a few minutes to a day later."""
    opened = rupture_draft(
        RuptureInput(occurred_at=morning + timedelta(hours=13), what_happened="A sharp word.")
    )
    as_entry = models.Entry(
        id=str(uuid.uuid4()),
        owner_id=keyring.profile_id,
        owner_name=keyring.name,
        kind=opened.kind,
        occurred_at=opened.occurred_at,
        created_at=opened.occurred_at,
        updated_at=opened.occurred_at,
        values=opened.values,
        text=opened.text,
    )
    repair = RepairInput(
        repaired_at=opened.occurred_at + timedelta(minutes=rng.randint(10, 1440)),
        how=["apology"],
        initiated_by="me",
    )
    return repaired_draft(as_entry, repair)


def write_days(store: Store, keyring: models.Keyring, seed: int) -> int:
    """Every day's records for one person, a month per transaction."""
    rng = random.Random(seed)
    written = 0
    all_days = list(days())
    for start in range(0, len(all_days), 30):
        with store.unit_of_work() as session:
            for number, morning in enumerate(all_days[start : start + 30], start):
                drafts = [*journal_drafts(morning, rng), *practice_drafts(morning, rng)]
                if number % 7 == 0:
                    drafts.append(repaired_rupture(morning, keyring, rng))
                for draft in drafts:
                    entries.add_entry_row(session, keyring, draft)
                written += len(drafts)
    return written


def take_questionnaires(store: Store, keyring: models.Keyring, seed: int) -> int:
    """An ECR-S every three months, anxiety easing slowly over the years."""
    rng = random.Random(seed)
    taken = 0
    for quarter in range(YEARS * 4):
        level = max(2, 6 - quarter // 5)
        answers = {
            f"ecr_s_{n:02d}": min(7, max(1, level + rng.randint(-1, 1)))
            for n in range(1, ECR_S_ITEMS + 1)
        }
        sitting = assessments.start_assessment(store, keyring, "ecr-s", ())
        assessments.save_answers(store, keyring, sitting.id, answers)
        assessments.complete_assessment(store, keyring, sitting.id)
        finished = entries.read_entry(store, keyring, sitting.id)
        back_then = TODAY - timedelta(days=365 * YEARS - 91 * quarter)
        draft = Draft(kind=finished.kind, occurred_at=back_then, values=finished.values)
        entries.update_entry(store, keyring, sitting.id, draft, keep_history=False)
        taken += 1
    return taken


def import_chat(store: Store, keyring: models.Keyring) -> int:
    """A chat of CHAT_MESSAGES messages over the last few months."""
    rng = random.Random(3)
    lines = ("where are you?", "on my way", "I need some space", "love you", "fine.", "ok")
    start = TODAY - timedelta(days=120)
    messages = [
        ChatMessage(
            start + timedelta(minutes=43 * index),
            rng.choice(("Alex", "Sam")),
            rng.choice(lines),
            MessageKind.TEXT,
            "chat.txt",
            index + 1,
        )
        for index in range(CHAT_MESSAGES)
    ]
    chats.import_chat(store, keyring, messages, me="Alex", format="whatsapp", report=ParseReport())
    return len(messages)


def generate() -> None:
    """Both partners, linked, with five years of daily records each."""
    bench_settings = settings()
    OUT.mkdir(parents=True, exist_ok=True)
    store = open_store(bench_settings)
    started = time.perf_counter()
    keyrings = []
    for name, passphrase in PEOPLE:
        accounts.create_profile(store, bench_settings, name, passphrase)
        keyrings.append(accounts.unlock_profile(store, name, passphrase))
    alex, sam = keyrings
    sharing.accept_invitation(
        store, sam, sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
    )
    written = sum(write_days(store, keyring, seed) for seed, keyring in enumerate(keyrings))
    written += sum(
        take_questionnaires(store, keyring, 10 + n) for n, keyring in enumerate(keyrings)
    )
    chat = import_chat(store, alex)
    store.dispose()
    DONE.write_text("complete\n")
    took = time.perf_counter() - started
    print(f"generated {written:,} entries and {chat:,} chat messages in {took:.0f} s")


def time_pages(requests: int, home: Path) -> None:
    """Median and 95th percentile per page, signed in as Alex, after a warm-up."""
    from fastapi.testclient import TestClient

    from bowlby.web.app import create_app

    app = create_app(settings(home))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        name, passphrase = PEOPLE[0]
        signed = client.post("/api/session", json={"name": name, "passphrase": passphrase})
        signed.raise_for_status()
        print(f"{'page':<24}{'median ms':>10}{'p95 ms':>10}")
        for page in PAGES:
            timings = time_page(lambda url=page: client.get(url), requests)
            median, p95 = statistics.median(timings), percentile(timings, 95)
            print(f"{page:<24}{median:>10.1f}{p95:>10.1f}")
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"load average while timing: {load} on {os.cpu_count()} cores")


def time_page(fetch: Callable[[], object], requests: int) -> list[float]:
    for _ in range(3):
        check(fetch())
    timings = []
    for _ in range(requests):
        began = time.perf_counter()
        check(fetch())
        timings.append((time.perf_counter() - began) * 1000)
    return timings


def check(response: object) -> None:
    status = getattr(response, "status_code", 0)
    if status != 200:
        raise SystemExit(f"{getattr(response, 'url', '?')} answered {status}")


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ranked = sorted(values)
    return ranked[max(0, -(-len(ranked) * share // 100) - 1)]


def show_profile(home: Path) -> None:
    """Where the home page's time goes, in this thread (the test client serves requests in
    another one, which cProfile would not see)."""
    from bowlby.services import accounts
    from bowlby.web import contexts

    store = open_store(settings(home))
    keyring = accounts.unlock_profile(store, *PEOPLE[0])
    contexts.build_home(store, keyring)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(10):
        contexts.build_home(store, keyring)
    profiler.disable()
    store.dispose()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="rebuild the database")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument("--profile", action="store_true", help="cProfile the home page's build")
    parser.add_argument(
        "--analyse", action="store_true", help="time a copy with SQLite planner statistics"
    )
    args = parser.parse_args()
    if (args.fresh or not DONE.exists()) and OUT.exists():
        shutil.rmtree(OUT)
    if not DONE.exists():
        generate()
    else:
        print(f"reusing {settings().sqlite_path} (--fresh rebuilds it)")
    home = analysed_copy() if args.analyse else OUT
    time_pages(args.requests, home)
    if args.profile:
        show_profile(home)


if __name__ == "__main__":
    main()
