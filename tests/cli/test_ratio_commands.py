"""`bowlby ratio` as Alex uses it (Berlin time): one command per moment, the table, refusals."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

BERLIN = ZoneInfo("Europe/Berlin")
NOTE = (
    "5:1 is what observers saw in stable couples' conflict discussions; a self-logged everyday "
    "tally is a rougher, different measurement. Watch the direction, not one day."
)


@pytest.fixture
def cli(alex_cli):
    return alex_cli


def test_one_command_per_moment_and_the_days_running_count(cli):
    first = cli("ratio", "+")
    assert first.exit_code == 0, first.output
    assert (
        first.output == "Counted: one positive moment. Today so far: 1 positive, none negative.\n"
    )
    second = cli("ratio", "-", "snapped about dishes", "--kind", "criticism")
    assert second.exit_code == 0, second.output
    assert second.output == (
        "Counted: one negative moment (criticism). Today so far: 1 positive, 1 negative (1.0:1).\n"
    )


def test_the_table_by_day_and_by_week_shows_empty_days_as_empty(cli):
    today = datetime.now(BERLIN).date()
    for args in (["+"], ["+"], ["-", "sharp"], ["+", "--when", "2020-01-01T10:00"]):
        assert cli("ratio", *args).exit_code == 0
    by_day = cli("ratio", "show", "--days", "3")
    assert by_day.exit_code == 0, by_day.output
    rows = [line for line in by_day.output.splitlines() if re.match(r"│ \d{4}-", line)]
    assert len(rows) == 3
    assert re.search(rf"{today.isoformat()} │ 2 │ 1 │ 2 positive, 1 negative \(2\.0:1\)", rows[-1])
    assert "│ —" in rows[0]
    assert NOTE in " ".join(by_day.output.split())
    week = today.isocalendar()
    by_week = cli("ratio", "show", "--by", "week", "--days", "1").output
    assert re.search(rf"{week.year}-W{week.week:02} │ 2 │ 1 │", by_week)
    old = cli("ratio", "show", "--days", "5000")
    assert old.exit_code == 2  # more than ten years is refused by the option


def test_a_kind_of_the_other_sign_and_a_bad_choice_are_refused_with_the_field(cli):
    wrong = cli("ratio", "-", "--kind", "humour")
    assert wrong.exit_code == 2
    assert "field 'kind': 'humour' is not a negative kind" in wrong.output
    assert cli("ratio", "show", "--by", "month").exit_code == 2
    when = cli("ratio", "+", "--when", "yesterday")
    assert when.exit_code == 2
    assert "field '--when'" in when.output


def test_safety_mode_pauses_the_ledger_at_the_terminal(cli):
    assert cli("safety", "mode", "on").exit_code == 0
    paused = cli("ratio", "+")
    assert paused.exit_code == 8
    assert "While safety mode is on, Bowlby pauses" in paused.output


def test_the_command_needs_the_right_passphrase(cli, monkeypatch):
    monkeypatch.setenv("BOWLBY_PASSPHRASE", "wrong")
    assert cli("ratio", "+").exit_code == 4
