"""bowlby report -o FILE: your own journey as a multi-page PDF (with its charts) or Markdown,
all time by default or the days you choose; written privately (0600) in one step."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.documents import document_format, period_day

PRIVATE_NOTE = (
    "It holds private material and is not encrypted: keep it on a device only you use, and "
    "delete it when you no longer need it."
)


def register(app: typer.Typer) -> None:
    """Add `bowlby report` to the `bowlby` app."""
    app.command("report")(report)


def report(
    output: Path = typer.Option(..., "--output", "-o", help="The file to write: .pdf or .md."),
    since: str | None = typer.Option(
        None, "--since", help="First day, YYYY-MM-DD (default: your first record)."
    ),
    until: str | None = typer.Option(
        None, "--until", help="Last day, YYYY-MM-DD (default: today)."
    ),
    with_unsaid: bool = typer.Option(
        False,
        "--with-unsaid",
        help="Include the words of your unsaid list (otherwise only counted).",
    ),
    profile: str | None = ProfileOption,
) -> None:
    """Write a report of your own journey for yourself: questionnaires, your chats, practice,
    journal and what changed. Never what a partner shared with you."""
    from bowlby.files import write_private_file
    from bowlby.services import profile_report
    from bowlby.settings import get_settings

    kind = document_format(output)
    zone = get_settings().zone
    first, last = period_day(since, "--since"), period_day(until, "--until")
    today = datetime.now(zone).date()
    profile_report.choose_period(first, last, today, zone, field="--since")
    with signed_in(profile) as (store, keyring):
        built = profile_report.build_profile_report(
            store,
            keyring,
            zone=zone,
            since=first,
            until=last,
            today=today,
            drawing="png" if kind == "pdf" else "none",
            with_unsaid=with_unsaid,
        )
    if kind == "pdf":
        data, pages = profile_report.report_pdf(built)
        write_private_file(output, data)
        console.print(f"Wrote {escape(str(output))} ({_pages(pages)}), readable by you only.")
    else:
        write_private_file(output, profile_report.report_markdown(built))
        console.print(f"Wrote {escape(str(output))}, readable by your user account only.")
    console.print(f"[bold]Note:[/] {PRIVATE_NOTE}")


def _pages(count: int) -> str:
    return f"{count} page" + ("" if count == 1 else "s")
