"""bowlby partner: link with a partner or a therapist through a one-time code."""

from __future__ import annotations

import typer
from rich.table import Table

from bowlby import models
from bowlby.cli.context import ProfileOption, console, signed_in

app = typer.Typer(help="Link with a partner or a therapist.", no_args_is_help=True)


@app.command("invite")
def invite(
    therapist: bool = typer.Option(False, "--therapist", help="Invite your therapist instead."),
    profile: str | None = ProfileOption,
) -> None:
    """Make a one-time code for your partner (or therapist) to enter."""
    from bowlby.services import sharing

    role = models.LinkRole.THERAPIST if therapist else models.LinkRole.PARTNER
    with signed_in(profile) as (store, keyring):
        code = sharing.create_invitation(store, keyring, role)
    who = "your therapist" if therapist else "your partner"
    console.print(
        f"Give {who} this code; it works once, for {sharing.INVITATION_DAYS} days:\n\n"
        f"    [bold]{code}[/]\n\nThey enter it with `bowlby partner join CODE`. "
        "They will see only the entries you choose to share."
    )


@app.command("join")
def join(
    code: str = typer.Argument(..., help="The code the other person gave you."),
    profile: str | None = ProfileOption,
) -> None:
    """Enter a code someone gave you, to link with them."""
    from bowlby.services import sharing

    with signed_in(profile) as (store, keyring):
        link = sharing.accept_invitation(store, keyring, code)
    console.print(f"You are now linked with {link.name} ({link.role.value}).")


@app.command("list")
def list_links(profile: str | None = ProfileOption) -> None:
    """Who you are linked with."""
    from bowlby.services import sharing

    with signed_in(profile) as (store, keyring):
        found = sharing.list_links(store, keyring)
    if not found:
        console.print("You are not linked with anyone. `bowlby partner invite` makes a code.")
        return
    table = Table("name", "link")
    for link in found:
        relation = "your therapist" if link.i_am_client else link.role.value
        if link.role is models.LinkRole.THERAPIST and not link.i_am_client:
            relation = "your client"
        table.add_row(link.name, relation)
    console.print(table)


@app.command("unlink")
def unlink(
    name: str = typer.Argument(..., help="The profile to unlink from."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
    profile: str | None = ProfileOption,
) -> None:
    """End a link; what was shared through it becomes private again."""
    from bowlby.services import sharing

    if not yes:
        typer.confirm(
            f"Unlink from {name}? What you shared with them becomes private again", abort=True
        )
    with signed_in(profile) as (store, keyring):
        sharing.unlink(store, keyring, name)
    console.print(f"You are no longer linked with {name}.")
