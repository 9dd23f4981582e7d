"""`bowlby text translate`: the pattern and its words, what may lie beneath, and a gentler way
to say it; the safety message and lines instead of a rewording for risk language; --json."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from bowlby.cli.main import BowlbyGroup
from bowlby.cli.text_translate import translate

# The lead registers the command as `bowlby text translate`; here it stands alone.
text_app = typer.Typer(cls=BowlbyGroup)
text_app.command("translate")(translate)


@text_app.callback()
def text() -> None:
    """Reading messages."""


@pytest.fixture
def run(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(text_app, ["translate", *args])

    return invoke


def test_translate_prints_the_pattern_what_lies_beneath_and_a_gentler_way(run):
    result = run("why are you ignoring me??")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Reads as: anxious protest"
    assert "  The words behind it: " in result.output
    beneath = lines.index("What may lie beneath (our guess: only you know)")
    assert lines[beneath + 1] == "  “I'm scared I don't matter to you; I need to know we're okay.”"
    gentler = lines.index("A gentler way to say it")
    assert lines[gentler + 1] == (
        "  I feel lonely about not hearing from you, and I need a quick word that we're okay, "
        "even if you're busy."
    )
    assert lines[gentler + 2] == "  Change any of it so that it sounds like you."


def test_a_gentle_message_is_left_as_it_is(run):
    result = run("Thank you for cooking tonight, that was lovely")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        "This already reads warmly. Appreciation like this is what the 5:1 ratio is made of: "
        "send it as it is, if you like."
    )


def test_risk_language_gets_the_safety_message_not_a_rewording(run):
    result = run("answer me or I swear I'll kill myself")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Some of these words suggest you may not be safe")
    assert "You matter, and help is there right now" in result.output
    assert "bowlby safety resources" in result.output
    assert "I feel" not in result.output
    assert "A gentler way" not in result.output


def test_json_for_scripts(run):
    result = run("You never think about anyone but yourself. You're so selfish.", "--json")
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert "criticism" in body["labels"]
    reading = next(r for r in body["readings"] if r["label"] == "criticism")
    assert reading["fear"] == "I'm afraid what I need doesn't count with you"
    assert body["gentler"].startswith("I feel ")
    assert body["safety"] is None


def test_json_with_risk_carries_the_safety_check(run):
    body = json.loads(run("I will hurt you if you leave", "--json").output)
    assert body["risk"] is True
    assert body["gentler"] is None
    assert body["safety"]["signals"][0]["category"] == "threat_of_violence"


def test_an_empty_message_is_an_input_error(run):
    result = run("   ")
    assert result.exit_code != 0
    assert "Give the message to translate, in quotes." in result.output


def test_with_a_profile_the_lines_are_for_its_country(alex_cli, run):
    assert alex_cli("safety", "country", "gb").exit_code == 0
    result = run("answer me or I swear I'll kill myself", "--profile", "Alex")
    assert result.exit_code == 0, result.output
    assert "Samaritans" in result.output
    assert "I feel" not in result.output


def test_with_a_profile_in_safety_mode_coaching_steps_aside(alex_cli, run):
    from bowlby.services.records import PAUSED_FOR_SAFETY

    assert alex_cli("safety", "mode", "on").exit_code == 0
    result = run("why are you ignoring me??", "--profile", "Alex")
    assert result.exit_code == 0, result.output
    assert " ".join(result.output.split()) == PAUSED_FOR_SAFETY
