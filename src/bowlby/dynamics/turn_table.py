"""Scored turns from a CSV file: a header row with the columns conversation, partner and score
(others are ignored), one turn a row.

Rows of one conversation keep their file order (they need not be next to each other). Two
rows in a row by the same partner within a conversation are an error, not merged: a turn is
already a run of one partner's messages, and silently averaging two scores would hide a
scoring slip. Scores are numbers from -4 to +4 with neutral exactly 0.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

from bowlby.dynamics.conversations import SCORE_LIMIT, Conversation, Turn
from bowlby.errors import InputError

COLUMNS = ("conversation", "partner", "score")


def read_turns_csv(path: str | Path) -> list[Conversation]:
    """Every conversation in the file, in order of first appearance."""
    name = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except OSError as error:
        raise InputError(f"cannot read the file ({error.strerror}).", file=name) from None
    except UnicodeDecodeError:
        raise InputError("is not UTF-8 text; save it as CSV (UTF-8).", file=name) from None
    if not rows:
        raise InputError("is empty; it needs a header row: conversation,partner,score.", file=name)
    places = _header(rows[0], name)
    turns: dict[str, list[Turn]] = {}
    partners: list[str] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        conversation, turn = _turn(row, places, name, line)
        _check_partner(turn.partner, partners, name, line)
        _check_alternation(turns.setdefault(conversation, []), turn, conversation, name, line)
        turns[conversation].append(turn)
    if len(partners) != 2:
        raise InputError(
            f"needs turns by exactly two partners; found {len(partners)}.",
            file=name,
            field="partner",
        )
    return [Conversation(key, tuple(value)) for key, value in turns.items()]


def _header(header: list[str], name: str) -> dict[str, int]:
    cleaned = [cell.strip().lower() for cell in header]
    for column in COLUMNS:
        if column not in cleaned:
            raise InputError(
                f"the header has no '{column}' column (it needs conversation,partner,score).",
                file=name,
                line=1,
                field=column,
            )
    return {column: cleaned.index(column) for column in COLUMNS}


def _turn(row: list[str], places: dict[str, int], name: str, line: int) -> tuple[str, Turn]:
    cells = {
        column: row[place].strip() if place < len(row) else "" for column, place in places.items()
    }
    for column in ("conversation", "partner"):
        if not cells[column]:
            raise InputError(f"the {column} is empty.", file=name, line=line, field=column)
    return cells["conversation"], Turn(cells["partner"], _score(cells["score"], name, line))


def _score(text: str, name: str, line: int) -> float:
    try:
        score = float(text)
    except ValueError:
        raise InputError(
            f"'{text}' is not a number; scores run from -{SCORE_LIMIT} to +{SCORE_LIMIT}.",
            file=name,
            line=line,
            field="score",
        ) from None
    if not math.isfinite(score) or abs(score) > SCORE_LIMIT:
        raise InputError(
            f"{text} is outside the scale; scores run from -{SCORE_LIMIT} to +{SCORE_LIMIT}.",
            file=name,
            line=line,
            field="score",
        )
    return score + 0.0  # -0.0 becomes 0.0: neutral is exactly 0


def _check_partner(partner: str, partners: list[str], name: str, line: int) -> None:
    if partner in partners:
        return
    if len(partners) == 2:
        raise InputError(
            f"'{partner}' is a third partner; a couple fit reads turns by two people "
            f"({partners[0]} and {partners[1]}).",
            file=name,
            line=line,
            field="partner",
        )
    partners.append(partner)


def _check_alternation(
    previous: list[Turn], turn: Turn, conversation: str, name: str, line: int
) -> None:
    if previous and previous[-1].partner == turn.partner:
        raise InputError(
            f"{turn.partner} has two turns in a row in conversation '{conversation}'; "
            "give a run of one partner's messages one row (one score).",
            file=name,
            line=line,
            field="partner",
        )
