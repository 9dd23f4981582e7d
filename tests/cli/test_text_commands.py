"""`bowlby text analyze`: one JSON object a message from plain lines or JSON lines; a broken
JSON line reported with its number and skipped; nothing to read is an error."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from bowlby.chats.patterns import LABELS
from bowlby.cli import text
from bowlby.cli.main import BowlbyGroup

# The lead registers text.app as `bowlby text`; here it hangs under a group of its own.
bowlby = typer.Typer(cls=BowlbyGroup)
bowlby.add_typer(text.app, name="text")


@bowlby.callback()
def root() -> None:
    """Bowlby, for these tests."""


@pytest.fixture
def analyze():
    runner = CliRunner()

    def invoke(stdin: str):
        return runner.invoke(bowlby, ["text", "analyze"], input=stdin)

    return invoke


def printed(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines()]


def test_plain_lines_give_one_object_each_with_labels_valence_scores_and_evidence(analyze):
    result = analyze("k.\nok see u at 6\nyou always make me laugh\n")
    assert result.exit_code == 0, result.output
    first, second, third = printed(result.stdout)
    assert first["labels"] == ["withdrawal"]
    assert first["valence"] == "negative"
    assert first["evidence"] == [{"label": "withdrawal", "signal": "short reply", "text": "k."}]
    assert second["labels"] == ["neutral"]
    assert second["evidence"] == []
    assert third["labels"] == ["appreciation"]
    assert tuple(third["scores"]) == LABELS


def test_json_lines_are_read_by_their_text_field_and_mix_with_plain_lines(analyze):
    stdin = '{"text": "hello??", "id": 7}\nthank you ❤️\n{"text": "I\'m sorry you feel that way"}\n'
    result = analyze(stdin)
    assert result.exit_code == 0, result.output
    assert [row["labels"] for row in printed(result.stdout)] == [
        ["protest"],
        ["appreciation"],
        ["defensiveness"],
    ]


def test_a_broken_json_line_is_reported_with_its_number_and_skipped(analyze):
    result = analyze('{"text": "love you"}\n\n{"text": "oops\n{"words": "no text"}\nfine.\n')
    assert result.exit_code == 0, result.output
    assert [row["labels"] for row in printed(result.stdout)] == [["appreciation"], ["withdrawal"]]
    assert result.stderr.splitlines() == [
        "line 3: skipped, not valid JSON (Unterminated string starting at, column 10)",
        'line 4: skipped, a JSON line needs a "text" field holding the message',
    ]


def test_a_line_that_only_starts_with_a_brace_is_a_message(analyze):
    result = analyze("{sigh} fine, whatever\n")
    assert result.exit_code == 0, result.output
    assert "stonewalling" in printed(result.stdout)[0]["labels"]


@pytest.mark.parametrize("stdin", ["", "\n  \n", '{"text": \n'])
def test_nothing_readable_is_an_error(analyze, stdin):
    result = analyze(stdin)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Nothing to read" in result.stderr
