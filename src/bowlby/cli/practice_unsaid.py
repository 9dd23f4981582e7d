"""bowlby unsaid: note a grievance instead of filing it away, see how long each has waited,
print the gentle start-up for one, then record raising it or letting it go."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.journal import full_id, parse_when
from bowlby.cli.practice_ratio import checked
from bowlby.cli.safety_view import print_risk_note, risk_note

if TYPE_CHECKING:
    from bowlby.practice.unsaid_list import Nudge

group = typer.Typer(
    help="The unsaid list (only ever yours): `add`, `list`, `template ID`, then `raise ID` "
    "or `let-go ID`.",
    no_args_is_help=True,
)
WhenOption = typer.Option(None, "--when", help="ISO date-time; default now.")
NoteOption = typer.Option("", "--note", help="An optional note (encrypted).")
IdArgument = typer.Argument(..., metavar="ID", help="The item's id (as listed).")


def register(app: typer.Typer) -> None:
    """Add this tool's commands to the `bowlby` app."""
    app.add_typer(group, name="unsaid")


@group.command("add")
def add(
    what: str = typer.Argument(..., help="What happened, in a few words (encrypted)."),
    feeling: str = typer.Option("", "--feeling", help="One word for how it felt (encrypted)."),
    sting: int = typer.Option(5, "--sting", min=0, max=10, help="How much it stings, 0 to 10."),
    when: str | None = WhenOption,
    profile: str | None = ProfileOption,
) -> None:
    """Note something that stung, privately (never shared with anyone)."""
    from bowlby.practice.unsaid_list import UnsaidInput
    from bowlby.services import unsaid_list
    from bowlby.web import practice_unsaid_messages as say

    item = checked(
        UnsaidInput,
        {
            "occurred_at": parse_when(when),
            "what_happened": what,
            "feeling": feeling,
            "sting": sting,
        },
    )
    with signed_in(profile) as (store, keyring):
        saved = unsaid_list.note_item(store, keyring, item)
        risk = risk_note(store, keyring, saved.id)
    console.print(escape(say.CLI_NOTED.format(id=saved.id[:8])))
    print_risk_note(risk)


@group.command("list")
def list_items(
    everything: bool = typer.Option(False, "--all", help="Also the ones raised or let go."),
    profile: str | None = ProfileOption,
) -> None:
    """Your items, the longest waiting first, with how long each has waited."""
    from datetime import UTC, datetime

    from rich.table import Table

    from bowlby.services import unsaid_list
    from bowlby.settings import get_settings
    from bowlby.web import practice_unsaid_contexts as contexts
    from bowlby.web import practice_unsaid_messages as say

    zone, now = get_settings().zone, datetime.now(UTC)
    with signed_in(profile) as (store, keyring):
        items = unsaid_list.list_items(store, keyring)
    shown = sorted((i for i in items if i.is_open), key=lambda i: i.occurred_at)
    shown += [i for i in items if not i.is_open] if everything else []
    if not shown:
        console.print(say.NOTHING_OPEN if items else say.NOTHING_YET)
        return
    table = Table(title=say.TITLE)
    for column in ("Id", "Noted", "What happened", "Feeling", "Sting", "Now"):
        table.add_column(column)
    for item in shown:
        noted = item.occurred_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        state = contexts.describe_state(item, now, zone)
        row = (item.id[:8], noted, item.what_happened, item.feeling, str(item.sting), state)
        table.add_row(*(escape(cell) for cell in row))
    console.print(table)
    console.print(say.PRIVATE)


@group.command("template")
def template(item_id: str = IdArgument, profile: str | None = ProfileOption) -> None:
    """The gentle start-up for one item, prefilled, to say in your own words."""
    from bowlby.services import records, unsaid_list
    from bowlby.web import practice_unsaid_contexts as contexts
    from bowlby.web import practice_unsaid_messages as say

    with signed_in(profile) as (store, keyring):
        records.refuse_coaching_in_safety_mode(store, keyring)
        item = unsaid_list.read_item(store, keyring, full_id(store, keyring, item_id))
    shown = contexts.template_of(item)
    console.print(f"[bold]{say.TEMPLATE_TITLE}[/]")
    console.print(escape(shown.sentence))
    for tip in shown.tips:
        console.print(f"  • {escape(tip)}")
    console.print(escape(say.TEMPLATE_CLI_NEXT.format(id=item.id[:8])))


@group.command("raise")
def raise_item(
    item_id: str = IdArgument,
    feel: str = typer.Option(..., "--feel", help="I feel … (encrypted)."),
    about: str = typer.Option(..., "--about", help="about … (encrypted)."),
    need: str = typer.Option(..., "--need", help="I need … (encrypted)."),
    went: str = typer.Option(..., "--went", help="well, mixed, hard or not-yet."),
    note: str = NoteOption,
    when: str | None = WhenOption,
    profile: str | None = ProfileOption,
) -> None:
    """Record that you raised it, the words you used and how it went."""
    from bowlby.practice.unsaid_list import RaiseInput
    from bowlby.services import unsaid_list
    from bowlby.web import practice_unsaid_messages as say

    raised = checked(
        RaiseInput,
        {
            "raised_at": parse_when(when),
            "feel": feel,
            "about": about,
            "need": need,
            "went": went,
            "note": note,
        },
    )
    with signed_in(profile) as (store, keyring):
        saved = unsaid_list.raise_item(store, keyring, full_id(store, keyring, item_id), raised)
        risk = risk_note(store, keyring, saved.id)
    console.print(escape(say.CLI_RAISED.format(went=saved.went_label)))
    print_risk_note(risk)


@group.command("let-go")
def let_go(
    item_id: str = IdArgument,
    note: str = NoteOption,
    when: str | None = WhenOption,
    profile: str | None = ProfileOption,
) -> None:
    """Let an item go without raising it: a real choice when it has lost its sting."""
    from bowlby.practice.unsaid_list import LetGoInput
    from bowlby.services import unsaid_list
    from bowlby.web import practice_unsaid_messages as say

    letting_go = checked(LetGoInput, {"let_go_at": parse_when(when), "note": note})
    with signed_in(profile) as (store, keyring):
        saved = unsaid_list.let_go_item(
            store, keyring, full_id(store, keyring, item_id), letting_go
        )
        risk = risk_note(store, keyring, saved.id) if note else None
    console.print(escape(say.CLI_LET_GO))
    print_risk_note(risk)


def print_nudge(nudge: Nudge | None) -> None:
    """The unsaid list's nudge at the start of `bowlby checkin start` (the owner's own)."""
    from datetime import UTC, datetime

    from bowlby.practice.unsaid_list import age_in_words
    from bowlby.settings import get_settings
    from bowlby.web import practice_unsaid_messages as say

    if nudge is None:
        return
    zone, now = get_settings().zone, datetime.now(UTC)
    console.print(f"[bold]{say.NUDGE_TITLE}[/] [dim]({say.NUDGE_PRIVATE})[/]")
    console.print(escape(nudge.message))
    for item in nudge.items:
        age = age_in_words(item.occurred_at, now, zone)
        console.print(
            f"  • {escape(item.what_happened)} · {age} · bowlby unsaid template {item.id[:8]}"
        )
    console.print()
