"""bowlby journal search, patterns, history and edit."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.journal import full_id, headline
from bowlby.errors import InputError
from bowlby.settings import get_settings


def register(app: typer.Typer) -> None:
    for command in (search, patterns, history, edit):
        app.command(command.__name__)(command)


def search(
    query: str = typer.Argument(..., help="Words to find (all of them, any case or accent)."),
    whose: str = typer.Option("mine", help="mine, shared (with you) or all."),
    profile: str | None = ProfileOption,
) -> None:
    """Search your entries; they are decrypted in memory for the search only."""
    from bowlby.services import journal

    with signed_in(profile) as (store, keyring):
        hits = journal.search_journal(store, keyring, query, whose)
    if not hits:
        console.print("Nothing found.")
        return
    table = Table("id", "when", "kind", "found")
    for hit in hits:
        entry = hit.entry
        table.add_row(
            entry.id[:8], f"{entry.occurred_at:%Y-%m-%d}", entry.kind, escape(hit.snippet)
        )
    console.print(table)


def patterns(profile: str | None = ProfileOption) -> None:
    """Your recurring triggers, ranked, and when in the day and week they come."""
    from bowlby.services import journal

    with signed_in(profile) as (store, keyring):
        found = journal.trigger_patterns(store, keyring, get_settings().zone)
    if not found.total:
        console.print("No triggers logged yet: `bowlby trigger` logs one in a few seconds.")
        return
    table = Table("what they did", "times", "average strength")
    for ranked in found.actions:
        table.add_row(escape(ranked.label), str(ranked.count), f"{ranked.mean_strength:.1f}")
    console.print(table)
    if found.tags:
        console.print("Tags: " + ", ".join(f"{escape(t.label)} ({t.count})" for t in found.tags))
    when = ", ".join(f"{name} {count}" for name, count in found.by_time_of_day.items())
    console.print(f"Time of day: {when}")
    console.print("Weekday: " + ", ".join(f"{d} {n}" for d, n in found.by_weekday.items()))
    if found.protest_share is not None:
        console.print(
            f"Urges: {found.protest_share:.0%} toward reaching out (protest), "
            f"{1 - found.protest_share:.0%} toward pulling back (withdrawal)."
        )


def history(entry_id: str = typer.Argument(...), profile: str | None = ProfileOption) -> None:
    """Earlier versions of one of your entries."""
    from bowlby.services import entries

    with signed_in(profile) as (store, keyring):
        versions = entries.entry_history(store, keyring, full_id(store, keyring, entry_id))
    if not versions:
        console.print("This entry has not been edited.")
    for version in versions:
        console.print(
            f"\n[bold]Version {version.version}[/], replaced {version.replaced_at:%Y-%m-%d %H:%M}"
        )
        for field, text in version.text.items():
            console.print(f"{field.replace('_', ' ')}: {escape(text)}")


def edit(
    entry_id: str = typer.Argument(...),
    set_text: list[str] = typer.Option(
        [], "--set", help="field=new text, e.g. --set body='…' (repeat for several)."
    ),
    profile: str | None = ProfileOption,
) -> None:
    """Change the words of one of your entries; the earlier version is kept."""
    from bowlby import models
    from bowlby.services import entries

    changes = dict(_split_assignment(item) for item in set_text)
    if not changes:
        raise InputError("say what to change with --set field=text.", field="--set")
    with signed_in(profile) as (store, keyring):
        current = entries.read_entry(store, keyring, full_id(store, keyring, entry_id))
        unknown = set(changes) - set(current.text) - {"title", "body"}
        if unknown:
            raise InputError(
                f"this entry has no text field {sorted(unknown)[0]!r}; it has "
                f"{', '.join(current.text) or 'none'}.",
                field="--set",
            )
        draft = models.EntryDraft.model_validate(
            {
                **current.model_dump(include=set(models.EntryDraft.model_fields)),
                "text": {**current.text, **changes},
            }
        )
        updated = entries.update_entry(store, keyring, current.id, draft)
    console.print(f"Updated {escape(headline(updated))}; the earlier version is kept.")


def _split_assignment(item: str) -> tuple[str, str]:
    field, separator, text = item.partition("=")
    if not separator or not field.strip():
        raise InputError(f"'{item}' is not field=text.", field="--set")
    return field.strip(), text
