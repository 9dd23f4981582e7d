"""The thought record's questions, asked one by one with the distortions explained and the
person's success moments offered as evidence against."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from bowlby.cli.context import console
from bowlby.cli.steps import ask_rating, ask_text

if TYPE_CHECKING:
    from bowlby.journal.thought_records import ThoughtRecordView
    from bowlby.models import Keyring
    from bowlby.store.engine import Store


def ask_reframe(
    store: Store,
    keyring: Keyring,
    *,
    situation: str | None,
    thought: str | None,
    belief: int | None,
    distortions: list[str],
    evidence_for: str | None,
    evidence_against: str | None,
    cite: list[str],
    balanced: str | None,
    belief_after: int | None,
    occurred_at: datetime,
    sharing: tuple[bool, bool],
) -> ThoughtRecordView:
    from bowlby.journal.thought_records import ThoughtRecordInput
    from bowlby.services import journal

    interactive = thought is None
    situation = ask_text(situation, "The situation")
    thought = ask_text(thought, "The automatic thought")
    belief = ask_rating(belief, "How much do you believe it (0-100)", 100)
    if interactive and not distortions:
        distortions = _ask_distortions()
    evidence_for = ask_text(evidence_for, "Evidence for the thought", default="")
    if interactive and not cite:
        cite = _offer_successes(store, keyring)
    evidence_against = ask_text(evidence_against, "Evidence against it", default="")
    balanced = ask_text(balanced, "A more balanced thought", default="")
    if interactive and belief_after is None:
        belief_after = ask_rating(
            None, "Now, how much do you believe the first thought (0-100)", 100
        )
    record = ThoughtRecordInput(
        occurred_at=occurred_at,
        situation=situation,
        automatic_thought=thought,
        belief_before=belief,
        distortions=distortions,
        evidence_for=evidence_for,
        evidence_against=evidence_against,
        evidence_success_ids=cite,
        balanced_thought=balanced,
        belief_after=belief_after,
        shared_with_partner=sharing[0],
        shared_with_therapist=sharing[1],
    )
    return journal.record_thought(store, keyring, record)


def _ask_distortions() -> list[str]:
    from bowlby.journal import vocabulary

    choices = vocabulary.distortions()
    console.print("\nThinking traps that may be in the thought:")
    for number, distortion in enumerate(choices, start=1):
        console.print(
            f"  {number:>2}. [bold]{escape(distortion.label)}[/]: {escape(distortion.detail)} "
            f"[dim]{escape(distortion.extra)}[/]"
        )
    picked = typer.prompt("Numbers that fit, separated by spaces (or Enter)", default="")
    return [
        choices[int(n) - 1].id for n in picked.split() if n.isdigit() and 0 < int(n) <= len(choices)
    ]


def _offer_successes(store: Store, keyring: Keyring) -> list[str]:
    from bowlby.services import journal

    moments = journal.list_successes(store, keyring, limit=8)
    if not moments:
        return []
    console.print("\nMoments from your secure-model journal that may count as evidence against:")
    for number, moment in enumerate(moments, start=1):
        console.print(f"  {number}. {moment.occurred_at:%Y-%m-%d} {escape(moment.what_happened)}")
    picked = typer.prompt("Numbers to cite (or Enter)", default="")
    return [
        moments[int(n) - 1].id for n in picked.split() if n.isdigit() and 0 < int(n) <= len(moments)
    ]
