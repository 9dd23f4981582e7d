"""bowlby cycle at the terminal: new, side (flags or prompts), list, show and draw."""

from __future__ import annotations

import re
import stat
import xml.etree.ElementTree as ET

import pytest

SVG = "{http://www.w3.org/2000/svg}"


def started_id(output: str) -> str:
    found = re.search(r"Started cycle ([0-9a-f]{8})", output)
    assert found, output
    return found.group(1)


@pytest.fixture
def cycle_id(alex_cli) -> str:
    made = alex_cli("cycle", "new", "The silence after plans change")
    assert made.exit_code == 0, made.output
    return started_id(made.output)


def test_new_names_a_cycle_privately_and_says_what_is_next(alex_cli):
    made = alex_cli("cycle", "new", "The silence after plans change")
    assert made.exit_code == 0, made.output
    short = started_id(made.output)
    assert made.output == (
        f"Started cycle {short}: The silence after plans change (only you).\n"
        f"Add your side with `bowlby cycle side {short}`.\n"
    )


def test_side_from_flags_with_a_guess_then_show_the_loop(alex_cli, cycle_id):
    saved = alex_cli(
        "cycle", "side", cycle_id, "--trigger", "Plans change at the last minute",
        "--feeling", "lonely", "--fear", "abandonment", "--feel", "like I come last",
        "--move", "reach_out_again", "--do", "I text and text",
        "--reads", "Nagging", "--their-feel", "not good enough", "--their-move", "go_quiet",
    )  # fmt: skip
    assert saved.exit_code == 0, saved.output
    assert saved.output == (
        "Saved your side of The silence after plans change (only you).\n"
        "Saved your guess at your partner's side (only you).\n"
    )
    shown = alex_cli("cycle", "show", cycle_id)
    assert shown.exit_code == 0, shown.output
    assert shown.output == (
        "The two of us against: The silence after plans change\n"
        "  1. Alex sees it as: Plans change at the last minute\n"
        "  2. Alex feels underneath: lonely; fear of abandonment; like I come last\n"
        "  3. Alex does: reach out again and again (calls, texts); I text and text\n"
        "  4. My partner sees it as (a guess): Nagging\n"
        "  5. My partner feels underneath (a guess): not good enough\n"
        "  6. My partner does (a guess): go quiet\n"
        "     … and round again: Alex sees it as …\n"
        "Alex, in their own words\n"
        "My partner, as Alex guesses it\n"
    )


def test_side_asks_for_each_step_when_no_flags_are_given(alex_cli, cycle_id):
    answers = "Plans change\nsmall\n7\nI go to my room\n\n"
    saved = alex_cli("cycle", "side", cycle_id, stdin=answers)
    assert saved.exit_code == 0, saved.output
    assert "What sets it off for you?" in saved.output
    assert "Saved your side of The silence after plans change (only you)." in saved.output
    assert "guess" not in saved.output.split("Saved")[-1]
    shown = alex_cli("cycle", "show", cycle_id).output
    assert "  3. Alex does: go quiet; I go to my room\n" in shown
    assert "  4. My partner sees it as: …\n" in shown


def test_revising_a_side_keeps_one_side_with_its_history(alex_cli, cycle_id):
    for words in ("First words", "Better words"):
        saved = alex_cli(
            "cycle", "side", cycle_id, "--trigger", words, "--feel", "sad", "--move", "go_quiet"
        )
        assert saved.exit_code == 0, saved.output
    listed = alex_cli("journal", "list", "--kind", "cycle_side").output
    assert listed.count("cycle_side") == 1
    assert "1. Alex sees it as: Better words" in alex_cli("cycle", "show", cycle_id).output


def test_list_shows_the_cycles(alex_cli, cycle_id):
    listed = alex_cli("cycle", "list")
    assert listed.exit_code == 0, listed.output
    row = next(line for line in listed.output.splitlines() if cycle_id in line)
    assert "The silence after plans change" in row
    assert "you" in row
    assert "only you" in row


def test_list_without_cycles_says_how_to_start(alex_cli):
    assert alex_cli("cycle", "list").output == (
        "No cycles yet. Start one with `bowlby cycle new NAME`.\n"
    )


def test_draw_writes_a_private_svg_of_the_loop(alex_cli, cycle_id, tmp_path):
    alex_cli("cycle", "side", cycle_id, "--trigger", "<Plans> & change", "--feel", "sad",
             "--move", "go_quiet")  # fmt: skip
    target = tmp_path / "loop.svg"
    drawn = alex_cli("cycle", "draw", cycle_id, "-o", str(target))
    assert drawn.exit_code == 0, drawn.output
    assert drawn.output.startswith("Drew the loop to ")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    root = ET.fromstring(target.read_text())  # noqa: S314 - our own file
    assert root.find(f"{SVG}title").text == "The two of us against: The silence after plans change"
    assert "<Plans> & change" in "".join(root.itertext())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--trigger", "x", "--feel", "sad", "--move", "sulk"], "'sulk' is not one of"),
        (["--trigger", "x", "--feel", "", "--move", "go_quiet"], "field 'feel'"),
        (["--trigger", "x", "--feel", "sad", "--fear", "spiders"], "field 'core_fear'"),
        (["--trigger", "x", "--feel", "sad", "--when", "soon"], "field '--when'"),
    ],
)
def test_bad_input_exits_2_with_the_field(alex_cli, cycle_id, args, message):
    result = alex_cli("cycle", "side", cycle_id, *args)
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_an_unknown_cycle_is_refused(alex_cli):
    result = alex_cli("cycle", "side", "0" * 36, "--trigger", "x", "--feel", "y", "--do", "z")
    assert result.exit_code == 3, result.output
    assert "no cycle" in result.output
    shown = alex_cli("cycle", "show", "0" * 36)
    assert shown.exit_code == 3


def test_safety_mode_pauses_the_cycle_commands(alex_cli, cycle_id):
    assert alex_cli("safety", "mode", "on").exit_code == 0
    result = alex_cli("cycle", "new", "Another")
    assert result.exit_code == 8, result.output
    assert "pauses the exercises that coach closeness" in result.output
    side = alex_cli("cycle", "side", cycle_id, "--trigger", "x", "--feel", "y", "--do", "z")
    assert side.exit_code == 8


def test_safety_mode_does_not_show_or_draw_the_loop(alex_cli, cycle_id, tmp_path):
    assert alex_cli("safety", "mode", "on").exit_code == 0
    assert alex_cli("cycle", "show", cycle_id).exit_code == 8
    assert alex_cli("cycle", "draw", cycle_id, "-o", str(tmp_path / "x.svg")).exit_code == 8
    assert not (tmp_path / "x.svg").exists()
    assert "The silence after plans change" in alex_cli("cycle", "list").output
