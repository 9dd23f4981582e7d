"""Showing safety at the terminal: a country's lines (crisis lines first), a screen's result, and
the calm message the journal commands print when what was saved shows signs of danger."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from bowlby.cli.context import console

if TYPE_CHECKING:
    from bowlby.models import Keyring
    from bowlby.safety.resources import CountryResources, Service
    from bowlby.services.safety import SafetyCheck, ScreenTaken
    from bowlby.store.engine import Store

SAVED_AS_WRITTEN = "What you wrote is saved, just as you wrote it."
MORE_HELP = "More: `bowlby safety resources`. Choose your country: `bowlby safety country XX`."


def risk_note(
    store: Store, keyring: Keyring, entry_id: str
) -> tuple[SafetyCheck, CountryResources] | None:
    """The risk check over what was just saved, with the person's lines; None when calm."""
    from bowlby.services import safety

    found = safety.check_entry(store, keyring, entry_id)
    if not found.found:
        return None
    return found, safety.safety_resources(store, keyring)


def print_risk_note(note: tuple[SafetyCheck, CountryResources] | None) -> None:
    """The calm message and the lines it calls for; nothing when there is no note."""
    if note is None:
        return
    found, resources = note
    console.print()
    for message in found.messages:
        console.print(f"[bold]{escape(message.title)}[/]")
        console.print(escape(message.body))
    needs = tuple(dict.fromkeys(message.resources for message in found.messages))
    console.print()
    print_lines(resources, needs)
    console.print(SAVED_AS_WRITTEN)
    console.print(MORE_HELP)


def print_lines(
    resources: CountryResources, needs: tuple[str, ...] = ("crisis", "domestic_abuse")
) -> None:
    """The emergency number, then the lines for each need, in the order given."""
    if resources.emergency:
        note = f" ({resources.emergency_note})" if resources.emergency_note else ""
        console.print(f"In danger now? Call [bold]{escape(resources.emergency)}[/]{escape(note)}")
    else:
        console.print(escape(resources.fallback))
    if not resources.known:
        if resources.unknown:
            console.print(escape(resources.unknown))
        console.print(escape(resources.international))
        return
    shown: list[Service] = []
    for need in needs:
        for service in resources.lines_for(need):
            if service not in shown:
                shown.append(service)
                console.print(service_line(service))
    console.print(f"[dim]Source: {escape(resources.source or '')}, checked {resources.checked}[/]")


def service_line(service: Service) -> str:
    numbers = " · ".join((service.phone, *service.also))
    hours = f" ({service.hours})" if service.hours else ""
    extra = f"; {service.text}" if service.text else ""
    checked = "" if service.verified else " [unverified: please confirm it locally]"
    return escape(f"  {service.name}: {numbers}{hours}{extra} · {service.website}{checked}")


def print_screen(taken: ScreenTaken) -> None:
    from bowlby.services.safety import screen_message

    for result in (taken.wast, taken.hark):
        if result is None:
            continue
        console.print(f"\n[bold]{escape(result.screen.replace('_', '-').upper())}[/]")
        console.print(escape(screen_message(taken, result)))
        console.print(f"[dim]{escape(result.source)}[/]")
    shown = taken.hark or taken.wast
    if shown is not None:
        console.print(f"\n{escape(shown.caution)}")
