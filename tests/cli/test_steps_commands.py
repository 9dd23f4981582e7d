"""The five steps at the terminal: flags for scripts, prompts for people, clear refusals."""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def cli(alex_cli):
    return alex_cli


def test_a_trigger_from_flags_and_its_patterns(cli):
    for strength in ("8", "6"):
        result = cli(
            "trigger",
            "--what",
            "no reply",
            "--partner",
            "delayed_reply",
            "--urge",
            "text_again",
            "--strength",
            strength,
            "--tag",
            "phone",
            "--when",
            "2026-03-02T21:00:00+00:00",
        )
        assert result.exit_code == 0, result.output
    assert "a late or missing reply → urge to text or call again (6/10)" in result.output
    patterns = cli("journal", "patterns").output
    assert re.search(r"a late or missing reply\s+│\s+2\s+│\s+7\.0", patterns)
    assert "evening 2" in patterns  # 21:00 UTC is 22:00 in Berlin
    assert "Tue 0" in patterns
    assert "Mon 2" in patterns


def test_a_trigger_asked_with_prompts(cli):
    result = cli("trigger", stdin="late reply\n1\n6\n5\n")
    assert result.exit_code == 0, result.output
    assert "urge to withdraw or go quiet (5/10)" in result.output


def test_an_unknown_choice_names_the_field(cli):
    result = cli(
        "trigger", "--what", "x", "--partner", "ghosted", "--urge", "withdraw", "--strength", "3"
    )
    assert result.exit_code == 2
    assert "field 'partner_action': 'ghosted' is not one of" in result.output


def test_feel_offers_the_core_fear_statement(cli):
    result = cli(
        "feel",
        "--family",
        "fear",
        "--name",
        "rejected",
        "--intensity",
        "6",
        "--core-fear",
        "rejection",
    )
    assert result.output.strip() == "Named: I am feeling the fear of rejection right now."


def test_reframe_cites_a_success_moment_and_shows_the_belief_move(cli):
    cli("success", "--what", "Sam called at nine as promised", "--quality", "reliable")
    answers = "no reply\nSam is leaving\n85\n1 2\nnone\n1\nSam called\nSam is busy\n30\n"
    result = cli("reframe", stdin=answers)
    assert result.exit_code == 0, result.output
    assert "1. " in result.output
    assert "Sam called at nine as promised" in result.output
    assert "the belief moved from 85 to 30." in result.output


def test_search_edit_and_history(cli):
    cli("success", "--what", "Café at nine", "--quality", "caring")
    found = cli("journal", "search", "cafe").output
    short_id = re.search(r"\b([0-9a-f]{8})\b", found).group(1)
    edited = cli("journal", "edit", short_id, "--set", "what_happened=Café at nine, with flowers")
    assert "the earlier version is kept" in edited.output
    assert "what happened: Café at nine" in cli("journal", "history", short_id).output
    bad = cli("journal", "edit", short_id, "--set", "mood=great")
    assert bad.exit_code == 2
    assert "no text field 'mood'" in bad.output


def test_reflect_shows_the_gentle_note_first(cli):
    result = cli("reflect", stdin="1\nMum went quiet when upset\n")
    assert result.exit_code == 0
    assert "not to blame" in result.output
    assert result.output.strip().endswith("Saved, privately.")
