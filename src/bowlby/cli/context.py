"""What every command needs: consoles, the store, the profile and its passphrase."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from bowlby import models
from bowlby.errors import InputError, NotFound
from bowlby.settings import Settings, get_settings

if TYPE_CHECKING:
    from bowlby.store.engine import Store

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

ProfileOption = typer.Option(
    None, "--profile", "-p", help="Profile to act as (default: BOWLBY_PROFILE, or the only one)."
)


@contextmanager
def opened_store(settings: Settings | None = None) -> Iterator[Store]:
    """Open the store; services and the database libraries load only when a command runs."""
    from bowlby.store.engine import open_store

    store = open_store(settings or get_settings())
    try:
        yield store
    finally:
        store.dispose()


def ask_passphrase(settings: Settings, prompt: str = "Passphrase", confirm: bool = False) -> str:
    """The passphrase from BOWLBY_PASSPHRASE (scripts) or a hidden prompt."""
    if settings.passphrase:
        return settings.passphrase
    return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=confirm))


def choose_profile(store: Store, settings: Settings, requested: str | None) -> str:
    """The profile named on the command line, in BOWLBY_PROFILE, or the only one there is."""
    from bowlby.services import accounts

    name = requested or settings.profile
    if name:
        return name
    names = [profile.name for profile in accounts.list_profiles(store)]
    if not names:
        raise NotFound("There is no profile yet. Create one with `bowlby init`.")
    if len(names) > 1:
        raise InputError(
            f"There are several profiles ({', '.join(names)}): choose one with --profile "
            "or BOWLBY_PROFILE."
        )
    return names[0]


@contextmanager
def signed_in(profile: str | None) -> Iterator[tuple[Store, models.Keyring]]:
    """Open the store and unlock the chosen profile for one command."""
    from bowlby.services import accounts

    settings = get_settings()
    with opened_store(settings) as store:
        name = choose_profile(store, settings, profile)
        keyring = accounts.unlock_profile(store, name, ask_passphrase(settings))
        yield store, keyring
