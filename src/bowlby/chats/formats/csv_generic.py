"""The generic CSV, for chats from anywhere else (documented in docs/chat-formats.md).

A header row names the columns: ``sent_at,sender,text`` are required, ``kind`` is optional
(text, media, system, deleted, edited); other columns are ignored. ``sent_at`` is ISO 8601,
with an offset or without one (then it is read in the person's zone). Comma or semicolon,
sniffed from the header; quoted text may span lines. A bad row is skipped and reported.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import datetime, tzinfo
from itertools import chain

from bowlby.chats.messages import ChatMessage, MessageKind, ParseOptions, ParseReport
from bowlby.chats.sources import ExportText
from bowlby.errors import InputError

REQUIRED = ("sent_at", "sender", "text")
KINDS = {kind.value: kind for kind in MessageKind}


def sniff(head: str, name: str) -> bool:
    """A header row naming at least two of the required columns."""
    columns = _header_columns(head.lstrip("\ufeff").split("\n", 1)[0])
    return sum(column in columns for column in REQUIRED) >= 2


def parse(
    name: str, text: ExportText, options: ParseOptions, report: ParseReport
) -> Iterator[ChatMessage]:
    """Each row as a message, in file order, streaming."""
    rows = rows_with_lines(name, text)
    _, header = next(rows, (1, []))
    columns = _column_places(name, [cell.strip().lower() for cell in header])
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        message = _row_message(row, columns, name, line, options.zone)
        if isinstance(message, str):
            report.skip(name, line, message)
        else:
            yield message


def rows_with_lines(name: str, text: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    """CSV rows with the line each starts on; the delimiter (comma or semicolon) is sniffed
    from the first line. Shared with the Discord CSV."""
    lines = iter(text)
    first = next(lines, "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(chain([first], lines), delimiter=delimiter, strict=True)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as error:
        raise InputError(
            f"the CSV is broken here ({error}); check the quotes on this row.",
            file=name,
            line=start,
        ) from None


def _header_columns(line: str) -> set[str]:
    delimiter = ";" if line.count(";") > line.count(",") else ","
    return {cell.strip().strip('"').strip().lower() for cell in line.split(delimiter)}


def _column_places(name: str, header: list[str]) -> dict[str, int]:
    for column in REQUIRED:
        if column not in header:
            raise InputError(
                f"the CSV has no '{column}' column; its first row must name the columns "
                "sent_at,sender,text (and kind, if you have it).",
                file=name,
                line=1,
                field=column,
            )
    return {column: header.index(column) for column in (*REQUIRED, "kind") if column in header}


def _row_message(
    row: list[str], columns: dict[str, int], name: str, line: int, zone: tzinfo
) -> ChatMessage | str:
    """The message, or why the row was skipped."""
    if len(row) <= max(columns.values()):
        return f"a row with {len(row)} columns where the header has more"
    sent_at = parse_iso_time(row[columns["sent_at"]], zone)
    if sent_at is None:
        return f"'{row[columns['sent_at']]}' is not an ISO 8601 time (e.g. 2026-11-24 18:30)"
    kind_name = row[columns["kind"]].strip().lower() if "kind" in columns else ""
    kind = KINDS.get(kind_name or "text")
    if kind is None:
        return f"'{kind_name}' is not a kind (use {', '.join(KINDS)})"
    sender = row[columns["sender"]].strip()
    if not sender and kind is not MessageKind.SYSTEM:
        return "a message without a sender"
    text = row[columns["text"]].replace("\r\n", "\n")  # the file's line ending, not theirs
    return ChatMessage(sent_at, sender, text, kind, name, line)


def parse_iso_time(value: str, zone: tzinfo) -> datetime | None:
    """An ISO 8601 time, aware: its own offset if it has one, else read in ``zone``."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)
