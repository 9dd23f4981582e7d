"""bowlby soothe: calm down now with paced breathing, 5-4-3-2-1 grounding or a 20-minute wait,
anxiety rated before and after; `effects` shows what helps this person.

Every rating has a flag and `--no-timer` skips the pacer, so scripts need no prompts.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import typer
from rich.markup import escape
from rich.table import Table

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.journal import parse_when
from bowlby.cli.safety_view import print_risk_note, risk_note
from bowlby.cli.steps import PartnerOption, TherapistOption, WhenOption, ask_rating
from bowlby.models import audience

if TYPE_CHECKING:
    from bowlby.journal.records import RecordView
    from bowlby.practice.soothing import Exercise

group = typer.Typer(help="Calm down now: breathing, grounding, or waiting before texting again.")

BeforeOption = typer.Option(None, "--before", min=0, max=10, help="Anxiety before, 0 to 10.")
AfterOption = typer.Option(None, "--after", min=0, max=10, help="Anxiety after, 0 to 10.")
NoTimerOption = typer.Option(False, "--no-timer", help="Skip the pacer (for scripts).")
NoteOption = typer.Option("", "--note", help="Anything you noticed (kept encrypted).")
PHASE_WORDS = {"in": "In", "hold": "Hold", "out": "Out"}


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="soothe")


@group.callback(invoke_without_command=True)
def soothe(ctx: typer.Context) -> None:
    """Calm down now: `bowlby soothe` lists the exercises."""
    if ctx.invoked_subcommand is None:
        list_exercises()


@group.command("list")
def list_exercises() -> None:
    """The exercises, and the command that starts each."""
    from bowlby.practice import soothing

    console.print(escape(soothing.exercises_note()) + "\n")
    commands = {
        "breathing_478": "bowlby soothe breathe --pattern 4-7-8",
        "resonance_breathing": "bowlby soothe breathe --pattern resonance",
        "grounding_54321": "bowlby soothe ground",
        "wait_20": "bowlby soothe wait",
    }
    for known in soothing.exercises():
        console.print(f"[bold]{escape(known.title)}[/]  [dim]{commands[known.id]}[/]")
        console.print(f"  {escape(known.summary)}")


@group.command("breathe")
def breathe(
    pattern: str = typer.Option("4-7-8", "--pattern", help="4-7-8, or resonance (6 a minute)."),
    rounds: int | None = typer.Option(None, "--rounds", min=1, max=100, help="How many rounds."),
    before: int | None = BeforeOption,
    after: int | None = AfterOption,
    no_timer: bool = NoTimerOption,
    note: str = NoteOption,
    when: str | None = WhenOption,
    share_partner: bool = PartnerOption,
    share_therapist: bool = TherapistOption,
    profile: str | None = ProfileOption,
) -> None:
    """Paced breathing with a pacer in the terminal, anxiety rated before and after."""
    from bowlby.practice import soothing

    chosen = soothing.breathing_exercise(pattern)
    count = rounds or chosen.rounds
    before = ask_rating(before, "How anxious are you right now (0-10)", 10)
    print_steps(chosen)
    if not no_timer:
        pace_breathing(chosen, count)
    minutes = round(count * chosen.round_seconds / 60, 1)
    save(
        chosen, before, after, minutes, count, note, when, (share_partner, share_therapist), profile
    )


@group.command("ground")
def ground(
    before: int | None = BeforeOption,
    after: int | None = AfterOption,
    minutes: float | None = typer.Option(None, "--minutes", min=0, max=240),
    no_timer: bool = NoTimerOption,
    note: str = NoteOption,
    when: str | None = WhenOption,
    share_partner: bool = PartnerOption,
    share_therapist: bool = TherapistOption,
    profile: str | None = ProfileOption,
) -> None:
    """5-4-3-2-1 grounding, one step at a time (Enter moves on)."""
    from bowlby.practice import soothing

    chosen = soothing.exercise("grounding_54321")
    before = ask_rating(before, "How anxious are you right now (0-10)", 10)
    started = time.monotonic()
    for number, step in enumerate(chosen.steps, start=1):
        console.print(f"{number}. {escape(step)}")
        if not no_timer:
            typer.prompt("  Enter when ready", default="", show_default=False)
    taken = minutes if minutes is not None else round((time.monotonic() - started) / 60, 1)
    save(chosen, before, after, taken, None, note, when, (share_partner, share_therapist), profile)


@group.command("wait")
def wait(
    minutes: float | None = typer.Option(None, "--minutes", min=0, max=240, help="Default 20."),
    before: int | None = BeforeOption,
    after: int | None = AfterOption,
    no_timer: bool = NoTimerOption,
    note: str = NoteOption,
    when: str | None = WhenOption,
    share_partner: bool = PartnerOption,
    share_therapist: bool = TherapistOption,
    profile: str | None = ProfileOption,
) -> None:
    """Wait 20 minutes before texting again, with something kind to do meanwhile."""
    from bowlby.practice import soothing

    chosen = soothing.exercise("wait_20")
    length = minutes if minutes is not None else float(chosen.minutes or 20)
    before = ask_rating(before, "How anxious are you right now (0-10)", 10)
    print_steps(chosen)
    console.print("\nSomething kind to do meanwhile:")
    for idea in chosen.meanwhile:
        console.print(f"  • {escape(idea)}")
    if not no_timer:
        count_down(length)
    save(chosen, before, after, length, None, note, when, (share_partner, share_therapist), profile)


@group.command("effects")
def effects(profile: str | None = ProfileOption) -> None:
    """What each exercise has done for you: sessions, mean drop, and how sure that is."""
    from bowlby.practice import soothing
    from bowlby.services import soothing as service

    with signed_in(profile) as (store, keyring):
        rows = service.exercise_effects(store, keyring)
    table = Table("exercise", "sessions", "mean drop", "95% range", "what it suggests")
    for row in rows:
        mean = "–" if row.mean_drop is None else f"{row.mean_drop:.1f}"
        span = "–" if row.low is None or row.high is None else f"{row.low:.1f} to {row.high:.1f}"
        table.add_row(escape(row.title), str(row.count), mean, span, escape(row.sentence))
    console.print(table)
    console.print(escape(soothing.most_helpful_sentence(rows)))


def print_steps(chosen: Exercise) -> None:
    console.print(f"[bold]{escape(chosen.title)}[/]")
    for step in chosen.steps:
        console.print(f"  • {escape(step)}")


def pace_breathing(chosen: Exercise, rounds: int) -> None:
    """In, hold, out, counted down second by second for each round."""
    for number in range(1, rounds + 1):
        console.print(f"Round {number} of {rounds}")
        for phase, seconds in chosen.phases.items():
            if seconds:
                count_seconds(PHASE_WORDS[phase], seconds)


def count_seconds(word: str, seconds: int) -> None:
    console.print(f"  {word:<5}", end="")
    for left in range(seconds, 0, -1):
        console.print(f" {left}", end="")
        time.sleep(1)
    console.print()


def count_down(minutes: float) -> None:
    """The minutes left, once a minute; Ctrl+C ends the wait early and still saves."""
    try:
        left = minutes
        while left > 0:
            console.print(f"  {left:g} minutes to go")
            time.sleep(min(60.0, left * 60))
            left = max(0.0, left - 1)
        console.print("Time is up. Decide calmly what, if anything, to send.")
    except KeyboardInterrupt:
        console.print("\nWait ended early; that is fine.")


def save(
    chosen: Exercise,
    before: int,
    after: int | None,
    minutes: float,
    rounds: int | None,
    note: str,
    when: str | None,
    sharing: tuple[bool, bool],
    profile: str | None,
) -> None:
    """Ask how anxious they are now (unless given), save the session, say what changed."""
    from bowlby.practice.soothing import SoothingInput, say
    from bowlby.services import soothing as service

    session = SoothingInput(
        occurred_at=parse_when(when),
        exercise=chosen.id,
        anxiety_before=before,
        anxiety_after=ask_rating(after, "And how anxious are you now (0-10)", 10),
        minutes=minutes,
        rounds=rounds,
        note=note,
        shared_with_partner=sharing[0],
        shared_with_therapist=sharing[1],
    )
    with signed_in(profile) as (store, keyring):
        saved = service.record_session(store, keyring, session)
        risk = risk_note(store, keyring, saved.id)
    sentence = say("saved", before=saved.anxiety_before, after=saved.anxiety_after,
                   visibility=visibility_sentence(saved))  # fmt: skip
    console.print(escape(sentence))
    print_risk_note(risk)


def visibility_sentence(view: RecordView) -> str:
    shared = audience(view.shared_with_partner, view.shared_with_therapist)
    return f"Shared with your {shared}." if shared else "Only you can read it."
