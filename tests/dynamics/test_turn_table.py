"""read_turns_csv: conversations in file order, and every problem named with file, line, field."""

from __future__ import annotations

import pytest

from bowlby.dynamics.conversations import Turn
from bowlby.dynamics.turn_table import read_turns_csv
from bowlby.errors import InputError


def write(tmp_path, text: str):
    path = tmp_path / "turns.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_turns_are_grouped_by_conversation_in_file_order(tmp_path):
    path = write(
        tmp_path,
        "conversation,partner,score,note\nc1,Sam,-2,x\nc2,Alex,1,\nc1,Alex,-0,\nc1,Sam,3,\n\nc2,Sam,0,\n",
    )
    first, second = read_turns_csv(path)
    assert first.id == "c1"
    assert first.turns == (Turn("Sam", -2.0), Turn("Alex", 0.0), Turn("Sam", 3.0))
    assert str(first.turns[1].score) == "0.0"
    assert second.turns == (Turn("Alex", 1.0), Turn("Sam", 0.0))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "turns.csv: is empty; it needs a header row: conversation,partner,score."),
        (
            "conversation,who,score\n",
            "turns.csv, line 1, field 'partner': the header has no 'partner' column "
            "(it needs conversation,partner,score).",
        ),
        (
            "conversation,partner,score\nc1,Sam,-2\nc1,Alex,bad\n",
            "turns.csv, line 3, field 'score': 'bad' is not a number; scores run from -4 to +4.",
        ),
        (
            "conversation,partner,score\nc1,Sam,5\n",
            "turns.csv, line 2, field 'score': 5 is outside the scale; scores run from -4 to +4.",
        ),
        (
            "conversation,partner,score\nc1,Sam,1\nc1,Sam,2\n",
            "turns.csv, line 3, field 'partner': Sam has two turns in a row in conversation "
            "'c1'; give a run of one partner's messages one row (one score).",
        ),
        (
            "conversation,partner,score\nc1,Sam,1\nc1,Alex,2\nc1,Kim,0\n",
            "turns.csv, line 4, field 'partner': 'Kim' is a third partner; a couple fit reads "
            "turns by two people (Sam and Alex).",
        ),
        (
            "conversation,partner,score\nc1,Sam,1\n",
            "turns.csv, field 'partner': needs turns by exactly two partners; found 1.",
        ),
        (
            "conversation,partner,score\n,Sam,1\n",
            "turns.csv, line 2, field 'conversation': the conversation is empty.",
        ),
    ],
)
def test_problems_name_the_file_line_and_field(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as problem:
        read_turns_csv(path)
    assert problem.value.message == message.replace("turns.csv", str(path), 1)


def test_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read the file"):
        read_turns_csv(tmp_path / "nowhere.csv")
