"""`bowlby dynamics log` and `bowlby dynamics conversations` as Alex uses them (Berlin time):
a hard conversation logged from the command line, its errors naming the turn, and the list."""

from __future__ import annotations

import re


def test_a_hard_conversation_is_logged_and_listed(alex_cli):
    logged = alex_cli(
        "dynamics", "log", "--topic", "the holidays", "--first", "partner",
        "--turns", "-2,-1,-3,0,+1", "--when", "2026-03-07T21:30",
    )  # fmt: skip
    assert logged.exit_code == 0, logged.output
    found = re.fullmatch(r"Logged hard conversation ([0-9a-f]{8}) \(5 turns\)\.\n", logged.output)
    assert found, logged.output
    listed = alex_cli("dynamics", "conversations").output
    assert re.search(
        rf"{found.group(1)} │ 2026-03-07 21:30 │ the holidays │ 5 +│ partner:-2 me:-1 partner:-3 "
        r"me:0 partner:\+1",
        listed,
    ), listed


def test_speakers_in_the_code_say_who_spoke_first(alex_cli):
    logged = alex_cli("dynamics", "log", "--turns", "me:-2 p:-1 me:+2")
    assert logged.exit_code == 0, logged.output
    assert "me:-2 partner:-1 me:+2" in alex_cli("dynamics", "conversations").output


def test_errors_name_the_turn_and_save_nothing(alex_cli):
    wrong = alex_cli("dynamics", "log", "--first", "me", "--turns", "-2 -1 x")
    assert wrong.exit_code == 2
    assert "turn 3: 'x' is not a score; write a whole number from -4 to +4." in wrong.output
    no_first = alex_cli("dynamics", "log", "--turns", "-2 -1")
    assert no_first.exit_code == 2
    assert "say who spoke first (me or partner)." in no_first.output
    bad_first = alex_cli("dynamics", "log", "--first", "bob", "--turns", "-2 -1")
    assert bad_first.exit_code == 2
    assert "'bob' is not a speaker; write me or partner." in bad_first.output
    assert alex_cli("dynamics", "conversations").output == "No hard conversations logged yet.\n"
