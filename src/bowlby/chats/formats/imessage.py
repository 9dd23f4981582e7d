"""iMessage chats as imessage-exporter writes them to txt.

Each message is a block: a time line (``May 17, 2022  5:29:42 PM``, maybe followed by
``(Read by them after 1 minute)``), the sender, then the body, which may hold blank lines;
top-level blocks end with a blank line. Replies are printed indented under the message they
answer, so they come out of time order. This parser therefore buffers the whole file and
yields the messages sorted by time (a reply printed twice is yielded once). A body's lines
run until the next time line, so a parent's text after its replies joins the last reply.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from bowlby.chats.messages import ChatMessage, MessageKind, ParseOptions, ParseReport
from bowlby.chats.placeholders import placeholder_for
from bowlby.chats.sources import ExportText

MONTHS = {
    month: number
    for number, month in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
        start=1,
    )
}
STAMP = re.compile(
    r"^(?P<indent> *)(?P<month>[A-Z][a-z]{2}) (?P<day>\d{1,2}), (?P<year>\d{4}) +"
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2}):(?P<second>\d{2}) (?P<half>[AP]M)(?P<rest>.*)$"
)
READ_BY = re.compile(r"^ \(Read by [^)]*\)$")
RENAMED = re.compile(r"^ (?P<what>.+ renamed the conversation to .*)$")
EDITED = re.compile(r"^ *Edited .+? later: (?P<text>.*)$")
DELETED = re.compile(r"^\S.* deleted a message\.$")
REACTION = re.compile(r"^ *\S.* by \S.*$")
REPLY_NOTE = "This message responded to an earlier message."
REACTIONS_HEADING = "Reactions:"
ATTACHMENT_MISSING = "Attachment missing!"


@dataclass
class _Block:
    line: int
    indent: int
    sent_at: datetime
    sender: str | None = None
    body: list[str] = field(default_factory=list)


def sniff(head: str, name: str) -> bool:
    """The first line is imessage-exporter's time line."""
    first = next((line for line in head.splitlines() if line.strip()), "")
    stamp = STAMP.match(first.lstrip("\ufeff"))
    return stamp is not None and stamp["month"] in MONTHS and not stamp["indent"]


def parse(
    name: str, text: ExportText, options: ParseOptions, report: ParseReport
) -> Iterator[ChatMessage]:
    """All messages sorted by time (this format buffers: replies come out of order)."""
    found = list(_messages(name, text, options, report))
    found.sort(key=lambda message: message.sent_at)
    seen: set[tuple[datetime, str, str]] = set()
    for message in found:
        key = (message.sent_at, message.sender, message.text)
        if key not in seen:
            seen.add(key)
            yield message


def _messages(
    name: str, lines: Iterable[str], options: ParseOptions, report: ParseReport
) -> Iterator[ChatMessage]:
    block: _Block | None = None
    for number, raw_line in enumerate(lines, start=1):
        line = raw_line.rstrip("\r\n")
        stamp = STAMP.match(line)
        starts = stamp and (not stamp["rest"] or READ_BY.match(stamp["rest"]))
        renamed = stamp and not starts and RENAMED.match(stamp["rest"])
        if stamp and (starts or renamed):
            if block:
                yield from _finished(block, name, report)
            sent_at = _time(stamp, options)
            block = _Block(number, len(stamp["indent"]), sent_at) if starts else None
            if renamed:
                yield ChatMessage(sent_at, "", renamed["what"], MessageKind.SYSTEM, name, number)
        elif block is None:
            if line.strip():
                report.skip(name, number, "a line outside any iMessage message")
        elif block.sender is None:
            block.sender = line.strip()
        else:
            prefix = " " * block.indent
            block.body.append(line.removeprefix(prefix))
    if block:
        yield from _finished(block, name, report)


def _time(stamp: re.Match[str], options: ParseOptions) -> datetime:
    hour = int(stamp["hour"]) % 12 + (12 if stamp["half"] == "PM" else 0)
    return datetime(
        int(stamp["year"]),
        MONTHS.get(stamp["month"], 1),
        int(stamp["day"]),
        hour,
        int(stamp["minute"]),
        int(stamp["second"]),
        tzinfo=options.zone,
    )


def _finished(block: _Block, name: str, report: ParseReport) -> Iterator[ChatMessage]:
    if block.sender is None:
        report.skip(name, block.line, "an iMessage time line without a sender")
        return
    text, kind = _body(_without_notes(block.body))
    yield ChatMessage(block.sent_at, block.sender, text, kind, name, block.line)


def _without_notes(body: list[str]) -> list[str]:
    """The body without the exporter's own notes: the reply note and a reactions list."""
    kept: list[str] = []
    in_reactions = False
    for line in body:
        if line == REACTIONS_HEADING:
            in_reactions = True
        elif in_reactions and REACTION.match(line):
            continue
        elif line != REPLY_NOTE:
            in_reactions = False
            kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


def _body(lines: list[str]) -> tuple[str, MessageKind]:
    text = "\n".join(lines)
    if len(lines) != 1:
        return _edited(lines) or (text, MessageKind.TEXT)
    if DELETED.match(text):
        return text, MessageKind.DELETED
    if text == ATTACHMENT_MISSING:
        return "[file]", MessageKind.MEDIA
    if _is_file_name(text):
        return placeholder_for(text), MessageKind.MEDIA
    return _edited(lines) or (text, MessageKind.TEXT)


def _edited(lines: list[str]) -> tuple[str, MessageKind] | None:
    """An edited message starts with its original time and text, then ``Edited … later:``
    lines; the last edit is what the message says now."""
    stamp = STAMP.match(lines[0]) if lines else None
    if stamp is None:
        return None
    edits = [EDITED.match(line) for line in lines[1:]]
    texts = [match["text"] for match in edits if match]
    return (texts[-1] if texts else stamp["rest"].strip()), MessageKind.EDITED


def _is_file_name(text: str) -> bool:
    looks_like_path = text.startswith(("/", "~/")) or " " not in text
    return looks_like_path and placeholder_for(text) != "[file]"
