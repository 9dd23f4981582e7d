"""WhatsApp's chat export (the .txt, or the .zip holding it): Android (``24/11/2026, 18:30 -
Maya: hi``) and iOS (``[24/11/2026, 18:30:05] Maya: hi``) layouts, every date order, 12- and
24-hour clocks in several languages, multi-line messages, and what WhatsApp writes in place of
media, deleted and edited messages and its own notices.

The date order, streaming. ``05/11/26`` reads as 5 November or May 11 until a day above 12
appears, which may be far from the first line. We hold lines back only while undecided: they
are kept until a date settles the order, then replayed, and the rest streams through. A real
chat meets a 13th within its first two weeks, so what is held is those days, not the file. (A
first pass over the dates alone would need to read the file twice, which a zip member cannot
do cheaply.) A file that never settles asks for ``--date-order``, unless it was given. A
two-digit year-first date (``26/11/24``) cannot be told from day-first and is read so only
when ``--date-order ymd`` says so; four-digit years first are recognised.

Times. The file has wall-clock times without a zone; they are read in ``options.zone``. A time
in the spring-forward gap (02:30 when clocks jump from 02:00 to 03:00) is moved forward (to
03:30); a time in the repeated fall-back hour is taken at its first occurrence (still summer
time). Every ``sent_at`` carries the fixed UTC offset in force at that moment.

Speed (300,000+ messages a second): one compiled pattern for the layout, chosen from the first
lines; a date becomes its aware midnight once, a time of day its offset from midnight once (to
the minute, at most 1,440 of them; seconds from a table), so a message's time is one addition;
messages are built as plain tuples; placeholders are looked for only when a text begins or
ends like one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from itertools import chain

from bowlby.chats.formats.whatsapp_markers import (
    DAY_PERIOD_PATTERN,
    DAY_PERIODS,
    EDITED_KEYS,
    EXACT_TEXTS,
    INVISIBLE_MARKS,
    KNOWN_TEXTS,
    MEDIA_BEGINNINGS,
    MEDIA_ENDINGS,
    SPACES,
    SYSTEM_PHRASES,
    day_period_key,
    normalised,
)
from bowlby.chats.messages import ChatMessage, DateOrder, MessageKind, ParseOptions, ParseReport
from bowlby.chats.sources import ExportText
from bowlby.errors import InputError

_SPACE = f"[{SPACES}]"
_MARKS = f"[{INVISIBLE_MARKS}]*"
_DATE = r"(\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"  # in any order
_JOIN = rf",?{_SPACE}(?:(?:à|às|um){_SPACE})?"  # "24/11/2026, 18:30" or "24/11/2026 à 18:30"
# The time in three parts: hours and minutes, seconds, and the rest (a day period). Loose on
# purpose: hours, minutes and the rest are checked against _CLOCK once per distinct text
# (cached: at most 1,440 of them), much cheaper than a strict pattern on every line.
_TIME = r"(\d{1,2}[:.]\d{2})(?:[:.](\d{2}))?"
_LAYOUT_STAMPS = {
    "android": rf"{_MARKS}{_DATE}{_JOIN}{_TIME}([^\r\n]*?){_SPACE}[-–]{_SPACE}{_MARKS}",
    "ios": rf"{_MARKS}\[{_DATE}{_JOIN}{_TIME}([^\]\r\n]*)\]{_SPACE}{_MARKS}",
}
# No "Name: " → a notice of WhatsApp's own. ``.`` is the fastest way to the line's end when
# lines end in LF alone; CR and CRLF files get the careful form.
_SENDER = r"(?:([^:\r\n]*): )?"
_TEXT_LF, _TEXT_CR = "(.*)", r"([^\r\n]*)"
LAYOUTS: dict[str, re.Pattern[str]] = {
    layout: re.compile(stamp + _SENDER + _TEXT_CR) for layout, stamp in _LAYOUT_STAMPS.items()
}
_CLOCK = re.compile(rf"(\d{{1,2}})[:.](\d{{2}})(?:{_SPACE}?({DAY_PERIOD_PATTERN}))?{_MARKS}")
_SECONDS: dict[str | None, timedelta] = {
    None: timedelta(0),
    **{f"{second:02}": timedelta(seconds=second) for second in range(60)},
}
_NUMBER = re.compile(r"\d+")
LAYOUT_LINES = 200  # lines read to find the layout before deciding it is not WhatsApp
SNIFF_LINES = 10
CACHE_LIMIT = 8_192
_STRIPPED = INVISIBLE_MARKS + SPACES
_SUSPECT_FIRST = frozenset(INVISIBLE_MARKS + "<")
_SUSPECT_LAST = frozenset(">)")
_MEDIA_ENDINGS = tuple(ending.casefold() for ending in MEDIA_ENDINGS)
_MEDIA_BEGINNINGS = tuple(beginning.casefold() for beginning in MEDIA_BEGINNINGS)
_new_message = tuple.__new__

ORDER_HINT = "pass --date-order dmy, mdy or ymd (day, month, year) to say how to read them"


def sniff(head: str, name: str) -> bool:
    """A WhatsApp export starts with a message: a date, a time and `` - `` or ``[…]``."""
    lines = [line for line in head.lstrip("\ufeff").splitlines()[:SNIFF_LINES] if line.strip()]
    return any(_layout_of(line) for line in lines)


def parse(
    name: str, text: ExportText, options: ParseOptions, report: ParseReport
) -> Iterator[ChatMessage]:
    """Every message in the export, in file order, streaming (see the module's docstring)."""
    lines = iter(text)
    held: list[str] = []
    pattern = _find_layout(name, lines, held)
    order = options.date_order or _settle_date_order(name, lines, held, pattern)
    source = chain(held, lines) if held else lines
    yield from _Reader(name, pattern, order, options.zone, report).messages(source)


def _layout_of(line: str) -> str | None:
    """The layout whose stamp starts ``line`` with a real time in it, if any."""
    for layout, pattern in LAYOUTS.items():
        found = pattern.match(line)
        if found and _CLOCK.fullmatch(found.group(2) + found.group(4)):
            return layout
    return None


def _find_layout(name: str, lines: Iterator[str], held: list[str]) -> re.Pattern[str]:
    """The pattern for the layout of the first line that looks like a message, made for the
    file's line ends; the lines read are held for the parse."""
    for line in lines:
        held.append(line)
        layout = _layout_of(line)
        if layout is not None:
            text = _TEXT_LF if line.endswith("\n") and not line.endswith("\r\n") else _TEXT_CR
            return re.compile(_LAYOUT_STAMPS[layout] + _SENDER + text)
        if len(held) >= LAYOUT_LINES:
            break
    raise InputError(
        "this does not look like a WhatsApp export: no line starts with a date and time "
        "like '24/11/2026, 18:30 - ' or '[24/11/2026, 18:30:05] '.",
        file=name,
        line=1,
    )


def _settle_date_order(
    name: str, lines: Iterator[str], held: list[str], pattern: re.Pattern[str]
) -> DateOrder:
    """The one date order every date in the file allows; lines read meanwhile are held."""
    possible: set[str] = {"dmy", "mdy", "ymd"}
    for line in chain(list(held), _holding(lines, held)):
        found = pattern.match(line)
        if found is None or not _CLOCK.fullmatch(found.group(2) + found.group(4)):
            continue
        allowed = possible & _orders_allowing(found.group(1))
        if allowed:  # a date no order allows is reported when it is read
            possible = allowed
        if len(possible) == 1:
            return possible.pop()  # type: ignore[return-value]
    if len(possible) == 3:
        possible.discard("ymd")  # no date was readable at all
    raise InputError(
        f"the dates in this export could be read as {' or '.join(sorted(possible))} (no day "
        f"is above 12); {ORDER_HINT}.",
        file=name,
    )


def _holding(lines: Iterator[str], held: list[str]) -> Iterator[str]:
    for line in lines:
        held.append(line)
        yield line


def _orders_allowing(date_text: str) -> set[str]:
    """The date orders under which ``date_text`` is a possible date; year first only with
    four digits (see the module's docstring)."""
    first, second, third = _NUMBER.findall(date_text)
    a, b, c = int(first), int(second), int(third)
    if len(first) == 4:
        return {"ymd"} if 1 <= b <= 12 and 1 <= c <= 31 else set()
    orders = set()
    if 1 <= a <= 31 and 1 <= b <= 12:
        orders.add("dmy")
    if 1 <= a <= 12 and 1 <= b <= 31:
        orders.add("mdy")
    return orders


# A message whose date or time cannot be real is reported and skipped.
_BAD_CLOCK = timedelta(days=1)  # past every real time of day


class _Reader:
    """One file's parse: the chosen layout and order, and the caches that make it fast."""

    def __init__(
        self,
        name: str,
        pattern: re.Pattern[str],
        order: DateOrder,
        zone: tzinfo,
        report: ParseReport,
    ) -> None:
        self.name = name
        self.pattern = pattern
        self.order = order
        self.zone = zone
        self.report = report
        self.clocks: dict[str, timedelta | None] = {}  # time text → time of day
        self.day: tuple[int, int, int] | None = None  # the date being read, if a real one
        self.fixed_zones: dict[timedelta, tzinfo] = {}
        self.skipped_line = 0  # the last message skipped, whose lines are skipped with it

    def messages(self, lines: Iterable[str]) -> Iterator[ChatMessage]:
        """The hot loop, kept in one function for speed: a line either starts a message or
        continues the one before it. A message's time is its day's midnight (aware) plus its
        time of day, both cached."""
        match = self.pattern.match
        make = self._message
        clocks = self.clocks
        new, name, plain, exact = _new_message, self.name, MessageKind.TEXT, EXACT_TEXTS
        suspect_first, suspect_last = _SUSPECT_FIRST, _SUSPECT_LAST
        senders: dict[str, str] = {}
        day_text = None
        midnight: datetime | None = None  # None when the clocks change that day
        at: datetime | None = None  # the message being read; None before the first one
        sender: str | None = None
        body = ""
        more: list[str] | None = None
        start = 0
        for number, line in enumerate(lines, 1):
            found = match(line)
            if found is not None:
                date_text, minutes, seconds, period, raw_sender, text = found.groups()
                if date_text != day_text:
                    day_text, midnight = date_text, self._new_day(date_text)
                clock = clocks.get(minutes + period) or self._clock(minutes + period)
                if clock is not None:  # None: not a time, so the line is text
                    if at is not None:
                        body = body if more is None else "\n".join(more)
                        if (
                            sender
                            and body[:1] not in suspect_first
                            and body[-1:] not in suspect_last
                            and body not in exact
                        ):
                            yield new(ChatMessage, (at, sender, body, plain, name, start))
                        else:
                            yield make(at, sender, body, start)
                    since_midnight = clock + _SECONDS.get(seconds, _BAD_CLOCK)
                    if midnight is not None and since_midnight < _BAD_CLOCK:
                        at = midnight + since_midnight
                    else:
                        at = self._unusual_time(since_midnight, found, number)
                    sender = raw_sender and (
                        senders.get(raw_sender) or _sender(senders, raw_sender)
                    )
                    body, more, start = text, None, number
                    continue
            if at is None:
                self._skip_stray(number, line)
                continue
            more = more or [body]
            more.append(line.rstrip("\r\n"))
        if at is not None:
            yield make(at, sender, body if more is None else "\n".join(more), start)

    def _message(self, at: datetime, sender: str | None, text: str, line: int) -> ChatMessage:
        """Built directly as a tuple; only texts that begin or end like a marker are looked
        at twice."""
        if sender is None:
            return _new_message(  # type: ignore[no-any-return]
                ChatMessage, (at, "", text.strip(_STRIPPED), MessageKind.SYSTEM, self.name, line)
            )
        kind = EXACT_TEXTS.get(text)
        if kind is None:
            if text[:1] in _SUSPECT_FIRST or text[-1:] in _SUSPECT_LAST:
                sender, text, kind = _classified(sender, text)
            else:
                kind = MessageKind.TEXT
        elif kind is MessageKind.SYSTEM:
            sender = ""
        return _new_message(  # type: ignore[no-any-return]
            ChatMessage, (at, sender, text, kind, self.name, line)
        )

    def _skip_stray(self, number: int, line: str) -> None:
        if not line.strip(_STRIPPED + "\r\n"):
            return
        if self.skipped_line:
            problem = f"belongs to the message on line {self.skipped_line} and was skipped with it"
        else:
            problem = "has no date and time at its start and comes before any message; skipped"
        self.report.skip(self.name, number, f"this line {problem}.")

    def _new_day(self, date_text: str) -> datetime | None:
        """Start reading another date: its aware midnight, or None when the clocks change
        that day or the date is not a real one (then ``self.day`` is None too)."""
        first, second, third = (int(part) for part in _NUMBER.findall(date_text))
        if self.order == "dmy":
            year, month, day = third, second, first
        elif self.order == "mdy":
            year, month, day = third, first, second
        else:
            year, month, day = first, second, third
        year += 2000 if year < 100 else 0
        try:
            midnight = datetime(year, month, day)
        except ValueError:
            self.day = None
            return None
        self.day = (year, month, day)
        zone = self._fixed_zone(midnight, midnight.replace(hour=23))
        return None if zone is None else midnight.replace(tzinfo=zone)

    def _unusual_time(
        self, since_midnight: timedelta, found: re.Match[str], line: int
    ) -> datetime | None:
        """A time on a day the clocks change; None (and the line reported) when the date or
        the time is not a real one."""
        if self.day is None:
            problem = (
                f"the date '{found.group(1)}' is not a real one when read as {self.order}; "
                f"if the export uses another order, {ORDER_HINT}"
            )
        elif since_midnight >= _BAD_CLOCK:
            time_text = found.string[found.start(2) : found.end(4)]
            problem = f"'{time_text.strip(_STRIPPED)}' is not a time of day"
        else:
            return self._across_change(datetime(*self.day) + since_midnight)
        self.report.skip(self.name, line, f"{problem}; the message was skipped.")
        self.skipped_line = line
        return None

    def _clock(self, time_text: str) -> timedelta | None:
        """The time of day (to the minute) a time text without its seconds stands for; None
        when it is not a time at all."""
        found = _CLOCK.fullmatch(time_text)
        clock = None
        if found is not None:
            hour, minute = int(found.group(1)), int(found.group(2))
            period = day_period_key(found.group(3) or "")
            if period:
                hour = _on_24_hour_clock(hour, DAY_PERIODS[period])
            valid = 0 <= hour <= 23 and minute <= 59
            clock = timedelta(hours=hour, minutes=minute) if valid else _BAD_CLOCK
        if len(self.clocks) >= CACHE_LIMIT:
            self.clocks.clear()
        self.clocks[time_text] = clock
        return clock

    def _fixed_zone(self, first: datetime, last: datetime) -> tzinfo | None:
        """The one offset from ``first`` to the end of ``last``'s hour, if there is one."""
        last = last.replace(minute=59, second=59)
        offsets = {
            self.zone.utcoffset(moment)
            for moment in (first, last, first.replace(fold=1), last.replace(fold=1))
        }
        if len(offsets) != 1:
            return None
        offset = offsets.pop() or timedelta(0)
        return self.fixed_zones.setdefault(offset, timezone(offset))

    def _across_change(self, wall: datetime) -> datetime:
        """fold=0 takes a repeated time's first occurrence and reads a skipped time with the
        offset before the change, which lands it as far past the change as it was written."""
        instant = wall.replace(tzinfo=self.zone).astimezone(UTC)
        local = instant.astimezone(self.zone)
        offset = local.utcoffset() or timedelta(0)
        return local.replace(tzinfo=self.fixed_zones.setdefault(offset, timezone(offset)))


def _on_24_hour_clock(hour: int, period: str) -> int:
    """A 12-hour clock's hour with its day period, on the 24-hour clock (24, not a time,
    when the hour is not one of 1 to 12)."""
    if not 1 <= hour <= 12:
        return 24
    if period == "am" or (period == "midday" and hour in (10, 11)):
        return 0 if hour == 12 else hour
    if period == "night" and hour == 12:
        return 0
    return hour if hour == 12 else hour + 12


def _sender(senders: dict[str, str], raw: str) -> str:
    """The name without the marks iOS puts around it (e.g. around a phone number)."""
    if len(senders) >= CACHE_LIMIT:
        senders.clear()
    cleaned = senders[raw] = raw.strip(_STRIPPED)
    return cleaned


def _classified(sender: str, text: str) -> tuple[str, str, MessageKind]:
    """A text that begins with a mark or ``<``, or ends with ``>`` or ``)``: an edited
    marker, a placeholder, a deleted message or (iOS) a notice under someone's name."""
    cut = text.rfind("<")
    if cut >= 0 and normalised(text[cut:]) in EDITED_KEYS:
        return sender, text[:cut].rstrip(_STRIPPED), MessageKind.EDITED
    core = normalised(text)
    kind = KNOWN_TEXTS.get(core)
    if kind is not None:
        return ("" if kind is MessageKind.SYSTEM else sender), text.strip(_STRIPPED), kind
    if core.endswith(_MEDIA_ENDINGS) or core.startswith(_MEDIA_BEGINNINGS):
        return sender, text.strip(_STRIPPED), MessageKind.MEDIA
    if text[:1] in INVISIBLE_MARKS and any(phrase in core for phrase in SYSTEM_PHRASES):
        return "", text.strip(_STRIPPED), MessageKind.SYSTEM
    return sender, text, MessageKind.TEXT
