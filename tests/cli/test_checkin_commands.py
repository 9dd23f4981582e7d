"""bowlby checkin at the terminal: the script as prompts or flags, the couple's time, the
calendar file, the day side by side, the rhythm, and clear refusals."""

from __future__ import annotations

import re
import stat
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

BERLIN = ZoneInfo("Europe/Berlin")
FLAGS = ("--note", "", "--appreciation", "", "--logistics", "", "--need", "")


@pytest.fixture
def cli(alex_cli):
    return alex_cli


@pytest.fixture
def sam(alex_cli, monkeypatch):
    """Sam, linked to Alex as a partner; returns a way to run commands as Sam."""
    invited = alex_cli("partner", "invite", "--profile", "Alex")
    code = re.search(r"\n\s+(\S+)\n", invited.output).group(1)
    monkeypatch.setenv("BOWLBY_PASSPHRASE", "sam passphrase")
    assert alex_cli("init", "--name", "Sam").exit_code == 0
    assert alex_cli("partner", "join", code, "--profile", "Sam").exit_code == 0
    monkeypatch.setenv("BOWLBY_PASSPHRASE", "alex passphrase")
    monkeypatch.setenv("BOWLBY_PROFILE", "Alex")

    def as_sam(*args: str):
        monkeypatch.setenv("BOWLBY_PASSPHRASE", "sam passphrase")
        try:
            return alex_cli(*args, "--profile", "Sam")
        finally:
            monkeypatch.setenv("BOWLBY_PASSPHRASE", "alex passphrase")

    return as_sam


def test_a_check_in_from_flags(cli):
    result = cli(
        "checkin", "start", "--feeling", "calm", "--appreciation", "the walk", "--note", "",
        "--logistics", "bins", "--need", "", "--minutes", "14", "--when", "2026-11-23T20:30+01:00",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output == "Check-in saved: 14 minutes. Only you can read it.\n"
    day = cli("checkin", "today", "--date", "2026-11-23")
    assert day.output == (
        "Monday 23 November 2026\n"
        "\n"
        "You · 20:30 · 14 min\n"
        "  Feeling: calm\n"
        "  One appreciation: the walk\n"
        "  One practical thing: bins\n"
        "\n"
        "You are not linked with a partner, so this shows your own answers. Check-ins work "
        "alone too.\n"
    )


def test_a_check_in_walked_through_with_prompts_records_its_minutes(cli):
    answers = "tired\nlong day\nyou made tea\n\nquiet morning\n"
    result = cli("checkin", "start", "--share-partner", stdin=answers)
    assert result.exit_code == 0, result.output
    assert "How I feel · One word for how you feel today" in result.output
    assert "One need for tomorrow · " in result.output
    assert result.output.endswith("Check-in saved: 1 minute. Shared with your partner.\n")
    today = cli("checkin", "today").output
    assert "  Feeling: tired (long day)\n" in today
    assert "  One need for tomorrow: quiet morning\n" in today
    assert "One practical thing" not in today


def test_a_missing_feeling_word_is_a_clear_error(cli):
    result = cli("checkin", "start", "--feeling", " ", *FLAGS)
    assert result.exit_code == 2
    assert "field 'feeling_word': Write one word for how you feel." in result.output


def test_the_schedule_is_set_shown_and_written_as_a_calendar(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli("checkin", "schedule").output == (
        "No check-in time yet. Set one with `bowlby checkin schedule --at 20:30`.\n"
    )
    bad = cli("checkin", "schedule", "--at", "25:61")
    assert bad.exit_code == 2
    assert "field 'at': Write the time as hours and minutes, like 20:30 (00:00 to 23:59)." in (
        bad.output
    )
    made = cli("checkin", "schedule", "--at", "20:30", "--days", "mon,wed,fri")
    assert made.output == (
        "Check-in time set: 20:30 on Mon, Wed, Fri (Europe/Berlin). Only you can read it.\n"
    )
    assert cli("checkin", "schedule").output == (
        "Your check-in time: 20:30 on Mon, Wed, Fri (Europe/Berlin), only you can see this time.\n"
    )
    path = tmp_path / "checkins.ics"
    written = cli("checkin", "calendar", "-o", "checkins.ics")
    assert written.exit_code == 0, written.output
    assert written.output == (
        "Wrote checkins.ics: a 15-minute check-in at 20:30 on Mon, Wed, Fri (Europe/Berlin), with "
        "a reminder 10 minutes before. Import it into any calendar app.\n"
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    [event] = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart").strftime("%H:%M") == "20:30"
    assert str(event["dtstart"].params["TZID"]) == "Europe/Berlin"
    assert event["rrule"]["BYDAY"] == ["MO", "WE", "FR"]


def test_a_calendar_before_any_time_is_set_says_what_to_do(cli, tmp_path):
    result = cli("checkin", "calendar", "-o", str(tmp_path / "x.ics"))
    assert result.exit_code == 3
    assert "There is no check-in time yet. Set one first (for example 20:30)." in result.output


def test_the_partner_sees_only_what_was_shared(cli, sam):
    when = datetime.now(BERLIN).replace(hour=0, minute=5, second=0, microsecond=0).isoformat()
    shared = cli(
        "checkin", "start", "--feeling", "hopeful", *FLAGS, "--share-partner", "--when", when
    )
    assert shared.exit_code == 0, shared.output
    cli("checkin", "start", "--feeling", "secretly-sad", *FLAGS, "--when", when)
    sams = sam("checkin", "today")
    assert sams.exit_code == 0, sams.output
    assert "You have not checked in on this day." in sams.output
    assert "Alex · " in sams.output
    assert "hopeful" in sams.output
    assert "secretly-sad" not in sams.output
    alexs = cli("checkin", "today").output
    assert "Nothing shared by Sam for this day yet." in alexs
    shared_time = cli("checkin", "schedule", "--at", "21:15", "--share-partner")
    assert shared_time.output.endswith("Shared with your partner.\n")
    assert sam("checkin", "schedule").output == (
        "Your check-in time: 21:15 every day (Europe/Berlin), your time as a couple.\n"
    )


def test_history_shows_the_rhythm_kindly(cli):
    assert cli("checkin", "history").output == (
        "No check-ins yet. The first one is the hardest to start; fifteen minutes is enough.\n"
    )
    now = datetime.now(BERLIN).replace(hour=12, minute=0, second=0, microsecond=0)
    for back in (1, 2, 4):
        when = (now - timedelta(days=back)).isoformat()
        cli("checkin", "start", "--feeling", "ok", *FLAGS, "--when", when)
    result = cli("checkin", "history")
    assert result.output == (
        "2 days in a row up to yesterday. Today is still open.\n"
        "You checked in on 3 of the last 7 days, and 3 of the last 30.\n"
        "Some days will not have a check-in, and that is all right. What matters is coming "
        "back to it, not a perfect record.\n"
        "\n"
        "Last 30 days, oldest first (● a check-in, · a day without one).\n"
        f"You:  {'·' * 25}●·●●·\n"
    )


def test_safety_mode_pauses_the_check_in(cli):
    assert cli("safety", "mode", "on").exit_code == 0
    for command in (
        ("checkin", "start", "--feeling", "calm", *FLAGS),
        ("checkin", "schedule", "--at", "20:30"),
    ):
        result = cli(*command)
        assert result.exit_code == 8
        assert "pauses the exercises that coach closeness with your partner" in result.output
    assert "No check-ins yet." in cli("checkin", "history").output
