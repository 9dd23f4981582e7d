"""Two processes writing into one SQLite file at once: nobody fails, nothing is lost."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time

from bowlby import models
from bowlby.services import accounts, entries, sharing
from bowlby.store.engine import open_store

WRITES = 100

WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from bowlby import models
    from bowlby.services import accounts, entries
    from bowlby.settings import Settings
    from bowlby.store.engine import open_store

    name, passphrase, go, count = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    store = open_store(Settings())
    keyring = accounts.unlock_profile(store, name, passphrase)
    go.with_name(f"ready-{name}").touch()
    deadline = time.monotonic() + 60
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    began = time.time()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for number in range(count):
        draft = models.EntryDraft(
            occurred_at=start + timedelta(minutes=number),
            values={"writer": name, "number": number},
            text={"body": f"{name} entry {number}"},
            shared_with_partner=number % 2 == 0,
        )
        entries.write_entry(store, keyring, draft)
    store.dispose()
    print(began, time.time())
    """
)


def test_two_processes_write_into_one_sqlite_file_at_once(settings, tmp_path):
    store = open_store(settings)
    try:
        names = {"Alex": "alex passphrase", "Sam": "sam passphrase"}
        for name, passphrase in names.items():
            accounts.create_profile(store, settings, name, passphrase)
        alex = accounts.unlock_profile(store, "Alex", names["Alex"])
        sam = accounts.unlock_profile(store, "Sam", names["Sam"])
        code = sharing.create_invitation(store, alex, models.LinkRole.PARTNER)
        sharing.accept_invitation(store, sam, code)
    finally:
        store.dispose()

    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, name, passphrase, str(go), str(WRITES)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, passphrase in names.items()
    ]
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("ready-*"))) < len(writers) and time.monotonic() < deadline:
        if any(writer.poll() is not None for writer in writers):
            break
        time.sleep(0.01)
    go.touch()
    spans = []
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, out + err
        spans.append([float(part) for part in out.split()])
    (began_a, ended_a), (began_b, ended_b) = spans
    assert began_a < ended_b, "the writers did not run at the same time"
    assert began_b < ended_a, "the writers did not run at the same time"

    check = sqlite3.connect(settings.sqlite_path)
    try:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert check.execute("PRAGMA foreign_key_check").fetchall() == []
        assert check.execute("SELECT count(*) FROM entries").fetchone() == (2 * WRITES,)
    finally:
        check.close()

    store = open_store(settings)
    try:
        alex = accounts.unlock_profile(store, "Alex", names["Alex"])
        sam = accounts.unlock_profile(store, "Sam", names["Sam"])
        for keyring in (alex, sam):
            own = entries.list_entries(store, keyring, whose="mine")
            assert sorted(entry.values["number"] for entry in own) == list(range(WRITES))
            assert {entry.text["body"] for entry in own} == {
                f"{keyring.name} entry {number}" for number in range(WRITES)
            }
            shared = entries.list_entries(store, keyring, whose="shared")
            assert len(shared) == WRITES // 2
            for entry in shared:
                assert entry.text["body"] == f"{entry.owner_name} entry {entry.values['number']}"
    finally:
        store.dispose()
