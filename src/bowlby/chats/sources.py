"""Opening an export: a plain file or the zip that holds it, decoded (a leading BOM dropped),
its format detected from its first few kilobytes unless one is chosen, then parsed."""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import tzinfo
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import TextIO, get_args

from bowlby.chats.messages import ChatMessage, DateOrder, ParseOptions, ParseReport
from bowlby.errors import InputError
from bowlby.settings import named_zone

# Tried in this order: the most specific sniffers first, the generic CSV last.
FORMATS = ("telegram", "discord", "messenger", "signal", "imessage", "whatsapp", "csv_generic")
FORMAT_LABELS = {
    "whatsapp": "WhatsApp (.txt or .zip)",
    "telegram": "Telegram Desktop (result.json)",
    "signal": "Signal (signal-export)",
    "messenger": "Messenger or Instagram (message_1.json)",
    "imessage": "iMessage (imessage-exporter .txt)",
    "discord": "Discord (DiscordChatExporter .json or .csv)",
    "csv_generic": "CSV (sent_at, sender, text)",
}
HEAD_CHARS = 8_192
ZIP_TEXT_SUFFIXES = (".txt", ".json", ".csv")
ZIP_MAGIC = b"PK\x03\x04"
DATE_ORDERS: tuple[str, ...] = get_args(DateOrder)


def format_module(name: str) -> ModuleType:
    if name not in FORMATS:
        raise InputError(
            f"'{name}' is not a format Bowlby reads; choose one of: {', '.join(FORMATS)}.",
            field="--format",
        )
    return import_module(f"bowlby.chats.formats.{name}")


@contextmanager
def open_export(path: Path) -> Iterator[tuple[str, TextIO]]:
    """The export's text stream and the name to report lines against; for a zip, the chat
    file inside it (``export.zip/_chat.txt``)."""
    if not path.is_file():
        raise InputError("there is no such file.", file=str(path))
    if _starts_like_a_zip(path):
        with _zip_member(path) as opened:
            yield opened
        return
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
        yield str(path), stream


def _starts_like_a_zip(path: Path) -> bool:
    """By its first bytes, so that a zip cut short is called damaged, not "not a chat"."""
    with path.open("rb") as raw:
        return raw.read(len(ZIP_MAGIC)) == ZIP_MAGIC


@contextmanager
def _zip_member(path: Path) -> Iterator[tuple[str, TextIO]]:
    try:
        with zipfile.ZipFile(path) as archive:
            member = _chat_member(archive, path)
            with archive.open(member) as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
                yield f"{path}/{member}", text
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as error:
        raise InputError(
            f"the zip file is damaged or cut short ({error}); export the chat again.",
            file=str(path),
        ) from error


def _chat_member(archive: zipfile.ZipFile, path: Path) -> str:
    names = [
        info.filename
        for info in archive.infolist()
        if not info.is_dir() and info.filename.lower().endswith(ZIP_TEXT_SUFFIXES)
    ]
    if not names:
        raise InputError("the zip holds no chat text (.txt, .json or .csv).", file=str(path))
    chat_named = [name for name in names if "chat" in Path(name).name.lower()]
    return (chat_named or names)[0]


def detect_format(head: str, name: str) -> str:
    """The first format whose sniffer recognises the beginning of the file."""
    for candidate in FORMATS:
        if format_module(candidate).sniff(head, name):
            return candidate
    raise InputError(
        "this does not look like a chat export Bowlby knows (WhatsApp, Telegram, Signal, "
        "Messenger, Instagram, iMessage, Discord or the generic CSV); choose one with "
        "--format if it is one of them.",
        file=name,
        line=1,
    )


def read_chat(
    name: str, stream: TextIO, options: ParseOptions, report: ParseReport
) -> Iterator[ChatMessage]:
    """Detect (or take) the format and stream the messages; skipped lines go to the report."""
    head = stream.read(HEAD_CHARS)
    chosen = options.format or detect_format(head, name)
    report.format = chosen
    text = ExportText(head, stream)
    return format_module(chosen).parse(name, text, options, report)  # type: ignore[no-any-return]


class ExportText:
    """The export's text with its sniffed head put back in front: iterate it line by line
    (streaming, line endings kept) or ``read()`` it whole (JSON formats)."""

    def __init__(self, head: str, rest: TextIO) -> None:
        self._head = head
        self._rest = rest

    def read(self) -> str:
        head, self._head = self._head, ""
        return head + self._rest.read()

    def __iter__(self) -> Iterator[str]:
        head, self._head = self._head, ""
        # Split like the stream does (newline=""): never on U+2028 or other separators.
        lines = list(io.StringIO(head, newline=""))
        if lines and not lines[-1].endswith("\n"):
            following = self._rest.readline()
            if lines[-1].endswith("\r") and following != "\n":
                lines.append(following)  # a lone CR ended the line; the next one stands alone
            else:
                lines[-1] += following  # the line (or its CRLF) was cut by the sniff
        # A chain, not a generator: one step less per line of a million-line file.
        return itertools.chain([line for line in lines if line], self._rest)


def parse_options(
    default_zone: tzinfo,
    *,
    format: str | None = None,
    zone: str | None = None,
    date_order: str | None = None,
) -> ParseOptions:
    """The options a person gave (a format, a zone name, a date order), checked."""
    if format is not None:
        format_module(format)
    if date_order is not None and date_order not in DATE_ORDERS:
        raise InputError(
            f"choose a date order of {', '.join(DATE_ORDERS)} (day, month, year).",
            field="--date-order",
        )
    return ParseOptions(
        zone=named_zone(zone, "--tz") if zone else default_zone,
        date_order=date_order,  # type: ignore[arg-type]
        format=format,
    )
