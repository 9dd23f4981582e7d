"""bowlby safety: crisis lines, a private partner-violence screen, safety mode, the person's
country, and stopping every partner share at once.

`resources` needs no profile; the rest act on the person's own sealed preferences and entries.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.safety_view import print_lines, print_screen
from bowlby.cli.steps import ask_number
from bowlby.errors import InputError

if TYPE_CHECKING:
    from bowlby.safety.screens import Screen


class Switch(StrEnum):
    ON = "on"
    OFF = "off"


app = typer.Typer(
    help="Safety: crisis lines, a private screen, safety mode. Nothing here is ever shared.",
    no_args_is_help=True,
)
HARK_ORDER = ("humiliation", "afraid", "rape", "kick")
SKIP = ("", "skip", "-")
YES_NO = {"yes": True, "y": True, "no": False, "n": False}
PREFER_NOT = "I'd rather not say"
MODE_ON = (
    "Safety mode is on. Bowlby will not share anything new with your partner, hides the "
    "side-by-side view and stops suggesting closeness with them. Only you can turn it off."
)
MODE_OFF = "Safety mode is off."
DISGUISED = "The web pages now say Notes instead of Bowlby."
UNDISGUISED = "The web pages say Bowlby again."
OFFER = (
    "Safety mode stops Bowlby suggesting closeness with your partner and refuses partner "
    "sharing. It is your choice, and you can turn it off any time."
)
HARK_NEXT = (
    "The four short HARK questions come next: "
    "bowlby safety screen --hark humiliation,afraid,rape,kick (yes, no or skip each)."
)


@app.command("screen")
def screen(
    wast: str | None = typer.Option(
        None,
        "--wast",
        help='tension,arguments: e.g. "a lot of tension,great difficulty" (skip leaves one out).',
    ),
    hark: str | None = typer.Option(
        None,
        "--hark",
        help="humiliation,afraid,rape,kick: yes, no or skip each, e.g. no,yes,skip,no.",
    ),
    profile: str | None = ProfileOption,
) -> None:
    """A few private questions about how things are at home (WAST-Short, then HARK)."""
    from bowlby.services import safety

    asking = wast is None and hark is None
    if asking:
        wast_answers, hark_answers = ask_screen()
    else:
        wast_answers = parse_wast(wast) if wast is not None else None
        hark_answers = parse_hark(hark) if hark is not None else None
    with signed_in(profile) as (store, keyring):
        taken = safety.take_screen(store, keyring, wast=wast_answers, hark=hark_answers)
        print_screen(taken)
        if taken.next_step:
            console.print(f"\n{HARK_NEXT}")
        if taken.positive:
            console.print()
            print_lines(safety.safety_resources(store, keyring), ("domestic_abuse", "crisis"))
        if taken.offer_safety_mode:
            console.print(f"\n{OFFER}")
            if asking and typer.confirm("Turn on safety mode now?", default=False):
                safety.set_safety_mode(store, keyring, True, "screen")
                console.print(MODE_ON)
            elif not asking:
                console.print("Turn it on with `bowlby safety mode on`.")


CHECKLIST_INTRO = (
    "Some things a partner does can slowly take away your freedom. Answer y for any that "
    "happen to you; Enter skips. Nothing here is saved or shared.\n"
)
NOT_A_TEST = (
    "This is a description to help you see patterns, not a test or a diagnosis. "
    "There is no score, and only you can say what your relationship is like."
)


@app.command("checklist")
def checklist(
    ticked: str | None = typer.Option(
        None,
        "--ticked",
        help="Item ids that happen to you, e.g. monitoring,money; the rest count as not said.",
    ),
) -> None:
    """A descriptive list of things a partner might do (not a test; nothing is saved)."""
    from bowlby.safety import resources_for
    from bowlby.safety.coercive_control import describe_coercive_control, get_checklist

    items = get_checklist().items
    if ticked is None:
        console.print(CHECKLIST_INTRO)
        answers: dict[str, bool | None] = {
            item.id: typer.confirm(get_checklist().question(item), default=False) for item in items
        }
    else:
        chosen = [part.strip().lower() for part in ticked.split(",") if part.strip()]
        known = ", ".join(item.id for item in items)
        unknown = [part for part in chosen if part not in {item.id for item in items}]
        if unknown:
            raise InputError(
                f"unknown item {unknown[0]!r}; the items are: {known}.", field="--ticked"
            )
        answers = dict.fromkeys(chosen, True)
    described = describe_coercive_control(answers)
    console.print("[bold]What you ticked[/]")
    for item in described.ticked:
        console.print(f"  - {escape(item.label)}")
    console.print(escape(described.sentence))
    console.print(f"\n{escape(NOT_A_TEST)}\n")
    print_lines(resources_for(own_country()), ("domestic_abuse", "crisis"))


@app.command("mode")
def mode(
    state: Switch = typer.Argument(..., help="on or off"),
    profile: str | None = ProfileOption,
) -> None:
    """Turn safety mode on or off: partner sharing and closeness prompts stop while it is on."""
    from bowlby.services import safety

    with signed_in(profile) as (store, keyring):
        chosen = safety.set_safety_mode(store, keyring, state is Switch.ON)
    console.print(MODE_ON if chosen.safety_mode else MODE_OFF)


@app.command("resources")
def resources(
    country: str | None = typer.Option(
        None, "--country", "-c", help="Two-letter code, e.g. GB; needs no profile."
    ),
) -> None:
    """Crisis and domestic-abuse lines, crisis lines first; works offline and without a profile.

    Without --country it uses the country you chose, when BOWLBY_PASSPHRASE lets it look."""
    from bowlby.safety import list_countries, resources_for
    from bowlby.services.preferences import normalise_country

    code = normalise_country(country) if country else own_country()
    found = resources_for(code)
    if found.name:
        console.print(f"[bold]{escape(found.name)}[/]")
    print_lines(found)
    if not found.known:
        codes = ", ".join(sorted(code for code, _ in list_countries()))
        console.print(f"\nLines are listed for: {codes}. Use --country XX.")


@app.command("country")
def country(
    code: str = typer.Argument(..., help="Two-letter code such as GB or DE; 'none' to clear."),
    profile: str | None = ProfileOption,
) -> None:
    """Choose the country whose lines Bowlby shows you (kept encrypted)."""
    from bowlby.services import safety

    with signed_in(profile) as (store, keyring):
        chosen = safety.set_country(store, keyring, None if code.lower() == "none" else code)
    console.print(f"Your country: {chosen.country or 'not chosen'}.")


@app.command("disguise")
def disguise(
    state: Switch = typer.Argument(..., help="on or off"),
    profile: str | None = ProfileOption,
) -> None:
    """Show "Notes" instead of Bowlby in the browser's title and header."""
    from bowlby.services import safety

    with signed_in(profile) as (store, keyring):
        chosen = safety.set_disguise(store, keyring, state is Switch.ON)
    console.print(DISGUISED if chosen.disguise else UNDISGUISED)


@app.command("stop-sharing")
def stop_sharing(profile: str | None = ProfileOption) -> None:
    """Stop sharing everything with your partner, now (therapist sharing stays)."""
    from bowlby.services import safety

    with signed_in(profile) as (store, keyring):
        count = safety.stop_sharing_with_partner(store, keyring)
    if not count:
        console.print("Nothing was shared with your partner, so nothing changed.")
        return
    plural = "entry is" if count == 1 else "entries are"
    console.print(f"{count} {plural} no longer shared with your partner.")


def own_country() -> str | None:
    """The person's chosen country, when a profile and BOWLBY_PASSPHRASE let us read it."""
    from bowlby.cli.context import choose_profile, opened_store
    from bowlby.errors import BowlbyError
    from bowlby.services import accounts, safety
    from bowlby.settings import get_settings

    settings = get_settings()
    if not settings.passphrase:
        return None
    try:
        with opened_store(settings) as store:
            name = choose_profile(store, settings, None)
            keyring = accounts.unlock_profile(store, name, settings.passphrase)
            return safety.get_preferences(store, keyring).country
    except BowlbyError:
        return None


def parse_wast(given: str) -> dict[str, str | None]:
    parts = [part.strip() for part in given.split(",")]
    if len(parts) != 2:
        raise InputError("give two answers: tension,arguments.", field="--wast")
    return {
        item: None if part.lower() in SKIP else part
        for item, part in zip(("tension", "arguments"), parts, strict=True)
    }


def parse_hark(given: str) -> dict[str, bool | None]:
    parts = [part.strip().lower() for part in given.split(",")]
    if len(parts) != len(HARK_ORDER) or any(p not in YES_NO and p not in SKIP for p in parts):
        raise InputError(
            "give four answers, yes, no or skip: humiliation,afraid,rape,kick.", field="--hark"
        )
    return {item: YES_NO.get(part) for item, part in zip(HARK_ORDER, parts, strict=True)}


def ask_screen() -> tuple[dict[str, str | None] | None, dict[str, bool | None] | None]:
    """WAST-Short first; HARK when it is positive or unclear, or when the person wants it."""
    from bowlby.safety.screens import HARK, WAST_SHORT, get_screen, score_wast_short

    console.print(
        "A few private questions. They are encrypted and never shared; skip any you like.\n"
    )
    wast_screen = get_screen(WAST_SHORT)
    wast = {item.id: ask_option(wast_screen, item.id) for item in wast_screen.items}
    outcome = score_wast_short(**wast).outcome
    wants_hark = outcome != "negative" or typer.confirm(
        "Would you like to answer four more short questions?", default=False
    )
    hark = None
    if wants_hark:
        hark_screen = get_screen(HARK)
        hark = {item.id: ask_yes_no(hark_screen, item.id) for item in hark_screen.items}
    return wast, hark


def ask_option(screen: Screen, item_id: str) -> str | None:
    item = next(item for item in screen.items if item.id == item_id)
    console.print(escape(screen.question(item)))
    choices = [*item.options, PREFER_NOT]
    for number, option in enumerate(choices, start=1):
        console.print(f"  {number}. {escape(option)}")
    picked = ask_number("Your answer", 1, len(choices))
    return None if picked == len(choices) else item.options[picked - 1]


def ask_yes_no(screen: Screen, item_id: str) -> bool | None:
    item = next(item for item in screen.items if item.id == item_id)
    console.print(escape(screen.question(item)))
    while True:
        answer = str(typer.prompt("yes, no or skip", default="skip")).strip().lower()
        if answer in YES_NO or answer in SKIP:
            return YES_NO.get(answer)
        console.print("Answer yes, no or skip.")
