"""`bowlby chats report` as Alex uses it: the facts in the terminal, the Markdown file with the
flagged messages and why, a period in local days, safety mode, and someone else's chat.

The command is run through a small app of its own, so these tests hold before and after the
lead registers it as `bowlby chats report`."""

from __future__ import annotations

import stat

import pytest
import typer
from typer.testing import CliRunner

from bowlby.chats import report_text
from bowlby.cli.chat_report import report
from bowlby.services import chat_report
from tests.chats.samples import write_chat
from tests.services.test_chat_report import keyword_reading

CHAT = (
    "02/03/2026, 18:00 - Maya: are you home soon?\n"
    "02/03/2026, 18:10 - Jordan: YAY yes, 20 min\n"
    "02/03/2026, 18:12 - Maya: NEG hello??\n"
    "02/03/2026, 18:14 - Maya: NEG why are you ignoring me\n"
    "02/03/2026, 18:44 - Jordan: NEG I need space\n"
    "02/03/2026, 19:44 - Jordan: SORRY I went quiet\n"
    "03/03/2026, 19:44 - Maya: YAY morning\n"
)


@pytest.fixture
def cli(alex_cli, tmp_path, monkeypatch):
    """Alex with the chat imported, and the keyword analyser for exact numbers."""
    monkeypatch.setattr(chat_report, "default_analyser", lambda: keyword_reading)
    imported = alex_cli(
        "chats", "import", str(write_chat(tmp_path, CHAT)), "--me", "Maya", "--date-order", "dmy"
    )
    assert imported.exit_code == 0, imported.output
    return alex_cli


def run_report(*args: str):
    app = typer.Typer()
    app.command("report")(report)
    app.command("unused")(lambda: None)  # two commands, so "report" is named on the line
    return CliRunner().invoke(app, ["report", *args])


def first_chat_id() -> str:
    from bowlby.cli.context import signed_in
    from bowlby.services import chats

    with signed_in(None) as (store, keyring):
        return chats.list_chats(store, keyring)[0].id


def test_the_report_prints_the_facts_in_words(cli):
    result = run_report(first_chat_id()[:8])
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    assert lines[0] == "Chat with Jordan"
    assert "7 messages from Mon 02 Mar 2026, 18:00 to Tue 03 Mar 2026, 19:44." in lines
    assert "Maya: 1 reply; half came within 2 min, nine in ten within 2 min." in lines
    assert "Jordan: 2 replies; half came within 20 min, nine in ten within 28 min." in lines
    assert "Jordan's typical reply takes 10.0 times as long as Maya's." in lines
    assert (
        "Maya sent 1 run of messages without a reply in between (2 messages; the longest 2 "
        "in a row)." in lines
    )
    assert (
        "After a silence of 6 hours or more, Maya 1 time and Jordan 0 times wrote first." in lines
    )
    assert "1 episode: 1 ended in silence." in lines
    assert (
        "Mon 02 Mar 2026, 18:12: 32 min, 3 tense messages, ended in silence; first repair "
        "1 h 32 min after it began." in lines
    )
    assert "Estimated from the words: 3 warm, 3 tense (1.0:1) messages, below 5:1." in lines
    assert report_text.COACHING[0] in result.output.replace("\n  ", " ")
    assert "NEG hello??" not in result.output  # message texts only go to the file
    assert "add -o report.md" in result.output


def test_o_writes_the_flagged_messages_and_why_privately(cli, tmp_path):
    out = tmp_path / "report.md"
    result = run_report(first_chat_id(), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "readable by you only" in result.output
    text = out.read_text("utf-8")
    assert text.startswith("# Chat with Jordan\n")
    assert "- 18:12 **Maya**: NEG hello?? — _protest: “NEG” (words)_" in text
    assert "## What might help" in text
    assert report_text.ESTIMATED_NOTE in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_period_in_local_days(cli):
    result = run_report(first_chat_id(), "--since", "2026-03-03", "--until", "2026-03-03")
    assert result.exit_code == 0, result.output
    assert "1 message from Tue 03 Mar 2026, 19:44 to Tue 03 Mar 2026, 19:44." in result.output
    assert "0 episodes." in result.output
    bad = run_report(first_chat_id(), "--since", "March")
    assert bad.exit_code != 0


def test_safety_mode_keeps_the_facts_and_drops_the_coaching(cli, tmp_path):
    assert cli("safety", "mode", "on").exit_code == 0
    out = tmp_path / "report.md"
    result = run_report(first_chat_id(), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "1 episode: 1 ended in silence." in result.output
    assert report_text.COACHING[0][:40] not in result.output
    assert "While safety mode is on" in result.output
    assert "What might help" not in out.read_text("utf-8")


def test_an_unknown_chat_is_not_found(cli):
    result = run_report("nope")
    assert result.exit_code != 0
