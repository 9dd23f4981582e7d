"""bowlby talk: the guided 'talk about how we talk' conversation at the terminal: `prepare`
prints what you can both look at and the steps; `save` keeps what you agreed; `list`, `show`,
and `followup` to add how it went."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from bowlby.cli.context import ProfileOption, console, signed_in
from bowlby.cli.journal import full_id, parse_when
from bowlby.cli.practice_ratio import checked
from bowlby.cli.safety_view import print_risk_note, risk_note

if TYPE_CHECKING:
    from bowlby.practice.how_we_talk import ChatFigures, CycleSummary, TalkMaterial, TalkView

group = typer.Typer(
    help="Talk about how we talk: `prepare`, then `save`; `list`; `show ID`; `followup ID`.",
    no_args_is_help=True,
)
SAVE_HINT = (
    'Save what you agreed: bowlby talk save --pattern "the chase" --my-change "When …, I will …" '
    '--their-change "When …, I will …"'
)


def register(app: typer.Typer) -> None:
    """Add this tool's commands to the `bowlby` app."""
    app.add_typer(group, name="talk")


@group.command("prepare")
def prepare(profile: str | None = ProfileOption) -> None:
    """Print both positions, your cycles and your chats' figures side by side, and the steps."""
    from bowlby.practice.how_we_talk import wording
    from bowlby.services import how_we_talk as service
    from bowlby.settings import get_settings

    with signed_in(profile) as (store, keyring):
        material = service.prepare(store, keyring, get_settings().zone)
    console.print(f"[bold]{escape(wording('title'))}[/]")
    console.print(escape(wording("lead" if material.partner_name else "alone_lead")))
    for step in material.steps:
        console.print(f"\n[bold]{step.number}. {escape(step.title)}[/]")
        for paragraph in step.body:
            console.print(f"   {escape(paragraph)}")
        for line in material_lines(material, step.id):
            console.print(f"   {escape(line)}")
        if step.link:
            console.print(f"   [dim]{escape(step.link.label)}: {escape(step.link.href)}[/]")
    console.print(f"\n{escape(SAVE_HINT)}")


def material_lines(material: TalkMaterial, step_id: str) -> list[str]:
    """What a step shows of the couple's own material, as plain lines."""
    from bowlby.web import practice_talk_messages as say

    if step_id == "positions":
        return [
            f"• {p.name}: anxiety {p.anxiety:.2f}, avoidance {p.avoidance:.2f} (1 to 7), in the "
            f"area often called {p.region_label}"
            if p.shown
            else f"• {p.name}: {p.missing}"
            for p in material.positions
        ]
    if step_id == "cycle":
        return [line for c in material.cycles for line in cycle_lines(c)] or [say.CYCLES_NONE]
    if step_id == "chats":
        return [line for c in material.chats for line in chat_lines(c)] or [say.CHATS_NONE]
    return []


def cycle_lines(cycle: CycleSummary) -> list[str]:
    from bowlby.web import practice_talk_messages as say

    lines = [f"• {cycle.name}"]
    for lane in cycle.lanes:
        if not lane.filled:
            lines.append(f"    {lane.legend}")
            continue
        lines.append(f"    {lane.legend}: {say.MOVE.lower()}: {lane.move or '…'}; "
                     f"{say.FEAR.lower()}: {lane.fear or '…'}")  # fmt: skip
    return lines


def chat_lines(chat: ChatFigures) -> list[str]:
    from bowlby.web import practice_talk_messages as say

    lines = [f"• {chat.name} ({say.ONLY_YOU})"]
    lines += [f"    {say.PURSUED.format(**p.model_dump())}" for p in chat.pursuit]
    if chat.tense_share is not None:
        share = f"{chat.tense_share:.0%}"
        lines.append(f"    {say.TENSE_SHARE.format(share=share, messages=chat.messages)}")
    ratio = say.RATIO.format(ratio=chat.ratio) if chat.ratio is not None else say.RATIO_NONE
    repair = (say.REPAIR.format(duration=chat.median_repair) if chat.median_repair
              else say.REPAIR_NONE)  # fmt: skip
    return [*lines, f"    {ratio}", f"    {repair}"]


@group.command("save")
def save(
    pattern: str = typer.Option(..., "--pattern", help="A name for the pattern (encrypted)."),
    my_change: str = typer.Option(..., "--my-change", help="When … happens, I will …"),
    their_change: str = typer.Option("", "--their-change", help="Your partner's change."),
    appreciation: str = typer.Option("", "--appreciation", help="One appreciation (optional)."),
    notes: str = typer.Option("", "--notes", help="Anything else to remember (optional)."),
    cycle: str | None = typer.Option(None, "--cycle", help="The cycle talked about (its id)."),
    step: list[str] = typer.Option(
        [], "--step", help="A step talked through (repeat): before, positions, cycle, chats."
    ),
    private: bool = typer.Option(False, "--private", help="Do not share it with your partner."),
    share_therapist: bool = typer.Option(
        False, "--share-therapist", help="Let your therapist read it."
    ),
    when: str | None = typer.Option(None, "--when", help="ISO date-time; default now."),
    profile: str | None = ProfileOption,
) -> None:
    """Save the conversation as one entry, shared with your linked partner unless --private."""
    from bowlby.practice.how_we_talk import TalkInput
    from bowlby.services import how_we_talk as service
    from bowlby.web import practice_talk_messages as say

    data: dict[str, object] = {
        "occurred_at": parse_when(when),
        "pattern": pattern,
        "my_change": my_change,
        "their_change": their_change,
        "appreciation": appreciation,
        "notes": notes,
        "steps_done": step,
        "shared_with_partner": not private,
        "shared_with_therapist": share_therapist,
    }
    with signed_in(profile) as (store, keyring):
        data["cycle_id"] = full_id(store, keyring, cycle) if cycle else None
        sitting = service.save_talk(store, keyring, checked(TalkInput, data))
        risk = risk_note(store, keyring, sitting.id)
    short = sitting.id[:8]
    console.print(escape(say.CLI_SAVED.format(
        id=short, pattern=sitting.pattern, visibility=seen_by(sitting))))  # fmt: skip
    console.print(escape(say.CLI_FOLLOW_UP.format(id=short)))
    print_risk_note(risk)


def seen_by(sitting: TalkView) -> str:
    from bowlby import models
    from bowlby.web import practice_talk_messages as say

    audience = models.audience(sitting.shared_with_partner, sitting.shared_with_therapist)
    return say.SHARED.format(audience=audience) if audience else say.ONLY_YOU


@group.command("list")
def list_talks(profile: str | None = ProfileOption) -> None:
    """Your conversations and the ones your partner shared with you, newest first."""
    from rich.table import Table

    from bowlby.services import how_we_talk as service
    from bowlby.settings import get_settings
    from bowlby.web import practice_talk_messages as say

    zone = get_settings().zone
    with signed_in(profile) as (store, keyring):
        talks = service.list_talks(store, keyring)
        me = keyring.profile_id
    if not talks:
        console.print(say.LIST_NONE)
        return
    table = Table(title=say.LIST_TITLE)
    for column in ("Id", "When", "The two of us against", "Whose", "How it went"):
        table.add_column(column)
    for t in talks:
        whose = seen_by(t) if t.owner_id == me else f"from {t.owner_name}"
        when = t.occurred_at.astimezone(zone).strftime("%Y-%m-%d")
        table.add_row(t.id[:8], when, escape(t.pattern), escape(whose), t.went_label or "")
    console.print(table)


@group.command("show")
def show(
    talk_id: str = typer.Argument(..., metavar="ID", help="The conversation's id (as listed)."),
    profile: str | None = ProfileOption,
) -> None:
    """One conversation: the pattern's name, both changes, and how it went."""
    from bowlby.services import how_we_talk as service
    from bowlby.settings import get_settings
    from bowlby.web import practice_talk_messages as say

    with signed_in(profile) as (store, keyring):
        t = service.read_talk(store, keyring, full_id(store, keyring, talk_id))
    when = t.occurred_at.astimezone(get_settings().zone).strftime("%Y-%m-%d %H:%M")
    console.print(f"[bold]{escape(t.common_enemy)}[/]")
    console.print(escape(f"{when} · {t.owner_name}"))
    for who, change in t.changes():
        if change:
            console.print(escape(f"{who}: {change}"))
    for label, text in (("Appreciated", t.appreciation), ("To remember", t.notes)):
        if text:
            console.print(escape(f"{label}: {text}"))
    console.print(say.STEPS_DONE.format(done=len(t.steps_done), total=t.steps_total))
    if t.went_label:
        note = f" — {t.follow_up_note}" if t.follow_up_note else ""
        console.print(escape(f"{say.FOLLOW_UP_TITLE} {t.went_label}{note}"))


@group.command("followup")
def followup(
    talk_id: str = typer.Argument(..., metavar="ID", help="The conversation's id (as listed)."),
    went: str = typer.Option(..., "--went", help="better, mixed or not_yet."),
    note: str = typer.Option("", "--note", help="A few words (encrypted)."),
    profile: str | None = ProfileOption,
) -> None:
    """Add how it went to one of your own conversations; the first version is kept."""
    from bowlby.practice.how_we_talk import FollowUpInput
    from bowlby.services import how_we_talk as service
    from bowlby.web import practice_talk_messages as say

    later = checked(FollowUpInput, {"went": went, "note": note})
    with signed_in(profile) as (store, keyring):
        done = service.follow_up(store, keyring, full_id(store, keyring, talk_id), later)
        risk = risk_note(store, keyring, done.id) if note else None
    console.print(escape(say.CLI_FOLLOW_UP_SAVED.format(went=done.went_label)))
    print_risk_note(risk)
