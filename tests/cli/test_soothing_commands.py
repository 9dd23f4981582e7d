"""bowlby soothe at the terminal: flags for scripts, prompts for people, the effects table."""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def cli(alex_cli):
    return alex_cli


def test_soothe_lists_the_exercises_and_their_commands(cli):
    result = cli("soothe")
    assert result.exit_code == 0, result.output
    for words in (
        "Paced breathing 4-7-8  bowlby soothe breathe --pattern 4-7-8",
        "Resonance breathing, 6 a minute  bowlby soothe breathe --pattern resonance",
        "5-4-3-2-1 grounding  bowlby soothe ground",
        "Wait 20 minutes before texting again  bowlby soothe wait",
    ):
        assert words in result.output


def test_breathe_from_flags_saves_and_says_what_changed(cli):
    result = cli(
        "soothe", "breathe", "--pattern", "4-7-8", "--rounds", "4", "--before", "8", "--after",
        "4", "--no-timer",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Breathe in quietly through your nose while counting to 4." in result.output
    assert result.output.strip().endswith(
        "Saved. Your anxiety went from 8 to 4. Only you can read it."
    )


def test_the_terminal_pacer_counts_each_phase(cli, monkeypatch):
    monkeypatch.setattr("bowlby.cli.practice_soothing.time.sleep", lambda seconds: None)
    result = cli("soothe", "breathe", "--pattern", "resonance", "--rounds", "2", stdin="7\n5\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("In    5 4 3 2 1") == 2
    assert result.output.count("Out   5 4 3 2 1") == 2
    assert "Hold" not in result.output
    assert "Round 2 of 2" in result.output
    assert "Saved. Your anxiety went from 7 to 5." in result.output


def test_ground_one_step_at_a_time_and_wait_with_kind_ideas(cli):
    grounded = cli("soothe", "ground", "--before", "6", stdin="\n\n\n\n\n3\n")
    assert grounded.exit_code == 0, grounded.output
    assert "5. Name one thing you can taste, or take a sip of water." in grounded.output
    assert "Saved. Your anxiety went from 6 to 3." in grounded.output
    waited = cli("soothe", "wait", "--before", "7", "--after", "6", "--no-timer", "--share-partner")
    assert "Make a warm drink and drink it slowly." in waited.output
    assert "Shared with your partner." in waited.output


def test_effects_show_the_table_and_the_humble_summary(cli):
    for after in ("4", "3", "5"):
        cli("soothe", "breathe", "--before", "8", "--after", after, "--no-timer")
    cli("soothe", "wait", "--before", "7", "--after", "6", "--no-timer")
    result = cli("soothe", "effects")
    assert result.exit_code == 0, result.output
    assert re.search(r"Paced breathing 4-7-8\s+│\s+3\s+│\s+4\.0\s+│\s+1\.5 to 6\.5", result.output)
    assert "Too few sessions to tell yet (1 so far)" in result.output
    assert "So far, Paced breathing 4-7-8 seems to help you most" in result.output


@pytest.mark.parametrize("rating", ["11", "-1", "abc"])
def test_bad_ratings_exit_2_naming_the_flag(cli, rating):
    result = cli("soothe", "wait", "--before", rating, "--after", "3", "--no-timer")
    assert result.exit_code == 2
    assert "--before" in result.output


def test_an_unknown_pattern_is_refused(cli):
    result = cli("soothe", "breathe", "--pattern", "box", "--before", "5", "--after", "3")
    assert result.exit_code == 2
    assert "field '--pattern': choose 4-7-8 or resonance." in result.output
