"""The command line as one person uses it: Alex, signed in through BOWLBY_PASSPHRASE."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bowlby.cli.main import app


@pytest.fixture
def alex_cli(env, monkeypatch):
    """Run `bowlby …` as Alex (profile made first), wide output, Berlin time."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("BOWLBY_PASSPHRASE", "alex passphrase")
    monkeypatch.setenv("BOWLBY_TIMEZONE", "Europe/Berlin")
    runner = CliRunner()
    made = runner.invoke(app, ["init", "--name", "Alex"])
    assert made.exit_code == 0, made.output

    def invoke(*args: str, stdin: str | None = None):
        return runner.invoke(app, list(args), input=stdin)

    return invoke
