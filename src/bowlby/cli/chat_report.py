"""bowlby chats report: a chat's pattern in words (reply times, bursts, who starts again after
a silence, conflict episodes and whether they grow rarer, the estimated 5:1 ratio); ``-o``
writes the full report, with the flagged messages and why, as a private Markdown file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.errors import InputError
from bowlby.settings import get_settings

if TYPE_CHECKING:
    from bowlby.services.chat_report import ReportResult

WROTE = "Wrote the report, with the flagged messages and why, to {path} (readable by you only)."
FULL_REPORT_HINT = "The flagged messages and why: add -o report.md, or open the report page."


def report(
    chat_id: str = typer.Argument(..., help="The chat's id (the first 8 characters will do)."),
    since: str | None = typer.Option(None, "--since", help="First day, YYYY-MM-DD (yours)."),
    until: str | None = typer.Option(None, "--until", help="Last day, YYYY-MM-DD, included."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the full report as Markdown to this file."
    ),
    profile: str | None = ProfileOption,
) -> None:
    """Your pattern in a chat you imported: timing, episodes, the estimated 5:1 ratio."""
    from bowlby.chats.report_text import render_markdown
    from bowlby.files import write_private_file
    from bowlby.services import chat_report

    zone = get_settings().zone
    start, end = chat_report.window_of(zone, day_of(since, "--since"), day_of(until, "--until"))
    with signed_in(profile) as (store, keyring):
        result = chat_report.build_chat_report(
            store, keyring, chat_id, zone, since=start, until=end
        )
    print_report(result, hint=output is None)
    if output is not None:
        coaching = not result.coaching_paused
        text = render_markdown(
            result.report, result.chat.name, zone, coaching=coaching, risky=result.risky
        )
        write_private_file(output, text)
        console.print(WROTE.format(path=escape(str(output))))


def day_of(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise InputError("use a date such as 2026-11-24.", field=option) from error


def print_report(result: ReportResult, *, hint: bool = True) -> None:
    """The facts in the terminal; coaching only outside safety mode."""
    from bowlby.chats import report_text as say
    from bowlby.services.records import PAUSED_FOR_SAFETY

    report = result.report
    console.print(f"[bold]{escape(result.chat.name)}[/bold]")
    if not report.talk:
        console.print(say.NO_MESSAGES)
        return
    zone = get_settings().zone
    first, last = report.talk[0].sent_at, report.talk[-1].sent_at
    console.print(
        f"{say.plural(len(report.talk), 'message')} from {say.local_time(first, zone)} "
        f"to {say.local_time(last, zone)}."
    )
    section("Timing", say.summary_lines(report))
    section("Over time", say.trend_lines(report.trend))
    episodes = [say.episodes_line(len(report.episodes), report.endings)]
    for episode in report.top_episodes():
        episodes.append(say.episode_summary(episode, zone))
        episodes += [say.RISK_IN_EPISODE] if episode.first in result.risky else []
    section("Episodes", episodes)
    section("The ratio against 5:1", [say.ratio_line(report.ratio_total), say.ESTIMATED_NOTE])
    section("Pursue and withdraw", [say.pursuit_line(person) for person in report.pursuit])
    if result.coaching_paused:
        console.print(f"\n{PAUSED_FOR_SAFETY}")
    else:
        section("What might help", list(say.COACHING))
    if hint:
        console.print(f"\n{FULL_REPORT_HINT}")


def section(title: str, lines: list[str]) -> None:
    console.print(f"\n[bold]{title}[/bold]")
    for line in lines:
        console.print(f"  {escape(line)}")
