"""Right after `bowlby init`, the screen and the crisis lines are offered gently; and the
descriptive coercive-control checklist at the terminal."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bowlby.cli.main import app


@pytest.fixture
def runner(env, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("BOWLBY_PASSPHRASE", "alex passphrase")
    return CliRunner()


def test_init_offers_the_screen_and_the_lines(runner):
    result = runner.invoke(app, ["init", "--name", "Alex"])
    assert result.exit_code == 0, result.output
    assert "`bowlby safety screen`" in result.output
    assert "`bowlby safety resources`" in result.output
    assert "skip them if you like" in result.output


def test_the_checklist_describes_what_was_ticked_with_the_lines(runner):
    assert runner.invoke(app, ["init", "--name", "Alex"]).exit_code == 0
    assert runner.invoke(app, ["safety", "country", "gb"]).exit_code == 0
    result = runner.invoke(app, ["safety", "checklist", "--ticked", "monitoring,money"])
    assert result.exit_code == 0, result.output
    assert "  - checking your phone or where you are" in result.output
    assert "  - controlling money" in result.output
    assert "You ticked 2 of" in result.output
    assert "not a test or a diagnosis" in result.output
    assert "National Domestic Abuse Helpline" in result.output
    assert "Samaritans" in result.output


def test_the_checklist_asks_each_item_and_refuses_an_unknown_one(runner):
    asked = runner.invoke(app, ["safety", "checklist"], input="y\n" + "\n" * 20)
    assert asked.exit_code == 0, asked.output
    assert "Does your partner or ex-partner ever check your phone" in asked.output
    assert "You ticked 1 of" in asked.output
    wrong = runner.invoke(app, ["safety", "checklist", "--ticked", "nonsense"])
    assert wrong.exit_code == 2
    assert "monitoring" in wrong.output
