"""bowlby trigger, feel, reframe, success, reflect: the five steps at the terminal.

Every field has a flag, so scripts need no prompts; anything left out is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.journal import parse_when
from bowlby.cli.safety_view import print_risk_note, risk_note

if TYPE_CHECKING:
    from bowlby.journal.vocabulary import Choice

PartnerOption = typer.Option(False, "--share-partner", help="Let your partner read it.")
TherapistOption = typer.Option(False, "--share-therapist", help="Let your therapist read it.")
WhenOption = typer.Option(None, "--when", help="ISO date-time; default now.")


def register(app: typer.Typer) -> None:
    for command in (trigger, feel, reframe, success, reflect):
        app.command(command.__name__)(command)


def ask_text(value: str | None, prompt: str, default: str | None = None) -> str:
    return value if value is not None else str(typer.prompt(prompt, default=default))


def ask_choice(value: str | None, prompt: str, choices: Sequence[Choice]) -> str:
    """A choice given as a flag, or picked from a numbered list."""
    if value is not None:
        return value
    for number, choice in enumerate(choices, start=1):
        console.print(f"  {number:>2}. {escape(choice.label)}")
    return choices[ask_number(prompt, 1, len(choices)) - 1].id


def ask_rating(value: int | None, prompt: str, top: int) -> int:
    return value if value is not None else ask_number(prompt, 0, top)


def ask_number(prompt: str, low: int, high: int) -> int:
    """A whole number from low to high, asked again until it is one."""
    while True:
        number = int(typer.prompt(prompt, type=int))
        if low <= number <= high:
            return number
        console.print(f"Choose a number from {low} to {high}.")


def trigger(
    what: str | None = typer.Option(None, "--what", help="What happened, in a few words."),
    partner: str | None = typer.Option(None, "--partner", help="What they did (an id)."),
    detail: str = typer.Option("", "--detail", help="More about what they did."),
    urge: str | None = typer.Option(None, "--urge", help="The urge it raised (an id)."),
    strength: int | None = typer.Option(None, "--strength", min=0, max=10, help="0 to 10."),
    tag: list[str] = typer.Option([], "--tag", help="A tag (repeat for several)."),
    when: str | None = WhenOption,
    share_partner: bool = PartnerOption,
    share_therapist: bool = TherapistOption,
    profile: str | None = ProfileOption,
) -> None:
    """Step 1: log a trigger the moment it happens (private unless shared)."""
    from bowlby.journal import vocabulary
    from bowlby.journal.triggers import TriggerInput
    from bowlby.services import journal

    log = TriggerInput(
        occurred_at=parse_when(when),
        what_happened=ask_text(what, "What happened"),
        partner_action=ask_choice(
            partner, "What did they do or not do", vocabulary.partner_actions()
        ),
        partner_action_detail=detail,
        urge=ask_choice(urge, "What did you feel like doing", vocabulary.urges()),
        strength=ask_rating(strength, "How strong was the urge (0-10)", 10),
        tags=tag,
        shared_with_partner=share_partner,
        shared_with_therapist=share_therapist,
    )
    with signed_in(profile) as (store, keyring):
        saved = journal.record_trigger(store, keyring, log)
        risk = risk_note(store, keyring, saved.id)
    console.print(
        f"Logged: {escape(saved.partner_action_label)} → urge to {escape(saved.urge_label)} "
        f"({saved.strength}/10). Noticing it is the first step."
    )
    print_risk_note(risk)


def feel(
    family: str | None = typer.Option(None, "--family", help="fear, sadness, anger, shame, …"),
    name: str | None = typer.Option(None, "--name", help="A finer name within the family."),
    intensity: int | None = typer.Option(None, "--intensity", min=0, max=10, help="0 to 10."),
    core_fear: str | None = typer.Option(None, "--core-fear", help="unloved, rejection, …"),
    statement: str | None = typer.Option(None, "--statement", help="Your own words for it."),
    note: str = typer.Option("", "--note"),
    when: str | None = WhenOption,
    share_partner: bool = PartnerOption,
    share_therapist: bool = TherapistOption,
    profile: str | None = ProfileOption,
) -> None:
    """Step 2: name the emotion, how strong it is, and the fear beneath it."""
    from bowlby.journal import vocabulary
    from bowlby.journal.emotions import EmotionInput, suggested_statement
    from bowlby.journal.vocabulary import Choice
    from bowlby.services import journal

    families = vocabulary.emotion_families()
    family = ask_choice(family, "Which family", [Choice(f, f) for f in families])
    name = ask_choice(
        name, "Which word fits best", [Choice(n, n) for n in families.get(family, ())]
    )
    if core_fear is None and statement is None:
        fears = [Choice("", "none of these"), *vocabulary.core_fears()]
        core_fear = ask_choice(None, "Is one of these fears beneath it", fears) or None
    note_input = EmotionInput(
        occurred_at=parse_when(when),
        family=family,
        name=name,
        intensity=ask_rating(intensity, "How strong (0-10)", 10),
        core_fear=core_fear,
        statement=statement if statement is not None else suggested_statement(name, core_fear),
        note=note,
        shared_with_partner=share_partner,
        shared_with_therapist=share_therapist,
    )
    with signed_in(profile) as (store, keyring):
        saved = journal.name_emotion(store, keyring, note_input)
        risk = risk_note(store, keyring, saved.id)
    console.print(f"Named: {escape(saved.statement)}")
    print_risk_note(risk)


def reframe(
    situation: str | None = typer.Option(None, "--situation"),
    thought: str | None = typer.Option(None, "--thought", help="The automatic thought."),
    belief: int | None = typer.Option(None, "--belief", min=0, max=100, help="0 to 100."),
    distortion: list[str] = typer.Option([], "--distortion", help="An id (repeat)."),
    evidence_for: str | None = typer.Option(None, "--for", help="Evidence for the thought."),
    evidence_against: str | None = typer.Option(None, "--against"),
    cite: list[str] = typer.Option([], "--cite", help="A success moment's id as evidence."),
    balanced: str | None = typer.Option(None, "--balanced", help="A balanced thought."),
    belief_after: int | None = typer.Option(None, "--belief-after", min=0, max=100),
    when: str | None = WhenOption,
    share_partner: bool = PartnerOption,
    share_therapist: bool = TherapistOption,
    profile: str | None = ProfileOption,
) -> None:
    """Step 3: challenge the narrative with a thought record; see how far the belief moves."""
    from bowlby.cli.steps_reframe import ask_reframe

    with signed_in(profile) as (store, keyring):
        saved = ask_reframe(
            store,
            keyring,
            situation=situation,
            thought=thought,
            belief=belief,
            distortions=distortion,
            evidence_for=evidence_for,
            evidence_against=evidence_against,
            cite=cite,
            balanced=balanced,
            belief_after=belief_after,
            occurred_at=parse_when(when),
            sharing=(share_partner, share_therapist),
        )
        risk = risk_note(store, keyring, saved.id)
    drop = saved.belief_drop
    moved = (
        ""
        if drop is None
        else f"; the belief moved from {saved.belief_before} to {saved.belief_after}"
    )
    console.print(f"Saved thought record {saved.id[:8]}{moved}.")
    print_risk_note(risk)


def success(
    what: str | None = typer.Option(None, "--what", help="What they did."),
    quality: str | None = typer.Option(None, "--quality", help="reliable, caring, …"),
    when: str | None = WhenOption,
    share_partner: bool = PartnerOption,
    share_therapist: bool = TherapistOption,
    profile: str | None = ProfileOption,
) -> None:
    """Step 4: keep a moment your partner was reliable or caring (the secure model)."""
    from bowlby.journal.successes import QUALITIES, SuccessInput
    from bowlby.journal.vocabulary import Choice
    from bowlby.services import journal

    moment = SuccessInput(
        occurred_at=parse_when(when),
        what_happened=ask_text(what, "What happened"),
        quality=ask_choice(
            quality, "What kind of moment", [Choice(k, v) for k, v in QUALITIES.items()]
        ),
        shared_with_partner=share_partner,
        shared_with_therapist=share_therapist,
    )
    with signed_in(profile) as (store, keyring):
        kept = journal.record_success(store, keyring, moment)
        risk = risk_note(store, keyring, kept.id)
    console.print("Kept. These moments are the evidence your fears leave out.")
    print_risk_note(risk)


def reflect(
    prompt: str | None = typer.Option(None, "--prompt", help="A prompt id (see the list)."),
    answer: str | None = typer.Option(None, "--answer"),
    profile: str | None = ProfileOption,
) -> None:
    """Guided journaling about where the pattern comes from: context, not blame."""
    from datetime import UTC, datetime

    from bowlby.journal import vocabulary
    from bowlby.journal.reflections import ReflectionInput
    from bowlby.services import journal

    if prompt is None:
        console.print(escape(vocabulary.prompts_note()) + "\n")
    prompt = ask_choice(prompt, "Which question", vocabulary.prompts())
    if answer is None:
        console.print(escape(vocabulary.label_of(vocabulary.prompts(), prompt)))
    reflection = ReflectionInput(
        occurred_at=datetime.now(UTC), prompt_id=prompt, answer=ask_text(answer, "Your answer")
    )
    with signed_in(profile) as (store, keyring):
        saved = journal.write_reflection(store, keyring, reflection)
        risk = risk_note(store, keyring, saved.id)
    console.print("Saved, privately.")
    print_risk_note(risk)
