"""The one message type every export format is read into, and how a parse reports the lines
it had to skip.

A message is a NamedTuple: parsers make millions of them, and a tuple is the cheapest
immutable record Python has.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from enum import StrEnum
from typing import Literal, NamedTuple

DateOrder = Literal["dmy", "mdy", "ymd"]
MAX_PROBLEMS_KEPT = 20


class MessageKind(StrEnum):
    TEXT = "text"
    MEDIA = "media"  # a photo, video, voice note, sticker…: its placeholder is the text
    SYSTEM = "system"  # encryption notice, joins, number changes, calls: sender is ""
    DELETED = "deleted"
    EDITED = "edited"  # the text is the edited text


class ChatMessage(NamedTuple):
    """One message, normalised: an aware time, who sent it, what it said, and where it was
    found (file and 1-based line; for JSON formats the line where the message starts)."""

    sent_at: datetime
    sender: str
    text: str
    kind: MessageKind
    file: str
    line: int


@dataclass(frozen=True)
class ParseOptions:
    """What the file cannot tell: the zone its times were written in (exports carry none),
    the date order when the file is ambiguous, and a format chosen by hand."""

    zone: tzinfo
    date_order: DateOrder | None = None
    format: str | None = None


@dataclass(frozen=True)
class Problem:
    """A line that matched no format: where, and what was wrong."""

    file: str
    line: int
    message: str


@dataclass
class ParseReport:
    """What a parse skipped. One bad line in a million is reported, never fatal."""

    format: str = ""
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)

    def skip(self, file: str, line: int, message: str) -> None:
        self.skipped += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(Problem(file, line, message))
