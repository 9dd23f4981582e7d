"""bowlby talk at the terminal: prepare prints the steps with what each may see, save keeps
the sitting (shared with the partner unless --private), list, show, followup, and refusals."""

from __future__ import annotations

import re

import pytest

from bowlby.services import chat_report
from tests.chats.samples import write_chat
from tests.cli.test_chat_report_command import CHAT
from tests.services.test_chat_report import keyword_reading

CHANGES = (
    "--my-change", "When I feel ignored, I will say it once and wait",
    "--their-change", "When I need space, I will say when I am back",
)  # fmt: skip


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


def saved_id(output: str) -> str:
    found = re.search(r"Saved conversation ([0-9a-f]{8})", output)
    assert found, output
    return found.group(1)


def test_prepare_alone_prints_the_steps_and_what_there_is(alex_cli, tmp_path, monkeypatch):
    monkeypatch.setattr(chat_report, "default_analyser", lambda: keyword_reading)
    imported = alex_cli("chats", "import", str(write_chat(tmp_path, CHAT)), "--me", "Maya",
                        "--date-order", "dmy")  # fmt: skip
    assert imported.exit_code == 0, imported.output
    result = alex_cli("talk", "prepare")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Talk about how we talk\nYou are not linked with a partner")
    for heading in ("1. Before you start", "2. Where each of you stands", "3. Your cycle",
                    "4. What your chats show", "5. Name the pattern as the common enemy",
                    "6. One change each"):  # fmt: skip
        assert f"\n{heading}\n" in out
    assert "   • Alex: no result yet\n" in out
    assert "No cycle mapped yet." in out
    assert "(only you)\n" in out
    assert "     Tense messages: 43% of 7\n" in out
    assert "     Warm to tense: 1.0 to 1\n" in out
    assert "     Typical time from a tense start to a repair: 1 hour 32 minutes\n" in out
    assert "/practice/soothing" in out
    assert out.rstrip().endswith('--their-change "When …, I will …"')


def test_save_shares_with_the_partner_and_sam_reads_it(alex_cli, sam):
    saved = alex_cli("talk", "save", "--pattern", "the chase", *CHANGES, "--step", "before",
                     "--appreciation", "you listened")  # fmt: skip
    assert saved.exit_code == 0, saved.output
    short = saved_id(saved.output)
    assert saved.output == (
        f"Saved conversation {short}: the two of us against the chase (shared with your "
        "partner).\n"
        f"Later, add how it went: bowlby talk followup {short} --went better|mixed|not_yet\n"
    )
    shown = sam("talk", "show", short)
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert lines[0] == "The two of us against the chase"
    assert lines[1].endswith(" · Alex")
    assert lines[2:] == [
        "Alex's change: When I feel ignored, I will say it once and wait",
        "Sam's change: When I need space, I will say when I am back",
        "Appreciated: you listened",
        "3 of 6 parts talked through",
    ]
    listed = sam("talk", "list")
    assert short in listed.output
    assert "from Alex" in listed.output


def test_private_stays_with_alex(alex_cli, sam):
    saved = alex_cli("talk", "save", "--pattern", "the chase", *CHANGES, "--private")
    assert "(only you)" in saved.output
    short = saved_id(saved.output)
    assert sam("talk", "list").output == "None saved yet.\n"
    refused = sam("talk", "show", short)
    assert refused.exit_code == 2
    assert "no entry you can read has that id" in refused.output


def test_followup_adds_how_it_went_and_only_the_writer_may(alex_cli, sam):
    short = saved_id(alex_cli("talk", "save", "--pattern", "the chase", *CHANGES).output)
    assert sam("talk", "followup", short, "--went", "better").exit_code == 3
    done = alex_cli("talk", "followup", short, "--went", "mixed", "--note", "Tuesday was hard")
    assert done.exit_code == 0, done.output
    assert done.output == "Added how it went: a bit of both.\n"
    assert "How did it go? a bit of both — Tuesday was hard" in sam("talk", "show", short).output
    wrong = alex_cli("talk", "followup", short, "--went", "great")
    assert wrong.exit_code == 2
    assert "went" in wrong.output


def test_a_cycle_can_be_named_and_prepare_shows_it(alex_cli, sam):
    made = alex_cli("cycle", "new", "After plans change", "--share-partner")
    cycle = re.search(r"Started cycle ([0-9a-f]{8})", made.output).group(1)
    side = alex_cli("cycle", "side", cycle, "--trigger", "Plans change", "--fear", "abandonment",
                    "--feel", "small", "--move", "reach_out_again", "--share-partner")  # fmt: skip
    assert side.exit_code == 0, side.output
    prepared = sam("talk", "prepare").output
    assert "   • After plans change\n" in prepared
    assert "Alex, in their own words: what they do: reach out again and again" in prepared
    assert "fear of abandonment" in prepared
    assert "   • Sam: no result yet\n" in prepared
    assert "   • Alex: not shared with you\n" in prepared
    saved = alex_cli("talk", "save", "--pattern", "the chase", *CHANGES, "--cycle", cycle)
    assert saved.exit_code == 0, saved.output


def test_missing_words_and_safety_mode_are_refused(alex_cli):
    empty = alex_cli("talk", "save", "--pattern", " ", "--my-change", "x")
    assert empty.exit_code == 2
    assert "give the pattern a name" in empty.output
    assert alex_cli("safety", "mode", "on").exit_code == 0
    paused = alex_cli("talk", "prepare")
    assert paused.exit_code != 0
    assert "While safety mode is on" in paused.output
    assert alex_cli("talk", "save", "--pattern", "p", "--my-change", "x").exit_code != 0
