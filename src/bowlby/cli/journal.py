"""bowlby journal: write, list, show, share and delete entries."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import typer
from rich.markup import escape
from rich.table import Table

from bowlby import models
from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.safety_view import print_risk_note, risk_note
from bowlby.errors import InputError
from bowlby.settings import get_settings

if TYPE_CHECKING:
    from bowlby.store.engine import Store

UNLISTED = ("safety_screen",)
app = typer.Typer(help="Your journal entries: private unless you share them.", no_args_is_help=True)


@app.command("write")
def write(
    body: str = typer.Option(..., "--body", "-b", prompt="What happened, and how did it feel?"),
    title: str = typer.Option("", "--title", "-t", help="A short title."),
    when: str | None = typer.Option(None, "--when", help="ISO date-time; default now."),
    partner: bool = typer.Option(False, "--share-partner", help="Let your partner read it."),
    therapist: bool = typer.Option(False, "--share-therapist", help="Let your therapist read it."),
    profile: str | None = ProfileOption,
) -> None:
    """Write a journal entry (private unless you share it)."""
    from bowlby.services import entries

    draft = models.EntryDraft(
        kind="journal",
        occurred_at=parse_when(when),
        text={"title": title, "body": body},
        shared_with_partner=partner,
        shared_with_therapist=therapist,
    )
    with signed_in(profile) as (store, keyring):
        entry = entries.write_entry(store, keyring, draft)
        risk = risk_note(store, keyring, entry.id)
    console.print(f"Saved entry {entry.id} ({entry.visibility}).")
    print_risk_note(risk)


@app.command("list")
def list_entries(
    whose: str = typer.Option("mine", help="mine, shared (with you) or all."),
    kind: list[str] = typer.Option([], "--kind", help="Only this kind (repeat): trigger, …"),
    limit: int = typer.Option(20, help="How many, newest first."),
    profile: str | None = ProfileOption,
) -> None:
    """List entries, newest first."""
    from bowlby.services import entries

    if whose not in ("mine", "shared", "all"):
        raise InputError("choose mine, shared or all.", field="--whose")
    with signed_in(profile) as (store, keyring):
        hidden = () if kind else UNLISTED  # private safety checks: `bowlby safety screen`
        found = entries.list_entries(
            store, keyring, whose=whose, kinds=kind, except_kinds=hidden, limit=limit
        )
    table = Table("id", "when", "by", "kind", "title", "seen by")
    for entry in found:
        title = headline(entry)
        table.add_row(
            entry.id[:8],
            f"{entry.occurred_at:%Y-%m-%d %H:%M}",
            entry.owner_name,
            entry.kind,
            escape(title),
            entry.visibility,
        )
    console.print(table if found else "No entries yet.")


@app.command("show")
def show(
    entry_id: str = typer.Argument(..., help="The entry's id (as `journal list` shows it)."),
    profile: str | None = ProfileOption,
) -> None:
    """Show one entry in full."""
    from bowlby.services import entries

    with signed_in(profile) as (store, keyring):
        entry = entries.read_entry(store, keyring, full_id(store, keyring, entry_id))
    console.print(f"[bold]{escape(headline(entry) or entry.kind)}[/] ({entry.kind})")
    console.print(
        f"{entry.occurred_at:%Y-%m-%d %H:%M} UTC · by {entry.owner_name} · "
        f"seen by {entry.visibility}\n"
    )
    for field, value in entry.values.items():
        if value not in (None, ""):
            console.print(f"{field.replace('_', ' ')}: {escape(str(value))}")
    for field, text in entry.text.items():
        if text:
            console.print(f"\n[bold]{field.replace('_', ' ')}[/]\n{escape(text)}")


HEADLINE_FIELDS = ("title", "what_happened", "automatic_thought", "statement", "answer", "body")


def headline(entry: models.Entry, width: int = 60) -> str:
    """The words that best name an entry of any kind, shortened for a list."""
    text = next((entry.text[f] for f in HEADLINE_FIELDS if entry.text.get(f)), "")
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command("share")
def share(
    entry_id: str = typer.Argument(...),
    partner: bool = typer.Option(False, "--partner/--no-partner"),
    therapist: bool = typer.Option(False, "--therapist/--no-therapist"),
    profile: str | None = ProfileOption,
) -> None:
    """Choose who may read one of your entries (no flags: make it private again)."""
    from bowlby.services import entries

    with signed_in(profile) as (store, keyring):
        entry = entries.set_sharing(
            store, keyring, full_id(store, keyring, entry_id), partner=partner, therapist=therapist
        )
    console.print(f"Entry {entry.id[:8]} is now seen by: {entry.visibility}.")


@app.command("delete")
def delete(
    entry_id: str = typer.Argument(...),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
    profile: str | None = ProfileOption,
) -> None:
    """Delete one of your entries for good."""
    from bowlby.services import entries

    with signed_in(profile) as (store, keyring):
        chosen = full_id(store, keyring, entry_id)
        if not yes:
            typer.confirm(f"Delete entry {chosen[:8]} for good?", abort=True)
        entries.delete_entry(store, keyring, chosen)
    console.print("Deleted.")


def parse_when(when: str | None) -> datetime:
    """An ISO date-time; one without a zone is read in the person's zone (BOWLBY_TIMEZONE,
    else this computer's), the zone every summary groups days in."""
    if when is None:
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(when)
    except ValueError as error:
        raise InputError(
            "use an ISO date-time such as 2026-11-24T18:30.", field="--when"
        ) from error
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=get_settings().zone)


def full_id(store: Store, keyring: models.Keyring, prefix: str) -> str:
    """Accept the short ids `journal list` prints."""
    from bowlby.services import entries

    if len(prefix) >= 36:
        return prefix
    matches = [
        entry.id
        for entry in entries.list_entries(store, keyring, whose="all")
        if entry.id.startswith(prefix)
    ]
    if len(matches) != 1:
        raise InputError(
            "no entry you can read has that id." if not matches else "that id is ambiguous.",
            field="entry id",
        )
    return matches[0]
