"""bowlby dynamics: fit the couple influence model to scored turns and ask what-if questions.

`fit` prints every estimate with its 95% bootstrap interval (or why it is hidden), the
settling points and their stability, and the form chosen; `whatif` runs the fitted model and
a changed one from the same start. Conversations are loaded in one place, `load_source`, so
other sources (a chat, logged conversations) slot in next to the CSV file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console
from bowlby.errors import InputError

if TYPE_CHECKING:
    from bowlby.dynamics.conversations import Conversation
    from bowlby.dynamics.fitting import CoupleFit
    from bowlby.dynamics.model import SteadyState
    from bowlby.dynamics.whatif import WhatIf

app = typer.Typer(
    help="The couple influence model: how each partner's turn moves the other's, fitted to "
    "scored turns, with what-if runs.",
    no_args_is_help=True,
)

NO_SOURCE = (
    "Give the scored turns with --turns FILE.csv (columns conversation, partner, score), "
    "--chat ID or --conversation ID|all."
)
ONE_SOURCE = "Choose one source: --turns, --chat or --conversation."
HIDDEN = "hidden"
STABLE = {True: "stable", False: "unstable"}

TurnsOption = typer.Option(
    None, "--turns", help="CSV of scored turns: conversation, partner, score (-4..+4)."
)
FormOption = typer.Option("turn", "--form", help="turn (chat turns, F1) or block (F2).")
MethodOption = typer.Option("one_step", "--method", help="one_step (default) or two_step.")
InfluenceOption = typer.Option(
    "bilinear", "--influence", help="bilinear, threshold, ojive or auto (chosen by BIC)."
)
SeedOption = typer.Option(0, "--seed", help="Seed of the bootstrap resampling.")
ChatOption = typer.Option(None, "--chat", help="One of your imported chats (its id or start).")
ConversationOption = typer.Option(
    None, "--conversation", help="A logged hard conversation's id, or 'all' of yours pooled."
)
JsonOption = typer.Option(False, "--json", help="Print JSON instead of a table.")


@app.callback()
def dynamics() -> None:
    """The couple influence model: fit, settling points and what-if runs."""


def load_source(
    turns: Path | None,
    chat: str | None = None,
    conversation: str | None = None,
    profile: str | None = None,
    *,
    coaching: bool = False,
) -> tuple[list[Conversation], dict[str, str]]:
    """The one place a command's conversations come from: a CSV file, or (signed in) one of
    your chats or your logged conversations, with the partners' display names (logged turns
    say "me" and "partner"). ``coaching`` (the what-if) pauses in safety mode."""
    from bowlby.dynamics.turn_table import read_turns_csv

    if chat or conversation:
        if turns is not None:
            raise InputError(ONE_SOURCE, field="turns")
        return load_stored(chat, conversation, profile, coaching=coaching)
    if turns is None:
        raise InputError(NO_SOURCE, field="turns")
    return read_turns_csv(turns), {}


def load_stored(
    chat: str | None, conversation: str | None, profile: str | None, *, coaching: bool
) -> tuple[list[Conversation], dict[str, str]]:
    from bowlby.cli.context import signed_in
    from bowlby.services import dynamics, records

    with signed_in(profile) as (store, keyring):
        if coaching:
            records.refuse_coaching_in_safety_mode(store, keyring)
        source = dynamics.load_source(store, keyring, chat=chat, conversation=conversation)
        return source.conversations, source.labels


@app.command("fit")
def fit(
    turns: Path | None = TurnsOption,
    form: str = FormOption,
    method: str = MethodOption,
    influence: str = InfluenceOption,
    bootstrap: int = typer.Option(200, "--bootstrap", help="Bootstrap refits for intervals."),
    seed: int = SeedOption,
    as_json: bool = JsonOption,
    chat: str | None = ChatOption,
    conversation: str | None = ConversationOption,
    profile: str | None = ProfileOption,
) -> None:
    """Fit both partners' equations; every estimate with its 95% interval."""
    from bowlby.dynamics.fitting import fit_as_json, fit_couple

    conversations, labels = load_source(turns, chat, conversation, profile)
    result = fit_couple(
        conversations,
        form=form,  # type: ignore[arg-type]
        method=method,  # type: ignore[arg-type]
        influence=influence,  # type: ignore[arg-type]
        bootstrap=bootstrap,
        seed=seed,
    )
    if as_json:
        typer.echo(json.dumps(fit_as_json(result), indent=2, ensure_ascii=False))
        return
    print_fit(result, labels)


@app.command("whatif")
def whatif(
    turns: Path | None = TurnsOption,
    who: str = typer.Option(
        ...,
        "--who",
        help="Whose answer changes: a partner's name (or me / partner for your own records).",
    ),
    change: str = typer.Option(
        ..., "--change", help="name=value, e.g. negative_slope=0.2, repair=0.6, threshold=-2."
    ),
    turns_ahead: int = typer.Option(30, "--turns-ahead", help="How many turns to run forward."),
    start: str | None = typer.Option(
        None, "--start", help="Opening scores 'W,H' (first speaker first); default: as logged."
    ),
    form: str = FormOption,
    method: str = MethodOption,
    influence: str = InfluenceOption,
    seed: int = SeedOption,
    as_json: bool = JsonOption,
    chat: str | None = ChatOption,
    conversation: str | None = ConversationOption,
    profile: str | None = ProfileOption,
) -> None:
    """Run the fitted model and one with a single change from the same start."""
    from bowlby.dynamics.fitting import fit_couple
    from bowlby.dynamics.whatif import apply_change, compare, hardest_opening, parse_change

    conversations, labels = load_source(turns, chat, conversation, profile, coaching=True)
    options: dict[str, Any] = {"form": form, "method": method, "influence": influence}
    result = fit_couple(conversations, bootstrap=0, seed=seed, **options)
    names = (result.first_speaker, result.second_speaker)
    by_label = {label.casefold(): key for key, label in labels.items()}
    changed = apply_change(
        result.model, parse_change(change, by_label.get(who.casefold(), who), names)
    )
    begin = parse_start(start) if start else hardest_opening(conversations, names)
    runs = compare(result.model, changed, begin, turns_ahead)
    if as_json:
        typer.echo(json.dumps(whatif_json(names, who, change, begin, runs), indent=2))
        return
    print_whatif(shown_names(names, labels), runs)


def parse_start(text: str) -> tuple[float, float]:
    parts = text.split(",")
    try:
        first, second = (float(part) for part in parts)
    except ValueError:
        raise InputError(
            "Give the start as two scores, 'W,H', e.g. --start -2,0.", field="start"
        ) from None
    return first, second


def shown_names(names: tuple[str, str], labels: dict[str, str]) -> tuple[str, str]:
    """The partners as the person knows them ("me" reads as their own name)."""
    return labels.get(names[0], names[0]), labels.get(names[1], names[1])


def print_fit(result: CoupleFit, labels: dict[str, str]) -> None:
    from rich.table import Table

    names = shown_names((result.first_speaker, result.second_speaker), labels)
    pairs = result.n_pairs
    console.print(
        f"{escape(names[0])} spoke first; {pairs.first} + {pairs.second} = "
        f"{pairs.total} turn pairs; form {result.form}, method {result.method}, "
        f"influence {result.influence}, scoring {escape(result.scoring_version)}."
    )
    table = Table(title="Estimates (95% bootstrap intervals)")
    for column in ("Partner", "Estimate", "Value", "Interval"):
        table.add_column(column)
    for name, estimates in ((names[0], result.first), (names[1], result.second)):
        for key, estimate in estimates.items():
            table.add_row(escape(name), key.replace("_", " "), *_estimate_cells(estimate))
    console.print(table)
    for influenced in result.steady_states:
        console.print(_state_line(influenced.state, names))
    console.print(escape(result.comparison.why))
    for note in result.notes:
        console.print(escape(note))


def _estimate_cells(estimate: Any) -> tuple[str, str]:
    if not estimate.shown:
        return HIDDEN, escape(estimate.why_hidden or "")
    interval = "" if estimate.low is None else f"{estimate.low:+.2f} to {estimate.high:+.2f}"
    return f"{estimate.value:+.2f}", interval


def _state_line(state: SteadyState, names: tuple[str, str]) -> str:
    return (
        f"Settling point: {escape(names[0])} {state.first:+.2f}, {escape(names[1])} "
        f"{state.second:+.2f} ({STABLE[state.stable]})."
    )


def print_whatif(names: tuple[str, str], runs: WhatIf) -> None:
    from rich.table import Table

    table = Table(title="As fitted and with the change (a sketch of the model, not a forecast)")
    table.add_column("Turn")
    for label in ("as fitted", "with the change"):
        for name in names:
            table.add_column(f"{escape(name)}, {label}")
    for t in range(len(runs.before.first)):
        cells = [
            runs.before.first[t],
            runs.before.second[t],
            runs.after.first[t],
            runs.after.second[t],
        ]
        table.add_row(str(t), *(f"{value:+.2f}" for value in cells))
    console.print(table)
    for label, states in (
        ("As fitted", runs.before_states),
        ("With the change", runs.after_states),
    ):
        console.print(f"{label}:")
        for state in states:
            console.print("  " + _state_line(state, names))


def whatif_json(
    names: tuple[str, str], who: str, change: str, start: tuple[float, float], runs: WhatIf
) -> dict[str, Any]:
    """Keys: first_speaker, second_speaker, who, change, start, before, after (each
    {first, second} score lists), before_steady_states, after_steady_states."""

    def states(found: list[SteadyState]) -> list[dict[str, Any]]:
        return [
            {"first": round(s.first, 6), "second": round(s.second, 6), "stable": s.stable}
            for s in found
        ]

    def run(trajectory: Any) -> dict[str, list[float]]:
        return {
            "first": [round(float(x), 6) for x in trajectory.first],
            "second": [round(float(x), 6) for x in trajectory.second],
        }

    return {
        "first_speaker": names[0],
        "second_speaker": names[1],
        "who": who,
        "change": change,
        "start": list(start),
        "before": run(runs.before),
        "after": run(runs.after),
        "before_steady_states": states(runs.before_states),
        "after_steady_states": states(runs.after_states),
    }
