"""bowlby cycle: name a pursue–withdraw cycle, fill in your side (and a guess at your
partner's), list the cycles, show the loop as text, and draw it as an SVG file.

Every field has a flag, so scripts need no prompts; a side left out is asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.table import Table

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.journal import parse_when
from bowlby.cli.safety_view import print_risk_note, risk_note
from bowlby.cli.steps import PartnerOption, TherapistOption, WhenOption, ask_choice

if TYPE_CHECKING:
    from bowlby.practice.cycle_maps import SideView

app = typer.Typer(
    help="Your pursue–withdraw cycle: each of you maps your side; the loop is the common enemy.",
    no_args_is_help=True,
)
STARTED = "Started cycle {id}: {name} ({visibility})."
ADD_YOUR_SIDE = "Add your side with `bowlby cycle side {id}`."
SIDE_SAVED = "Saved your side of {name} ({visibility})."
GUESS_SAVED = "Saved your guess at your partner's side ({visibility})."
NO_CYCLES = "No cycles yet. Start one with `bowlby cycle new NAME`."
DRAWN = "Drew the loop to {path} (readable by you only)."


def register(app_: typer.Typer) -> None:
    """Add this tool's commands to the `bowlby` app."""
    app_.add_typer(app, name="cycle")


@app.command("new")
def new(
    name: str = typer.Argument(..., help="The cycle's name, in your own words."),
    when: str | None = WhenOption,
    share_partner: bool = PartnerOption,
    share_therapist: bool = TherapistOption,
    profile: str | None = ProfileOption,
) -> None:
    """Name a cycle; share it with your partner so that they can add their side."""
    from bowlby.practice.cycle_maps import CycleInput
    from bowlby.services import cycle_maps

    cycle = CycleInput(
        occurred_at=parse_when(when),
        name=name,
        shared_with_partner=share_partner,
        shared_with_therapist=share_therapist,
    )
    with signed_in(profile) as (store, keyring):
        started = cycle_maps.start_cycle(store, keyring, cycle)
        risk = risk_note(store, keyring, started.id)
    console.print(
        STARTED.format(id=started.id[:8], name=escape(started.name), visibility=seen_by(started))
    )
    console.print(ADD_YOUR_SIDE.format(id=started.id[:8]))
    print_risk_note(risk)


@app.command("side")
def side(
    cycle_id: str = typer.Argument(..., help="The cycle's id (the first 8 characters will do)."),
    trigger: str | None = typer.Option(None, "--trigger", help="What sets it off for you."),
    feeling: list[str] = typer.Option([], "--feeling", help="An emotion word (repeat)."),
    fear: str | None = typer.Option(None, "--fear", help="A core fear: unloved, rejection, …"),
    feel: str | None = typer.Option(None, "--feel", help="What you feel underneath."),
    move: str | None = typer.Option(None, "--move", help="What you do (an id): go_quiet, …"),
    do: str | None = typer.Option(None, "--do", help="What you do, in your own words."),
    reads: str | None = typer.Option(None, "--reads", help="How your partner reads it (guess)."),
    their_feel: str = typer.Option("", "--their-feel", help="What they feel (guess)."),
    their_move: str = typer.Option("other", "--their-move", help="What they do (an id)."),
    their_do: str = typer.Option("", "--their-do", help="What they do, in words (guess)."),
    when: str | None = WhenOption,
    share_partner: bool = PartnerOption,
    share_therapist: bool = TherapistOption,
    profile: str | None = ProfileOption,
) -> None:
    """Fill in or revise your side of a cycle, and your best guess at your partner's."""
    from bowlby.cli.journal import full_id
    from bowlby.practice.cycle_maps import SideInput
    from bowlby.services import cycle_maps

    common: dict[str, Any] = {
        "occurred_at": parse_when(when),
        "shared_with_partner": share_partner,
        "shared_with_therapist": share_therapist,
    }
    prompted = trigger is None
    own = _own_words(trigger, feel, move, do, feelings=feeling, fear=fear)
    if prompted and reads is None:
        reads = _ask("reads", "")
        if reads:
            their_feel, their_do = _ask("their_feel", ""), _ask("their_do", "")
    with signed_in(profile) as (store, keyring):
        cycle_id = full_id(store, keyring, cycle_id)
        saved = [
            cycle_maps.save_side(store, keyring, SideInput(cycle_id=cycle_id, **own, **common))
        ]
        if reads:
            guess: dict[str, Any] = {
                "trigger": reads,
                "feel": their_feel,
                "move": their_move,
                "do": their_do,
            }
            saved.append(
                cycle_maps.save_side(
                    store, keyring, SideInput(cycle_id=cycle_id, guess=True, **guess, **common)
                )
            )
        name = cycle_maps.read_cycle(store, keyring, cycle_id).name
        risks = [risk_note(store, keyring, view.id) for view in saved]
    _print_saved(saved, name)
    print_risk_note(next((risk for risk in risks if risk), None))


def _own_words(
    trigger: str | None,
    feel: str | None,
    move: str | None,
    do: str | None,
    *,
    feelings: list[str],
    fear: str | None,
) -> dict[str, Any]:
    """The person's own side, each step from its flag or asked for."""
    from bowlby.practice.cycle_maps import moves, prompts

    asking = trigger is None
    trigger = _ask("trigger") if trigger is None else trigger
    if feel is None:
        feel = _ask("feel", "" if feelings or fear else None)
    if move is None:
        move = ask_choice(None, prompts()["do"].label, moves()) if asking else "other"
    if do is None:
        do = _ask("do", "") if asking else ""
    return {
        "trigger": trigger, "feelings": feelings, "core_fear": fear, "feel": feel, "move": move,
        "do": do,
    }  # fmt: skip


def _ask(key: str, default: str | None = None) -> str:
    from bowlby.practice.cycle_maps import prompts

    prompt = prompts()[key]
    console.print(f"[dim]{escape(prompt.detail)}[/]")
    return str(typer.prompt(prompt.label, default=default, show_default=False))


def _print_saved(saved: list[SideView], name: str) -> None:
    for view in saved:
        template = GUESS_SAVED if view.guess else SIDE_SAVED
        console.print(template.format(name=escape(name), visibility=seen_by(view)))


@app.command("list")
def list_cycles(profile: str | None = ProfileOption) -> None:
    """The cycles you started or your partner shared with you, newest first."""
    from bowlby.services import cycle_maps

    with signed_in(profile) as (store, keyring):
        found = cycle_maps.list_cycles(store, keyring)
        me = keyring.profile_id
    if not found:
        console.print(NO_CYCLES)
        return
    table = Table("id", "name", "started by", "on", "who can read it")
    for cycle in found:
        started_by = "you" if cycle.owner_id == me else escape(cycle.owner_name)
        table.add_row(
            cycle.id[:8], escape(cycle.name), started_by, f"{cycle.occurred_at:%Y-%m-%d}",
            seen_by(cycle),
        )  # fmt: skip
    console.print(table)


@app.command("show")
def show(
    cycle_id: str = typer.Argument(..., help="The cycle's id (the first 8 characters will do)."),
    profile: str | None = ProfileOption,
) -> None:
    """The loop as text: each step in order, round to where it starts again."""
    from bowlby.cli.journal import full_id
    from bowlby.practice.cycle_maps import loop_lines
    from bowlby.services import cycle_maps

    with signed_in(profile) as (store, keyring):
        loop = cycle_maps.shared_loop(store, keyring, full_id(store, keyring, cycle_id))
    title, *steps = loop_lines(loop)
    console.print(f"[bold]{escape(title)}[/]")
    for number, line in enumerate(steps, start=1):
        console.print(f"  {number}. {escape(line)}" if number <= 6 else f"     {escape(line)}")
    for lane in (loop.first, loop.second):
        console.print(f"[dim]{escape(lane.legend)}[/]")


@app.command("draw")
def draw(
    cycle_id: str = typer.Argument(..., help="The cycle's id (the first 8 characters will do)."),
    output: Path = typer.Option(..., "--output", "-o", help="The SVG file to write."),
    profile: str | None = ProfileOption,
) -> None:
    """Draw the loop as an SVG file (it holds your words: it is written readable by you only)."""
    from bowlby.cli.journal import full_id
    from bowlby.files import write_private_file
    from bowlby.insights.cycle_diagram import draw_cycle_loop
    from bowlby.services import cycle_maps

    with signed_in(profile) as (store, keyring):
        loop = cycle_maps.shared_loop(store, keyring, full_id(store, keyring, cycle_id))
    written = write_private_file(output, draw_cycle_loop(loop) + "\n")
    console.print(DRAWN.format(path=escape(str(written))))


def seen_by(record: Any) -> str:
    """Who can read a record, in words: only you, or shared with partner and/or therapist."""
    audiences = [
        name
        for name, shared in (
            ("partner", record.shared_with_partner),
            ("therapist", record.shared_with_therapist),
        )
        if shared
    ]
    return "shared with " + " and ".join(audiences) if audiences else "only you"
