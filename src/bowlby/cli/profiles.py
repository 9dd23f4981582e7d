"""bowlby init, profiles, passphrase and delete-profile."""

from __future__ import annotations

import typer
from rich.table import Table

from bowlby import models
from bowlby.cli.context import (
    ProfileOption,
    ask_passphrase,
    choose_profile,
    console,
    opened_store,
)
from bowlby.settings import get_settings

passphrase_app = typer.Typer(help="Change or reset a profile's passphrase.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("profiles")(list_profiles)
    app.command("delete-profile")(delete_profile)
    app.add_typer(passphrase_app, name="passphrase")


SAFETY_OFFER = (
    "\nWhen you're ready: `bowlby safety screen` asks a few private questions about how things "
    "are at home (skip them if you like), and `bowlby safety resources` lists people to talk to."
)


def init(
    name: str = typer.Option(
        ..., "--name", "-n", prompt="Profile name", help="Your profile's name."
    ),
    role: models.Role = typer.Option(models.Role.PERSON, help="person, or therapist."),
) -> None:
    """Create a profile protected by a passphrase, and show its recovery key once."""
    from bowlby.services import accounts

    settings = get_settings()
    passphrase = ask_passphrase(settings, "Choose a passphrase", confirm=True)
    with opened_store(settings) as store:
        created = accounts.create_profile(store, settings, name, passphrase, role)
    console.print(f"Created the profile [bold]{created.profile.name}[/].")
    show_recovery_key(created.recovery_key)
    console.print(SAFETY_OFFER)


def show_recovery_key(recovery_key: str) -> None:
    console.print(
        "\nYour recovery key (shown only now; keep it somewhere safe, away from this device):\n"
        f"\n    [bold]{recovery_key}[/]\n\n"
        "If you forget your passphrase, `bowlby passphrase reset` with this key is the only "
        "way back in. Nobody, including us, can recover your entries without one of them."
    )


def list_profiles() -> None:
    """List the profiles in this database."""
    from bowlby.services import accounts

    with opened_store() as store:
        found = accounts.list_profiles(store)
    if not found:
        console.print("No profiles yet. Create one with `bowlby init`.")
        return
    table = Table("name", "role", "created")
    for profile in found:
        table.add_row(profile.name, profile.role.value, f"{profile.created_at:%Y-%m-%d}")
    console.print(table)


def delete_profile(
    profile: str | None = ProfileOption,
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Delete a profile and everything it wrote, for good."""
    from bowlby.services import accounts

    settings = get_settings()
    with opened_store(settings) as store:
        name = choose_profile(store, settings, profile)
        if not yes:
            typer.confirm(
                f"Delete '{name}' and all of its entries for good? This cannot be undone",
                abort=True,
            )
        accounts.delete_profile(store, name, ask_passphrase(settings))
    console.print(f"Deleted the profile {name} and everything it held.")


@passphrase_app.command("change")
def change_passphrase(profile: str | None = ProfileOption) -> None:
    """Set a new passphrase; your entries are not re-encrypted, only the key is rewrapped."""
    from bowlby.services import accounts

    settings = get_settings()
    with opened_store(settings) as store:
        name = choose_profile(store, settings, profile)
        current = ask_passphrase(settings, "Current passphrase")
        new = typer.prompt("New passphrase", hide_input=True, confirmation_prompt=True)
        accounts.change_passphrase(store, settings, name, current, new)
    console.print("Your passphrase is changed.")


@passphrase_app.command("reset")
def reset_passphrase(
    profile: str | None = ProfileOption,
    recovery_key: str = typer.Option(
        ..., prompt="Recovery key", hide_input=True, help="The key shown when the profile was made."
    ),
) -> None:
    """Set a new passphrase with your recovery key when you have forgotten the old one."""
    from bowlby.services import accounts

    settings = get_settings()
    with opened_store(settings) as store:
        name = choose_profile(store, settings, profile)
        new = ask_passphrase(settings, "New passphrase", confirm=True)
        accounts.reset_passphrase(store, settings, name, recovery_key, new)
    console.print("Your passphrase is reset. Your recovery key stays the same.")
