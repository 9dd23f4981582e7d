"""Reading the hand-made fixtures in tests/chats/data the way the import does: opened, the
format detected (unless one is given), parsed; messages as plain rows to compare exactly."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from bowlby.chats.messages import ChatMessage, MessageKind, ParseOptions, ParseReport
from bowlby.chats.sources import open_export, read_chat

DATA = Path(__file__).parent / "data"
BERLIN = ZoneInfo("Europe/Berlin")
Row = tuple[int, str, str, str, MessageKind]


def parse_file(path: Path, format: str | None = None) -> tuple[list[ChatMessage], ParseReport]:
    """Every message of the file, and the report of what was skipped."""
    report = ParseReport()
    with open_export(path) as (name, stream):
        options = ParseOptions(zone=BERLIN, format=format)
        messages = list(read_chat(name, stream, options, report))
    assert all(message.sent_at.tzinfo is not None for message in messages)
    assert all(message.file == str(path) for message in messages)
    return messages, report


def rows(messages: list[ChatMessage]) -> list[Row]:
    """(line, ISO time with its offset, sender, text, kind) for each message."""
    return [
        (message.line, message.sent_at.isoformat(), message.sender, message.text, message.kind)
        for message in messages
    ]


def problems(report: ParseReport) -> list[tuple[int, str]]:
    return [(problem.line, problem.message) for problem in report.problems]
