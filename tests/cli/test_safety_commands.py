"""bowlby safety at the terminal, and the calm message the journal commands print after saving
words that suggest danger (never blocking them)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bowlby.cli.main import app

SELF_HARM = "Some nights I think about ending it all."
NEGATED = "I would never hurt you."
CALM_TITLE = "You matter, and help is there right now"


@pytest.fixture
def runner(env, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()


@pytest.fixture
def cli(runner, monkeypatch):
    monkeypatch.setenv("BOWLBY_PASSPHRASE", "alex passphrase")
    assert runner.invoke(app, ["init", "--name", "Alex"]).exit_code == 0

    def invoke(*args: str, stdin: str | None = None):
        return runner.invoke(app, list(args), input=stdin)

    return invoke


def test_resources_work_with_no_profile_at_all(runner):
    result = runner.invoke(app, ["safety", "resources", "--country", "gb"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "United Kingdom"
    assert lines[1] == "In danger now? Call 999 (112 also works)"
    assert "Samaritans: 116 123" in lines[2], "crisis lines come first"
    assert "National Domestic Abuse Helpline" in result.output
    fallback = runner.invoke(app, ["safety", "resources"])
    assert fallback.exit_code == 0
    assert "call your local emergency number" in fallback.output
    assert "Use --country XX." in fallback.output


def test_the_chosen_country_is_kept_and_used(cli):
    assert cli("safety", "country", "de").output.strip() == "Your country: DE."
    assert cli("safety", "resources").output.startswith("Germany\nIn danger now? Call 112")
    assert cli("safety", "country", "none").output.strip() == "Your country: not chosen."
    wrong = cli("safety", "country", "Germany")
    assert wrong.exit_code == 2
    assert "two-letter" in wrong.output


def test_a_screen_from_flags_offers_safety_mode_without_switching_it_on(cli):
    result = cli("safety", "screen", "--wast", "a lot of tension,great difficulty", "--hark",
                 "no,yes,skip,no")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "may be hurting or frightening you" in result.output
    assert "Sohal, H." in result.output
    assert "They cannot tell how dangerous a situation is" in result.output
    assert "Turn it on with `bowlby safety mode on`." in result.output
    assert "Safety mode is on" not in result.output


def test_a_strong_wast_alone_points_to_hark(cli):
    result = cli("safety", "screen", "--wast", "a lot of tension,great difficulty")
    assert result.exit_code == 0, result.output
    assert "bowlby safety screen --hark" in result.output


@pytest.mark.parametrize(
    ("flag", "value"), [("--hark", "maybe"), ("--hark", "yes,no"), ("--wast", "lots")]
)
def test_screen_answers_that_do_not_fit_are_refused(cli, flag, value):
    result = cli("safety", "screen", flag, value)
    assert result.exit_code == 2
    assert f"field '{flag}'" in result.output


def test_the_screen_asks_wast_first_then_hark_and_can_turn_safety_mode_on(cli):
    # WAST: "a lot of tension" (1), "great difficulty" (1); HARK: no, yes, skip, no; then yes.
    result = cli("safety", "screen", stdin="1\n1\nno\nyes\n\nno\ny\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.index("In general, how would you describe") < out.index("Within the last year")
    assert "I'd rather not say" in out
    assert "Safety mode is on." in out


def test_a_gentle_wast_asks_before_going_on(cli):
    result = cli("safety", "screen", stdin="3\n3\nn\n")
    assert result.exit_code == 0, result.output
    assert "Within the last year" not in result.output
    assert "don't suggest the kind of conflict" in result.output


def test_safety_mode_refuses_partner_sharing_from_the_command_line(cli):
    assert cli("safety", "mode", "on").output.startswith("Safety mode is on.")
    shared = cli("journal", "write", "--body", "hello", "--share-partner")
    assert shared.exit_code == 2
    assert "safety mode is on" in shared.output
    assert cli("journal", "write", "--body", "hello").exit_code == 0
    assert cli("safety", "mode", "off").output.strip() == "Safety mode is off."
    assert cli("safety", "disguise", "on").output.strip().endswith("say Notes instead of Bowlby.")


def test_stop_sharing_says_how_many(cli):
    assert "nothing changed" in cli("safety", "stop-sharing").output


def test_journal_write_prints_the_calm_message_and_lines_after_saving(cli):
    cli("safety", "country", "GB")
    result = cli("journal", "write", "--body", SELF_HARM)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Saved entry ")
    assert CALM_TITLE in out
    assert "Samaritans: 116 123" in out
    assert "What you wrote is saved, just as you wrote it." in out
    listed = cli("journal", "list").output
    assert "Some nights" in listed


def test_the_journal_steps_print_the_calm_message_too(cli):
    commands = [
        ["trigger", "--what", SELF_HARM, "--partner", "delayed_reply", "--urge", "text_again",
         "--strength", "5"],
        ["feel", "--family", "fear", "--name", "abandoned", "--intensity", "5", "--statement",
         SELF_HARM],
        ["reframe", "--situation", "Alone", "--thought", SELF_HARM, "--belief", "70", "--for", "",
         "--against", "", "--balanced", "", "--belief-after", "50"],
        ["success", "--what", SELF_HARM, "--quality", "caring"],
        ["reflect", "--prompt", "first_love", "--answer", SELF_HARM],
    ]  # fmt: skip
    for command in commands:
        result = cli(*command)
        assert result.exit_code == 0, (command, result.output)
        assert CALM_TITLE in result.output, command
        assert "call your local emergency number" in result.output, command


def test_negated_words_print_nothing_extra(cli):
    result = cli("journal", "write", "--body", NEGATED)
    assert result.exit_code == 0
    assert result.output.count("\n") == 1, result.output
    trigger = cli("trigger", "--what", NEGATED, "--partner", "delayed_reply", "--urge",
                  "text_again", "--strength", "2")  # fmt: skip
    assert "help is there" not in trigger.output
    assert "In danger now" not in trigger.output


def test_screens_stay_out_of_the_journal_list(cli):
    cli("safety", "screen", "--hark", "no,no,no,no")
    assert cli("journal", "list").output.strip() == "No entries yet."
    assert "safety_screen" in cli("journal", "list", "--kind", "safety_screen").output
