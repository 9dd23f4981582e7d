"""bowlby text translate: the pattern in a message, what may lie beneath it, and a gentler way
to say it. Nothing is stored and no profile is needed (with --profile, its country's lines and
its safety mode); with risk language, the safety message and the lines replace the rewording."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from bowlby.cli.context import console, signed_in

if TYPE_CHECKING:
    from bowlby.chats.translate import Translation
    from bowlby.safety.resources import CountryResources
    from bowlby.services.safety import SafetyCheck

ProfileOption = typer.Option(
    None,
    "--profile",
    "-p",
    help="Sign in as this profile: its country's lines, and its safety mode honoured.",
)


def translate(
    message: str = typer.Argument(..., help='The message, in quotes: "why are you ignoring me??"'),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, for scripts."),
    profile: str | None = ProfileOption,
) -> None:
    """The pattern in a message, the fear or need that may lie beneath it, and a gentler way
    to say it (nothing is stored)."""
    from bowlby.chats.translate import translate_text
    from bowlby.errors import InputError
    from bowlby.services.safety import check_text

    if not message.strip():
        raise InputError("Give the message to translate, in quotes.", field="message")
    resources = own_resources(profile)
    if resources is None:
        return
    found = translate_text(message)
    check = check_text(message)
    if as_json:
        body = {**found.as_json(), "safety": check.model_dump() if check.found else None}
        typer.echo(json.dumps(body, ensure_ascii=False))
    elif check.found or found.risk:
        print_safety(check, resources)
    else:
        print_translation(found)


def own_resources(profile: str | None) -> CountryResources | None:
    """The lines to show: the profile's country when one is named (None, after saying so,
    while its safety mode pauses coaching); otherwise the general advice."""
    from bowlby.safety import resources_for
    from bowlby.services import records, safety

    if profile is None:
        return resources_for(None)
    with signed_in(profile) as (store, keyring):
        if records.coaching_paused(store, keyring):
            console.print(escape(records.PAUSED_FOR_SAFETY))
            return None
        return safety.safety_resources(store, keyring)


def print_translation(found: Translation) -> None:
    from bowlby.chats.translate import wording

    for reading in found.readings:
        console.print(f"[bold]{wording('reads_as')}:[/] {escape(reading.name)}")
        console.print(f"  {escape(reading.explains)}")
        if reading.evidence:
            quoted = ", ".join(f"“{word}”" for word in reading.evidence)
            console.print(f"  {wording('words')}: {escape(quoted)}")
    if found.beneath:
        console.print(f"\n[bold]{escape(wording('beneath'))}[/]")
        console.print(f"  “{escape(found.beneath)}.”")
    if found.gentler:
        console.print(f"\n[bold]{wording('gentler')}[/]")
        console.print(f"  {escape(found.gentler)}")
        console.print(f"  [dim]{escape(wording('gentler_hint'))}[/]")
    if found.already_gentle:
        console.print(escape(found.already_gentle))


def print_safety(check: SafetyCheck, resources: CountryResources) -> None:
    """The calm message for each kind of risk, then the lines to call; no rewording."""
    from bowlby.chats.translate import wording
    from bowlby.cli.safety_view import MORE_HELP, print_lines

    console.print(escape(wording("risk")))
    for message in check.messages:
        console.print(f"\n[bold]{escape(message.title)}[/]")
        console.print(escape(message.body))
    console.print()
    needs = tuple(dict.fromkeys(message.resources for message in check.messages))
    print_lines(resources, needs or ("crisis", "domestic_abuse"))
    console.print(MORE_HELP)
