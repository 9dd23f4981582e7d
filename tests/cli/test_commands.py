"""The command line as a person (or a script) uses it: exact messages and exit codes."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from bowlby.cli.main import app


@pytest.fixture
def cli(env, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")

    def invoke(*args: str, passphrase: str | None = None, stdin: str | None = None):
        extra = {"BOWLBY_PASSPHRASE": passphrase} if passphrase else {}
        return CliRunner().invoke(app, list(args), input=stdin, env=extra)

    return invoke


@pytest.fixture
def alex(cli):
    result = cli("init", "--name", "Alex", passphrase="alex passphrase")
    assert result.exit_code == 0, result.output
    return result


def test_init_shows_the_recovery_key_once(alex):
    assert "Created the profile Alex." in alex.output
    assert re.search(r"\b([A-Z2-7]{4}-){7}[A-Z2-7]{4}\b", alex.output)


def test_init_prompts_twice_for_the_passphrase(cli):
    result = cli("init", "--name", "Sam", stdin="sam passphrase\nsam passphrase\n")
    assert result.exit_code == 0
    assert "Created the profile Sam." in result.output


def test_a_short_passphrase_is_refused_with_the_reason(cli):
    result = cli("init", "--name", "Sam", passphrase="short")
    assert result.exit_code == 2
    assert "field 'passphrase': A passphrase needs at least 8 characters" in result.output


def test_a_wrong_passphrase_exits_4_and_says_nothing_changed(cli, alex):
    result = cli("journal", "list", passphrase="not the passphrase")
    assert result.exit_code == 4
    assert result.output.strip() == "Error: That passphrase is not right. Nothing was changed."


def test_write_list_show_an_entry(cli, alex):
    written = cli(
        "journal",
        "write",
        "--title",
        "Late reply",
        "--body",
        "I checked my phone a lot.",
        passphrase="alex passphrase",
    )
    assert written.exit_code == 0
    entry_id = re.search(r"Saved entry ([0-9a-f-]{36}) \(private\)\.", written.output).group(1)
    listed = cli("journal", "list", passphrase="alex passphrase")
    assert entry_id[:8] in listed.output
    assert "Late reply" in listed.output
    shown = cli("journal", "show", entry_id[:8], passphrase="alex passphrase")
    assert "I checked my phone a lot." in shown.output
    assert "seen by private" in shown.output


def _invite_and_join(cli) -> None:
    cli("init", "--name", "Sam", passphrase="sam passphrase")
    invited = cli("partner", "invite", "--profile", "Alex", passphrase="alex passphrase")
    code = re.search(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b", invited.output).group(0)
    joined = cli("partner", "join", code, "--profile", "Sam", passphrase="sam passphrase")
    assert joined.output.strip() == "You are now linked with Alex (partner)."


def test_a_partner_cannot_read_a_private_entry_from_the_command_line(cli, alex):
    written = cli("journal", "write", "--body", "only mine", passphrase="alex passphrase")
    entry_id = re.search(r"([0-9a-f-]{36})", written.output).group(1)
    _invite_and_join(cli)
    as_sam = cli("journal", "show", entry_id, "--profile", "Sam", passphrase="sam passphrase")
    assert as_sam.exit_code == 3
    assert "only mine" not in as_sam.output
    listed = cli("journal", "list", "--whose", "all", "-p", "Sam", passphrase="sam passphrase")
    assert "only mine" not in listed.output

    cli("journal", "share", entry_id, "--partner", "-p", "Alex", passphrase="alex passphrase")
    shared = cli("journal", "show", entry_id, "-p", "Sam", passphrase="sam passphrase")
    assert shared.exit_code == 0
    assert "only mine" in shared.output


def test_several_profiles_need_a_choice(cli, alex):
    cli("init", "--name", "Sam", passphrase="sam passphrase")
    result = cli("journal", "list", passphrase="alex passphrase")
    assert result.exit_code == 2
    assert "There are several profiles (Alex, Sam): choose one with --profile" in result.output


def test_export_and_restore(cli, alex, tmp_path):
    cli("journal", "write", "--body", "keep this", passphrase="alex passphrase")
    target = tmp_path / "alex.json"
    exported = cli("export", "-o", str(target), passphrase="alex passphrase")
    assert exported.exit_code == 0
    assert "Exported 1 entries of Alex" in exported.output
    assert target.stat().st_mode & 0o777 == 0o600
    assert json.loads(target.read_text())["entries"][0]["text"]["body"] == "keep this"

    deleted = cli("delete-profile", "--yes", passphrase="alex passphrase")
    assert deleted.output.strip() == "Deleted the profile Alex and everything it held."
    restored = cli("restore", str(target), passphrase="new passphrase")
    assert restored.exit_code == 0, restored.output
    shown = cli("journal", "list", passphrase="new passphrase")
    assert "keep this" in shown.output


def test_restore_refuses_a_cut_short_file_and_writes_nothing(cli, alex, tmp_path):
    target = tmp_path / "alex.json"
    cli("export", "-o", str(target), passphrase="alex passphrase")
    broken = tmp_path / "broken.json"
    broken.write_text(target.read_text()[:100])
    result = cli("restore", str(broken), "--name", "Copy", passphrase="any passphrase")
    assert result.exit_code == 2
    assert f"Error: {broken}, line" in result.output
    assert "Copy" not in cli("profiles").output


def test_delete_profile_asks_first(cli, alex):
    result = cli("delete-profile", passphrase="alex passphrase", stdin="n\n")
    assert result.exit_code == 1
    assert "Alex" in cli("profiles").output


def test_config_show_lists_every_setting_with_its_source(cli):
    from bowlby.settings import Settings

    output = cli("config", "show").output
    for name, field in Settings.model_fields.items():
        assert name in output
        assert field.description, f"setting {name} has no description"
    assert "environment BOWLBY_HOME" in output


def test_a_database_that_cannot_be_opened_gets_a_clear_message(cli, env):
    from pathlib import Path

    home = Path(env["BOWLBY_HOME"])
    home.mkdir(parents=True)
    (home / "bowlby.db").write_bytes(b"this is not a database" * 100)
    result = cli("profiles")
    assert result.exit_code == 6
    assert "could not be opened" in result.output
    assert (home / "bowlby.db").read_bytes() == b"this is not a database" * 100
