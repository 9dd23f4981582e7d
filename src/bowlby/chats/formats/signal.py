"""Signal chats as signal-export (``sigexport``) writes them.

Two variants: JSON Lines (``data.json``: one object a line with ``date``, ``sender``, ``body``,
``attachments``, ``sticker``, ``deleted``…; exports merged across runs repeat lines, and exact
repeats are dropped), and Markdown (``chat.md``: ``[2026-11-24 18:30:00] Maya: text``, older
versions ``[2026-11-24, 18:30]``, continuation lines belonging to the message above). Times
carry no zone and are read in the person's. Both stream line by line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from bowlby.chats.messages import ChatMessage, MessageKind, ParseOptions, ParseReport
from bowlby.chats.placeholders import placeholder_for, with_caption
from bowlby.chats.sources import ExportText

JSON_LINE = re.compile(r'^\{"date": ?"\d{4}-\d{2}-\d{2}T')
HEADER = re.compile(
    r"^\[(?P<date>\d{4}-\d{2}-\d{2})(?P<comma>,?) (?P<time>\d{2}:\d{2}(?::\d{2})?)\] "
    r"(?P<sender>[^:\n]+?): ?(?P<body>.*)$"
)
CALL = re.compile(r"^(Incoming|Outgoing|Missed) (voice |video )?call\b")
ATTACHMENT = re.compile(
    r"!?\[(?P<name>[^\]\n]*)\]\((?P<path>(?:\.\.?/)?(?:media|exported_stickers)/[^)\n]*)\) *"
)
REACTIONS = re.compile(r"\n\(- .*? -\)")
STICKER = re.compile(r"\n\(\( .*? \)\)")
DELETED = "(This message was deleted)"
MARKDOWN_BREAK = "  "  # sigexport ends every body with two spaces (a Markdown line break)


def sniff(head: str, name: str) -> bool:
    """A first line in sigexport's JSON shape, or its Markdown header: without a comma (the
    current layout) or with one in a ``.md`` file (WhatsApp writes ``[date, time]`` too)."""
    first = next((line for line in head.splitlines() if line.strip()), "")
    if JSON_LINE.match(first):
        return '"sender"' in first and '"body"' in first
    header = HEADER.match(first)
    if header is None:
        return False
    return not header["comma"] or name.lower().endswith(".md")


def parse(
    name: str, text: ExportText, options: ParseOptions, report: ParseReport
) -> Iterator[ChatMessage]:
    """The messages in file order, streaming."""
    lines = iter(text)
    first = next(lines, "")
    rest = _chain(first, lines)
    if JSON_LINE.match(first.lstrip("\ufeff")):
        return _parse_json_lines(name, rest, options, report)
    return _parse_markdown(name, rest, options, report)


def _chain(first: str, lines: Iterator[str]) -> Iterator[str]:
    if first:
        yield first
    yield from lines


def _parse_json_lines(
    name: str, lines: Iterable[str], options: ParseOptions, report: ParseReport
) -> Iterator[ChatMessage]:
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        record = line.strip()
        if not record or record in seen:
            continue
        seen.add(record)
        message = _json_message(record, name, number, options)
        if message is None:
            report.skip(name, number, "a line that is not a Signal message in JSON")
        else:
            yield message


def _json_message(record: str, name: str, line: int, options: ParseOptions) -> ChatMessage | None:
    try:
        raw = json.loads(record)
        sent_at = datetime.fromisoformat(raw["date"])
        sender = str(raw["sender"])
        body = str(raw.get("body") or "")
    except (ValueError, KeyError, TypeError):
        return None
    if sent_at.tzinfo is None:
        sent_at = sent_at.replace(tzinfo=options.zone)
    text, kind = _json_body(raw, _without_break(body))
    return ChatMessage(
        sent_at, "" if kind is MessageKind.SYSTEM else sender, text, kind, name, line
    )


def _json_body(raw: dict[str, Any], body: str) -> tuple[str, MessageKind]:
    if raw.get("deleted"):
        return body or DELETED, MessageKind.DELETED
    if raw.get("call") or CALL.match(body):
        return body, MessageKind.SYSTEM
    attachments = raw.get("attachments") or []
    if attachments:
        first = attachments[0]
        placeholder = placeholder_for(str(first.get("path") or first.get("name") or ""))
        return with_caption(placeholder, body), MessageKind.MEDIA
    if raw.get("sticker"):
        return with_caption("[sticker]", body), MessageKind.MEDIA
    return body, MessageKind.TEXT


def _parse_markdown(
    name: str, lines: Iterable[str], options: ParseOptions, report: ParseReport
) -> Iterator[ChatMessage]:
    pending: tuple[int, re.Match[str], list[str]] | None = None
    for number, raw_line in enumerate(lines, start=1):
        line = raw_line.rstrip("\r\n")
        header = HEADER.match(line)
        if header:
            if pending:
                yield from _markdown_message(name, pending, options, report)
            pending = (number, header, [header["body"]])
        elif pending:
            pending[2].append(line)
        elif line.strip():
            report.skip(name, number, "a line before the first Signal message")
    if pending:
        yield from _markdown_message(name, pending, options, report)


def _markdown_message(
    name: str,
    pending: tuple[int, re.Match[str], list[str]],
    options: ParseOptions,
    report: ParseReport,
) -> Iterator[ChatMessage]:
    line, header, body_lines = pending
    try:
        sent_at = datetime.fromisoformat(f"{header['date']} {header['time']}")
    except ValueError:
        report.skip(name, line, f"'{header['date']} {header['time']}' is not a date")
        return
    text, kind = _markdown_body("\n".join(body_lines).rstrip("\n"))
    sender = "" if kind is MessageKind.SYSTEM else header["sender"]
    yield ChatMessage(sent_at.replace(tzinfo=options.zone), sender, text, kind, name, line)


def _markdown_body(body: str) -> tuple[str, MessageKind]:
    """The words of a sigexport Markdown body, without its quote, reactions, sticker and
    attachment links (each of which it writes into the body)."""
    body = REACTIONS.sub("", _without_quote(body))
    if body.strip() == DELETED:
        return DELETED, MessageKind.DELETED
    sticker = STICKER.search(body)
    body = STICKER.sub("", body)
    attachment = ATTACHMENT.search(body)
    words = _without_break(ATTACHMENT.sub("", body))
    if attachment:
        return with_caption(placeholder_for(attachment["path"]), words), MessageKind.MEDIA
    if sticker:
        return with_caption("[sticker]", words), MessageKind.MEDIA
    if CALL.match(words):
        return words, MessageKind.SYSTEM
    return words, MessageKind.TEXT


def _without_quote(body: str) -> str:
    """sigexport writes a reply's quote first: an empty line, ``> quoted`` lines, an empty
    line, then the reply itself."""
    if not body.startswith("\n\n> "):
        return body
    end = body.find("\n\n", 2)
    return body[end + 2 :] if end != -1 else ""


def _without_break(body: str) -> str:
    return body.removesuffix(MARKDOWN_BREAK)
