"""`bowlby dynamics log` and `bowlby dynamics conversations`: hard conversations logged by hand,
the store-backed sources of a couple fit (next to the CSV commands in cli/dynamics.py)."""

from __future__ import annotations

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.journal import parse_when
from bowlby.cli.practice_ratio import checked
from bowlby.cli.safety_view import print_risk_note, risk_note


def register(app: typer.Typer) -> None:
    """Add the store-backed commands to the `bowlby dynamics` app."""
    app.command("log")(log)
    app.command("conversations")(conversations)


def log(
    turns: str = typer.Option(
        ...,
        "--turns",
        help='Each turn\'s score, -4 to +4, in order: "-2,-1,-3,0,+1" (or "me:-2 partner:-1").',
    ),
    first: str | None = typer.Option(
        None, "--first", help="Who spoke first: me or partner (or mark turns with me:/partner:)."
    ),
    topic: str = typer.Option("", "--topic", help="What it was about (encrypted)."),
    when: str | None = typer.Option(None, "--when", help="ISO date-time; default now."),
    share_partner: bool = typer.Option(False, "--share-partner", help="Let your partner read it."),
    share_therapist: bool = typer.Option(False, "--share-therapist"),
    profile: str | None = ProfileOption,
) -> None:
    """Log a hard conversation: each turn scored -4 (contempt) to +4 (delight), 0 neutral."""
    from bowlby.dynamics import hard_conversations as hard
    from bowlby.services import dynamics
    from bowlby.web import dynamics_messages as say

    start = hard.speaker_of(first, "--first") if first else None
    opener, scores = hard.parse_turns(turns, start)
    logged = checked(
        hard.HardConversationInput,
        {
            "occurred_at": parse_when(when),
            "topic": topic,
            "first": opener,
            "scores": scores,
            "shared_with_partner": share_partner,
            "shared_with_therapist": share_therapist,
        },
    )
    with signed_in(profile) as (store, keyring):
        saved = dynamics.log_hard_conversation(store, keyring, logged)
        risk = risk_note(store, keyring, saved.id) if topic else None
    console.print(escape(say.CLI_LOGGED.format(id=saved.id[:8], turns=len(saved.scores))))
    print_risk_note(risk)


def conversations(profile: str | None = ProfileOption) -> None:
    """Your logged hard conversations, newest first, with their turns."""
    from rich.table import Table

    from bowlby.services import dynamics
    from bowlby.settings import get_settings
    from bowlby.web import dynamics_messages as say

    zone = get_settings().zone
    with signed_in(profile) as (store, keyring):
        logged = dynamics.list_hard_conversations(store, keyring)
    if not logged:
        console.print(say.LOGGED_NONE)
        return
    table = Table(title="Hard conversations")
    for column in ("Id", "When", "Topic", "Turns", "Scores"):
        table.add_column(column)
    for item in logged:
        when = item.occurred_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        table.add_row(
            item.id[:8], when, escape(item.topic), str(len(item.scores)), shortened(item.code)
        )
    console.print(table)


def shortened(code: str, turns: int = 12) -> str:
    """The first turns of a long code, so a table row stays one line."""
    parts = code.split()
    return " ".join(parts[:turns]) + (" …" if len(parts) > turns else "")
