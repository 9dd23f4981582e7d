"""bowlby chats: read a chat export (parse, nothing stored) or import it, encrypted, under
the profile; list and delete imported chats."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import typer
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from bowlby.cli.context import ProfileOption, console, err_console, signed_in
from bowlby.settings import get_settings

if TYPE_CHECKING:
    from bowlby.chats.messages import ChatMessage, ParseOptions, ParseReport
    from bowlby.services.chats import ImportSummary

app = typer.Typer(
    help="Chat histories: read an export, or import it (encrypted) to see your pattern.",
    no_args_is_help=True,
)

FormatOption = typer.Option(
    None,
    "--format",
    help="whatsapp, telegram, signal, messenger, imessage, discord or csv_generic "
    "(default: detected).",
)
ZoneOption = typer.Option(
    None, "--tz", help="The zone the export's times were written in (default: yours)."
)
DateOrderOption = typer.Option(
    None, "--date-order", help="dmy, mdy or ymd, when the dates alone cannot tell."
)
FLUSH_EVERY = 4_096


def build_options(format: str | None, tz: str | None, date_order: str | None) -> ParseOptions:
    from bowlby.chats.sources import parse_options

    return parse_options(get_settings().zone, format=format, zone=tz, date_order=date_order)


@app.command("parse")
def parse(
    file: Path = typer.Argument(..., help="The export: .txt, .json, .csv or the .zip."),
    jsonl: bool = typer.Option(False, "--jsonl", help="Print every message as a JSON line."),
    format: str | None = FormatOption,
    tz: str | None = ZoneOption,
    date_order: str | None = DateOrderOption,
) -> None:
    """Read an export and print what it holds; nothing is stored."""
    from bowlby.chats.messages import ParseReport
    from bowlby.chats.sources import open_export, read_chat

    options = build_options(format, tz, date_order)
    report = ParseReport()
    with open_export(file) as (name, stream):
        messages = read_chat(name, stream, options, report)
        if jsonl:
            write_jsonl(messages, sys.stdout)
        else:
            print_overview(count_senders(messages), report)
    print_skipped(report)


def write_jsonl(messages: Iterable[ChatMessage], out: TextIO) -> None:
    """One JSON object a line, exactly as json.dumps(..., ensure_ascii=False) writes it, but
    built by hand and written in chunks: parsing, not printing, should set the pace."""
    from json.encoder import encode_basestring as quoted

    chunk: list[str] = []
    for sent_at, sender, text, kind, _file, line in messages:
        chunk.append(
            f'{{"sent_at": "{sent_at.isoformat()}", "sender": {quoted(sender)}, '
            f'"text": {quoted(text)}, "kind": "{kind.value}", "line": {line}}}'
        )
        if len(chunk) >= FLUSH_EVERY:
            out.write("\n".join(chunk) + "\n")
            chunk.clear()
    if chunk:
        out.write("\n".join(chunk) + "\n")


class Overview:
    """Counts per sender and the first and last time, gathered while streaming."""

    def __init__(self) -> None:
        self.senders: dict[str, int] = {}
        self.total = 0
        self.first: ChatMessage | None = None
        self.last: ChatMessage | None = None


def count_senders(messages: Iterable[ChatMessage]) -> Overview:
    overview = Overview()
    for message in messages:
        overview.total += 1
        overview.first = overview.first or message
        overview.last = message
        if message.sender:
            overview.senders[message.sender] = overview.senders.get(message.sender, 0) + 1
    return overview


def print_overview(overview: Overview, report: ParseReport) -> None:
    if not overview.total or overview.first is None or overview.last is None:
        console.print(f"No messages found ({report.format}).")
        return
    console.print(
        f"{overview.total:,} messages ({report.format}) from "
        f"{overview.first.sent_at:%Y-%m-%d} to {overview.last.sent_at:%Y-%m-%d}."
    )
    table = Table("sender", "messages")
    for sender, count in sorted(overview.senders.items(), key=lambda item: -item[1]):
        table.add_row(escape(sender), f"{count:,}")
    console.print(table)


def print_skipped(report: ParseReport) -> None:
    """Skipped lines go to standard error, so --jsonl output stays clean."""
    if not report.skipped:
        return
    err_console.print(f"{report.skipped:,} lines matched no message and were skipped:")
    for problem in report.problems:
        err_console.print(
            f"  {escape(problem.file)}, line {problem.line}: {escape(problem.message)}"
        )
    if report.skipped > len(report.problems):
        err_console.print(f"  … and {report.skipped - len(report.problems):,} more.")


@app.command("import")
def import_chat(
    file: Path = typer.Argument(..., help="The export: .txt, .json, .csv or the .zip."),
    me: str = typer.Option(..., "--me", help="Your own name as the chat shows it."),
    format: str | None = FormatOption,
    tz: str | None = ZoneOption,
    date_order: str | None = DateOrderOption,
    profile: str | None = ProfileOption,
) -> None:
    """Import a chat, encrypted, under your profile; importing it again adds only what is new.
    Only you can ever read it."""
    from bowlby.chats.messages import ParseReport
    from bowlby.chats.sources import open_export, read_chat
    from bowlby.services import chats

    options = build_options(format, tz, date_order)
    report = ParseReport()
    with signed_in(profile) as (store, keyring), open_export(file) as (name, stream):
        messages = read_chat(name, stream, options, report)
        with import_progress() as progress:
            summary = chats.import_chat(
                store,
                keyring,
                messages,
                me=me,
                format=report.format,
                report=report,
                progress=progress,
            )
    print_import(summary)
    print_skipped(report)


@contextmanager
def import_progress() -> Iterator[Callable[[int], None]]:
    """A spinner with a running count (a stream's length is unknown until its end); yields
    the callback the import reports to."""
    with Progress(
        SpinnerColumn(),
        TextColumn("Importing: {task.completed:,.0f} messages"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task("import", total=None)
        yield lambda done: progress.update(task, completed=done)


def print_import(summary: ImportSummary) -> None:
    senders = ", ".join(
        f"{escape(name)} ({count:,})" for name, count in sorted(summary.senders.items())
    )
    span = (
        f" from {summary.first_at:%Y-%m-%d} to {summary.last_at:%Y-%m-%d}"
        if summary.first_at and summary.last_at
        else ""
    )
    console.print(
        f"Imported {summary.added:,} new messages into '{escape(summary.name)}' "
        f"({summary.format}){span}; {summary.already_there:,} were already there."
    )
    if senders:
        console.print(f"In this file: {senders}. Only you can read this chat.")


@app.command("list")
def list_chats(profile: str | None = ProfileOption) -> None:
    """The chats you imported."""
    from bowlby.services import chats

    with signed_in(profile) as (store, keyring):
        found = chats.list_chats(store, keyring)
    if not found:
        console.print("No chats yet. Import one with `bowlby chats import FILE --me NAME`.")
        return
    zone = get_settings().zone
    table = Table("id", "chat", "format", "messages", "from", "to")
    for chat in found:
        table.add_row(
            chat.id[:8],
            escape(chat.name),
            chat.format,
            f"{chat.messages:,}",
            f"{chat.first_at.astimezone(zone):%Y-%m-%d}" if chat.first_at else "",
            f"{chat.last_at.astimezone(zone):%Y-%m-%d}" if chat.last_at else "",
        )
    console.print(table)


@app.command("delete")
def delete(
    chat_id: str = typer.Argument(..., help="The chat's id (the first 8 characters will do)."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
    profile: str | None = ProfileOption,
) -> None:
    """Delete an imported chat and every message in it, for good."""
    from bowlby.errors import NotFound
    from bowlby.services import chats

    with signed_in(profile) as (store, keyring):
        matches = [c for c in chats.list_chats(store, keyring) if c.id.startswith(chat_id)]
        if len(matches) != 1:
            raise NotFound(f"There is no single chat of yours starting with '{chat_id}'.")
        chosen = matches[0]
        if not yes:
            typer.confirm(
                f"Delete '{chosen.name}' and its {chosen.messages:,} messages for good?",
                abort=True,
            )
        chats.delete_chat(store, keyring, chosen.id)
    console.print("Deleted.")
