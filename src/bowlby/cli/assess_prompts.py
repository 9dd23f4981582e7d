"""Answering a questionnaire at the terminal: instructions first, one item at a time, saved
in small batches so that an interrupted sitting can be continued later."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape
from rich.prompt import Prompt

from bowlby.cli.context import console

if TYPE_CHECKING:
    from bowlby.assess.instruments import Instrument
    from bowlby.models import Keyring
    from bowlby.services.assessments import Assessment
    from bowlby.store.engine import Store

SAVE_EVERY = 6


def ask_answers(store: Store, keyring: Keyring, sitting: Assessment) -> None:
    from bowlby.assess.instruments import get_instrument, instructions_for

    instrument = get_instrument(sitting.instrument_id)
    instructions = instructions_for(instrument)
    console.print(f"\n[bold]{instrument.name}[/]\n\n{escape(instructions.text)}")
    if instructions.note:
        console.print(f"[dim]{escape(instructions.note)}[/]")
    low, high = instrument.scale.min, instrument.scale.max
    anchors = instrument.scale.anchors
    console.print(
        f"\nAnswer {low} ({anchors.get(low, '')}) to {high} ({anchors.get(high, '')}); "
        "press Enter to skip an item. Your answers are saved as you go.\n"
    )
    for target in sitting.targets or (None,):
        _ask_block(store, keyring, sitting, instrument, target)


def _ask_block(
    store: Store, keyring: Keyring, sitting: Assessment, instrument: Instrument, target: str | None
) -> None:
    from bowlby.services import assessments

    if target is not None:
        console.print(f"\n[bold]About your {target}[/]")
    prefix = f"{target}:" if target else ""
    pending: dict[str, int | None] = {}
    choices = [str(n) for n in range(instrument.scale.min, instrument.scale.max + 1)]
    try:
        for number, item in enumerate(instrument.items, start=1):
            key = prefix + item.id
            if key in sitting.answers:
                continue
            pending[key] = _ask_item(number, len(instrument.items), item.text or "", choices)
            if len(pending) >= SAVE_EVERY:
                assessments.save_answers(store, keyring, sitting.id, pending)
                pending = {}
    finally:
        # Interrupted or not, what was answered is kept for `bowlby assess take` to continue.
        if pending:
            assessments.save_answers(store, keyring, sitting.id, pending)


def _ask_item(number: int, total: int, text: str, choices: list[str]) -> int | None:
    answer = Prompt.ask(
        f"{number}/{total}  {escape(text)}",
        choices=[*choices, ""],
        show_choices=False,
        show_default=False,
        default="",
        console=console,
    )
    return int(answer) if answer else None
