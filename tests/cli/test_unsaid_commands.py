"""`bowlby unsaid` as Alex uses it (Berlin time): add, list with ages, template, raise,
let-go; the nudge at `bowlby checkin start`; the partner sees nothing; safety mode."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

BERLIN = ZoneInfo("Europe/Berlin")
CHECKIN = ("checkin", "start", "--feeling", "ok", "--note", "", "--appreciation", "",
           "--logistics", "", "--need", "", "--minutes", "10")  # fmt: skip
PRIVATE = "Only you can read this list. It is never shared, with your partner or anyone else.\n"


@pytest.fixture
def cli(alex_cli):
    return alex_cli


def days_ago(days: int) -> str:
    return (datetime.now(BERLIN) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def add(cli, what: str, days: int, *extra: str) -> str:
    added = cli("unsaid", "add", what, "--when", days_ago(days), *extra)
    assert added.exit_code == 0, added.output
    found = re.fullmatch(
        r"Noted ([0-9a-f]{8})\. It is yours alone; nobody else can read it\. When you are ready "
        r"to raise it: bowlby unsaid template \1\n",
        added.output,
    )
    assert found, added.output
    return found.group(1)


def rows(output: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip("│").split("│")]
        for line in output.splitlines()
        if line.startswith("│")
    ]


def test_items_are_listed_longest_waiting_first_with_their_age(cli):
    assert cli("unsaid", "list").output == "Nothing on your unsaid list.\n"
    fresh = add(cli, "left the dishes", 0)
    old = add(cli, "You joked about my job at dinner", 16, "--feeling", "small", "--sting", "8")
    listed = cli("unsaid", "list")
    assert listed.exit_code == 0, listed.output
    assert rows(listed.output) == [
        [old, days_ago(16).replace("T", " "), "You joked about my job at dinner", "small", "8",
         "waiting 2 weeks"],
        [fresh, days_ago(0).replace("T", " "), "left the dishes", "", "5", "noted today"],
    ]  # fmt: skip
    assert listed.output.endswith(PRIVATE)


def test_the_template_then_raising_it_then_letting_it_go(cli):
    item = add(cli, "You joked about my job at dinner", 3, "--feeling", "small")
    shown = cli("unsaid", "template", item)
    assert shown.exit_code == 0, shown.output
    assert shown.output == (
        "A gentle start-up\n"
        "I feel small about you joked about my job at dinner. I need …\n"
        "  • Say what you feel, not what they are.\n"
        "  • Describe what happened, without blame.\n"
        "  • Ask for something positive you need.\n"
        f"Afterwards: bowlby unsaid raise {item} --feel … --about … --need … "
        "--went well|mixed|hard\n"
    )
    said = ("--feel", "small", "--about", "the joke at dinner", "--need", "a word with me first")
    raised = cli("unsaid", "raise", item, *said, "--went", "mixed", "--note", "we hugged")
    assert raised.exit_code == 0, raised.output
    assert raised.output == (
        "Saved: raised, mixed. Saying it out loud takes courage, however it went.\n"
    )
    assert cli("unsaid", "list").output == (
        "Nothing waiting. Use --all to see the ones raised or let go.\n"
    )
    assert rows(cli("unsaid", "list", "--all").output)[0][-1] == "raised today, mixed"
    again = cli("unsaid", "template", item).output
    assert "I feel small about the joke at dinner. I need a word with me first.\n" in again
    gone = cli("unsaid", "let-go", item, "--note", "it has lost its sting")
    assert gone.output == (
        "Let go. Letting something go, when you choose to, is a real way of resolving it.\n"
    )
    assert rows(cli("unsaid", "list", "--all").output)[0][-1] == "let go"


def test_clear_refusals(cli):
    item = add(cli, "door slam", 1)
    odd = cli("unsaid", "raise", item, "--feel", "x", "--about", "y", "--need", "z",
              "--went", "great")  # fmt: skip
    assert odd.exit_code == 2
    assert "field 'went': 'great' is not one of: well, mixed, hard, not-yet." in odd.output
    early = cli("unsaid", "raise", item, "--feel", "x", "--about", "y", "--need", "z",
                "--went", "well", "--when", days_ago(4))  # fmt: skip
    assert early.exit_code == 2
    assert "field 'raised_at': this cannot come before the item itself" in early.output
    blank = cli("unsaid", "add", "  ")
    assert blank.exit_code == 2
    assert "field 'what_happened': write a few words about what happened." in blank.output
    assert cli("unsaid", "raise", "ffffffff", "--feel", "x", "--about", "y", "--need", "z",
               "--went", "well").exit_code == 2  # fmt: skip


def test_the_check_in_nudges_the_oldest_items_first(cli):
    add(cli, "too fresh to raise", 1)
    two = add(cli, "the missed call", 2)
    nine = add(cli, "You joked about my job at dinner", 9)
    started = cli(*CHECKIN)
    assert started.exit_code == 0, started.output
    assert started.output == (
        "Waiting on your unsaid list (Only you see this.)\n"
        "Two things have waited a while. The check-in is a good place for one of them — only "
        "if it feels right today.\n"
        f"  • You joked about my job at dinner · 9 days · bowlby unsaid template {nine}\n"
        f"  • the missed call · 2 days · bowlby unsaid template {two}\n"
        "\n"
        "Check-in saved: 10 minutes. Only you can read it.\n"
    )


def test_nothing_old_means_no_nudge(cli):
    add(cli, "just now", 0)
    assert cli(*CHECKIN).output == "Check-in saved: 10 minutes. Only you can read it.\n"


def test_the_partner_sees_no_items_and_no_nudge(cli, monkeypatch):
    add(cli, "You joked about my job at dinner", 9)
    invited = cli("partner", "invite", "--profile", "Alex")
    code = re.search(r"\n\s+(\S+)\n", invited.output).group(1)  # type: ignore[union-attr]
    monkeypatch.setenv("BOWLBY_PASSPHRASE", "sam passphrase")
    assert cli("init", "--name", "Sam").exit_code == 0
    assert cli("partner", "join", code, "--profile", "Sam").exit_code == 0
    assert cli("unsaid", "list", "--all", "--profile", "Sam").output == (
        "Nothing on your unsaid list.\n"
    )
    assert cli(*CHECKIN, "--profile", "Sam").output == (
        "Check-in saved: 10 minutes. Only you can read it.\n"
    )


def test_safety_mode_pauses_raising_and_the_nudge_not_noting(cli):
    item = add(cli, "You joked about my job at dinner", 9)
    assert cli("safety", "mode", "on").exit_code == 0
    add(cli, "noted while paused", 0)
    paused = cli("unsaid", "raise", item, "--feel", "x", "--about", "y", "--need", "z",
                 "--went", "well")  # fmt: skip
    assert paused.exit_code == 8
    assert "While safety mode is on, Bowlby pauses the exercises" in paused.output
    assert cli("unsaid", "template", item).exit_code == 8
    assert cli("unsaid", "let-go", item).exit_code == 0
