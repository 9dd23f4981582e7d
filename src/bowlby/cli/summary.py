"""bowlby summary --for-therapist: your own records for a period, as a PDF or Markdown file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.documents import document_format, period_day
from bowlby.errors import InputError
from bowlby.settings import get_settings

if TYPE_CHECKING:
    from bowlby.insights.therapist_summary import TherapistSummary

INCLUDE_HELP = (
    "Sections, comma-separated: assessments, triggers, emotions, thoughts, practice, "
    "successes, reflections (default: all but reflections)."
)


def summary(
    for_therapist: bool = typer.Option(
        False, "--for-therapist", help="A summary to hand to a therapist (the one kind so far)."
    ),
    output: Path = typer.Option(..., "--output", "-o", help="The file to write: .pdf or .md."),
    since: str | None = typer.Option(
        None, "--since", help="First day, YYYY-MM-DD (default: 90 days up to --until)."
    ),
    until: str | None = typer.Option(
        None, "--until", help="Last day, YYYY-MM-DD (default: today)."
    ),
    include: str | None = typer.Option(None, "--include", help=INCLUDE_HELP),
    yes: bool = typer.Option(False, "--yes", "-y", help="Write it without asking first."),
    profile: str | None = ProfileOption,
) -> None:
    """Write a summary of your own records to hand to a therapist: only the sections and dates
    you choose, never what a partner shared with you."""
    from bowlby.files import write_private_file
    from bowlby.insights import therapist_summary as summary_model
    from bowlby.services import summaries

    if not for_therapist:
        raise InputError("say who it is for: --for-therapist (the one kind so far).")
    kind = document_format(output)
    sections = summary_model.choose_sections(None if include is None else [include], "--include")
    zone = get_settings().zone
    today = datetime.now(zone).date()
    first, last = period_day(since, "--since"), period_day(until, "--until")
    summary_model.choose_period(first, last, today, field="--since")
    with signed_in(profile) as (store, keyring):
        built = summaries.build_therapist_summary(
            store, keyring, since=first, until=last, sections=sections, zone=zone, today=today
        )
    _show_contents(built)
    if not yes and not typer.confirm(f"Write it to {output}?", default=False):
        console.print("Nothing was written.")
        return
    data = summaries.summary_pdf(built) if kind == "pdf" else summaries.summary_markdown(built)
    write_private_file(output, data)
    console.print(f"Wrote {escape(str(output))}, readable by your user account only.")


def _show_contents(built: TherapistSummary) -> None:
    from bowlby.insights import therapist_summary as summary_model

    period = built.cover.period
    console.print(f"The summary will hold your own entries from {period.since} to {period.until}:")
    for line in summary_model.describe_contents(built):
        console.print(f"  {escape(line)}")
    left_out = [
        label for key, label in summary_model.SECTIONS.items() if key not in built.cover.sections
    ]
    if left_out:
        console.print(f"Not included: {', '.join(left_out)} (choose sections with --include).")
    console.print(f"[bold]Note:[/] {summary_model.NOT_ENCRYPTED}")
