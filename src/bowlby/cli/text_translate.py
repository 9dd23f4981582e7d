"""bowlby text translate: the pattern in a message, what may lie beneath it, and a gentler way
to say it. Nothing is stored and no profile is needed; with risk language, the safety message
and the lines to call replace the rewording."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from bowlby.cli.context import console

if TYPE_CHECKING:
    from bowlby.chats.translate import Translation
    from bowlby.services.safety import SafetyCheck


def translate(
    message: str = typer.Argument(..., help='The message, in quotes: "why are you ignoring me??"'),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object, for scripts."),
) -> None:
    """The pattern in a message, the fear or need that may lie beneath it, and a gentler way
    to say it (nothing is stored)."""
    from bowlby.chats.translate import translate_text
    from bowlby.errors import InputError
    from bowlby.services.safety import check_text

    if not message.strip():
        raise InputError("Give the message to translate, in quotes.", field="message")
    found = translate_text(message)
    check = check_text(message)
    if as_json:
        body = {**found.as_json(), "safety": check.model_dump() if check.found else None}
        typer.echo(json.dumps(body, ensure_ascii=False))
    elif check.found or found.risk:
        print_safety(check)
    else:
        print_translation(found)


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


def print_safety(check: SafetyCheck) -> None:
    """The calm message for each kind of risk, then the lines to call; no rewording."""
    from bowlby.chats.translate import wording
    from bowlby.cli.safety_view import MORE_HELP, print_lines
    from bowlby.safety import resources_for

    console.print(escape(wording("risk")))
    for message in check.messages:
        console.print(f"\n[bold]{escape(message.title)}[/]")
        console.print(escape(message.body))
    console.print()
    needs = tuple(dict.fromkeys(message.resources for message in check.messages))
    print_lines(resources_for(None), needs or ("crisis", "domestic_abuse"))
    console.print(MORE_HELP)
