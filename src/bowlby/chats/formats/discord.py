"""DiscordChatExporter's JSON and CSV exports.

JSON: ``guild``, ``channel`` and ``messages`` (``timestamp`` ISO 8601 with an offset,
``author.name``/``nickname``, ``content``, ``attachments``, ``stickers``, ``type``); lines
are where each message object starts. CSV: ``AuthorID,Author,Date,Content,Attachments,
Reactions`` with ``Date`` in ISO 8601 (newer versions) or ``21-Jun-20 02:22 PM`` (older ones,
read in the person's zone). The CSV cannot tell system messages from text: they stay text.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, tzinfo
from itertools import chain
from typing import Any
from urllib.parse import urlsplit

from bowlby.chats.export_json import items_with_lines, load_json
from bowlby.chats.formats.csv_generic import parse_iso_time, rows_with_lines
from bowlby.chats.messages import ChatMessage, MessageKind, ParseOptions, ParseReport
from bowlby.chats.placeholders import placeholder_for, with_caption
from bowlby.chats.sources import ExportText
from bowlby.errors import InputError

CSV_HEADER = "AuthorID,Author,Date,Content,Attachments"
CONVERSATION_TYPES = frozenset({"Default", "Reply"})
OLD_CSV_DATE = "%d-%b-%y %I:%M %p"


def sniff(head: str, name: str) -> bool:
    """DiscordChatExporter's JSON (``guild`` and ``channel`` up front) or its CSV header."""
    start = head.lstrip("\ufeff \r\n\t")
    if start.startswith("{"):
        return '"guild"' in head and '"channel"' in head
    return start.replace('"', "").startswith(CSV_HEADER)


def parse(
    name: str, text: ExportText, options: ParseOptions, report: ParseReport
) -> Iterator[ChatMessage]:
    """The channel's messages in file order (the exporter writes them oldest first)."""
    lines = iter(text)
    first = next(lines, "")
    if first.lstrip("\ufeff \t").startswith("{"):
        yield from _parse_json(name, first + "".join(lines), report)
    else:
        yield from _parse_csv(name, chain([first], lines), options, report)


def _parse_json(name: str, whole: str, report: ParseReport) -> Iterator[ChatMessage]:
    document = load_json(name, whole)
    messages = document.get("messages") if isinstance(document, dict) else None
    if not isinstance(messages, list):
        raise InputError("this JSON has no 'messages' list.", file=name, line=1)
    for line, raw in items_with_lines(whole, "messages", messages):
        message = _json_message(raw, name, line)
        if message is None:
            report.skip(name, line, "a Discord message without its author or time")
        else:
            yield message


def _json_message(raw: Any, name: str, line: int) -> ChatMessage | None:
    try:
        sent_at = datetime.fromisoformat(raw["timestamp"])
        author = raw["author"]
        sender = str(author.get("nickname") or author["name"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    if sent_at.tzinfo is None:
        return None
    content = str(raw.get("content") or "")
    if raw.get("type", "Default") not in CONVERSATION_TYPES:
        return ChatMessage(sent_at, "", content or str(raw["type"]), MessageKind.SYSTEM, name, line)
    placeholder = _json_placeholder(raw)
    if placeholder:
        return ChatMessage(
            sent_at, sender, with_caption(placeholder, content), MessageKind.MEDIA, name, line
        )
    kind = MessageKind.EDITED if raw.get("timestampEdited") else MessageKind.TEXT
    return ChatMessage(sent_at, sender, content, kind, name, line)


def _json_placeholder(raw: dict[str, Any]) -> str:
    attachments = raw.get("attachments") or []
    if attachments:
        first = attachments[0]
        return placeholder_for(str(first.get("fileName") or first.get("url") or ""))
    return "[sticker]" if raw.get("stickers") else ""


def _parse_csv(
    name: str, text: Iterator[str], options: ParseOptions, report: ParseReport
) -> Iterator[ChatMessage]:
    rows = rows_with_lines(name, text)
    next(rows, None)  # the header
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        message = _csv_message(row, name, line, options.zone)
        if isinstance(message, str):
            report.skip(name, line, message)
        else:
            yield message


def _csv_message(row: list[str], name: str, line: int, zone: tzinfo) -> ChatMessage | str:
    if len(row) < 5:
        return f"a row with {len(row)} columns where DiscordChatExporter writes 6"
    _, author, date, content, attachments = row[:5]
    content = content.replace("\r\n", "\n")  # the file's line ending inside a quoted field
    sent_at = parse_iso_time(date, zone) or _old_csv_date(date, zone)
    if sent_at is None:
        return f"'{date}' is not a date DiscordChatExporter writes"
    if attachments.strip():
        first = urlsplit(attachments.split(",")[0].strip()).path
        text = with_caption(placeholder_for(first), content)
        return ChatMessage(sent_at, author, text, MessageKind.MEDIA, name, line)
    return ChatMessage(sent_at, author, content, MessageKind.TEXT, name, line)


def _old_csv_date(value: str, zone: tzinfo) -> datetime | None:
    try:
        return datetime.strptime(value.strip(), OLD_CSV_DATE).replace(tzinfo=zone)
    except ValueError:
        return None
