"""bowlby text: read messages the way a therapist would. `analyze` labels each message on
standard input and prints the labels, tone, scores and the words behind them as JSON lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import TextIO

import typer

app = typer.Typer(
    help="Read messages: protest, withdrawal, the four horsemen, repair, vulnerability and "
    "appreciation, each with the words behind it.",
    no_args_is_help=True,
)

NOTHING_READ = (
    'Nothing to read: give one message a line on standard input, or JSON lines with a "text" field.'
)


@app.callback()
def text() -> None:
    """Read messages: the pattern in each, with the words behind it."""


class BadLine(ValueError):
    """A line that looks like JSON but cannot be read as a message."""


def message_of(line: str) -> str:
    """A line is a message, or a JSON object whose "text" is the message. A line that starts
    like a JSON object ('{"') is read as one, so a broken JSON line is reported, not
    analysed as words."""
    stripped = line.strip()
    if not stripped.startswith("{") or not stripped[1:].lstrip().startswith('"'):
        return stripped
    try:
        parsed = json.loads(stripped)
    except json.JSONDecodeError as error:
        raise BadLine(f"not valid JSON ({error.msg}, column {error.colno})") from None
    if not isinstance(parsed, dict) or not isinstance(parsed.get("text"), str):
        raise BadLine('a JSON line needs a "text" field holding the message')
    return str(parsed["text"])


def read_messages(lines: TextIO) -> Iterator[tuple[int, str | BadLine]]:
    """(line number, message or what was wrong with it) for every non-blank line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, message_of(line)
        except BadLine as problem:
            yield number, problem


@app.command("analyze")
def analyze() -> None:
    """Label each message on standard input and print it as JSON: labels, valence, scores,
    evidence.

    One message a line, or JSON lines with a "text" field (told apart line by line). A broken
    JSON line is reported with its number on standard error and skipped."""
    from bowlby.chats.patterns import analyse_text
    from bowlby.errors import InputError

    analysed = 0
    out = sys.stdout
    for number, message in read_messages(sys.stdin):
        if isinstance(message, BadLine):
            typer.echo(f"line {number}: skipped, {message}", err=True)
            continue
        out.write(json.dumps(analyse_text(message).as_json(), ensure_ascii=False) + "\n")
        analysed += 1
    if not analysed:
        raise InputError(NOTHING_READ)
