"""bowlby repair: log a rupture, add its repair later, list them, and the phrase bank."""

from __future__ import annotations

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.journal import full_id, parse_when
from bowlby.cli.practice_ratio import checked
from bowlby.cli.safety_view import print_risk_note, risk_note

group = typer.Typer(
    help="Repair after a rupture: `rupture`, then `done ID`; `list`; `phrases`.",
    no_args_is_help=True,
)
WhenOption = typer.Option(None, "--when", help="ISO date-time; default now.")


def register(app: typer.Typer) -> None:
    """Add this tool's commands to the `bowlby` app."""
    app.add_typer(group, name="repair")


@group.command("rupture")
def rupture(
    what: str = typer.Argument(..., help="What happened, in a few words (encrypted)."),
    intensity: int = typer.Option(5, "--intensity", min=0, max=10, help="0 to 10."),
    when: str | None = WhenOption,
    share_partner: bool = typer.Option(False, "--share-partner", help="Let your partner read it."),
    share_therapist: bool = typer.Option(False, "--share-therapist"),
    profile: str | None = ProfileOption,
) -> None:
    """Log a rupture as it happens (private unless shared)."""
    from bowlby.practice.repair_attempts import RuptureInput
    from bowlby.services import repairs
    from bowlby.web import practice_repairs_messages as say

    logged = checked(
        RuptureInput,
        {
            "occurred_at": parse_when(when),
            "what_happened": what,
            "intensity": intensity,
            "shared_with_partner": share_partner,
            "shared_with_therapist": share_therapist,
        },
    )
    with signed_in(profile) as (store, keyring):
        saved = repairs.record_rupture(store, keyring, logged)
        risk = risk_note(store, keyring, saved.id)
    console.print(escape(say.CLI_RUPTURE_SAVED.format(id=saved.id[:8])))
    print_risk_note(risk)


@group.command("done")
def done(
    rupture_id: str = typer.Argument(..., metavar="ID", help="The rupture's id (as listed)."),
    how: list[str] = typer.Option(
        [], "--how", help="apology, validation or reconnection (repeat for several)."
    ),
    by: str = typer.Option(..., "--by", help="Who started it: me, partner or both."),
    note: str = typer.Option("", "--note", help="An optional note (encrypted)."),
    when: str | None = WhenOption,
    profile: str | None = ProfileOption,
) -> None:
    """Add the repair to a rupture; time-to-repair is worked out from the two times."""
    from bowlby.practice.repair_attempts import RepairInput, format_minutes
    from bowlby.services import repairs
    from bowlby.web import practice_repairs_messages as say

    repair = checked(
        RepairInput,
        {
            "repaired_at": parse_when(when),
            "how": how,
            "initiated_by": by,
            "note": note,
        },
    )
    with signed_in(profile) as (store, keyring):
        saved = repairs.record_repair(store, keyring, full_id(store, keyring, rupture_id), repair)
        risk = risk_note(store, keyring, saved.id) if note else None
    duration = format_minutes(saved.minutes_to_repair or 0.0)
    console.print(escape(say.CLI_REPAIR_SAVED.format(duration=duration)))
    print_risk_note(risk)


@group.command("list")
def list_ruptures(
    whose: str = typer.Option("mine", "--whose", help="mine, or shared (your partner's)."),
    profile: str | None = ProfileOption,
) -> None:
    """Ruptures newest first: open ones with their age, repaired ones with their time."""
    from datetime import UTC, datetime

    from rich.table import Table

    from bowlby.errors import InputError
    from bowlby.practice.repair_attempts import format_minutes, open_minutes
    from bowlby.services import repairs
    from bowlby.settings import get_settings
    from bowlby.web import practice_repairs_messages as say

    if whose not in ("mine", "shared"):
        raise InputError("choose mine or shared.", field="--whose")
    zone = get_settings().zone
    with signed_in(profile) as (store, keyring):
        ruptures = repairs.list_ruptures(store, keyring, whose=whose)
    if not ruptures:
        console.print(say.NOTHING_YET if whose == "mine" else say.NOTHING_SHARED)
        return
    now = datetime.now(UTC)
    table = Table(title="Ruptures")
    for column in ("Id", "When", "What happened", "Intensity", "Repair"):
        table.add_column(column)
    for item in ruptures:
        if item.minutes_to_repair is None:
            repair = say.STILL_OPEN.format(duration=format_minutes(open_minutes(item, now)))
        else:
            ways = ", ".join(item.how)
            repair = f"{format_minutes(item.minutes_to_repair)} ({ways}; {item.initiated_by_label})"
        when = item.occurred_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        table.add_row(item.id[:8], when, escape(item.what_happened), str(item.intensity), repair)
    console.print(table)


@group.command("phrases")
def phrases(
    purpose: str | None = typer.Option(
        None, "--purpose", help="feel, sorry, yes, calm, stop or appreciate."
    ),
) -> None:
    """Repair phrases for the middle of a fight, grouped by what they are for."""
    from bowlby.practice.repair_attempts import phrase_bank, phrases_for

    for group_of in phrases_for(purpose):
        console.print(f"[bold]{escape(group_of.title)}[/]  [dim]{escape(group_of.use)}[/]")
        for phrase in group_of.phrases:
            console.print(f"  • {escape(phrase)}")
        console.print()
    console.print(f"[dim]{escape(phrase_bank().note)}[/]")
