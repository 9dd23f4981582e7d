"""`bowlby repair` as Alex uses it (Berlin time): rupture, done, list and phrases."""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def cli(alex_cli):
    return alex_cli


def short_id(output: str) -> str:
    found = re.search(r"Logged rupture ([0-9a-f]{8})\.", output)
    assert found, output
    return found.group(1)


def test_a_rupture_then_its_repair_in_minutes(cli):
    logged = cli(
        "repair", "rupture", "argued about the in-laws", "--intensity", "7",
        "--when", "2026-03-28T23:30",
    )  # fmt: skip
    assert logged.exit_code == 0, logged.output
    rupture_id = short_id(logged.output)
    assert logged.output.startswith(f"Logged rupture {rupture_id}. When you have repaired it:")
    listed = cli("repair", "list").output
    assert re.search(rf"{rupture_id} │ 2026-03-28 23:30 │ argued about the in-laws │ 7 ", listed)
    assert "still open, for" in listed
    # Berlin's clocks jump from 02:00 to 03:00 on 29 March 2026: 23:30 to 03:10 reads
    # 3 h 40 on the clock but is 2 h 40 of real time.
    done = cli(
        "repair", "done", rupture_id, "--how", "apology", "--how", "reconnection",
        "--by", "partner", "--when", "2026-03-29T03:10",
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert done.output == "Repaired in 2 hours 40 minutes. That coming-back is the skill.\n"
    listed = cli("repair", "list").output
    assert "2 hours 40 minutes (apology, reconnection; my partner)" in listed


def test_a_repair_before_the_rupture_or_of_an_unknown_kind_is_refused(cli):
    rupture_id = short_id(
        cli("repair", "rupture", "door slam", "--when", "2026-03-02T20:00").output
    )
    early = cli("repair", "done", rupture_id, "--how", "apology", "--by", "me", "--when",
                "2026-03-02T19:00")  # fmt: skip
    assert early.exit_code == 2
    assert "field 'repaired_at': the repair cannot come before the rupture" in early.output
    odd = cli("repair", "done", rupture_id, "--how", "flowers", "--by", "me")
    assert odd.exit_code == 2
    assert "field 'how': 'flowers' is not a way of repairing" in odd.output
    nobody = cli("repair", "done", rupture_id, "--how", "apology", "--by", "the dog")
    assert nobody.exit_code == 2
    assert "initiated_by" in nobody.output
    none = cli("repair", "done", rupture_id, "--by", "me")
    assert none.exit_code == 2
    assert "field 'how': choose at least one" in none.output
    unknown = cli("repair", "done", "ffffffff", "--how", "apology", "--by", "me")
    assert unknown.exit_code == 2


def test_the_phrases_by_purpose(cli):
    calm = cli("repair", "phrases", "--purpose", "calm")
    assert calm.exit_code == 0, calm.output
    assert calm.output.startswith("I need to calm down…")
    assert "  • I need twenty minutes to calm down. I'll come back, I promise." in calm.output
    assert "Sorry…" not in calm.output
    every = cli("repair", "phrases").output
    for title in ("I feel…", "Sorry…", "Getting to yes…", "Stop!", "I appreciate…"):
        assert title in every
    assert cli("repair", "phrases", "--purpose", "shout").exit_code == 2


def test_an_empty_list_and_safety_mode(cli):
    assert cli("repair", "list").output == "No ruptures logged yet.\n"
    assert cli("safety", "mode", "on").exit_code == 0
    paused = cli("repair", "rupture", "x")
    assert paused.exit_code == 8
