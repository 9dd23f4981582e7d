"""bowlby export and bowlby restore."""

from __future__ import annotations

from pathlib import Path

import typer

from bowlby.cli.context import ProfileOption, ask_passphrase, console, opened_store, signed_in
from bowlby.cli.profiles import show_recovery_key
from bowlby.errors import InputError
from bowlby.settings import get_settings


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("restore")(restore)


def export(
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the JSON file."),
    profile: str | None = ProfileOption,
) -> None:
    """Write a complete, decrypted JSON export of one profile."""
    from bowlby.services import backup

    with signed_in(profile) as (store, keyring):
        document = backup.export_profile(store, keyring)
    from bowlby.files import write_private_file

    write_private_file(output, backup.export_text(document))
    console.print(
        f"Exported {len(document.entries)} entries of {document.profile.name} to {output}.\n"
        "This file is NOT encrypted: keep it somewhere private, or delete it after restoring."
    )


def restore(
    source: Path = typer.Argument(..., help="A file written by `bowlby export`."),
    name: str | None = typer.Option(None, "--name", help="Restore under another profile name."),
) -> None:
    """Recreate a profile and its entries from an export, under a new passphrase."""
    from bowlby.services import backup

    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot be read: {error}", file=str(source)) from error
    document = backup.parse_export(text, str(source))
    settings = get_settings()
    passphrase = ask_passphrase(settings, "Passphrase for the restored profile", confirm=True)
    with opened_store(settings) as store:
        created = backup.restore_profile(store, settings, document, passphrase, name)
    console.print(
        f"Restored {created.profile.name} with {len(document.entries)} entries from {source}."
    )
    show_recovery_key(created.recovery_key)
